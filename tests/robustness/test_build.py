"""A build over a folder mixing good and bad PDFs, as ``make build`` runs it: the extractor
(exit status 1, one error line per bad PDF, no traceback), then ``mkdocs build --strict``.
The good PDFs are published, the bad ones reported; extracted text stays text; ids cannot
leave the output folder; two builds are byte-identical."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extract.build import cli
from extract.site.markup import safe_segment
from tests.conftest import made_once, mkdocs_build, run_folder
from tests.robustness import corpus

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-29"
GOOD = ("fake-bold-x2.pdf", "hostile-text.pdf", "doc-number-dotdot.pdf", "cid-no-tounicode.pdf", "image-only-page.pdf")
HOSTILE_NAME = "a<img src=x onerror=alert(1)>{{7*7}} [x](y).pdf"  # a legal file name on Linux
BAD = {
    "encrypted.pdf": "error: encrypted.pdf: the PDF is encrypted; ask the publisher for an unprotected copy",
    "truncated.pdf": "error: truncated.pdf: the PDF is truncated (it ends early); copy or download it again",
    "zero-bytes.pdf": "error: zero-bytes.pdf: the file is empty (0 bytes); copy the PDF again",
    "not-a-pdf.pdf": "error: not-a-pdf.pdf: not a PDF (no %PDF header); is it another format renamed to .pdf?",
    "no-pages.pdf": "error: no-pages.pdf: the PDF has no pages",
    "scan-only.pdf": "error: scan-only.pdf, page 1: no text layer on any page (a scan?); run OCR first or supply the text PDF",
}


def extract_build(source: Path, docs: Path) -> subprocess.CompletedProcess:
    """``python -m extract build source --docs docs`` as the Makefile runs it (output captured)."""
    return subprocess.run(
        [sys.executable, "-m", "extract", "build", str(source), "--docs", str(docs), "--as-of", AS_OF],
        cwd=REPO, capture_output=True, text=True, check=False,
    )


def make_build(source: Path, root: Path) -> tuple[subprocess.CompletedProcess, Path, Path]:
    """Extract ``source`` into ``root/docs`` and build ``root/site`` with mkdocs, like the
    Makefile: the site is built whatever the extractor's status."""
    docs, site = root / "docs", root / "site"
    extractor = extract_build(source, docs)
    mkdocs_build(docs, site)
    return extractor, docs, site


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path, Path]:
    """``make_build`` over ``GOOD``, ``BAD`` and the hostile file name (in ``source_pdfs/`` beside
    the build), made once per
    run and shared with the browser tests (``tests/browser/test_robustness.py``): the
    extractor's result (status, stderr), ``docs/`` and ``site/``."""

    def build(root: Path) -> None:
        corpus.make(root / "source_pdfs", *GOOD, *BAD)
        corpus.good_notice(root / "source_pdfs" / HOSTILE_NAME, doc_number="温政发〔2024〕8号")
        extractor, _, _ = make_build(root / "source_pdfs", root)
        (root / "extractor.json").write_text(json.dumps({"returncode": extractor.returncode, "stderr": extractor.stderr}))

    root = made_once(run_folder(tmp_path_factory) / "mixed-build", build)
    done = json.loads((root / "extractor.json").read_text())
    extractor = subprocess.CompletedProcess(args=[], returncode=done["returncode"], stdout="", stderr=done["stderr"])
    return extractor, root / "docs", root / "site"


@pytest.fixture
def source(built) -> Path:
    return built[1].parent / "source_pdfs"


def test_exit_status_is_1_and_each_bad_pdf_is_one_line(built):
    extractor, _, _ = built
    assert extractor.returncode == 1
    errors = sorted(line for line in extractor.stderr.splitlines() if line.startswith("error:"))
    assert errors == sorted(BAD.values())
    assert "Traceback" not in extractor.stderr


def test_good_pdfs_are_published(built):
    _, docs, site = built
    issues = json.loads((site / "api" / "issues.json").read_text(encoding="utf-8"))["issues"]
    assert sorted(i["pdf"] for i in issues) == sorted(f"pdf/{name}" for name in (*GOOD, HOSTILE_NAME))
    for issue in issues:
        assert (site / "issues" / issue["id"] / "index.html").is_file()
        for doc_id in issue["documents"]:
            assert (site / "doc" / doc_id / "index.html").is_file()
        assert (site / "pdf" / issue["pdf"].removeprefix("pdf/")).is_file()


def test_report_lists_each_bad_pdf_and_accounts_for_every_page(built):
    _, _, site = built
    report = json.loads((site / "api" / "report.json").read_text(encoding="utf-8"))
    assert sorted(f"error: {line}" for line in report["failures"]) == sorted(BAD.values())
    page = (site / "report" / "index.html").read_text(encoding="utf-8")
    for name in BAD:
        assert name in page
    for issue in report["issues"]:
        accounting = issue["accounting"]
        pages = accounting["in_documents"] + accounting["front_matter"] + accounting["unassigned"]
        assert sorted(pages) == list(range(1, issue["page_count"] + 1))


def test_flagged_pages_are_in_the_report_and_on_the_document_page(built):
    _, _, site = built
    report = {i["pdf"]: i for i in json.loads((site / "api" / "report.json").read_text(encoding="utf-8"))["issues"]}
    cid = report["cid-no-tounicode.pdf"]
    assert [(q["page"], q["verdict"]) for q in cid["page_quality"]] == [(1, "uncertain")]
    # a one-page notice with no masthead or issue number is also reported as not an issue
    assert cid["warning_counts"] == {"not-a-gazette-issue": 1, "text-quality": 1}
    (doc_id,) = cid["uncertain_documents"]
    assert "提取存疑" in (site / "doc" / doc_id / "index.html").read_text(encoding="utf-8")
    scanned = report["image-only-page.pdf"]
    assert [(q["page"], q["verdict"]) for q in scanned["page_quality"]] == [(2, "no-text")]
    assert "文字存疑的页" in (site / "report" / "index.html").read_text(encoding="utf-8")


class ScriptText(HTMLParser):
    """Collects the text inside <script> elements and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.in_script = False
        self.scripts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        (self.scripts if self.in_script else self.text).append(data)


def test_html_and_jinja_in_a_pdf_render_as_text(built):
    _, _, site = built
    documents = json.loads((site / "api" / "documents.json").read_text(encoding="utf-8"))["documents"]
    (hostile,) = [d for d in documents if d["title"] == corpus.HOSTILE_TITLE]
    parser = ScriptText()
    parser.feed((site / "doc" / hostile["id"] / "index.html").read_text(encoding="utf-8"))
    visible = "".join(parser.text)
    assert corpus.HOSTILE_TITLE in visible
    assert corpus.HOSTILE_LINE in visible  # {{ 7*7 }} not 49, {% raw %} kept, no <b> or link made
    assert not any("alert(1)" in script for script in parser.scripts)


def test_a_hostile_file_name_is_text_on_every_page(built):
    _, _, site = built
    report = ScriptText()
    report.feed((site / "report" / "index.html").read_text(encoding="utf-8"))
    assert HOSTILE_NAME in "".join(report.text)  # shown as the name it is
    for page in site.rglob("*.html"):
        assert "<img src=x" not in page.read_text(encoding="utf-8"), page


def test_a_doc_number_with_dotdot_cannot_leave_the_output_folder(built, tmp_path):
    _, docs, site = built
    documents = json.loads((site / "api" / "documents.json").read_text(encoding="utf-8"))["documents"]
    for doc in documents:
        assert safe_segment(doc["id"]) == doc["id"]
        assert ".." not in doc["id"]
    root = docs.parent
    written = [p.resolve() for p in root.rglob("*")]
    assert all(p.is_relative_to(root.resolve()) for p in written)
    assert not (root.parent / "温政发〔2024〕9号").exists()


def test_two_builds_are_byte_identical(built, source, tmp_path):
    # The second build stops at the extractor: mkdocs copies api/ as it is, which the last
    # line checks against the first build's site.
    _, docs_a, site_a = built
    docs_b = tmp_path / "docs"
    extract_build(source, docs_b)

    def tree(folder: Path) -> dict[Path, bytes]:
        return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert tree(docs_a) == tree(docs_b)
    assert tree(site_a / "api") == tree(docs_b / "api")


def test_strict_fails_on_a_warning_alone(tmp_path, monkeypatch):
    monkeypatch.delenv("STRICT", raising=False)
    good = tmp_path / "good"
    good.mkdir()
    # a notice in a PDF titled as a gazette issue: nothing to warn about
    corpus.good_notice(good / "gazette-notice.pdf", pdf_title="温州市人民政府公报 2024年第1期")
    assert cli.main(["build", str(good), "--docs", str(tmp_path / "docs"), "--as-of", AS_OF]) == 0
    monkeypatch.setenv("STRICT", "1")
    assert cli.main(["build", str(good), "--docs", str(tmp_path / "docs"), "--as-of", AS_OF]) == 0
    corpus.make(good, "cid-no-tounicode.pdf")  # readable, but its page is flagged
    assert cli.main(["build", str(good), "--docs", str(tmp_path / "docs"), "--as-of", AS_OF]) == 1
    monkeypatch.delenv("STRICT")
    assert cli.main(["build", str(good), "--docs", str(tmp_path / "docs"), "--as-of", AS_OF]) == 0
