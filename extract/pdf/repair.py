"""Repairs of glyph text that are certain; everything else is left for the report.

* Kangxi radicals (U+2F00–U+2FDF), CJK Radicals Supplement characters (U+2E80–U+2EFF)
  and CJK compatibility ideographs that broken ToUnicode maps produce (``⽇`` U+2F47 for
  ``日``, ``⺠`` U+2EA0 for ``民``, ``⻔`` U+2ED4 for ``门``) become the unified ideograph.
  Kangxi radicals and compatibility ideographs by their Unicode compatibility mapping
  restricted to those blocks — never blanket NFKC, which would also turn full-width
  punctuation （，：） into ASCII; the supplement, which has (almost) no compatibility
  mapping, by the Unicode Character Database's Equivalent_Unified_Ideograph property.
* GBK bytes shown as Latin-1 (a Chinese font declared WinAnsi with no ToUnicode map:
  ``È«ÊÀ½ç`` for ``全世界``) are re-decoded as GBK when every byte pair decodes to CJK.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from extract.model import Glyph
from extract.pdf.text import is_cjk

# How far apart (ems) the two byte glyphs of one GBK character may be drawn.
PAIR_GAP_EM = 0.1

_COMPAT_RANGES = ((0x2F00, 0x2FDF), (0x2E80, 0x2EFF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


# EquivalentUnifiedIdeograph.txt (Unicode 14.0.0, Ken Lunde), its lines for the CJK Radicals
# Supplement as ``radical[..last]:ideograph`` in hex; U+2E80 and U+2E9A have no equivalent.
_SUPPLEMENT_LINES = (
    "2E81:5382 2E82:4E5B 2E83:4E5A 2E84:4E59 2E85:4EBB 2E86:5182 2E87:20628 2E88:5200 "
    "2E89:5202 2E8A:535C 2E8B:353E 2E8C..2E8D:5C0F 2E8E:5140 2E8F:5C23 2E90:5C22 2E91:21BC2 "
    "2E92:5DF3 2E93:5E7A 2E94:5F51 2E95:5F50 2E96:5FC4 2E97:5FC3 2E98:624C 2E99:6535 "
    "2E9B:65E1 2E9C:65E5 2E9D:6708 2E9E:6B7A 2E9F:6BCD 2EA0:6C11 2EA1:6C35 2EA2:6C3A "
    "2EA3:706C 2EA4..2EA5:722B 2EA6:4E2C 2EA7:725B 2EA8:72AD 2EA9:738B 2EAA:24D14 2EAB:76EE "
    "2EAC:793A 2EAD:793B 2EAE:25AD7 2EAF:7CF9 2EB0:7E9F 2EB1:7F53 2EB2:7F52 2EB3:34C1 "
    "2EB4:5197 2EB5:2626B 2EB6:7F8A 2EB7:2634C 2EB8:2634B 2EB9:8002 2EBA:8080 2EBB:807F "
    "2EBC:8089 2EBD:26951 2EBE..2EC0:8279 2EC1:864E 2EC2:8864 2EC3:8980 2EC4:897F 2EC5:89C1 "
    "2EC6:89D2 2EC7:278B2 2EC8:8BA0 2EC9:8D1D 2ECA:27FB7 2ECB:8F66 2ECC..2ECE:8FB6 2ECF:9091 "
    "2ED0:9485 2ED1:9577 2ED2:9578 2ED3:957F 2ED4:95E8 2ED5:28E0F 2ED6:961D 2ED7:96E8 "
    "2ED8:9752 2ED9:97E6 2EDA:9875 2EDB:98CE 2EDC:98DE 2EDD:98DF 2EDE:2967F 2EDF:98E0 "
    "2EE0:9963 2EE1:29810 2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C 2EE6:9E1F 2EE7:5364 "
    "2EE8:9EA6 2EE9:9EC4 2EEA:9EFE 2EEB:6589 2EEC:9F50 2EED:6B6F 2EEE:9F7F 2EEF:7ADC "
    "2EF0:9F99 2EF1:9F9C 2EF2:4E80 2EF3:9F9F "
)


def _supplement_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in "".join(_SUPPLEMENT_LINES).split():
        radicals, _, unified = line.partition(":")
        first, _, last = radicals.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            table[chr(code)] = chr(int(unified, 16))
    return table


#: CJK Radicals Supplement character -> its equivalent unified ideograph (⺠ -> 民).
RADICALS_SUPPLEMENT = _supplement_table()


def is_compat_ideograph(char: str) -> bool:
    """True for one Kangxi radical, CJK radical supplement or compatibility ideograph."""
    return len(char) == 1 and any(lo <= ord(char) <= hi for lo, hi in _COMPAT_RANGES)


@lru_cache(maxsize=None)  # called for every glyph of every page; a page uses few characters
def unify_ideograph(char: str) -> str:
    """A Kangxi radical, CJK Radicals Supplement character or compatibility ideograph ->
    its unified ideograph; others as is."""
    if char in RADICALS_SUPPLEMENT:
        return RADICALS_SUPPLEMENT[char]
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
