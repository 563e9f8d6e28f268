"""Each bad or odd PDF of the corpus gives its exact outcome — repaired text, a flagged page
or one clear error line — and no page is lost: pages in documents, front matter and
unassigned add up to the PDF's page count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfplumber
import pytest

from extract import pipeline
from extract.documents.accounting import page_accounting
from extract.errors import ExtractionError
from extract.model import Issue
from extract.pdf.read import read_pdf
from tests.robustness import corpus

REPO = Path(__file__).resolve().parents[2]
REAL_PDFS = sorted((REPO / "tests" / "data" / "robustness").glob("*.pdf")) + sorted((REPO / "source_pdfs").glob("*.pdf"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    corpus.make(folder)
    return folder


def extract(folder: Path, name: str) -> Issue:
    return pipeline.extract_pdf(folder / name)


def all_text(issue: Issue) -> str:
    return "".join(block.text for doc in issue.documents for block in doc.blocks) + "".join(
        doc.title for doc in issue.documents
    )


def page_text(path: Path, number: int) -> str:
    return "".join(g.text for g in read_pdf(path).pages[number - 1].glyphs)


def assert_every_page_accounted(issue: Issue, path: Path) -> None:
    """The partition covers 1..N exactly once, N being the page count pdfplumber reads."""
    with pdfplumber.open(path) as pdf:
        page_count = len(pdf.pages)
    accounting = issue.accounting
    assert accounting == page_accounting(issue)
    assert accounting.page_count == issue.page_count == page_count
    parts = accounting.in_documents + accounting.front_matter + accounting.unassigned
    assert sorted(parts) == list(range(1, page_count + 1))
    unassigned_warnings = sorted(w.page for w in issue.warnings if w.kind == "unassigned-page")
    assert unassigned_warnings == list(accounting.unassigned)


# ------------------------------------------------------------------ repaired


@pytest.mark.parametrize("name, copies", [("fake-bold-x2.pdf", 2), ("fake-bold-x4.pdf", 4)])
def test_fake_bold_title_reads_once_and_bold(folder, name, copies):
    issue = extract(folder, name)
    (doc,) = issue.documents
    assert doc.title == corpus.TITLE
    assert doc.doc_number == corpus.DOC_NUMBER
    assert not doc.uncertain and issue.page_quality == ()
    title_glyphs = [g for g in read_pdf(folder / name).pages[0].glyphs if g.size == corpus.TITLE_SIZE]
    assert "".join(g.text for g in title_glyphs) == corpus.TITLE
    assert {g.overprint for g in title_glyphs} == {copies}
    assert_every_page_accounted(issue, folder / name)


def test_gbk_bytes_in_a_winansi_font_are_redecoded(folder):
    text = page_text(folder / "gbk-as-winansi.pdf", 1)
    assert text == "北斗星通知" + "".join(corpus.BODY)
    issue = extract(folder, "gbk-as-winansi.pdf")
    assert [w.kind for w in issue.warnings if w.page == 1] == ["text-repaired"]
    assert "小标宋" in issue.warnings[0].message  # the font named by raw GBK bytes
    assert issue.page_quality == ()
    assert_every_page_accounted(issue, folder / "gbk-as-winansi.pdf")


def test_kangxi_radicals_become_unified_ideographs(folder):
    assert page_text(folder / "kangxi-radicals.pdf", 1) == "日常工作月报" + "".join(corpus.BODY)
    issue = extract(folder, "kangxi-radicals.pdf")
    # 日 and 月 of the first line, 工 there and in 工作 of the body
    assert [w.message for w in issue.warnings if w.kind == "text-repaired"] == ["4 Kangxi-radical/compatibility characters unified"]
    assert issue.page_quality == ()
    assert_every_page_accounted(issue, folder / "kangxi-radicals.pdf")


def test_digits_on_a_shifted_baseline_stay_in_their_line(folder):
    issue = extract(folder, "shifted-baseline.pdf")
    (doc,) = issue.documents
    assert doc.blocks[0].text == "本通知自2024年6月1日起施行，有效期5年。"
    assert (doc.effective_date.value, doc.validity.years) == (dt.date(2024, 6, 1), 5)
    # one page of a notice, no masthead or issue number: rightly not taken for a gazette issue
    assert [w.kind for w in issue.warnings] == ["not-a-gazette-issue"]
    assert_every_page_accounted(issue, folder / "shifted-baseline.pdf")


def test_toc_with_leader_dots_is_front_matter_not_a_table(folder):
    path = folder / "toc-leader-dots.pdf"
    assert read_pdf(path).pages[0].tables == ()
    issue = extract(folder, "toc-leader-dots.pdf")
    assert [(d.title, d.pages) for d in issue.documents] == [(t, (n, n)) for n, t in enumerate(corpus.TOC_TITLES, start=2)]
    assert issue.accounting.front_matter == (1,)
    assert_every_page_accounted(issue, path)


def test_pdf_with_only_an_owner_password_opens_and_unmapped_text_is_flagged(folder):
    # It opens without a password. reportlab encrypts the CID font's CIDSystemInfo strings,
    # which pdfminer leaves encrypted: the font cannot be mapped, so the glyphs come out as
    # (cid:N) — and the page is flagged rather than published as if it were text.
    issue = extract(folder, "owner-password-only.pdf")
    (quality,) = issue.page_quality
    assert (quality.verdict, quality.cid) == ("uncertain", quality.chars)
    assert all(doc.uncertain for doc in issue.documents)
    assert_every_page_accounted(issue, folder / "owner-password-only.pdf")


# ------------------------------------------------------------------ flagged


@pytest.mark.parametrize(
    "name, counted",
    [("cid-no-tounicode.pdf", "cid"), ("pua-only.pdf", "private_use")],
)
def test_unmapped_font_flags_the_page_and_marks_the_document(folder, name, counted):
    issue = extract(folder, name)
    (quality,) = issue.page_quality
    characters = len(corpus.TITLE + "".join(corpus.BODY))
    assert (quality.page, quality.verdict, quality.chars, getattr(quality, counted)) == (1, "uncertain", characters, characters)
    (warning,) = [w for w in issue.warnings if w.kind == "text-quality"]
    label = {"cid": "(cid:…)", "private_use": "private use"}[counted]
    assert warning.page == 1 and f"text uncertain: {label} {characters} (of {characters} characters)" in warning.english
    assert issue.documents and all(doc.uncertain for doc in issue.documents)
    assert_every_page_accounted(issue, folder / name)


def test_noisy_ocr_doc_number_flags_the_page(folder):
    issue = extract(folder, "ocr-noise.pdf")
    (quality,) = issue.page_quality
    assert (quality.page, quality.ocr_noise, quality.verdict) == (1, 1, "uncertain")
    assert all(doc.uncertain for doc in issue.documents)
    assert_every_page_accounted(issue, folder / "ocr-noise.pdf")


def test_image_only_page_is_flagged_and_kept_in_its_document(folder):
    issue = extract(folder, "image-only-page.pdf")
    assert [(w.kind, w.page) for w in issue.warnings if w.kind in ("no-text", "text-quality")] == [("no-text", 2)]
    assert [(q.page, q.verdict) for q in issue.page_quality] == [(2, "no-text")]
    (doc,) = issue.documents
    assert doc.pages == (1, 3) and doc.uncertain
    assert "二、加强监测预警" in all_text(issue)
    assert_every_page_accounted(issue, folder / "image-only-page.pdf")


def test_corrupt_middle_page_is_reported_and_the_others_kept(folder):
    issue = extract(folder, "corrupt-page.pdf")
    assert [(d.title, d.pages) for d in issue.documents] == [("Page one", (1, 1)), ("Page three", (3, 3))]
    assert [(w.kind, w.page) for w in issue.warnings] == [("no-text", 2), ("not-a-gazette-issue", None), ("unassigned-page", 2)]
    assert issue.accounting.unassigned == (2,)
    assert_every_page_accounted(issue, folder / "corrupt-page.pdf")


def test_real_xiaobiaosong_mojibake_is_flagged(extracted):
    # Its 目录 font draws the trail byte 0xAD as a space: the re-decoding is not certain.
    path = REPO / "tests" / "data" / "robustness" / "XiaoBiaoSong.pdf"
    issue = extracted(path)
    (quality,) = issue.page_quality
    assert quality.verdict == "uncertain" and quality.latin1 > quality.chars / 2
    assert [w.page for w in issue.warnings if w.kind == "text-quality"] == [1]
    assert "一九三七年八月一日" in page_text(path, 1)  # the date font is repaired all the same
    assert_every_page_accounted(issue, path)


# ------------------------------------------------------------------ clear errors


@pytest.mark.parametrize(
    "name, message",
    [
        ("encrypted.pdf", "encrypted.pdf: the PDF is encrypted; ask the publisher for an unprotected copy"),
        ("truncated.pdf", "truncated.pdf: the PDF is truncated (it ends early); copy or download it again"),
        ("zero-bytes.pdf", "zero-bytes.pdf: the file is empty (0 bytes); copy the PDF again"),
        ("not-a-pdf.pdf", "not-a-pdf.pdf: not a PDF (no %PDF header); is it another format renamed to .pdf?"),
        ("no-pages.pdf", "no-pages.pdf: the PDF has no pages"),
        ("scan-only.pdf", "scan-only.pdf, page 1: no text layer on any page (a scan?); run OCR first or supply the text PDF"),
    ],
)
def test_unreadable_pdf_is_one_clear_line(folder, name, message):
    with pytest.raises(ExtractionError) as error:
        extract(folder, name)
    assert str(error.value) == message


# ------------------------------------------------------------------ no page lost


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_every_page_of_real_pdfs_is_accounted(path, extracted):
    issue = extracted(path)
    assert_every_page_accounted(issue, path)
    if path.name != "XiaoBiaoSong.pdf":  # born-digital text, or repaired with certainty
        assert issue.page_quality == ()
