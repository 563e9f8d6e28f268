"""Extracted text made safe for a markdown page, body blocks as a page shows them, and the
paths pages are written to.

All extracted text goes through :func:`md_escape`, so a PDF containing ``<script>`` or
``{{`` shows it as text. Every path a writer returns is built by :func:`site_path`, whose
segments are checked, so an id taken from a PDF can never name a file outside the site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup

from extract.model import Block, BlockKind, TableGrid

# --------------------------------------------------------------------------- escaping

# Characters that HTML or Python-Markdown would act on anywhere in a line. Numeric
# references render as the character itself in both markdown paragraphs and raw HTML.
_ACTIVE_CHARS = "&<>\"'\\`*_[]{}|~!#"
_ESCAPES = str.maketrans({char: f"&#{ord(char)};" for char in _ACTIVE_CHARS})
# Control characters (but tab) are dropped first: YAML front matter and HTML reject them.
_DROP_CONTROLS = str.maketrans(dict.fromkeys([*range(0x09), *range(0x0A, 0x20), 0x7F]))

# Line starts that open a block: list bullets, setext underlines, ordered lists ("1. ").
_BLOCK_START = re.compile(
    r"""^(?:
        [-+=]               # "- item", "+ item", "===" under a line
      | \d+(?=[.)])         # "1. item", "1) item": escape the delimiter after the digits
    )""",
    re.VERBOSE,
)


def _escape_line(line: str) -> str:
    # Leading spaces would open a code block, two trailing ones a <br>.
    line = line.translate(_DROP_CONTROLS).strip()
    opener = _BLOCK_START.match(line)
    if opener is None:
        return line.translate(_ESCAPES)
    if opener.group().isdigit():
        end = opener.end()
        return line[:end] + f"&#{ord(line[end])};" + line[end + 1 :].translate(_ESCAPES)
    return f"&#{ord(line[0])};" + line[1:].translate(_ESCAPES)


def md_escape(text: str | None, inline: bool = False) -> Markup:
    """Escape extracted text for a markdown page (and for HTML inside it).

    HTML special characters and markdown-active characters become numeric character
    references; a line that would start a list or heading is defused. With ``inline`` the
    lines are joined by spaces (for headings, table cells and links). None gives "".
    """
    if not text:
        return Markup("")
    lines = text.splitlines()
    if inline:
        return Markup(" ".join(_escape_line(line) for line in lines if line.strip()))
    return Markup("\n".join(_escape_line(line) for line in lines))


def html_lines(text: str | None) -> Markup:
    """Escaped text whose line breaks become ``<br>``, for cells and signatures in HTML."""
    if not text:
        return Markup("")
    return Markup("<br>").join(md_escape(line, inline=True) for line in text.splitlines())


# --------------------------------------------------------------------------- paths


def safe_segment(name: str) -> str:
    """Return ``name`` if it can be one path segment under docs/; raise ValueError if not.

    Rejected: empty, ``.``/``..``, separators (``/``, ``\\``) and NUL — ids come from the
    pipeline, but a path built from extracted data must never leave the docs folder.
    """
    if name in ("", ".", "..") or any(bad in name for bad in ("/", "\\", "\0")):
        raise ValueError(f"Invalid path segment: {name!r} (ids must not be empty or contain / \\ NUL or ..)")
    return name


def site_path(*segments: str) -> str:
    """The relative path ``segment/segment/…`` (POSIX) after checking each segment
    (``safe_segment``); raises ValueError naming a bad one."""
    return "/".join(safe_segment(segment) for segment in segments)


# --------------------------------------------------------------------------- body blocks


def heading_marks(block: Block) -> str:
    """Markdown ``#`` marks for a heading block: one level below the page's h1, at most h6."""
    level = block.level if block.kind is BlockKind.HEADING else 1
    return "#" * min(max(level, 1) + 1, 6)


def displayed_outline(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` with heading levels as a page shows them: ranked, and never more than one
    deeper than the heading before, so that ``heading_marks`` starts below the page's h1
    and skips no level (WCAG 1.3.1, axe ``heading-order``).

    A document using only 3 = （一） headings gets them at level 1 (h2); levels 2, 3 stay
    2, 3 after a title block. Title blocks count as level 1 and are left as they are.
    """
    levels = [1 if b.kind is BlockKind.TITLE else max(b.level, 1) if b.kind is BlockKind.HEADING else None for b in blocks]
    rank = {level: index + 1 for index, level in enumerate(sorted({lv for lv in levels if lv is not None}))}
    shown: list[Block] = []
    previous = 0
    for block, level in zip(blocks, levels):
        if level is not None:
            previous = min(rank[level], previous + 1)
            if block.kind is BlockKind.HEADING:
                block = replace(block, level=previous)
        shown.append(block)
    return tuple(shown)


@dataclass(frozen=True)
class TableCell:
    """A cell of a ruled table as the ``table`` macro (``partials/blocks.md.j2``) writes it:
    its text (line breaks kept) and how many columns and rows it spans (1: none)."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class TableSection:
    """``<thead>`` (cells ``th``) or ``<tbody>`` (cells ``td``): its rows of cells."""

    name: str
    cell_tag: str
    rows: tuple[tuple[TableCell, ...], ...]


def _table_cells(grid: TableGrid, row: int) -> tuple[TableCell, ...]:
    """The cells that start in ``row``.

    A ``None`` cell is covered: from above when a rowspan reaches it, else from the left,
    which widens the cell before it.
    """
    rowspans = {(r, c): span for r, c, span in grid.rowspans}
    covered_from_above = {(r + k, c) for (r, c), span in rowspans.items() for k in range(1, span)}
    cells: list[TableCell] = []
    for col, text in enumerate(grid.rows[row]):
        if (row, col) in covered_from_above:
            continue
        if text is None and cells:
            cells[-1] = replace(cells[-1], colspan=cells[-1].colspan + 1)
            continue
        cells.append(TableCell(text or "", 1, rowspans.get((row, col), 1)))
    return tuple(cells)


def table_sections(grid: TableGrid) -> tuple[TableSection, ...]:
    """A ruled table's header rows (``thead``) and body rows (``tbody``), merged cells
    spanned; a section without rows is left out."""
    sections = (
        ("thead", "th", range(grid.header_rows)),
        ("tbody", "td", range(grid.header_rows, len(grid.rows))),
    )
    return tuple(TableSection(name, tag, tuple(_table_cells(grid, row) for row in rows))
                 for name, tag, rows in sections if rows)
