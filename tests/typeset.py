"""Typeset a gazette manuscript in layouts the extractor has never seen.

The extractor is tuned on one issue in the gazette's own layout; to keep it honest we
re-typeset the ground-truth manuscript (``tests/data/*.manuscript.json``) with reportlab in
other page sizes, column counts, fonts, running headers and folios, and check that the
extractor still recovers the items. The rules follow GB/T 9704 and the printed gazette:
each government document starts a page with a full-width title block, the attached measure
runs in columns, tables are ruled with merged cells, briefs run on one after another.

Pipeline, read top to bottom in :func:`typeset`::

    load faces  ->  compose pages (cover, 目录, items as boxes placed in columns)
                ->  render to PDF  ->  write the layout truth alongside

Coordinates are reportlab's: points, origin at the bottom-left of the page.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Literal

from reportlab.lib.pagesizes import A4, B5, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

CID_FONT = "STSong-Light"  # built into reportlab: no font file, a CID-keyed producer
SYSTEM_FONT = "system"  # first embeddable TrueType CJK font fontconfig knows, else CID_FONT

# Characters STSong-Light has no glyph for (it draws and extracts nothing): '·' in the folio
# '·  7  ·' and in 中国·瓯海. A standard PDF font draws them instead.
CID_GAPS = frozenset("·")
GAP_FONT = "Times-Roman"
# Sections whose items follow each other on the same page (the printed issue runs briefs on).
RUN_ON_SECTIONS = frozenset({"政务简讯"})
# Sections printed without running header or folio, like the printed back cover.
BACK_SECTIONS = frozenset({"封底"})

HeaderPosition = Literal["alternate", "centre", "none"]
FolioPosition = Literal["centre", "outer"]


# --------------------------------------------------------------------------- style


@dataclass(frozen=True)
class LayoutStyle:
    """How to typeset an issue.

    ``margins`` are (top, right, bottom, left) in points. Font specs are ``CID_FONT``,
    ``SYSTEM_FONT`` or a path to a TrueType .ttf/.ttc; ``latin_font`` (a standard PDF
    font such as ``Times-Roman``) draws ASCII, as GB/T 9704 documents set digits in Times.
    ``fake_bold`` is the offset in points at which titles are drawn a second time; 0 draws
    them once, in ``title_font``. ``header_text`` and ``folio`` are format strings over the
    issue fields (``{title}``, ``{serial}``…) and the page number ``{n}``.
    """

    name: str = "custom"
    page_size: tuple[float, float] = A4
    margins: tuple[float, float, float, float] = (25 * mm, 20 * mm, 22 * mm, 20 * mm)
    columns: int = 2
    column_gap: float = 6 * mm
    body_size: float = 10.5
    leading: float = 1.6
    body_font: str = CID_FONT
    title_font: str = CID_FONT
    latin_font: str | None = None
    fake_bold: float = 0.3
    header_text: str = "{title}（总第{serial}期）"
    header_position: HeaderPosition = "alternate"
    header_odd_only: bool = False
    folio: str = "·  {n}  ·"
    folio_position: FolioPosition = "centre"
    toc: bool = True
    cover: bool = True

    def __post_init__(self) -> None:
        if self.columns not in (1, 2):
            raise ValueError(f"Invalid columns: {self.columns!r} (use 1 or 2)")
        if self.header_position not in ("alternate", "centre", "none"):
            raise ValueError(f"Invalid header_position: {self.header_position!r}")
        if self.folio_position not in ("centre", "outer"):
            raise ValueError(f"Invalid folio_position: {self.folio_position!r}")
        if not 6 <= self.body_size <= 24:
            raise ValueError(f"Invalid body_size: {self.body_size!r} (6–24 pt)")
        if self.fake_bold < 0 or self.leading < 1:
            raise ValueError(f"Invalid fake_bold/leading: {self.fake_bold!r}/{self.leading!r}")
        top, right, bottom, left = self.margins
        width, height = self.page_size
        if min(self.margins) < 0 or left + right > width / 2 or top + bottom > height / 2:
            raise ValueError(f"Invalid margins: {self.margins!r} for page {self.page_size!r}")
        if "{n}" not in self.folio:
            raise ValueError(f"Invalid folio: {self.folio!r} (needs {{n}})")

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The type area as (x0, bottom, x1, top)."""
        top, right, bottom, left = self.margins
        width, height = self.page_size
        return left, bottom, width - right, height - top


STYLES: dict[str, LayoutStyle] = {
    style.name: style
    for style in (
        # Close to the printed issue: A4, two columns, fake-bold titles, alternating headers.
        LayoutStyle(name="gazette_a4"),
        LayoutStyle(
            name="single_column_b5",
            page_size=B5,
            margins=(22 * mm, 18 * mm, 20 * mm, 18 * mm),
            columns=1,
            body_size=12,
            leading=1.55,
            header_position="centre",
            folio="- {n} -",
        ),
        LayoutStyle(
            name="letter_no_toc",
            page_size=LETTER,
            margins=(0.9 * 72, 0.75 * 72, 0.8 * 72, 0.75 * 72),
            columns=2,
            body_size=10.5,
            body_font=SYSTEM_FONT,
            title_font=SYSTEM_FONT,
            folio="第{n}页",
            folio_position="outer",
            toc=False,
            cover=False,
        ),
        # GB/T 9704: 37/35 mm top/bottom, 28/26 mm left/right, 三号 16 pt, 22 lines a page.
        LayoutStyle(
            name="a4_large_type",
            margins=(37 * mm, 26 * mm, 35 * mm, 28 * mm),
            columns=1,
            body_size=16,
            leading=1.78,
            title_font=SYSTEM_FONT,
            latin_font="Times-Roman",
            fake_bold=0,
            header_odd_only=True,
            folio="— {n} —",
            folio_position="outer",
        ),
    )
}


# --------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class Face:
    """A CJK font, the Latin font for ASCII, and STSong-Light for glyphs the font lacks."""

    name: str
    glyphs: frozenset[int] | None  # None: the CID font, which covers the whole manuscript
    latin: str | None = None

    def font_for(self, char: str) -> str:
        """The registered font name that draws ``char``."""
        if self.latin and char.isascii():
            return self.latin
        if self.glyphs is not None and ord(char) in self.glyphs:
            return self.name
        return GAP_FONT if char in CID_GAPS else CID_FONT

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` cut into (font, chars) runs of one font each."""
        runs: list[tuple[str, str]] = []
        for char in text:
            font = self.font_for(char)
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` at ``size``, without character spacing."""
        return size * sum(_char_width(self.font_for(c), c) for c in text)


@lru_cache(maxsize=None)
def _char_width(font: str, char: str) -> float:
    return pdfmetrics.stringWidth(char, font, 1.0)


def system_cjk_fonts() -> list[str]:
    """Font files fontconfig lists for Chinese, TrueType first (reportlab embeds no CFF)."""
    try:
        listing = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
        ).stdout
    except FileNotFoundError:
        return []
    paths = sorted({line.split(":")[0].strip() for line in listing.splitlines() if line})
    return sorted(paths, key=lambda p: not p.lower().endswith((".ttf", ".ttc")))


@lru_cache(maxsize=None)
def load_face(spec: str, latin: str | None) -> Face:
    """Register the font ``spec`` names; fall back to STSong-Light when none loads."""
    _register_cid_font()
    candidates = system_cjk_fonts() if spec == SYSTEM_FONT else [] if spec == CID_FONT else [spec]
    for path in candidates:
        face = _load_truetype(path, latin)
        if face:
            return face
    return Face(CID_FONT, None, latin)


def _register_cid_font() -> None:
    if CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))


def _load_truetype(path: str, latin: str | None) -> Face | None:
    name = "CJK-" + Path(path).stem
    try:
        font = pdfmetrics.getFont(name) if name in pdfmetrics.getRegisteredFontNames() else None
        if font is None:
            font = TTFont(name, path, subfontIndex=0)
            pdfmetrics.registerFont(font)
    except (TTFError, OSError):  # CFF outlines (Noto CJK OTC) or an unreadable file
        return None
    return Face(name, frozenset(font.face.charToGlyph), latin)


# --------------------------------------------------------------------------- line breaking

# A run that must stay on one line: 2023, 3.6%, R&D, 0577-86509705, ZJCC01–2023–0007.
_LATIN_RUN = r"[A-Za-z0-9#&@]+(?:[.\-–/:+_~][A-Za-z0-9#&@]+)*%?"
_TOKEN = re.compile(rf"{_LATIN_RUN}|——|……|\s+|.", re.S)
# Closing marks never start a line; opening marks never end one (GB/T 15834 禁则).
NO_BREAK_BEFORE = frozenset("，。、；：！？）》」』〕〉】”’,.;:!?)]}%…·")
NO_BREAK_AFTER = frozenset("（《「『〔〈【“‘([{")


def break_units(text: str) -> list[str]:
    """``text`` cut into the pieces a line may break between."""
    units: list[str] = []
    for token in _TOKEN.findall(text):
        glue_back = token[0] in NO_BREAK_BEFORE or (units and units[-1][-1] in NO_BREAK_AFTER)
        if units and glue_back and not units[-1].isspace() and not token.isspace():
            units[-1] += token
        else:
            units.append(token)
    return units


def wrap(text: str, face: Face, size: float, width: float, first_width: float) -> list[str]:
    """Greedy CJK line breaking: between units, inside a unit only if it is wider than a line."""
    lines: list[str] = []
    line, used, limit = "", 0.0, first_width
    for unit in break_units(text):
        unit_width = face.width(unit, size)
        if line and used + unit_width > limit + 0.01:
            lines.append(line.rstrip())
            line, used, limit = "", 0.0, width
        if unit.isspace() and not line:
            continue
        if unit_width > limit:
            for char in unit:
                char_width = face.width(char, size)
                if line and used + char_width > limit + 0.01:
                    lines.append(line)
                    line, used, limit = "", 0.0, width
                line, used = line + char, used + char_width
            continue
        line, used = line + unit, used + unit_width
    if line.strip():
        lines.append(line.rstrip())
    return lines


# --------------------------------------------------------------------------- boxes

Draw = Callable[[Canvas, float, float, float], None]  # canvas, x, top, width


@dataclass
class Box:
    """Something of fixed height placed in a column; ``draw`` None is glue."""

    height: float
    draw: Draw | None = None
    keep_with_next: bool = False
    repeat: Box | None = None  # a table's header, drawn again atop a continuation column
    item: int | None = None


@dataclass(frozen=True)
class TextStyle:
    """A face at a size; ``bold`` is the fake-bold offset (0: drawn once)."""

    face: Face
    size: float
    leading: float
    bold: float = 0.0

    def width(self, text: str) -> float:
        """Advance width of ``text`` in this style."""
        return self.face.width(text, self.size)


def draw_text(canvas: Canvas, ts: TextStyle, x: float, baseline: float, text: str,
              char_space: float = 0.0) -> None:
    """Draw one line, run by run; a fake-bold line is drawn again ``ts.bold`` to the right."""
    for dx in (0.0, ts.bold) if ts.bold else (0.0,):
        obj = canvas.beginText(x + dx, baseline)
        obj.setCharSpace(char_space)
        for font, chars in ts.face.runs(text):
            obj.setFont(font, ts.size)
            obj.textOut(chars)
        canvas.drawText(obj)


def line_box(text: str, ts: TextStyle, align: str = "left", indent: float = 0.0,
             justify: bool = False) -> Box:
    """One line of text; ``indent`` is from the left (or, aligned right, from the right)."""
    natural = ts.width(text)

    def draw(canvas: Canvas, x: float, top: float, width: float) -> None:
        baseline = top - (ts.leading - ts.size) / 2 - ts.size * 0.86
        room = width - indent - natural
        char_space = 0.0
        if justify and len(text) > 1 and 0 < room < ts.size * 0.5 * (len(text) - 1):
            char_space = room / (len(text) - 1)
        offset = {"left": indent, "right": room, "centre": indent + room / 2}[align]
        draw_text(canvas, ts, x + offset, baseline, text, char_space)

    return Box(ts.leading, draw)


def _kept(boxes: list[Box]) -> list[Box]:
    """Mark ``boxes`` (a title, a heading) to stay with what follows them."""
    for box in boxes:
        box.keep_with_next = True
    return boxes


def glue(height: float) -> Box:
    """Vertical space, dropped at the top of a column."""
    return Box(height)


# --------------------------------------------------------------------------- composing


@dataclass
class PageRecord:
    """One page: its kind (cover, toc, body, back), section and deferred drawing."""

    kind: str
    section: str | None
    ops: list[Callable[[Canvas], None]] = field(default_factory=list)


class Composer:
    """Places boxes on pages, full width or in balanced columns, and keeps item spans."""

    def __init__(self, style: LayoutStyle) -> None:
        self.style = style
        self.pages: list[PageRecord] = []
        self.spans: dict[int, list[int]] = {}
        self.top = 0.0

    def column_width(self, columns: int) -> float:
        """Width of one of ``columns`` columns across the type area."""
        x0, _, x1, _ = self.style.frame
        return (x1 - x0 - (columns - 1) * self.style.column_gap) / columns

    def new_page(self, kind: str, section: str | None) -> None:
        """Start a page of ``kind``; ``section`` names it in the running header."""
        self.pages.append(PageRecord(kind, section))
        self.top = self.style.frame[3]

    def ensure_room(self, height: float) -> None:
        """Start a new page unless ``height`` fits below what is placed."""
        if self.top - self.style.frame[1] < height and not self._page_is_fresh():
            page = self.pages[-1]
            self.new_page(page.kind, page.section)

    def place(self, boxes: list[Box], columns: int) -> None:
        """Place ``boxes`` in ``columns``, filling pages, balancing the last one."""
        rest = boxes
        while rest:
            avail = self.top - self.style.frame[1]
            cols, left_over = _fill(rest, columns, avail, force=self._page_is_fresh())
            if not left_over:
                cols, lost = _fill(rest, columns, _balanced_height(rest, columns, avail), True)
                if lost:
                    raise RuntimeError(f"balancing lost {len(lost)} boxes on page {len(self.pages)}")
                self._emit(cols, columns)
                self.top -= max(_column_height(col) for col in cols)
                return
            if any(cols):
                self._emit(cols, columns)
            page = self.pages[-1]
            self.new_page(page.kind, page.section)
            rest = left_over

    def _page_is_fresh(self) -> bool:
        return not self.pages[-1].ops or self.top >= self.style.frame[3]

    def _emit(self, cols: list[list[Box]], columns: int) -> None:
        width = self.column_width(columns)
        page_no = len(self.pages)
        for k, col in enumerate(cols):
            x = self.style.frame[0] + k * (width + self.style.column_gap)
            y = self.top
            for box in col:
                if box.draw:
                    self.pages[-1].ops.append(_bind(box.draw, x, y, width))
                if box.item is not None:
                    span = self.spans.setdefault(box.item, [page_no, page_no])
                    span[1] = page_no
                y -= box.height


def _bind(draw: Draw, x: float, top: float, width: float) -> Callable[[Canvas], None]:
    return lambda canvas: draw(canvas, x, top, width)


def _take_column(boxes: list[Box], height: float, force: bool) -> tuple[list[Box], list[Box]]:
    """Boxes for one column of ``height``; keep-with-next chains move as a group.

    ``force`` takes the first box even when it does not fit: on an empty page waiting
    for more room would loop forever.
    """
    i = 0
    while i < len(boxes) and boxes[i].draw is None:
        i += 1
    col = [boxes[i].repeat] if i < len(boxes) and boxes[i].repeat else []
    used = sum(b.height for b in col)
    while i < len(boxes):
        end = i
        while boxes[end].keep_with_next and end + 1 < len(boxes):
            end += 1
        group = boxes[i:end + 1]
        if used + sum(b.height for b in group) > height + 0.01:
            if not force or any(b.draw for b in col):
                break
            group, end = boxes[i:i + 1], i
        col += group
        used += sum(b.height for b in group)
        i = end + 1
        force = False
    if not any(b.draw for b in col):
        return [], boxes
    return col, boxes[i:]


def _fill(boxes: list[Box], columns: int, height: float,
          force: bool) -> tuple[list[list[Box]], list[Box]]:
    cols = []
    rest = boxes
    for _ in range(columns):
        col, rest = _take_column(rest, height, force and not any(cols))
        cols.append(col)
    return cols, rest


def _balanced_height(boxes: list[Box], columns: int, avail: float) -> float:
    """The least column height that still holds all ``boxes``, found by bisection."""
    low, high = 0.0, avail
    for _ in range(24):
        mid = (low + high) / 2
        _, rest = _fill(boxes, columns, mid, force=False)
        low, high = (low, mid) if not rest else (mid, high)
    return high


def _column_height(col: list[Box]) -> float:
    while col and col[-1].draw is None:
        col = col[:-1]
    return sum(b.height for b in col)


# --------------------------------------------------------------------------- blocks to boxes


class Builder:
    """Turns manuscript blocks into boxes for a column of a given width."""

    def __init__(self, style: LayoutStyle, body: Face, title: Face) -> None:
        s = style.body_size
        bold = style.fake_bold
        self.style = style
        self.body = TextStyle(body, s, s * style.leading)
        self.small = TextStyle(body, max(s * 0.85, 8.0), max(s * 0.85, 8.0) * 1.45)
        self.small_bold = TextStyle(title, self.small.size, self.small.leading, bold)
        self.strong = TextStyle(title, s, s * style.leading, bold)
        self.brief_title = TextStyle(title, s * 1.2, s * 1.2 * 1.5, bold)
        self.measure_title = TextStyle(title, s * 1.4, s * 1.4 * 1.45, bold)
        self.doc_title = TextStyle(title, s * 1.65, s * 1.65 * 1.4, bold)
        self.header = TextStyle(body, max(s * 0.8, 8.0), max(s * 0.8, 8.0) * 1.3)

    def paragraph(self, text: str, width: float, ts: TextStyle | None = None,
                  indent_chars: float = 2) -> list[Box]:
        """A justified paragraph with a first-line indent of ``indent_chars`` characters."""
        ts = ts or self.body
        indent = ts.size * indent_chars
        lines = wrap(text, ts.face, ts.size, width, width - indent)
        return [line_box(line, ts, indent=indent if i == 0 else 0, justify=i < len(lines) - 1)
                for i, line in enumerate(lines)]

    def aligned(self, text: str, width: float, ts: TextStyle, align: str,
                indent: float = 0.0) -> list[Box]:
        """Lines aligned left, right or centre, wrapped within ``width`` less ``indent``."""
        lines = wrap(text, ts.face, ts.size, width - indent, width - indent)
        return [line_box(line, ts, align, indent) for line in lines]

    def title(self, text: str, width: float, ts: TextStyle) -> list[Box]:
        """A centred title in lines of even length, so that no line holds a lone 知."""
        lines = wrap(text, ts.face, ts.size, width, width)
        low, high = width / 2, width
        for _ in range(16):
            mid = (low + high) / 2
            fits = len(wrap(text, ts.face, ts.size, mid, mid)) == len(lines)
            low, high = (low, mid) if fits else (mid, high)
        lines = wrap(text, ts.face, ts.size, high, high)
        return _kept([line_box(line, ts, "centre") for line in lines])

    def block(self, block: dict, width: float) -> list[Box]:
        """Boxes for one manuscript block."""
        kind = block["kind"]
        if kind == "heading":
            return self.heading(block["level"], block["text"], width)
        if kind == "table":
            return self.table(block, width)
        if kind == "caption":
            return self.photo(block["text"], block.get("credit"), width)
        if kind == "addressee":
            return self.paragraph(block["text"], width, indent_chars=0)
        if kind == "signature":
            return self.aligned(block["text"], width, self.body, "right", self.body.size * 2)
        if block.get("align") in ("right", "center", "centre"):
            align = "centre" if block["align"] != "right" else "right"
            return self.aligned(block["text"], width, self.body, align)
        return self.paragraph(block["text"], width)

    def heading(self, level: int, text: str, width: float) -> list[Box]:
        """Level 1 is the attached measure's centred title; 2 and 3 sit on the indent, bold."""
        if level == 1:
            boxes = self.title(text, width, self.measure_title)
            return [glue(self.body.leading * 0.6), *boxes, glue(self.body.leading * 0.4)]
        boxes = _kept(self.paragraph(text, width, self.strong))
        return [glue(self.body.leading * 0.25), *boxes] if level == 2 else boxes

    def photo(self, text: str, credit: str | None, width: float) -> list[Box]:
        """A grey placeholder for the photo, its caption and the credit on the next line."""
        height = min(width * 0.5, (self.style.frame[3] - self.style.frame[1]) * 0.3)

        def draw(canvas: Canvas, x: float, top: float, w: float) -> None:
            canvas.setFillGray(0.82)
            canvas.rect(x, top - height + 3, w, height - 6, stroke=0, fill=1)
            canvas.setFillGray(0)

        boxes = [Box(height, draw, keep_with_next=True)]
        boxes += self.aligned(text, width, self.small, "centre")
        if credit:
            boxes += self.aligned(credit, width, self.small, "centre")
        return [*boxes, glue(self.body.leading * 0.6)]

    def table(self, block: dict, width: float) -> list[Box]:
        """A ruled table: caption above, header rows repeated on continuation columns."""
        return TableBuilder(self, block, width).boxes()


class TableBuilder:
    """Lays out one table: column widths, wrapped cells, merged cells as one rectangle."""

    PAD = 3.0

    def __init__(self, builder: Builder, block: dict, width: float) -> None:
        self.b = builder
        self.rows: list[list[str]] = block["rows"]
        self.header_rows: int = block.get("header_rows", 0)
        self.caption: str = block.get("text") or ""
        self.width = width
        self.ncols = max(len(r) for r in self.rows)
        self.spans = {(s["row"], s["col"]): s["rowspan"] for s in block.get("rowspans") or []}
        self.covered = {(r + k, c) for (r, c), n in self.spans.items() for k in range(1, n)}
        self.col_widths = self._column_widths()
        self.lines = {(r, c): self._cell_lines(r, c)
                      for r in range(len(self.rows)) for c in range(self.ncols)
                      if (r, c) not in self.covered}
        self.row_heights = self._row_heights()

    def _text(self, r: int, c: int) -> str:
        row = self.rows[r]
        return row[c] if c < len(row) else ""

    def _ts(self, r: int) -> TextStyle:
        return self.b.small_bold if r < self.header_rows else self.b.small

    def _column_widths(self) -> list[float]:
        ts = self.b.small
        natural = [max(ts.width(self._text(r, c)) for r in range(len(self.rows))) + 2 * self.PAD
                   for c in range(self.ncols)]
        desired = [min(n, self.width * 0.6) for n in natural]
        floor = [min(n, ts.size * 4 + 2 * self.PAD) for n in natural]
        if sum(desired) <= self.width:
            return [d * self.width / sum(desired) for d in desired]
        spare = self.width - sum(floor)
        stretch = sum(d - f for d, f in zip(desired, floor)) or 1.0
        return [f + spare * (d - f) / stretch for d, f in zip(desired, floor)]

    def _cell_lines(self, r: int, c: int) -> list[str]:
        inner = self.col_widths[c] - 2 * self.PAD
        ts = self._ts(r)
        return wrap(self._text(r, c), ts.face, ts.size, inner, inner) or [""]

    def _row_heights(self) -> list[float]:
        lead = self.b.small.leading
        heights = [0.0] * len(self.rows)
        for (r, c), lines in self.lines.items():
            if (r, c) not in self.spans:
                heights[r] = max(heights[r], len(lines) * lead + 2 * self.PAD)
        for (r, c), n in self.spans.items():
            need = len(self.lines[(r, c)]) * lead + 2 * self.PAD
            short = need - sum(heights[r:r + n])
            if short > 0:  # a merged cell taller than its rows: the last row grows
                heights[r + n - 1] += short
        return heights

    def _groups(self) -> list[range]:
        """Row ranges that must stay together: the header rows, then rows joined by merges."""
        groups: list[range] = []
        start = 0
        while start < len(self.rows):
            end = max(self.header_rows, 1) if start == 0 else start + 1
            grown = True
            while grown:
                grown = False
                for (r, _), n in self.spans.items():
                    if start <= r < end < r + n:
                        end, grown = r + n, True
            groups.append(range(start, end))
            start = end
        return groups

    def boxes(self) -> list[Box]:
        """The caption lines, then one box per row group, with glue around the table."""
        out: list[Box] = [glue(self.b.body.leading * 0.3)]
        if self.caption:
            out += _kept(self.b.aligned(self.caption, self.width, self.b.strong, "centre"))
        header = None
        for group in self._groups():
            box = self._group_box(group)
            if self.header_rows and group.start == 0:
                header = box
                box.keep_with_next = True
            else:
                box.repeat = header
            out.append(box)
        return [*out, glue(self.b.body.leading * 0.3)]

    def _group_box(self, group: range) -> Box:
        height = sum(self.row_heights[r] for r in group)

        def draw(canvas: Canvas, x: float, top: float, width: float) -> None:
            canvas.setLineWidth(0.6)
            y = top
            for r in group:
                cx = x
                for c in range(self.ncols):
                    if (r, c) not in self.covered:
                        self._draw_cell(canvas, r, c, cx, y)
                    cx += self.col_widths[c]
                y -= self.row_heights[r]

        return Box(height, draw)

    def _draw_cell(self, canvas: Canvas, r: int, c: int, x: float, top: float) -> None:
        n = self.spans.get((r, c), 1)
        height = sum(self.row_heights[r:r + n])
        width = self.col_widths[c]
        canvas.rect(x, top - height, width, height, stroke=1, fill=0)
        lines = self.lines[(r, c)]
        ts = self._ts(r)
        lead = self.b.small.leading
        y = top - (height - len(lines) * lead) / 2
        centre = r < self.header_rows or len(lines) == 1 and ts.width(lines[0]) < width * 0.7
        for line in lines:
            box = line_box(line, ts, "centre" if centre else "left")
            box.draw(canvas, x + self.PAD, y, width - 2 * self.PAD)
            y -= lead


# --------------------------------------------------------------------------- items


def segments(item: dict) -> list[tuple[bool, list[dict]]]:
    """Runs of blocks as (full_width, blocks): tables and measure titles span the page.

    A document's cover notice (blocks before the attached measure) is full width, the
    measure in columns; other items run in columns throughout.
    """
    blocks = item["blocks"][1:] if opens_with_order(item) else item["blocks"]
    has_measure = any(b["kind"] == "heading" and b["level"] == 1 for b in blocks)
    in_notice = bool(item.get("doc_number")) and has_measure
    runs: list[tuple[bool, list[dict]]] = []
    for block in blocks:
        if block["kind"] == "heading" and block["level"] == 1:
            in_notice = False
        full = in_notice or block["kind"] == "table" or bool(block.get("align")) or (
            block["kind"] == "heading" and block["level"] == 1)
        if runs and runs[-1][0] == full:
            runs[-1][1].append(block)
        else:
            runs.append((full, [block]))
    return runs


def opens_with_order(item: dict) -> bool:
    """True for an order printed over what it promulgates (GB/T 9704 命令格式): its first
    block is the order's centred name (中华人民共和国国务院令), which is its title."""
    first = item["blocks"][0] if item["blocks"] else {}
    return first.get("align") in ("center", "centre") and first.get("text", "").endswith("令")


def title_boxes(build: Builder, item: dict, width: float, run_on: bool) -> list[Box]:
    """The title block: ZJCC number, 文号, issuer line and 关于…的通知 — or a plain title;
    for an order, its name in title type (its number and the rest follow as blocks)."""
    body = build.body
    if opens_with_order(item):
        lines = build.title(item["blocks"][0]["text"], width, build.doc_title)
        return [glue(body.leading * 0.5), *lines, glue(body.leading * 0.4)]
    if not item.get("doc_number"):
        ts = build.brief_title if run_on else build.measure_title
        lines = build.title(item["title"], width, ts)
        return [glue(body.leading * 0.5), *lines, glue(body.leading * 0.5)]
    boxes: list[Box] = []
    if item.get("registration_number"):
        boxes += build.aligned(item["registration_number"], width, build.small, "right")
    boxes += [glue(body.leading * 0.5), *build.aligned(item["doc_number"], width, body, "centre")]
    boxes.append(glue(body.leading * 0.6))
    title, issuer = item["title"], item.get("issuer") or ""
    for part in [issuer, title[len(issuer):]] if issuer and title.startswith(issuer) else [title]:
        boxes += build.title(part, width, build.doc_title)
    return [*boxes, glue(body.leading * 0.8)]


def banner_box(build: Builder, section: str) -> Box:
    """A shaded bar with the section name, where a section starts."""
    ts = build.strong
    height = ts.size * 2.2

    def draw(canvas: Canvas, x: float, top: float, width: float) -> None:
        canvas.setFillGray(0.85)
        canvas.rect(x, top - height + 2, width, height - 4, stroke=0, fill=1)
        canvas.setFillGray(0)
        draw_text(canvas, ts, x + ts.size, top - height / 2 - ts.size * 0.36, section)

    return Box(height + ts.size * 0.5, draw)


def compose_item(comp: Composer, build: Builder, index: int, item: dict,
                 previous: str | None) -> None:
    """Place one item: a new page unless it runs on, a banner where its section starts."""
    section = item["section"]
    run_on = section == previous and section in RUN_ON_SECTIONS
    if not run_on:
        comp.new_page("back" if section in BACK_SECTIONS else "body", section)
    full = comp.column_width(1)
    head = title_boxes(build, item, full, run_on)
    if section != previous and section not in BACK_SECTIONS:
        head.insert(0, banner_box(build, section))
    runs: list[tuple[int, list[Box]]] = [(1, head)]
    for is_full, blocks in segments(item):
        columns = 1 if is_full else comp.style.columns
        width = comp.column_width(columns)
        runs.append((columns, [box for b in blocks for box in build.block(b, width)]))
    for columns, boxes in runs:
        for box in boxes:
            box.item = index
        comp.ensure_room(_lead_height(boxes) + 2 * build.body.leading)
        comp.place(boxes, columns)


def _lead_height(boxes: list[Box]) -> float:
    """Height of the opening keep-with-next chain: what must not be stranded at a page foot."""
    height = 0.0
    for box in boxes:
        height += box.height
        if box.draw and not box.keep_with_next:
            break
    return height


# --------------------------------------------------------------------------- cover and 目录


def compose_cover(comp: Composer, build: Builder, issue: dict) -> None:
    """A cover with the gazette's name, the year and number, and the serial number."""
    comp.new_page("cover", None)
    width = comp.column_width(1)
    big = TextStyle(build.doc_title.face, build.body.size * 3, build.body.size * 4.2,
                    build.style.fake_bold)
    comp.top -= (comp.top - comp.style.frame[1]) * 0.2
    boxes = build.aligned(issue["title"], width, big, "centre")
    boxes.append(glue(build.body.leading * 2))
    edition = f"{issue['year']}年第{issue['number']}期（总第{issue['serial']}期）"
    boxes += build.aligned(edition, width, build.measure_title, "centre")
    comp.place(boxes, 1)


def compose_toc(comp: Composer, build: Builder, items: list[dict]) -> None:
    """目录: sections in 【】, item titles with leader dots and their first printed page."""
    comp.new_page("toc", None)
    width = comp.column_width(1)
    boxes = [*build.aligned("目  录", width, build.doc_title, "centre"),
             glue(build.body.leading)]
    section = None
    for index, item in enumerate(items):
        if item["section"] != section:
            section = item["section"]
            heading = build.aligned(f"【{section}】", width, build.strong, "left")
            heading[-1].keep_with_next = True
            boxes += heading
        entry = item["title"] + (f"（{item['doc_number']}）" if item.get("doc_number") else "")
        boxes += toc_entry(build, entry, width, lambda i=index: comp.spans[i][0])
    comp.place(boxes, 1)


def toc_entry(build: Builder, text: str, width: float, page: Callable[[], int]) -> list[Box]:
    """An entry wrapped short of the page-number column, its last line led by dots."""
    ts = build.body
    number_room = ts.size * 3 + ts.width(".") * 2.2 * 4  # the number and at least 3 dots
    lines = wrap(text, ts.face, ts.size, width - number_room - ts.size, width - number_room)
    boxes = [line_box(line, ts, indent=ts.size if i else 0) for i, line in enumerate(lines)]

    def draw_last(canvas: Canvas, x: float, top: float, w: float) -> None:
        baseline = top - (ts.leading - ts.size) / 2 - ts.size * 0.86
        indent = ts.size if len(lines) > 1 else 0
        draw_text(canvas, ts, x + indent, baseline, lines[-1])
        number = str(page())
        number_x = x + w - ts.width(number)
        dots_x = x + indent + ts.width(lines[-1]) + ts.size * 0.5
        dot = ts.width(".") * 2.2
        draw_text(canvas, ts, dots_x, baseline, "." * max(int((number_x - dots_x) / dot) - 1, 0),
                  dot - ts.width("."))
        draw_text(canvas, ts, number_x, baseline, number)

    boxes[-1] = Box(ts.leading, draw_last)
    return boxes


# --------------------------------------------------------------------------- rendering


def header_pieces(style: LayoutStyle, page: PageRecord, n: int, issue: dict) -> list[str] | None:
    """The running header as drawn, left to right; None where the page has none."""
    if page.kind != "body" or style.header_position == "none" or not page.section:
        return None
    if style.header_odd_only and n % 2 == 0:
        return None
    title = style.header_text.format(**issue)
    if style.header_position == "centre" or n % 2:
        return [title, page.section]
    return [page.section, title]


def folio_text(style: LayoutStyle, page: PageRecord, n: int) -> str | None:
    """The printed page number; covers and back pages carry none."""
    return style.folio.format(n=n) if page.kind in ("body", "toc") else None


def draw_header(canvas: Canvas, style: LayoutStyle, ts: TextStyle, pieces: list[str]) -> None:
    """The running header above the type area, ruled off from the text below."""
    x0, _, x1, top = style.frame
    baseline = top + ts.size * 1.2
    if style.header_position == "centre":
        text_width = sum(ts.width(p) for p in pieces) + ts.size * 2 * (len(pieces) - 1)
        x = (x0 + x1 - text_width) / 2
        for piece in pieces:
            draw_text(canvas, ts, x, baseline, piece)
            x += ts.width(piece) + ts.size * 2
    else:
        draw_text(canvas, ts, x0, baseline, pieces[0])
        draw_text(canvas, ts, x1 - ts.width(pieces[-1]), baseline, pieces[-1])
    canvas.setLineWidth(0.5)
    canvas.line(x0, top + ts.size * 0.6, x1, top + ts.size * 0.6)


def draw_folio(canvas: Canvas, style: LayoutStyle, ts: TextStyle, text: str, n: int) -> None:
    """The folio below the type area: centred, or at the outer corner (right on odd pages)."""
    x0, bottom, x1, _ = style.frame
    baseline = bottom - ts.size * 2.4
    if style.folio_position == "centre":
        x = (x0 + x1 - ts.width(text)) / 2
    else:
        x = x1 - ts.width(text) if n % 2 else x0
    draw_text(canvas, ts, x, baseline, text)


def render(comp: Composer, build: Builder, issue: dict, out: Path) -> list[dict]:
    """Draw every page to ``out``; return what each page's header and folio say."""
    style = comp.style
    canvas = Canvas(str(out), pagesize=style.page_size, invariant=1)
    canvas.setTitle(f"{issue['title']} {issue['year']}年第{issue['number']}期")
    pages = []
    for n, page in enumerate(comp.pages, 1):
        header = header_pieces(style, page, n, issue)
        folio = folio_text(style, page, n)
        if header:
            draw_header(canvas, style, build.header, header)
        if folio:
            draw_folio(canvas, style, build.header, folio, n)
        for op in page.ops:
            op(canvas)
        canvas.showPage()
        pages.append({"page": n, "kind": page.kind, "header": header, "folio": folio})
    canvas.save()
    return pages


def typeset(manuscript: dict, out: Path, style: LayoutStyle) -> Path:
    """Typeset ``manuscript`` as a gazette PDF at ``out``; return ``out``.

    Writes the layout truth next to it (see :func:`truth_path`) in the schema of
    ``tests/data/*.layout.json``: each item's 1-based page span, each page's kind,
    running header pieces (left to right) and printed folio, plus the fonts used.
    """
    out = Path(out)
    issue, items = manuscript["issue"], manuscript["items"]
    build = Builder(style, load_face(style.body_font, style.latin_font),
                    load_face(style.title_font, style.latin_font))
    comp = Composer(style)
    if style.cover:
        compose_cover(comp, build, issue)
    if style.toc:
        compose_toc(comp, build, items)
    previous = None
    for index, item in enumerate(items):
        compose_item(comp, build, index, item, previous)
        previous = item["section"]
    pages = render(comp, build, issue, out)
    truth = {
        "pdf": out.name,
        "variant": style.name,
        "fonts": sorted({build.body.face.name, build.doc_title.face.name}),
        "page_size": list(style.page_size),
        "page_count": len(pages),
        "items": [{"id": item["id"], "section": item["section"], "title": item["title"],
                   "pages": comp.spans[i]} for i, item in enumerate(items)],
        "pages": pages,
    }
    truth_path(out).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def truth_path(pdf: Path) -> Path:
    """Where :func:`typeset` writes the layout truth for ``pdf``: ``<stem>.layout.json``."""
    return Path(pdf).with_suffix(".layout.json")


def layout_truth(pdf: Path) -> dict:
    """The layout truth :func:`typeset` wrote for ``pdf`` (items' page spans, pages)."""
    return json.loads(truth_path(pdf).read_text(encoding="utf-8"))
