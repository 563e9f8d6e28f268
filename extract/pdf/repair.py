"""Repairs of glyph text that are certain; everything else is left for the report.

* Kangxi radicals (U+2F00–U+2FDF) and CJK compatibility ideographs that broken ToUnicode
  maps produce (``⽇`` U+2F47 for ``日``) become the unified ideograph. The table is the
  Unicode compatibility mapping restricted to those blocks — never blanket NFKC, which
  would also turn full-width punctuation （，：） into ASCII.
* GBK bytes shown as Latin-1 (a Chinese font declared WinAnsi with no ToUnicode map:
  ``È«ÊÀ½ç`` for ``全世界``) are re-decoded as GBK when every byte pair decodes to CJK.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from extract.model import Glyph
from extract.pdf.text import is_cjk

# How far apart (ems) the two byte glyphs of one GBK character may be drawn.
PAIR_GAP_EM = 0.1

_COMPAT_RANGES = ((0x2F00, 0x2FDF), (0x2E80, 0x2EFF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def is_compat_ideograph(char: str) -> bool:
    """True for one Kangxi radical, CJK radical supplement or compatibility ideograph."""
    return len(char) == 1 and any(lo <= ord(char) <= hi for lo, hi in _COMPAT_RANGES)


def unify_ideograph(char: str) -> str:
    """A Kangxi radical or compatibility ideograph -> its unified ideograph; others as is."""
    if is_compat_ideograph(char):
        unified = unicodedata.normalize("NFKC", char)
        if len(unified) == 1 and 0x4E00 <= ord(unified) <= 0x9FFF:
            return unified
    return char


def repair_glyphs(glyphs: Sequence[Glyph]) -> tuple[list[Glyph], tuple[str, ...]]:
    """Apply the certain repairs; return the glyphs and one line per kind of repair made."""
    repairs: list[str] = []
    unified = [_replace_text(g, unify_ideograph(g.text)) for g in glyphs]
    changed = sum(1 for a, b in zip(glyphs, unified) if a.text != b.text)
    if changed:
        repairs.append(f"{changed} Kangxi-radical/compatibility characters unified")
    result: list[Glyph] = []
    by_font: dict[str, list[Glyph]] = defaultdict(list)
    for glyph in unified:
        by_font[glyph.font].append(glyph)
    for font, font_glyphs in by_font.items():
        if _looks_like_gbk_mojibake(font_glyphs):
            decoded = _redecode_gbk(font_glyphs)
            if decoded is not None:
                repairs.append(f"font {font}: {len(decoded)} characters re-decoded from GBK shown as Latin-1")
                result.extend(decoded)
                continue
        result.extend(font_glyphs)
    order = {id(g): i for i, g in enumerate(unified)}
    result.sort(key=lambda g: order.get(id(g), len(order)))
    return result, tuple(repairs)


def _replace_text(glyph: Glyph, text: str) -> Glyph:
    if text == glyph.text:
        return glyph
    return Glyph(text, glyph.x0, glyph.top, glyph.x1, glyph.bottom, glyph.size, glyph.font, glyph.overprint)


def _looks_like_gbk_mojibake(glyphs: Sequence[Glyph]) -> bool:
    visible = [g for g in glyphs if not g.text.isspace()]
    high = [g for g in visible if len(g.text) == 1 and 0x80 <= ord(g.text) <= 0xFF]
    # a folio's two middle dots (·, U+00B7) are Latin-1 too: ask for a real run of bytes
    return len(high) >= 6 and len(high) >= 0.6 * len(visible)


def _redecode_gbk(glyphs: Sequence[Glyph]) -> list[Glyph] | None:
    """Pair up the byte glyphs in drawing order and decode each pair as GBK; None unless
    every pair decodes to CJK.

    A pair is the two bytes of one character, so the trail byte must be drawn right after
    the lead byte and touch it (within ``PAIR_GAP_EM``): drawing order, not x order, since
    a producer may overlap a separator glyph with the next character. A trail byte the
    font drew as a space (XiaoBiaoSong.pdf's ``0xAD``) leaves a gap and fails the pair.
    """
    visible = [g for g in glyphs if not g.text.isspace()]
    out: list[Glyph] = []
    index = 0
    while index < len(visible):
        glyph = visible[index]
        code = ord(glyph.text) if len(glyph.text) == 1 else 0
        if code < 0x81 or code > 0xFE:
            if code > 0xFF:
                return None
            out.append(glyph)
            index += 1
            continue
        if index + 1 >= len(visible) or not _touching(glyph, visible[index + 1]):
            return None
        partner = visible[index + 1]
        try:
            char = bytes([code, ord(partner.text)]).decode("gbk")
        except (UnicodeDecodeError, ValueError, TypeError):  # TypeError: a (cid:N) partner
            return None
        if not is_cjk(char):
            return None
        out.append(Glyph(char, glyph.x0, glyph.top, partner.x1, max(glyph.bottom, partner.bottom), glyph.size, glyph.font, glyph.overprint))
        index += 2
    return out


def _touching(lead: Glyph, trail: Glyph) -> bool:
    tolerance = PAIR_GAP_EM * lead.size
    return abs(trail.x0 - lead.x1) <= tolerance and abs(trail.top - lead.top) <= tolerance
