"""Turning glyphs into text the way Chinese typesetting expects.

Chinese is written without spaces, and justified CJK lines spread their glyphs apart: a gap
between two Han characters is never a word space. Spaces are kept where the PDF draws one
and added only between Latin letters or digits set apart by a visible gap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from extract.model import Glyph

# A gap of this many ems between two non-CJK glyphs reads as a word space.
LATIN_SPACE_EM = 0.25


def is_cjk(char: str) -> bool:
    """True for Han characters, CJK punctuation and full-width forms."""
    if not char:
        return False
    code = ord(char[0])
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK symbols and punctuation, kana, Han
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or char in "“”‘’—…·"
    )


def line_text(glyphs: Sequence[Glyph]) -> str:
    """Glyphs on one baseline (any order) -> the line's text.

    Drawn spaces collapse to one; a space is added between two non-CJK glyphs separated by
    more than a quarter em (Latin words, numbers in a table row); never between CJK glyphs.
    """
    out: list[str] = []
    previous: Glyph | None = None
    for glyph in sorted(glyphs, key=lambda g: g.x0):
        if glyph.text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            previous = glyph
            continue
        if previous is not None and not previous.text.isspace() and out and out[-1] != " ":
            gap = glyph.x0 - previous.x1
            if gap > LATIN_SPACE_EM * max(glyph.size, previous.size) and not (is_cjk(glyph.text) or is_cjk(previous.text)):
                out.append(" ")
        out.append(glyph.text)
        previous = glyph
    return "".join(out).strip()


def join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph: no space, except between two Latin words.

    A 文号, date or number broken over the line end (``…〔2021〕16`` / ``号）``) rejoins
    without a space; ``Wenzhou`` / ``City`` gets one.
    """
    if not first:
        return second
    if not second:
        return first
    if re.match(r"[A-Za-z]", first[-1]) and re.match(r"[A-Za-z]", second[0]):
        return f"{first} {second}"
    return first + second


def group_rows(glyphs: Sequence[Glyph], tolerance_em: float = 0.3) -> list[list[Glyph]]:
    """Glyphs -> rows of glyphs sharing a baseline, top to bottom, each row left to right.

    Two glyphs share a row when their vertical centres differ by less than
    ``tolerance_em`` of the smaller glyph's size.
    """
    rows: list[list[Glyph]] = []
    centres: list[float] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        centre = (glyph.top + glyph.bottom) / 2
        if rows and abs(centre - centres[-1]) <= tolerance_em * min(glyph.size, rows[-1][0].size):
            rows[-1].append(glyph)
            count = len(rows[-1])
            centres[-1] += (centre - centres[-1]) / count
        else:
            rows.append([glyph])
            centres.append(centre)
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def join_glyph_lines(glyphs: Sequence[Glyph]) -> str:
    """Glyphs of a small area (a table cell) -> its text, lines joined CJK-style."""
    text = ""
    for row in group_rows(glyphs):
        text = join_lines(text, line_text(row))
    return text


def normalize_for_match(text: str) -> str:
    """Text reduced for comparing titles: no whitespace, brackets and dashes unified.

    Used to find a 目录 entry's title in the body, where line breaks and bracket styles
    (〔〕 [] ［］) differ.
    """
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    text = text.translate(str.maketrans("〔〕［］【】", "[][][]"))
    return text.replace("—", "-").replace("–", "-")
