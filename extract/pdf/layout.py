"""Stage 2, layout: ``SourceDocument`` -> ``LaidOutIssue`` (blocks in reading order).

The rules follow how Chinese official publications are set (GB/T 9704 and gazette
practice), not any one PDF's coordinates:

1. Glyphs on one baseline, close together, form a *fragment*; a gap wider than
   ``LayoutSettings.fragment_gap_em`` splits it (a column gutter is such a gap).
2. Running headers and footers are fragments in the top/bottom row of a page whose text
   (digits masked) repeats on other pages at the page edge, or that are page numbers
   (``·  7  ·``, ``- 7 -``, ``第7页``). A row holding one repeating fragment goes as a whole,
   so a section name printed once beside the gazette's name goes too.
3. A page has two columns when a vertical gutter in its middle third separates many
   fragments left and right and few cross it. Fragments crossing the gutter are
   full-width (title block, notice text, wide tables) and cut the page into bands; inside
   a band the left column is read before the right.
4. Lines are reflowed into paragraphs: a new paragraph starts at a first-line indent (two
   characters in GB/T 9704), after a line that stops short of the column's right edge, or
   at a change of type size or face. Lines join without spaces.
5. Type much larger than the body is a title; short lines in a heavier face are headings;
   right-aligned issuer/date lines at the end of a notice are its signature.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from extract.model import (
    BBox,
    Block,
    BlockKind,
    Glyph,
    LaidOutIssue,
    PageInfo,
    SourceDocument,
    SourcePage,
    TableGrid,
    Warning_,
)
from extract.grammar.dates import DATE_LINE
from extract.pdf.text import group_rows, is_cjk, join_lines, line_text

# Page numbers as gazettes print them: ·  7  ·, - 7 -, —7—, 第7页, 7, 第 7 页 共 22 页.
FOLIO = re.compile(
    r"""^\s*
    (?:[·•\-—–－]\s*)?            # leading ornament: ·  7  · or - 7 -
    (?:第\s*)?                     # 第7页
    (?P<number>\d{1,4})
    \s*(?:页)?
    (?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?   # 7/22, 第7页 共22页
    (?:\s*[·•\-—–－])?\s*$""",
    re.VERBOSE,
)
CHAPTER = re.compile(r"^(第[一二三四五六七八九十百]+[章节]|[一二三四五六七八九十]+、)")
# One leader dot of a 目录 line, solid or spaced: ……… 4, . . . . 4, ······ 4
LEADER_DOT = r"(?:[.·．…]\s?)"
LEADER = re.compile(rf"{LEADER_DOT}{{4,}}\s*\d+\s*$")
CREDIT = re.compile(r"^[（(][^（）()]{1,40}/?\s*摄[）)]$")


@dataclass(frozen=True)
class LayoutSettings:
    """Tolerances of the layout stage. Lengths in ems of the glyphs concerned unless named
    ``*_share`` (a fraction of the page) or ``*_ratio`` (a ratio of font sizes).

    ``edge_share`` is the band at the top and bottom of a page where running headers and
    footers may stand; ``repeat_share`` the share of pages (at least two) a text must recur
    on to count as running; ``title_ratio`` how much larger than body type a title is.
    """

    fragment_gap_em: float = 0.9
    edge_share: float = 0.12
    repeat_share: float = 0.2
    gutter_zone: tuple[float, float] = (0.3, 0.7)
    min_column_lines: int = 4
    indent_em: float = 1.2
    short_line_em: float = 1.2
    title_ratio: float = 1.25
    heading_max_em: float = 40.0

    def __post_init__(self) -> None:
        if not 0 < self.edge_share < 0.5:
            raise ValueError(f"edge_share must be in (0, 0.5), got {self.edge_share}")
        lo, hi = self.gutter_zone
        if not 0 < lo < hi < 1:
            raise ValueError(f"gutter_zone must satisfy 0 < lo < hi < 1, got {self.gutter_zone}")
        if self.title_ratio <= 1:
            raise ValueError(f"title_ratio must be > 1, got {self.title_ratio}")


@dataclass
class Fragment:
    """Glyphs on one baseline with no wide gap between them (mutable while laying out)."""

    glyphs: list[Glyph]
    page: int
    text: str = ""
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    table: TableGrid | None = None

    @classmethod
    def of(cls, glyphs: list[Glyph], page: int) -> "Fragment":
        return cls(
            glyphs=glyphs,
            page=page,
            text=line_text(glyphs),
            x0=min(g.x0 for g in glyphs),
            top=min(g.top for g in glyphs),
            x1=max(g.x1 for g in glyphs),
            bottom=max(g.bottom for g in glyphs),
        )

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    """A line of text in reading order with the edges of the column it stands in."""

    fragments: list[Fragment]
    page: int
    left: float  # column edges, points
    right: float
    text: str = ""
    size: float = 0.0
    bold: float = 0.0  # share of glyphs bold
    font: str = ""
    in_fill: bool = False
    below_image: int | None = None  # index of the picture this line stands under

    @property
    def x0(self) -> float:
        return min(f.x0 for f in self.fragments)

    @property
    def x1(self) -> float:
        return max(f.x1 for f in self.fragments)

    @property
    def top(self) -> float:
        return min(f.top for f in self.fragments)

    @property
    def bottom(self) -> float:
        return max(f.bottom for f in self.fragments)

    @property
    def table(self) -> TableGrid | None:
        return self.fragments[0].table

    def bbox(self) -> BBox:
        return BBox(self.x0, self.top, self.x1, self.bottom)


def lay_out(source: SourceDocument, settings: LayoutSettings | None = None) -> LaidOutIssue:
    """Lay out every page of ``source`` and reflow its lines into blocks."""
    settings = settings or LayoutSettings()
    page_fragments = [page_to_fragments(page, settings) for page in source.pages]
    running = find_running(source.pages, page_fragments, settings)
    body_size, body_font = _body_type(source.pages)
    lines: list[Line] = []
    infos: list[PageInfo] = []
    warnings: list[Warning_] = []
    for page, fragments in zip(source.pages, page_fragments):
        dropped = running.get(page.number, [])
        kept = [f for f in fragments if not any(f is d for d in dropped)]
        kept += [_table_fragment(t, page.number) for t in page.tables]
        lines.extend(page_to_lines(page, kept, settings))
        infos.append(_page_info(page, dropped))
        if not page.glyphs and not page.tables:
            warnings.append(Warning_("no-text", "本页没有文字层（扫描件或仅有图片）。", page.number, english="no text layer on this page (scanned or image only)"))
        for repair in page.repairs:
            warnings.append(Warning_("text-repaired", repair, page.number))
    if source.font_bbox_unreadable:
        warnings.append(
            Warning_(
                "font-bbox-unreadable",
                f"pdfminer 读不到字体的 FontBBox（字体描述有误，{len(source.font_bbox_unreadable)} 种），文字仍已提取。",
                english=f"pdfminer could not read a font's FontBBox ({len(source.font_bbox_unreadable)} distinct malformed "
                "font descriptors); the text is still extracted",
            )
        )
    blocks = lines_to_blocks(lines, body_size, body_font, settings)
    return LaidOutIssue(source=source, blocks=tuple(blocks), pages=tuple(infos), body_size=body_size, warnings=tuple(warnings))


# ------------------------------------------------------------------ fragments


def page_to_fragments(page: SourcePage, settings: LayoutSettings) -> list[Fragment]:
    """A page's glyphs -> fragments, top to bottom."""
    fragments = []
    for row in group_rows(page.glyphs):
        run: list[Glyph] = []
        for glyph in row:
            if run and glyph.x0 - run[-1].x1 > settings.fragment_gap_em * max(glyph.size, run[-1].size):
                fragments.append(Fragment.of(run, page.number))
                run = []
            run.append(glyph)
        if run:
            fragments.append(Fragment.of(run, page.number))
    return [f for f in fragments if f.text]


def _table_fragment(table: TableGrid, page: int) -> Fragment:
    box = table.bbox
    return Fragment(glyphs=[], page=page, text="", x0=box.x0, top=box.top, x1=box.x1, bottom=box.bottom, table=table)


# ------------------------------------------------------------------ running heads


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _edge_rows(page: SourcePage, fragments: list[Fragment], settings: LayoutSettings) -> list[list[Fragment]]:
    """The top-most and bottom-most rows of fragments, if they lie in the edge bands."""
    if not fragments:
        return []
    rows = []
    top = min(fragments, key=lambda f: f.top)
    if top.top < settings.edge_share * page.height:
        rows.append([f for f in fragments if abs(f.centre - top.centre) < 0.5 * _size(f)])
    bottom = max(fragments, key=lambda f: f.bottom)
    if bottom.bottom > (1 - settings.edge_share) * page.height:
        rows.append([f for f in fragments if abs(f.centre - bottom.centre) < 0.5 * _size(f)])
    return rows


def _size(fragment: Fragment) -> float:
    return max((g.size for g in fragment.glyphs), default=10.0)


def find_running(pages: Sequence[SourcePage], page_fragments: Sequence[list[Fragment]], settings: LayoutSettings) -> dict[int, list[Fragment]]:
    """Running headers/footers per page number: edge-row fragments whose masked text recurs
    on other pages, or page numbers. A row with one such fragment is dropped whole."""
    edge_rows = {page.number: _edge_rows(page, frags, settings) for page, frags in zip(pages, page_fragments)}
    seen: Counter[str] = Counter()
    for rows in edge_rows.values():
        for text in {_mask(f.text) for row in rows for f in row}:
            seen[text] += 1
    need = max(2, round(settings.repeat_share * len(pages)))
    running: dict[int, list[Fragment]] = {}
    for number, rows in edge_rows.items():
        for row in rows:
            # a page number alone may go; beside other text (a 目录 line's page) it stays
            if any(seen[_mask(f.text)] >= need for f in row) or all(FOLIO.match(f.text) for f in row):
                running.setdefault(number, []).extend(row)
    return running


def _page_info(page: SourcePage, dropped: list[Fragment]) -> PageInfo:
    folio = next((m.group("number") for f in dropped if (m := FOLIO.match(f.text))), None)
    texts = tuple(f.text for f in dropped if not FOLIO.match(f.text))
    return PageInfo(number=page.number, running=texts, folio=folio, text_chars=len(page.glyphs))


# ------------------------------------------------------------------ reading order


def find_gutter(fragments: Sequence[Fragment], settings: LayoutSettings) -> float | None:
    """The x (points) of a two-column gutter, or None for a one-column page.

    Scans the middle of the text area for the x that the fewest fragments cross while
    many lie wholly on each side.
    """
    if len(fragments) < 2 * settings.min_column_lines:
        return None
    left_edge = min(f.x0 for f in fragments)
    right_edge = max(f.x1 for f in fragments)
    width = right_edge - left_edge
    lo, hi = settings.gutter_zone
    best: tuple[float, float] | None = None
    x = left_edge + lo * width
    while x <= left_edge + hi * width:
        left = sum(1 for f in fragments if f.x1 <= x)
        right = sum(1 for f in fragments if f.x0 >= x)
        crossing = len(fragments) - left - right
        support = min(left, right)
        if support >= settings.min_column_lines and crossing <= support:
            score = support - crossing
            if best is None or score > best[0]:
                best = (score, x)
        x += 1.0
    if best is None:
        return None
    # centre the gutter in the empty strip around the best x
    x = best[1]
    lefts = [f.x1 for f in fragments if f.x1 <= x]
    rights = [f.x0 for f in fragments if f.x0 >= x]
    return (max(lefts) + min(rights)) / 2


def page_to_lines(page: SourcePage, fragments: list[Fragment], settings: LayoutSettings) -> list[Line]:
    """A page's fragments -> lines in reading order, each with its column edges."""
    if not fragments:
        return []
    gutter = find_gutter(fragments, settings)
    text_left = min(f.x0 for f in fragments)
    text_right = max(f.x1 for f in fragments)
    if gutter is None:
        columns = _keyed_list(fragments, text_left, settings)
        if columns is not None:
            return _lines_with_list(page, fragments, columns, text_left, text_right)
        return _region_lines(page, fragments, text_left, text_right)
    left = [f for f in fragments if f.x1 <= gutter]
    right = [f for f in fragments if f.x0 >= gutter]
    spanning = sorted((f for f in fragments if f.x1 > gutter and f.x0 < gutter), key=lambda f: f.top)
    left_edge_right = max((f.x1 for f in left), default=gutter)
    right_edge_left = min((f.x0 for f in right), default=gutter)
    lines: list[Line] = []
    cuts = [float("-inf")] + [f.centre for f in spanning] + [float("inf")]
    for index in range(len(cuts) - 1):
        lo, hi = cuts[index], cuts[index + 1]
        band_left = [f for f in left if lo < f.centre <= hi]
        band_right = [f for f in right if lo < f.centre <= hi]
        if band_left and band_right and _overlap(band_left, band_right):
            lines += _region_lines(page, band_left, text_left, left_edge_right)
            lines += _region_lines(page, band_right, right_edge_left, text_right)
        else:
            lines += _region_lines(page, band_left + band_right, text_left, text_right)
        if index < len(spanning):
            lines += _region_lines(page, [spanning[index]], text_left, text_right)
    return lines


def _overlap(a: Sequence[Fragment], b: Sequence[Fragment]) -> bool:
    top = max(min(f.top for f in a), min(f.top for f in b))
    bottom = min(max(f.bottom for f in a), max(f.bottom for f in b))
    return bottom > top


def _region_lines(page: SourcePage, fragments: Sequence[Fragment], left: float, right: float) -> list[Line]:
    """Fragments of one column (or one full-width band) -> lines, top to bottom."""
    lines: list[Line] = []
    for fragment in sorted(fragments, key=lambda f: f.top):
        if fragment.table is None and lines and lines[-1].table is None:
            last = lines[-1]
            size = min(_size(fragment), max(_size(f) for f in last.fragments))
            if abs(fragment.centre - last.fragments[-1].centre) < 0.4 * size:
                last.fragments.append(fragment)
                continue
        lines.append(Line(fragments=[fragment], page=page.number, left=left, right=right))
    for line in lines:
        _describe(line, page)
    return lines


def _describe(line: Line, page: SourcePage) -> None:
    line.fragments.sort(key=lambda f: f.x0)
    text = ""
    for fragment in line.fragments:
        gap_space = text and fragment.text and not (is_cjk(text[-1]) and is_cjk(fragment.text[0]))
        text = f"{text} {fragment.text}" if gap_space or (text and _is_leader_gap(text, fragment.text)) else text + fragment.text
    line.text = text
    glyphs = [g for f in line.fragments for g in f.glyphs if not g.text.isspace()]
    if glyphs:
        sizes = Counter(round(g.size, 1) for g in glyphs)
        line.size = sizes.most_common(1)[0][0]
        line.bold = sum(1 for g in glyphs if g.bold) / len(glyphs)
        line.font = Counter(g.font for g in glyphs).most_common(1)[0][0]
    box = line.bbox()
    line.in_fill = any(f.x0 <= box.x0 + 1 and box.x1 <= f.x1 + 1 and f.top <= box.top + 1 and box.bottom <= f.bottom + 1 for f in page.fills)
    line.below_image = next(
        (
            index
            for index, image in enumerate(page.images)
            if 0 <= box.top - image.bottom <= 2.5 * max(line.size, 1) and box.x0 < image.x1 and box.x1 > image.x0
        ),
        None,
    )


def _is_leader_gap(before: str, after: str) -> bool:
    return bool(re.search(r"[.…·．]$", before)) and after[:1].isdigit()


def _keyed_list(fragments: Sequence[Fragment], text_left: float, settings: LayoutSettings) -> float | None:
    """The x where the values of an unruled two-column list start (a 发文目录: 文号 on the
    left, titles wrapped on the right), or None.

    Such a list shows a second left edge that many fragments start at, keys that end
    before it, and no fragment crossing it over the list's height.
    """
    plain = [f for f in fragments if f.table is None]
    starts = Counter(round(f.x0) for f in plain if f.x0 > text_left + 2 * _size(f))
    for x, count in starts.most_common(3):
        if count < 3:
            return None
        values = [f for f in plain if abs(f.x0 - x) <= 1.5]
        keys = [f for f in plain if abs(f.x0 - text_left) <= _size(f) and f.x1 < x - 0.5 * _size(f)]
        beside = [k for k in keys if any(abs(v.centre - k.centre) <= 1.5 * _size(k) for v in values)]
        if len(keys) < 3 or len(beside) < 0.7 * len(keys):  # keys stand beside values, not above them
            continue
        top = min(f.top for f in keys + values)
        bottom = max(f.bottom for f in keys + values)
        crossing = [f for f in plain if f.top >= top and f.bottom <= bottom and f.x0 < x - 1.5 and f.x1 > x]
        if not crossing:
            return float(x)
    return None


def _lines_with_list(page: SourcePage, fragments: list[Fragment], split_x: float, left: float, right: float) -> list[Line]:
    plain = [f for f in fragments if f.table is None]
    values = [f for f in plain if abs(f.x0 - split_x) <= 1.5]
    keys = [f for f in plain if f.x1 < split_x and abs(f.x0 - left) <= _size(f)]
    top = min(f.top for f in keys + values)
    bottom = max(f.bottom for f in keys + values)
    members = [f for f in fragments if f.top >= top and f.bottom <= bottom]
    keys = [f for f in members if f.x1 < split_x]
    rows: dict[int, list[Fragment]] = defaultdict(list)
    for fragment in members:
        if fragment.x1 >= split_x:
            nearest = min(range(len(keys)), key=lambda i: abs(keys[i].centre - fragment.centre))
            rows[nearest].append(fragment)
    grid = TableGrid(
        bbox=BBox(left, top, right, bottom),
        rows=tuple((key.text, _joined(rows[i])) for i, key in enumerate(sorted(keys, key=lambda k: k.top))),
    )
    others = [f for f in fragments if not any(f is m for m in members)]
    return _region_lines(page, others + [_table_fragment(grid, page.number)], left, right)


def _joined(fragments: Iterable[Fragment]) -> str:
    text = ""
    for fragment in sorted(fragments, key=lambda f: f.top):
        text = join_lines(text, fragment.text)
    return text


# ------------------------------------------------------------------ blocks


def _body_type(pages: Sequence[SourcePage]) -> tuple[float, str]:
    """The dominant body size (points) and font family, counted over all glyphs."""
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for page in pages:
        for glyph in page.glyphs:
            if is_cjk(glyph.text):
                sizes[round(glyph.size, 1)] += 1
                fonts[glyph.font] += 1
    if not sizes:
        return 10.5, ""
    return sizes.most_common(1)[0][0], fonts.most_common(1)[0][0]


@dataclass
class _Open:
    """The paragraph being reflowed."""

    kind: BlockKind
    text: str
    lines: list[Line]
    level: int = 0
    indent: bool = False


def _line_kind(line: Line, body_size: float, body_font: str, settings: LayoutSettings) -> BlockKind:
    if line.table is not None:
        return BlockKind.TABLE
    if line.in_fill:
        return BlockKind.BANNER
    if line.size >= settings.title_ratio * body_size:
        return BlockKind.TITLE
    if line.below_image is not None or CREDIT.match(line.text):
        return BlockKind.CAPTION
    heavy = line.bold >= 0.6 or (body_font and line.font != body_font and line.size >= body_size * 0.95)
    if heavy and len(line.text) <= settings.heading_max_em and not (LEADER.search(line.text) or DATE_LINE.match(line.text)):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _align(line: Line) -> str:
    em = line.size or 10.0
    left_gap, right_gap = line.x0 - line.left, line.right - line.x1
    if left_gap > 2 * em and abs(left_gap - right_gap) < 1.5 * em:
        return "center"
    # GB/T 9704 sets the date four characters in from the right margin
    if right_gap < 6 * em and left_gap > 0.4 * (line.right - line.left):
        return "right"
    return "left"


def _heading_level(text: str) -> int:
    if CHAPTER.match(text):
        return 2
    return 3


def lines_to_blocks(lines: Sequence[Line], body_size: float, body_font: str, settings: LayoutSettings) -> list[Block]:
    """Reflow lines (in reading order, across columns and pages) into blocks."""
    blocks: list[Block] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(_to_block(current))
            current = None

    for line in lines:
        kind = _line_kind(line, body_size, body_font, settings)
        em = line.size or body_size
        indented = line.x0 - line.left >= settings.indent_em * em
        if kind is BlockKind.TABLE:
            close()
            blocks.append(_table_block(line))
            continue
        if current is not None and _continues(current, line, kind, indented, em, settings):
            current.text = join_lines(current.text, line.text)
            current.lines.append(line)
            continue
        close()
        level = _heading_level(line.text) if kind is BlockKind.HEADING else 0
        current = _Open(kind=kind, text=line.text, lines=[line], level=level, indent=indented)
        if LEADER.search(line.text):
            close()
    close()
    return _caption_tables(_mark_signatures(_attach_credits(blocks)))


def _continues(current: _Open, line: Line, kind: BlockKind, indented: bool, em: float, settings: LayoutSettings) -> bool:
    previous = current.lines[-1]
    if current.kind is BlockKind.CAPTION and kind is BlockKind.PARAGRAPH:
        kind = BlockKind.CAPTION  # a caption's second line no longer touches the picture
    if kind is not current.kind or kind in (BlockKind.BANNER,):
        return False
    if abs(line.size - previous.size) > 0.5:
        return False
    if kind is BlockKind.TITLE:
        return line.page == previous.page and line.top - previous.bottom < 1.5 * em
    if kind is BlockKind.CAPTION:
        under_other_picture = line.below_image is not None and line.below_image != current.lines[0].below_image
        return not (CREDIT.match(line.text) or CREDIT.match(previous.text) or under_other_picture) and line.top - previous.bottom < em
    if kind is BlockKind.HEADING:  # a wrapped heading: same face, no gap
        return line.page == previous.page and line.font == previous.font and 0 <= line.top - previous.bottom < 0.8 * em
    previous_full = previous.right - previous.x1 <= settings.short_line_em * em
    if indented or not previous_full or _align(previous) != "left":
        return False
    if line.page == previous.page and line.left == previous.left and line.top - previous.bottom > 1.6 * em:
        return False
    return True


def _to_block(current: _Open) -> Block:
    lines = current.lines
    if current.kind is BlockKind.HEADING and (current.text.endswith(("。", "；", "：")) or current.indent and len(lines) > 1):
        # a run-in heading such as （一）…。 followed by text is a paragraph in the manuscript sense
        current.kind, current.level = BlockKind.PARAGRAPH, 0
    box = BBox(min(l.x0 for l in lines), min(l.top for l in lines), max(l.x1 for l in lines), max(l.bottom for l in lines))
    size = Counter(l.size for l in lines).most_common(1)[0][0]
    bold = sum(l.bold for l in lines) / len(lines) >= 0.6
    align = _align(lines[0]) if len(lines) == 1 else "justify"
    return Block(
        kind=current.kind,
        text=current.text,
        pages=(lines[0].page, lines[-1].page),
        bbox=box,
        size=size,
        bold=bold,
        align=align,
        level=current.level,
        indent=current.indent,
    )


def _table_block(line: Line) -> Block:
    table = line.table
    return Block(kind=BlockKind.TABLE, text="", pages=(line.page, line.page), bbox=table.bbox, table=table)


def _attach_credits(blocks: list[Block]) -> list[Block]:
    """A photo credit （…/摄） right after a caption becomes that caption's ``credit``."""
    out: list[Block] = []
    for block in blocks:
        if CREDIT.match(block.text) and out and out[-1].kind is BlockKind.CAPTION and out[-1].credit is None:
            out[-1] = replace(out[-1], credit=block.text)
            continue
        out.append(block)
    return out


def _mark_signatures(blocks: list[Block]) -> list[Block]:
    """A right-aligned date line and the right-aligned issuer line just above it are the
    signature (GB/T 9704 发文机关署名 and 成文日期, set flush right)."""
    out = list(blocks)
    for index, block in enumerate(out):
        if block.kind is BlockKind.PARAGRAPH and block.align in ("right", "center") and DATE_LINE.match(block.text):
            out[index] = replace(block, kind=BlockKind.SIGNATURE)
            above = index - 1
            if above >= 0 and out[above].kind is BlockKind.PARAGRAPH and out[above].align in ("right", "center") and len(out[above].text) <= 30:
                out[above] = replace(out[above], kind=BlockKind.SIGNATURE)
    return out


def _caption_tables(blocks: list[Block]) -> list[Block]:
    """A centred heading right above a table on the same page is its caption (a title in
    large type there is the item's own title, as on a 发文目录 page)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE and not block.text and out:
            above = out[-1]
            if above.kind is BlockKind.HEADING and above.align == "center" and above.pages[1] == block.pages[0]:
                out[-1] = replace(block, text=above.text)
                continue
        out.append(block)
    return out
