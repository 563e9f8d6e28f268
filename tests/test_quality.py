"""Unit tests of ``extract.pdf.quality``: what counts as unreadable, the thresholds, and what a
flagged page does to the issue (warning, ``page_quality``, documents marked uncertain)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.model import Glyph, SourcePage, TableGrid
from extract.pdf.quality import QualitySettings, check_text_quality, page_quality
from tests.conftest import BOX


def page(text: str, number: int = 1, tables: tuple[TableGrid, ...] = ()) -> SourcePage:
    glyphs = tuple(Glyph(c, 10.0 * i, 100, 10.0 * i + 10, 112, 12, "FangSong") for i, c in enumerate(text))
    return SourcePage(number=number, width=595, height=842, glyphs=glyphs, tables=tables)


def cid_page(count: int, clean: str) -> SourcePage:
    glyphs = [Glyph(f"(cid:{n})", 0, 0, 10, 12, 12, "X") for n in range(count)]
    return replace(page(clean), glyphs=tuple(glyphs) + page(clean).glyphs)


def test_clean_chinese_page_is_ok():
    quality = page_quality(page("温州市人民政府关于做好防汛工作的通知"))
    assert (quality.verdict, quality.unreadable, quality.chars) == ("ok", 0, 18)


def test_one_cid_placeholder_counts_as_one_character_and_flags_the_page():
    quality = page_quality(cid_page(1, "温州市人民政府"))
    assert (quality.chars, quality.cid, quality.verdict) == (8, 1, "uncertain")


@pytest.mark.parametrize("char, field", [("\ufffd", "replacement"), ("\ue123", "private_use"), ("⻌", "compat")])
def test_a_single_unknown_character_flags_the_page(char, field):
    quality = page_quality(page(f"温州市{char}人民政府"))
    assert getattr(quality, field) == 1 and quality.verdict == "uncertain"


def test_folio_middle_dots_and_a_degree_sign_are_not_mojibake():
    assert page_quality(page("·7·")).verdict == "ok"
    assert page_quality(page("气温最高达到三十八度，即38°C，请各地做好防暑降温工作")).verdict == "ok"


def test_gbk_mojibake_flags_the_page():
    mojibake = "北斗星".encode("gbk").decode("latin-1")  # ±±¶·ÐÇ
    quality = page_quality(page(mojibake + "通知"))
    assert quality.latin1 == 5  # · is not counted
    assert quality.verdict == "uncertain"


def test_latin1_below_the_share_is_not_flagged():
    text = "温州市人民政府" * 20 + "Café Zürich é"  # 4 Latin-1 letters in 152 characters
    assert page_quality(page(text)).verdict == "ok"


def test_table_cells_are_counted():
    grid = TableGrid(bbox=BOX, rows=(("序号", "名称"), ("1", "(cid:5)(cid:6)")))
    quality = page_quality(page("表", tables=(grid,)))
    assert (quality.chars, quality.cid) == (8, 2)  # 表 序号 名称 1 and two placeholders


@pytest.mark.parametrize("text, noisy", [("根据浙政发[2oi6]ii号文件", 1), ("根据浙政发〔2016〕11号文件", 0), ("温政办〔2O23〕4l号", 1), ("见附件（BIOS）I号", 0)])
def test_doc_number_with_letters_for_digits_is_ocr_noise(text, noisy):
    quality = page_quality(page(text))
    assert quality.ocr_noise == noisy
    assert quality.verdict == ("uncertain" if noisy else "ok")


def test_page_without_text_is_no_text():
    assert page_quality(page("")).verdict == "no-text"


def test_settings_reject_bad_values_naming_them():
    with pytest.raises(ValueError, match="1.5"):
        QualitySettings(max_latin1_share=1.5)
    with pytest.raises(ValueError, match="0"):
        QualitySettings(min_latin1=0)


def test_check_text_quality_warns_records_and_marks_documents(make_issue, dated_measure, hostile_brief):
    clean = replace(hostile_brief, uncertain=False)  # pages 4–4
    issue = make_issue(dated_measure, clean)  # dated_measure: pages 1–3
    pages = [page("温州"), cid_page(3, "温州"), page(""), page("正文"), page("正文")]
    pages = [replace(p, number=n) for n, p in enumerate(pages, start=1)]
    checked = check_text_quality(issue, pages)
    assert [(q.page, q.verdict) for q in checked.page_quality] == [(2, "uncertain"), (3, "no-text")]
    new = checked.warnings[len(issue.warnings) :]
    assert [(w.kind, w.page) for w in new] == [("text-quality", 2)]
    assert new[0].message == "本页文字存疑（(cid:…) 3，共 5 字），请对照 PDF 核对。"
    assert new[0].english.startswith("text uncertain: (cid:…) 3 (of 5 characters); check the text against the PDF")
    assert [d.uncertain for d in checked.documents] == [True, False]
