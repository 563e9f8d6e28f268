"""Unit tests of ``extract.pdf.read``: overprint (fake bold) merging, font names, ruled tables
with merged cells, and one clear ``ExtractionError`` line for PDFs that cannot be read.

Small PDFs are drawn with reportlab in ``tmp_path``; the real third-party PDFs are in
``tests/data/robustness/`` (see its README for what each must give)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from extract.errors import ExtractionError
import pdfplumber

from extract.pdf.lean import CHAR_KEYS, LeanPage
from extract.pdf.read import ReadSettings, font_family, merge_overprints, read_pdf
from extract.pdf.text import group_rows, line_text

ROBUSTNESS = Path(__file__).parent / "data" / "robustness"
SAMPLE_PDF = Path(__file__).parent.parent / "source_pdfs" / "wzgb-2023-04.pdf"
SONG = "STSong-Light"  # reportlab's built-in CID font: Chinese text without embedding a font file
pdfmetrics.registerFont(UnicodeCIDFont(SONG))


def char(text: str, x0: float, top: float, size: float = 16.0, fontname: str = "ABCDEF+SimHei") -> dict:
    """A pdfplumber char dict as ``page.chars`` gives it."""
    return {"text": text, "x0": x0, "top": top, "x1": x0 + size, "bottom": top + size, "size": size, "fontname": fontname, "upright": True}


# ------------------------------------------------------------------ lean parse


@pytest.mark.parametrize("pdf", [SAMPLE_PDF, *sorted(ROBUSTNESS.glob("*.pdf"))], ids=lambda p: p.name)
def test_lean_page_gives_pdfplumbers_own_values_for_what_read_uses(pdf: Path):
    # The reference is pdfplumber's full parse of the same page: the lean parse may leave
    # keys out, never change a value, an order or a non-char object.
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            full, lean = page.objects, LeanPage.of(page).objects
            assert [[c[k] for k in CHAR_KEYS] for c in lean.get("char", [])] == [
                [c[k] for k in CHAR_KEYS] for c in full.get("char", [])
            ]
            assert {kind: objs for kind, objs in lean.items() if kind != "char"} == {
                kind: objs for kind, objs in full.items() if kind != "char"
            }
            assert full.get("char"), f"{pdf.name} p.{page.page_number}: no chars to compare"


# ------------------------------------------------------------------ overprints


def test_twice_overprinted_glyph_becomes_one_with_overprint_2():
    glyphs = merge_overprints([char("通", 100.0, 50.0), char("通", 100.3, 50.2)], tolerance=1.5)
    assert [(g.text, g.overprint) for g in glyphs] == [("通", 2)]
    assert glyphs[0].bold


def test_four_times_overprinted_glyph_becomes_one_with_overprint_4():
    copies = [char("知", 100.0 + dx, 50.0 + dy) for dx, dy in ((0, 0), (0.3, 0), (0, 0.3), (0.3, 0.3))]
    glyphs = merge_overprints(copies, tolerance=1.5)
    assert [(g.text, g.overprint) for g in glyphs] == [("知", 4)]


def test_identical_characters_a_full_em_apart_stay_two():
    # 安徽安利…: 安 occurs twice in the name; adjacent repeats like 年年 must not merge either
    glyphs = merge_overprints([char("年", 100.0, 50.0), char("年", 116.0, 50.0)], tolerance=1.5)
    assert [(g.text, g.x0, g.overprint) for g in glyphs] == [("年", 100.0, 1), ("年", 116.0, 1)]


def test_overprints_of_a_line_merge_glyph_by_glyph():
    once = [char(c, 100.0 + 16 * i, 50.0) for i, c in enumerate("通知通知")]
    again = [char(c, 100.4 + 16 * i, 50.3) for i, c in enumerate("通知通知")]
    glyphs = merge_overprints(once + again, tolerance=1.5)
    assert "".join(g.text for g in glyphs) == "通知通知"
    assert {g.overprint for g in glyphs} == {2}


def test_merged_glyph_has_the_family_name_and_rounded_size():
    (glyph,) = merge_overprints([char("令", 10.0, 10.0, size=15.9999, fontname="AAAAAB+UMingCN-0")], tolerance=1.5)
    assert (glyph.font, glyph.size) == ("UMingCN", 16.0)


def test_read_settings_reject_a_negative_tolerance_naming_it():
    with pytest.raises(ValueError, match="-1"):
        ReadSettings(overprint_tolerance=-1)


# ------------------------------------------------------------------ font names


@pytest.mark.parametrize(
    "fontname, family",
    [
        ("AAAAAB+UMingCN-0", "UMingCN"),  # subset tag and CID suffix
        ("ABCDEF+FangSong_GB2312", "FangSong_GB2312"),
        ("b'DTLNCR+\\xb7\\xc2\\xcb\\xce_GB2312'", "仿宋_GB2312"),  # pdfminer's repr of GBK bytes
        ("b'KXAQYK+\\xba\\xda\\xcc\\xe5'", "黑体"),
        ("\\xd0\\xa1\\xb1\\xea\\xcb\\xce", "小标宋"),  # escaped GBK without b'' and no subset tag
        ("Times-Roman", "Times-Roman"),
    ],
)
def test_font_family_strips_subset_tag_and_decodes_gbk_names(fontname, family):
    assert font_family(fontname) == family


# ------------------------------------------------------------------ real PDFs


def test_read_pdf_gives_a_four_times_overprinted_title_once():
    source = read_pdf(ROBUSTNESS / "dupchars_issue-842.pdf")
    lines = [line_text(row) for row in group_rows(source.pages[0].glyphs)]
    assert "安徽安利合成革股份有限公司" in lines
    title = next(row for row in group_rows(source.pages[0].glyphs) if line_text(row) == "安徽安利合成革股份有限公司")
    assert {g.overprint for g in title} == {4}
    assert {g.font for g in title} == {"黑体"}  # font name arrives as raw GBK bytes


def test_read_pdf_numbers_pages_from_one_and_keeps_sizes(tmp_path):
    path = tmp_path / "two.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(300, 400))
    for text in ("第一页", "第二页"):
        pdf.setFont(SONG, 12)
        pdf.drawString(50, 350, text)
        pdf.showPage()
    pdf.save()
    source = read_pdf(path)
    assert [p.number for p in source.pages] == [1, 2]
    assert (source.pages[0].width, source.pages[0].height) == (300, 400)
    assert ["".join(g.text for g in p.glyphs) for p in source.pages] == ["第一页", "第二页"]


# ------------------------------------------------------------------ tables


def merged_cell_table_pdf(path: Path) -> Path:
    """A 3×3 ruled table whose middle column is one cell over rows 2–3 (no rule between
    them there), and a line of body text under it. Coordinates are from the top."""
    height = 300
    pdf = canvas.Canvas(str(path), pagesize=(400, height))
    pdf.setFont(SONG, 10)

    def rule(x0: float, top0: float, x1: float, top1: float) -> None:
        pdf.line(x0, height - top0, x1, height - top1)

    def text(x: float, baseline: float, value: str) -> None:
        pdf.drawString(x, height - baseline, value)

    for top in (50, 70, 110):
        rule(50, top, 350, top)
    rule(50, 90, 150, 90)  # row 2/3 boundary: left and right columns only
    rule(250, 90, 350, 90)
    for x in (50, 150, 250, 350):
        rule(x, 50, x, 110)
    cells = (
        (60, 65, "序号"), (160, 65, "名称"), (260, 65, "承办单位"),
        (60, 85, "1"), (160, 95, "甲办法"), (260, 85, "市住建局"),  # 甲办法 centred in the merged cell
        (60, 105, "2"), (260, 105, "市财政局"),
    )
    for x, baseline, value in cells:
        text(x, baseline, value)
    text(50, 140, "表后正文")
    pdf.save()
    return path


def test_ruled_table_with_a_merged_cell_gives_rowspans_and_repeats_the_text(tmp_path):
    page = read_pdf(merged_cell_table_pdf(tmp_path / "table.pdf")).pages[0]
    (table,) = page.tables
    assert table.rows == (
        ("序号", "名称", "承办单位"),
        ("1", "甲办法", "市住建局"),
        ("2", "甲办法", "市财政局"),
    )
    assert table.rowspans == ((1, 1, 2),)
    assert (table.bbox.x0, table.bbox.top, table.bbox.x1, table.bbox.bottom) == (50, 50, 350, 110)


def test_table_glyphs_leave_the_running_text(tmp_path):
    page = read_pdf(merged_cell_table_pdf(tmp_path / "table.pdf")).pages[0]
    assert "".join(g.text for g in page.glyphs) == "表后正文"


# ------------------------------------------------------------------ unreadable input


def assert_one_line_naming(error: ExtractionError, path: Path) -> None:
    message = str(error)
    assert path.name in message
    assert "\n" not in message
    assert error.path == path


def test_zero_byte_file_is_an_extraction_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError) as error:
        read_pdf(path)
    assert_one_line_naming(error.value, path)
    assert "empty" in str(error.value)


def test_non_pdf_is_an_extraction_error_naming_the_file(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_text("<html><body>404 Not Found</body></html>", encoding="utf-8")
    with pytest.raises(ExtractionError) as error:
        read_pdf(path)
    assert_one_line_naming(error.value, path)
    assert "not a PDF" in str(error.value)


def test_missing_file_is_an_extraction_error_naming_the_file(tmp_path):
    path = tmp_path / "missing.pdf"
    with pytest.raises(ExtractionError) as error:
        read_pdf(path)
    assert_one_line_naming(error.value, path)


def test_truncated_pdf_is_an_extraction_error_naming_the_file(tmp_path):
    whole = (ROBUSTNESS / "dupchars_issue-842.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ExtractionError) as error:
        read_pdf(path)
    assert_one_line_naming(error.value, path)


def test_encrypted_pdf_is_an_extraction_error_naming_the_file(tmp_path):
    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("user-secret", ownerPassword="owner-secret"))
    pdf.setFont(SONG, 12)
    pdf.drawString(50, 700, "加密文件")
    pdf.save()
    with pytest.raises(ExtractionError) as error:
        read_pdf(path)
    assert_one_line_naming(error.value, path)
    assert "encrypted" in str(error.value)


def test_unreadable_font_bboxes_are_collected_not_logged(tmp_path, capsys):
    """A font descriptor whose FontBBox has three numbers: pdfminer logs "Could not get
    FontBBox" for it; read keeps the distinct messages and layout reports them once."""
    from extract.pdf.layout import lay_out
    from tests.robustness.corpus import identity_font_pdf

    pdf = identity_font_pdf(tmp_path / "bbox.pdf", ["温州市人民政府公报"], {})
    data = pdf.read_bytes()
    assert b"/FontBBox [0 -200 1000 800]" in data
    pdf.write_bytes(data.replace(b"/FontBBox [0 -200 1000 800]", b"/FontBBox [0 -200 1000]    "))  # same length: xref holds
    source = read_pdf(pdf)
    assert len(source.font_bbox_unreadable) == 1, "one malformed descriptor, one distinct message"
    assert "FontBBox" not in capsys.readouterr().err
    assert [w.kind for w in lay_out(source).warnings if "FontBBox" in w.english] == ["font-bbox-unreadable"]
