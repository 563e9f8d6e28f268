"""Shared fixtures: small hand-made issues for render/API/CLI tests, and the built site.

The hand-made documents are named for what they exercise; they are not copies of the
ground truth in ``tests/data/``.
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from extract.build.cache import ExtractionCache
from extract.model import (
    BBox,
    Block,
    BlockKind,
    DatedFact,
    DocType,
    Document,
    Evidence,
    ExpiryBasis,
    ForceLevel,
    Issue,
    IssueIdentity,
    TableGrid,
    Validity,
    Warning_,
)
from extract.pipeline import extract_pdf
from tests import needs
from tests.golden import FIXTURES, SAMPLE_PDF
from tests.typeset import STYLES, typeset

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 29)
BOX = BBox(0, 0, 100, 10)


def block(kind: BlockKind, text: str = "", page: int = 1, **fields) -> Block:
    """A block on ``page`` with a dummy bbox."""
    return Block(kind=kind, text=text, pages=(page, page), bbox=BOX, **fields)


def fact(day: str, sentence: str, page: int) -> DatedFact:
    return DatedFact(dt.date.fromisoformat(day), Evidence(sentence, page))


@pytest.fixture(name="merged_cells_table")
def merged_cells_table_fixture() -> TableGrid:
    """One header row; column 2 merged over rows 1–2; row 3's last two cells merged."""
    return TableGrid(
        bbox=BOX,
        rows=(
            ("序号", "名称", "承办单位"),
            ("1", "甲办法", "市住建局"),
            ("2", "乙办法", None),
            ("3", "合计", None),
        ),
        rowspans=((1, 2, 2),),
        header_rows=1,
    )


@pytest.fixture(name="dated_measure")
def dated_measure_fixture(merged_cells_table: TableGrid) -> Document:
    """A measure with every dated field, a repeal and a merged-cell table."""
    return Document(
        id="measure-dated",
        issue="2023-04",
        position=1,
        section="市政府办公室文件",
        type=DocType.MEASURE,
        title="温州市示例管理办法",
        blocks=(
            block(BlockKind.ADDRESSEE, "各县（市、区）人民政府："),
            block(BlockKind.PARAGRAPH, "现将办法印发给你们。", indent=True),
            block(BlockKind.SIGNATURE, "温州市人民政府办公室"),
            block(BlockKind.SIGNATURE, "2023年4月6日"),
            block(BlockKind.HEADING, "第一章　总则", page=2, level=2),
            block(BlockKind.TABLE, "", page=2, table=merged_cells_table),
            block(BlockKind.PARAGRAPH, "本办法自2023年5月10日起施行，有效期5年。", page=3),
        ),
        pages=(1, 3),
        doc_number="温政办〔2023〕42号",
        registration_number="ZJCC01-2023-0008",
        issuer="温州市人民政府办公室",
        form="办法",
        force_level=ForceLevel.NORMATIVE_DOCUMENT,
        signed_date=fact("2023-04-06", "2023年4月6日", 1),
        effective_date=fact("2023-05-10", "本办法自2023年5月10日起施行", 3),
        validity=Validity(years=5, evidence=Evidence("有效期5年", 3)),
        expiry_date=fact("2028-05-09", "本办法自2023年5月10日起施行，有效期5年。", 3),
        expiry_basis=ExpiryBasis.COMPUTED,
        repeals=("温州市人民政府令第147号",),
        text="各县（市、区）人民政府：\n现将办法印发给你们。",
    )


@pytest.fixture(name="hostile_brief")
def hostile_brief_fixture() -> Document:
    """A brief whose text carries HTML, jinja and markdown syntax that must stay text."""
    return Document(
        id="brief-hostile",
        issue="2023-04",
        position=2,
        section="政务简讯",
        type=DocType.BRIEF,
        title="<script>alert(1)</script> {{ title }}",
        blocks=(
            block(BlockKind.PARAGRAPH, "<script>alert('x')</script> {{ 7*7 }} {% if %}", page=4),
            block(BlockKind.PARAGRAPH, "# 不是标题\n- 不是列表\n1. 不是编号 *强调* [链接](http://x) | 竖线", page=4),
        ),
        pages=(4, 4),
        uncertain=True,
        text="<script>alert('x')</script> {{ 7*7 }}",
    )


@pytest.fixture(name="undated_interpretation")
def undated_interpretation_fixture() -> Document:
    """An interpretation naming its target by 文号, without dates of its own."""
    return Document(
        id="interp-undated",
        issue="2023-04",
        position=3,
        section="政策解读",
        type=DocType.INTERPRETATION,
        title="关于《温州市示例管理办法》的政策解读",
        blocks=(block(BlockKind.HEADING, "一、背景", page=5, level=2),),
        pages=(5, 5),
        issuer="温州市住房和城乡建设局",
        interprets="温政办〔2023〕42号",
    )


def issue_of(*documents: Document, pdf_name: str = "sample.pdf") -> Issue:
    """An issue 2023-04 of 5 pages holding ``documents``, with two warnings."""
    identity = IssueIdentity("温州市人民政府公报", 2023, 4, 248)
    return Issue(
        id=identity.id,
        identity=identity,
        pdf_name=pdf_name,
        page_count=5,
        documents=documents,
        front_pages=(1,),
        warnings=(
            Warning_("missing-doc-number", "no 文号 in the title block", page=4, item="brief-hostile"),
            Warning_("mojibake", "replaced 3 glyphs", page=2),
        ),
    )


@pytest.fixture
def make_issue():
    """``make_issue(*documents, pdf_name="sample.pdf")`` -> an Issue (see ``issue_of``)."""
    return issue_of


@pytest.fixture
def as_of() -> dt.date:
    return AS_OF


@pytest.fixture
def sample_issue(dated_measure: Document, hostile_brief: Document, undated_interpretation: Document) -> Issue:
    """Three documents: dated measure, hostile brief, undated interpretation."""
    return issue_of(dated_measure, hostile_brief, undated_interpretation)


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    """A source folder holding a stand-in ``sample.pdf`` (render only copies it)."""
    folder = tmp_path / "source_pdfs"
    folder.mkdir()
    (folder / "sample.pdf").write_bytes(b"%PDF-1.4\n% stand-in\n")
    return folder


def mkdocs_build(docs: Path, site: Path, languages: tuple[str, ...] = ("zh", "en")) -> None:
    """Build the Chinese site from ``docs`` into ``site``, then the English one from
    ``docs/en`` into ``site/en`` (the Chinese build cleans ``site/``), with the project's
    configurations and ``python -m extract.build.mkdocs_build`` as ``make build`` does (full builds).
    ``languages=("en",)`` builds the English site alone, for tests that read only its pages."""
    builds = {"zh": ("mkdocs.yml", docs, site), "en": ("mkdocs.en.yml", docs / "en", site / "en")}
    for name, docs_dir, site_dir in (builds[code] for code in languages):
        command = ["-m", "extract.build.mkdocs_build", "--full", "--config", name, "--docs-dir", str(docs_dir), "--site-dir", str(site_dir)]
        subprocess.run([sys.executable, *command], cwd=REPO, check=True)


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole test run: shared by the workers when pytest-xdist
    runs the suite in several processes (``make test``), else the session's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(folder: Path, make: Callable[[Path], None]) -> Path:
    """``folder``, filled by ``make(folder)`` unless a process of this run already did:
    one process makes it under a file lock while the others wait, then all read it."""
    with FileLock(f"{folder}.lock"):
        if not (folder / ".done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            (folder / ".done").touch()
    return folder


@pytest.fixture(scope="session")
def extraction_cache(tmp_path_factory: pytest.TempPathFactory) -> ExtractionCache:
    """The run's extraction cache (empty at its start): the builds the tests run
    (``--cache``) and ``extracted`` share it, so a PDF is extracted once per run."""
    folder = run_folder(tmp_path_factory) / "extract-cache"
    folder.mkdir(exist_ok=True)
    return ExtractionCache(folder)


@pytest.fixture(scope="session")
def extracted(extraction_cache: ExtractionCache) -> Callable[[Path], Issue]:
    """``extracted(pdf)`` -> the pipeline's ``Issue`` for ``pdf``, extracted by
    the first process of the run that asks and stored in ``extraction_cache`` (same bytes,
    same pipeline code: the cache's own key). Errors (``ExtractionError``) are raised on
    every call."""
    done: dict[Path, Issue] = {}

    def extract(pdf: Path) -> Issue:
        if pdf not in done:
            with FileLock(f"{extraction_cache.entry(pdf)}.lock"):
                issue = extraction_cache.load(pdf)
                if issue is None:
                    issue = extract_pdf(pdf)
                    extraction_cache.store(pdf, issue)
            done[pdf] = issue
        return done[pdf]

    return extract


@pytest.fixture(scope="session")
def typeset_fixture(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """``typeset_fixture(issue, style)`` -> the manuscript of fixture issue ``issue``
    (``tests.golden.FIXTURES``) typeset in ``tests.typeset.STYLES[style]``, with its layout
    truth beside it; typeset once per run."""
    root = run_folder(tmp_path_factory)

    def make(issue: str, style: str) -> Path:
        name = f"{issue}-{style}"
        folder = made_once(root / f"typeset-{name}",
                           lambda f: typeset(FIXTURES[issue].manuscript, f / f"{name}.pdf", STYLES[style]))
        return folder / f"{name}.pdf"

    return make


@pytest.fixture(scope="session")
def sample_pdf_issue(extracted: Callable[[Path], Issue]) -> Issue:
    """The sample issue ``source_pdfs/wzgb-2023-04.pdf`` as extracted (once per run)."""
    return extracted(SAMPLE_PDF)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, extracted: Callable[[Path], Issue],
               extraction_cache: ExtractionCache) -> Path:
    """The real build of ``source_pdfs/`` as of 2026-11-29, both languages, made once per
    run: returns the folder holding ``docs/`` (generated markdown and API, English pages in
    ``docs/en/``) and ``site/`` (mkdocs output, English site in ``site/en/``).

    The extractor's exit status is not checked here (warnings or a failing PDF are for the
    tests that use this to judge); mkdocs must succeed.
    """

    def build(root: Path) -> None:
        docs, site = root / "docs", root / "site"
        for pdf in sorted((REPO / "source_pdfs").glob("*.pdf")):
            extracted(pdf)  # into the cache the build reads
        subprocess.run(
            [sys.executable, "-m", "extract", "build", str(REPO / "source_pdfs"), "--docs", str(docs),
             "--as-of", AS_OF.isoformat(), "--cache", str(extraction_cache.root)],
            cwd=REPO,
            check=False,
        )
        mkdocs_build(docs, site)

    return made_once(run_folder(tmp_path_factory) / "build", build)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One notice line when tests were skipped for a missing tool (``tests/needs.py``),
    read from the skip reports so that it also works when xdist workers ran them."""
    reasons = [report.longrepr[2] for report in terminalreporter.stats.get("skipped", ())
               if isinstance(report.longrepr, tuple)]
    line = needs.notice(reasons)
    if line:
        terminalreporter.write_line(line, yellow=True, bold=True)


# The modules that keep an xdist worker busy longest (axe over every page type, the re-typeset
# variants and the typesetter's own check, pdfplumber's full parse, the built-site pages in
# Chromium, the mixed-corpus build), in the order the workers should start them: started last,
# one of them would leave a worker running it alone at the end of ``make test``. The Makefile
# runs xdist with ``--no-loadscope-reorder`` so that this order holds; the other modules
# follow, most tests first (xdist's own order).
LONGEST_FIRST = (
    "tests/browser/test_reader.py",
    "tests/test_variants.py",
    "tests/test_typeset.py",
    "tests/browser/test_validity_page.py",
    "tests/test_read.py",
    "tests/robustness/test_build.py",
    "tests/browser/test_search.py",
    "tests/browser/test_status.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under ``tests/browser/`` ``browser`` (``make test-fast`` leaves them out),
    and order the modules ``LONGEST_FIRST``, then by their number of tests (a stable sort:
    a module's own tests keep their order)."""
    browser_dir = REPO / "tests" / "browser"
    for item in items:
        if browser_dir in item.path.parents:
            item.add_marker(pytest.mark.browser)
    module = {item: item.path.relative_to(REPO).as_posix() for item in items}
    counts = collections.Counter(module.values())
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: (rank.get(module[item], len(rank)), -counts[module[item]], module[item]))
