"""Stage 1, read: a PDF file -> ``SourceDocument`` (glyphs, tables, rules, images per page).

What this stage settles so later stages need not:

* overprinted glyphs (fake bold, drawn 2–4 times a few hundredths of an em apart) become
  one ``Glyph`` whose ``overprint`` says how often it was drawn;
* ruled tables are found with pdfplumber's table finder (``lines`` strategy) and their
  glyphs are taken out of the page's running text, merged cells kept as ``rowspans``;
* text that arrives as mojibake is repaired when the repair is certain (see ``repair``);
* pdfminer's "Could not get FontBBox" log lines (one per font a page loads, thousands
  for some producers) are collected for the report instead of flooding the console: the
  distinct messages, which are the same however the pages are shared out among processes
  (``read_pdf``'s ``numbers``).
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extract.errors import ExtractionError
from extract.model import BBox, Glyph, Rule, SourceDocument, SourcePage, TableGrid
from extract.pdf.lean import LeanPage
from extract.pdf.repair import repair_glyphs
from extract.pdf.text import join_glyph_lines

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReadSettings:
    """Tolerances for reading, in points unless said otherwise.

    ``overprint_tolerance`` is how far apart two identical glyphs may be drawn and still
    count as one glyph overprinted (fake bold); ``min_fill_area`` the smallest shaded
    rectangle kept as a fill (section banners), in square points.
    """

    overprint_tolerance: float = 1.5
    min_fill_area: float = 400.0
    min_table_rows: int = 2

    def __post_init__(self) -> None:
        if self.overprint_tolerance < 0:
            raise ValueError(f"overprint_tolerance must be >= 0, got {self.overprint_tolerance}")
        if self.min_table_rows < 1:
            raise ValueError(f"min_table_rows must be >= 1, got {self.min_table_rows}")


def page_count(path: Path) -> int:
    """The number of pages of ``path``. Raises ``ExtractionError`` as ``read_pdf`` does for a
    file that is not a readable PDF or has no pages."""
    with _opened(path) as (_, count):
        return count


def read_pdf(path: Path, settings: ReadSettings | None = None, progress: Progress | None = None,
             numbers: range | None = None) -> SourceDocument:
    """Read every page of ``path``, or the pages of 1-based ``numbers`` (a part of the PDF,
    for reading one PDF on several processes: the parts' pages, in order, and the union of
    their ``font_bbox_unreadable`` are what reading it whole gives). ``progress(done,
    total)`` counts the pages read of those asked for.

    Raises ``ExtractionError`` (naming the file, and the page when one page is at fault) when
    the file is empty, not a PDF, encrypted, truncated or has no pages.
    """
    settings = settings or ReadSettings()
    path = Path(path)
    with _opened(path) as (pdf, count), _font_bbox_messages() as unreadable:
        numbers = numbers if numbers is not None else range(1, count + 1)
        pages = []
        for done, number in enumerate(numbers, 1):
            try:
                pages.append(read_page(LeanPage.of(pdf.pages[number - 1]), settings))
            except ExtractionError:
                raise
            except Exception as error:  # a damaged content stream must name its page
                raise ExtractionError(
                    path, number, f"the page cannot be parsed ({type(error).__name__}: {error}); the file may be truncated"
                ) from None
            if progress:
                progress(done, len(numbers))
        title = str((pdf.metadata or {}).get("Title") or "")
    return SourceDocument(path=path, pages=tuple(pages), title=title, font_bbox_unreadable=tuple(sorted(unreadable.messages)))


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[pdfplumber.PDF, int]]:
    """The PDF open, with its page count; the editor-facing ``ExtractionError`` otherwise."""
    _check_file(path)
    try:
        pdf = pdfplumber.open(path)
    except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError, PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise _open_error(path, error) from None
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as error:  # pdfminer raises many types on broken xref tables
            raise ExtractionError(path, None, f"the PDF is damaged ({type(error).__name__}); re-download it") from None
        if count == 0:
            raise ExtractionError(path, None, "the PDF has no pages")
        yield pdf, count


class _CountingFilter(logging.Filter):
    """Drops pdfminer's FontBBox messages and keeps the distinct ones: the font's box is only
    used for glyph heights, which pdfplumber takes from the font size when it is missing."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Could not get FontBBox"):
            self.messages.add(message)
            return False
        return True


@contextlib.contextmanager
def _font_bbox_messages() -> Iterator[_CountingFilter]:
    """Collect (and silence) pdfminer.pdffont's FontBBox messages while a PDF is read."""
    font_logger = logging.getLogger("pdfminer.pdffont")
    counter = _CountingFilter()
    font_logger.addFilter(counter)
    try:
        yield counter
    finally:
        font_logger.removeFilter(counter)


def _open_error(path: Path, error: Exception) -> ExtractionError:
    """The editor-facing error for a PDF pdfplumber cannot open; pdfplumber wraps pdfminer's
    own exception in ``PdfminerException``, so look inside it."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
        return ExtractionError(path, None, "the PDF is encrypted; ask the publisher for an unprotected copy")
    if "EOF" in str(cause) or "startxref" in str(cause).lower():
        return ExtractionError(path, None, "the PDF is truncated (it ends early); copy or download it again")
    return ExtractionError(path, None, f"not a readable PDF ({cause}); re-export or re-download the file")


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise ExtractionError(path, None, "no such file")
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise ExtractionError(path, None, "the file is empty (0 bytes); copy the PDF again")
    if b"%PDF" not in head:
        raise ExtractionError(path, None, "not a PDF (no %PDF header); is it another format renamed to .pdf?")


def read_page(page: pdfplumber.page.Page, settings: ReadSettings) -> SourcePage:
    """One pdfplumber page -> ``SourcePage``; glyphs inside ruled tables go to the tables.

    Reads ``lean.CHAR_KEYS`` of chars, then rects, lines and curves (rules, fills and the table
    finder's edges) and images; ``LeanPage`` parses no more than that."""
    glyphs = merge_overprints(page.chars, settings.overprint_tolerance)
    glyphs, repairs = repair_glyphs(glyphs)
    found = page.find_tables() if page.edges else ()  # no ruling, no ruled table
    tables = tuple(
        grid for grid in (table_to_grid(t, glyphs) for t in found) if len(grid.rows) >= settings.min_table_rows
    )
    body = tuple(g for g in glyphs if not any(_inside(g, t.bbox) for t in tables))
    return SourcePage(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        glyphs=body,
        tables=tables,
        rules=tuple(_rules(page)),
        images=tuple(_bbox(i) for i in page.images),
        fills=tuple(_fills(page, settings.min_fill_area)),
        repairs=repairs,
    )


def merge_overprints(chars: Iterable[dict], tolerance: float) -> list[Glyph]:
    """pdfplumber chars -> glyphs, each glyph drawn several times at (almost) one place
    counted once with ``overprint`` = times drawn.

    Fake bold in Chinese typesetting draws a glyph 2–4 times offset by a fraction of a
    point (pdfplumber issue 842); the copies share text and size. Whitespace chars are kept:
    they mark real word spaces.
    """
    kept: list[list] = []  # [char, times drawn], in drawing order
    buckets: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for char in chars:
        text = char["text"]
        if not text or not char.get("upright", True):
            continue
        x0, top = float(char["x0"]), float(char["top"])
        bx, by = int(x0 // 4), int(top // 4)
        match = _same_place(kept, buckets, text, bx, by, x0, top, tolerance)
        if match is not None:
            kept[match][1] += 1
            continue
        buckets[(text, bx, by)].append(len(kept))
        kept.append([char, 1])
    return [
        Glyph(
            text=char["text"],
            x0=float(char["x0"]),
            top=float(char["top"]),
            x1=float(char["x1"]),
            bottom=float(char["bottom"]),
            size=round(float(char["size"]), 2),
            font=font_family(char.get("fontname", "")),
            overprint=times,
        )
        for char, times in kept
    ]


# The 4-point cells around a glyph's own, in the order copies are looked for.
_NEIGHBOUR_CELLS = tuple((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def _same_place(
    kept: list[list], buckets: dict[tuple[str, int, int], list[int]], text: str, bx: int, by: int,
    x0: float, top: float, tolerance: float,
) -> int | None:
    """Index in ``kept`` of the first glyph of the same text within ``tolerance`` of
    (``x0``, ``top``), looked for in the 3×3 cells around cell (``bx``, ``by``); else None."""
    for dx, dy in _NEIGHBOUR_CELLS:
        for index in buckets.get((text, bx + dx, by + dy), ()):
            char = kept[index][0]
            if abs(float(char["x0"]) - x0) <= tolerance and abs(float(char["top"]) - top) <= tolerance:
                return index
    return None


@lru_cache(maxsize=None)
def font_family(fontname: str) -> str:
    """A font's family name without the subset tag, with raw GBK bytes decoded.

    ``AAAAAB+UMingCN-0`` -> ``UMingCN``; ``b'DTLNCR+\\xb7\\xc2\\xcb\\xce_GB2312'`` ->
    ``仿宋_GB2312`` (pdfminer hands undecodable font names over as bytes reprs).
    """
    name = _decode_font_bytes(str(fontname))
    if "+" in name[:8]:
        name = name.split("+", 1)[1]
    for suffix in ("-0", ",Regular"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _decode_font_bytes(name: str) -> str:
    if name.startswith(("b'", 'b"')) and name.endswith(("'", '"')):
        name = name[2:-1]
    if "\\x" not in name:
        return name
    try:
        raw = name.encode("latin-1").decode("unicode_escape").encode("latin-1")
        return raw.decode("gbk")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return name


def table_to_grid(table: "pdfplumber.table.Table", glyphs: list[Glyph]) -> TableGrid:
    """A pdfplumber table -> ``TableGrid`` with cell text from our de-duplicated glyphs.

    Rows and columns come from the distinct cell edges; a cell taller than one row is a
    merged cell (``rowspans``) whose text is repeated in the rows it covers, so each row
    reads whole (as the manuscript's rows do); a position no cell starts in is ``None``.
    """
    cells = [BBox(*c) for c in table.cells]
    ys = _edges([c.top for c in cells] + [c.bottom for c in cells])
    xs = _edges([c.x0 for c in cells] + [c.x1 for c in cells])
    grid: list[list[str | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    spans = []
    for cell in cells:
        row, last_row = _index(ys, cell.top), _index(ys, cell.bottom)
        col = _index(xs, cell.x0)
        text = join_glyph_lines([g for g in glyphs if _inside(g, cell)])
        for covered in range(row, max(last_row, row + 1)):
            grid[covered][col] = text
        if last_row - row > 1:
            spans.append((row, col, last_row - row))
    rows = tuple(tuple(r) for r in grid if any(c is not None for c in r))
    first_row = [g for g in glyphs if _inside(g, BBox(xs[0], ys[0], xs[-1], ys[1]))]
    rest = [g for g in glyphs if _inside(g, BBox(xs[0], ys[1], xs[-1], ys[-1]))]
    header_rows = 1 if len(rows) > 1 and _heavier(first_row, rest) else 0
    return TableGrid(bbox=BBox(*table.bbox), rows=rows, rowspans=tuple(sorted(spans)), header_rows=header_rows)


def _heavier(head: list[Glyph], body: list[Glyph]) -> bool:
    """True when ``head`` is set bold or in another face than ``body`` (a header row)."""
    if not head or not body:
        return False
    if sum(g.bold for g in head) / len(head) >= 0.6 > sum(g.bold for g in body) / len(body):
        return True
    return Counter(g.font for g in head).most_common(1)[0][0] != Counter(g.font for g in body).most_common(1)[0][0]


def _edges(values: list[float], tolerance: float = 1.0) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > tolerance:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _inside(glyph: Glyph, box: BBox) -> bool:
    cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


def _bbox(obj: dict) -> BBox:
    return BBox(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def _rules(page: pdfplumber.page.Page) -> Iterable[Rule]:
    for edge in page.edges:
        yield Rule(float(edge["x0"]), float(edge["top"]), float(edge["x1"]), float(edge["bottom"]))


def _fills(page: pdfplumber.page.Page, min_area: float) -> Iterable[BBox]:
    for rect in page.rects:
        if rect.get("fill") and not _is_white(rect.get("non_stroking_color")):
            box = _bbox(rect)
            if box.width * box.height >= min_area:
                yield box


def _is_white(color: object) -> bool:
    if isinstance(color, (int, float)):
        return color >= 0.95
    if isinstance(color, (tuple, list)) and color:
        if len(color) == 4:  # CMYK
            return all(float(c) <= 0.05 for c in color)
        return all(float(c) >= 0.95 for c in color)
    return False
