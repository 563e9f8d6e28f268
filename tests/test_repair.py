"""Unit tests of ``extract.pdf.repair``: only certain repairs — Kangxi radicals to unified
ideographs, GBK bytes shown as Latin-1 re-decoded — each reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Glyph
from extract.pdf.read import read_pdf
from extract.pdf.repair import repair_glyphs, unify_ideograph
from extract.pdf.text import group_rows, line_text

ROBUSTNESS = Path(__file__).parent / "data" / "robustness"


def glyphs(text: str, font: str = "FangSong", x0: float = 0.0, top: float = 100.0, width: float = 6.0) -> list[Glyph]:
    return [Glyph(c, x0 + i * width, top, x0 + (i + 1) * width, top + 12, 12.0, font) for i, c in enumerate(text)]


@pytest.mark.parametrize("radical, ideograph", [("⽇", "日"), ("⼈", "人"), ("⽉", "月"), ("⾏", "行")])
def test_kangxi_radical_becomes_the_unified_ideograph(radical, ideograph):
    assert unify_ideograph(radical) == ideograph


def test_compatibility_ideograph_becomes_the_unified_ideograph():
    assert unify_ideograph("\uf9dc") == "隆"  # CJK COMPATIBILITY IDEOGRAPH-F9DC


@pytest.mark.parametrize("char", list("（），：；！？　［］〔〕") + ["A", "1", "日"])
def test_full_width_punctuation_and_ordinary_text_are_untouched(char):
    # blanket NFKC would turn （，：） into ASCII; the repair must not
    assert unify_ideograph(char) == char


def test_repair_glyphs_unifies_radicals_and_reports_how_many():
    repaired, notes = repair_glyphs(glyphs("⽇常⼯作"))
    assert "".join(g.text for g in repaired) == "日常工作"
    assert len(notes) == 1 and notes[0].startswith("2 ")


def test_gbk_shown_as_latin1_is_redecoded_and_reported():
    mojibake = "全世界".encode("gbk").decode("latin-1")  # what a WinAnsi font without ToUnicode shows
    repaired, notes = repair_glyphs(glyphs(mojibake, font="小标宋"))
    assert "".join(g.text for g in repaired) == "全世界"
    assert len(notes) == 1 and "小标宋" in notes[0] and "GBK" in notes[0]


def test_redecoded_glyph_spans_both_byte_glyphs():
    repaired, _ = repair_glyphs(glyphs("È«ÊÀ½ç", font="小标宋", x0=10, width=6))  # GBK 全世界
    assert [(g.text, g.x0, g.x1) for g in repaired] == [("全", 10, 22), ("世", 22, 34), ("界", 34, 46)]


def test_a_folio_with_latin1_middle_dots_is_not_redecoded():
    # ·  7  · : U+00B7 is a Latin-1 byte too, but two of them are no GBK text
    repaired, notes = repair_glyphs(glyphs("·7·", font="Times"))
    assert "".join(g.text for g in repaired) == "·7·"
    assert notes == ()


def test_latin_text_with_accents_is_not_redecoded():
    repaired, notes = repair_glyphs(glyphs("Café Zürich", font="Times"))
    assert "".join(g.text for g in repaired) == "Café Zürich"
    assert notes == ()


def test_clean_text_gets_no_repair_note():
    repaired, notes = repair_glyphs(glyphs("温州市人民政府"))
    assert "".join(g.text for g in repaired) == "温州市人民政府"
    assert notes == ()


def test_simfang_variant_pdf_reads_as_chinese_with_a_repair_note():
    page = read_pdf(ROBUSTNESS / "SimFang-variant.pdf").pages[0]
    repaired = [g for g in page.glyphs if g.font == "小标宋"]
    assert line_text(repaired) == "全世界无产者，联合起来"
    assert len(group_rows(repaired)) == 1
    assert any("GBK" in note for note in page.repairs)


@pytest.mark.parametrize("radical, ideograph", [("⺠", "民"), ("⻔", "门"), ("⻓", "长"), ("⻅", "见"), ("⺟", "母"), ("⻳", "龟")])
def test_cjk_radicals_supplement_becomes_the_unified_ideograph(radical, ideograph):
    # U+2EA0, U+2ED4, U+2ED3 … : NFKC leaves all but ⺟ and ⻳ alone; Equivalent_Unified_Ideograph maps them
    assert unify_ideograph(radical) == ideograph


def test_radicals_supplement_table_covers_the_block_but_its_two_gaps():
    assert {hex(ord(c)) for c in map(chr, range(0x2E80, 0x2EF4)) if unify_ideograph(c) == c} == {"0x2e80", "0x2e9a"}
