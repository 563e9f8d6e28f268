"""The command line: help, per-PDF failure containment, progress, summary, exit status."""

from __future__ import annotations

import datetime as dt
import gc
import json
import runpy
import sys

import pytest

from extract import pipeline
from extract.build import cli
from extract.errors import ExtractionError


@pytest.fixture
def src(tmp_path):
    """A source folder with two PDFs: ``bad.pdf`` (no text layer) and ``good.pdf``."""
    folder = tmp_path / "source_pdfs"
    folder.mkdir()
    for name in ("bad.pdf", "good.pdf"):
        (folder / name).write_bytes(b"%PDF-1.4\n")
    return folder


@pytest.fixture
def extracted(monkeypatch, make_issue, dated_measure):
    """Stands in for the pipeline: bad.pdf fails on page 3, good.pdf gives one measure.

    Returns the name of each PDF extracted.
    """
    calls = []

    def extract_pdf(path, progress=None, read=None):
        calls.append(path.name)
        if path.name == "bad.pdf":
            raise ExtractionError(path, 3, "no text layer - scan it with OCR first")
        for stage in ("read", "layout"):
            for done in range(3):
                progress(stage, done + 1, 3)
        return make_issue(dated_measure, pdf_name=path.name)

    monkeypatch.setattr(pipeline, "extract_pdf", extract_pdf)
    monkeypatch.delenv("AS_OF", raising=False)
    monkeypatch.delenv("STRICT", raising=False)
    return calls


def build(src, tmp_path, *options):
    """Run the build in this process (where the stand-in pipeline is), without the cache."""
    return cli.main(["build", str(src), "--docs", str(tmp_path / "docs"), "--jobs", "1", "--no-cache", *options])


def test_help(capsys):
    assert cli.main(["--help"]) == 0
    assert "build" in capsys.readouterr().out
    assert cli.main(["build", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--docs", "--as-of", "--translations", "--strict", "--verbose"):
        assert option in out


def test_bad_pdf_is_one_line_and_others_build(src, tmp_path, extracted, capsys):
    assert build(src, tmp_path, "--as-of", "2026-11-29") == 1
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors == ["error: bad.pdf, page 3: no text layer - scan it with OCR first"]
    assert "Traceback" not in err
    assert extracted == ["bad.pdf", "good.pdf"]
    assert (tmp_path / "docs/doc/measure-dated/index.md").is_file()
    assert "bad.pdf, page 3" in (tmp_path / "docs/report.md").read_text(encoding="utf-8")


def test_unexpected_error_is_contained(src, tmp_path, extracted, monkeypatch, capsys):
    def broken(path, progress=None, read=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "extract_pdf", broken)
    assert build(src, tmp_path) == 1
    err = capsys.readouterr().err
    assert "error: bad.pdf: internal error RuntimeError: boom (run with -v for the traceback)" in err
    assert "error: good.pdf: internal error" in err


def test_verbose_prints_the_traceback(src, tmp_path, extracted, capsys):
    build(src, tmp_path, "-v")
    assert "Traceback" in capsys.readouterr().err


def test_progress_and_summary(src, tmp_path, extracted, capsys):
    (src / "bad.pdf").unlink()
    assert build(src, tmp_path) == 0
    captured = capsys.readouterr()
    assert "good.pdf · layout" in captured.err
    assert "good.pdf: 1 documents, 5 pages, 2 warnings" in captured.err
    for row in ("measure (政策文件)", "documents", "pages", "warnings", "failed PDFs"):
        assert row in captured.out


def test_strict_fails_on_warnings(src, tmp_path, extracted, monkeypatch, capsys):
    (src / "bad.pdf").unlink()
    assert build(src, tmp_path, "--strict") == 1
    assert "  good.pdf, page 4: no 文号 in the title block" in capsys.readouterr().err
    monkeypatch.setenv("STRICT", "1")
    assert build(src, tmp_path) == 1


def test_warnings_printed_by_kind_without_strict(src, tmp_path, extracted, capsys):
    """Each warning's line under its kind's English name, without STRICT; the fixture's
    issue has a missing-doc-number warning and one of a kind without a name (mojibake)."""
    (src / "bad.pdf").unlink()
    assert build(src, tmp_path) == 0
    err = capsys.readouterr().err
    assert "warnings: Missing document number (1)\n  good.pdf, page 4: no 文号 in the title block" in err
    assert "warnings: mojibake (1)\n  good.pdf, page 2: replaced 3 glyphs" in err


def test_at_most_a_few_lines_per_kind(capsys):
    from rich.console import Console

    from extract.model import Warning_
    from tests.conftest import issue_of
    issue = issue_of()
    issue = type(issue)(**{**issue.__dict__, "warnings": tuple(Warning_("text-quality", f"page {n} uncertain", n) for n in range(1, 8))})
    cli.print_warnings([issue], Console(stderr=True, highlight=False, soft_wrap=True))
    err = capsys.readouterr().err
    assert "warnings: Text uncertain (7)" in err
    assert err.count("sample.pdf, page") == cli.WARNINGS_PER_KIND
    assert f"… and {7 - cli.WARNINGS_PER_KIND} more" in err


def test_per_pdf_line_counts_archive_wide_checks(src, tmp_path, extracted, monkeypatch, capsys):
    """The per-PDF line is printed after the archive-wide checks, so it agrees with the summary."""
    from extract.model import Warning_

    def with_a_check(issues):
        return [type(i)(**{**i.__dict__, "warnings": i.warnings + (Warning_("validity-conflict", "甲 / A"),)}) for i in issues]

    monkeypatch.setattr(pipeline, "check_archive", with_a_check)
    (src / "bad.pdf").unlink()
    build(src, tmp_path)
    captured = capsys.readouterr()
    assert "good.pdf: 1 documents, 5 pages, 3 warnings" in captured.err
    assert "│ warnings           │     3 │" in captured.out


def test_as_of_from_option_env_or_today(src, tmp_path, extracted, monkeypatch):
    def built_as_of() -> str:
        return json.loads((tmp_path / "docs/api/documents.json").read_text(encoding="utf-8"))["as_of"]

    build(src, tmp_path, "--as-of", "2024-01-31")
    assert built_as_of() == "2024-01-31"
    monkeypatch.setenv("AS_OF", "2025-06-01")
    build(src, tmp_path)
    assert built_as_of() == "2025-06-01"
    monkeypatch.setenv("AS_OF", "")
    build(src, tmp_path)
    assert built_as_of() == dt.date.today().isoformat()


@pytest.mark.parametrize("env, option", [({}, ["--as-of", "2024-13-01"]), ({"AS_OF": "tomorrow"}, [])])
def test_bad_as_of_is_a_usage_error(src, tmp_path, extracted, monkeypatch, capsys, env, option):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert build(src, tmp_path, *option) == 2
    assert "use YYYY-MM-DD" in capsys.readouterr().err


def test_no_pdfs(tmp_path, extracted, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(empty, tmp_path) == 1
    assert "no *.pdf in" in capsys.readouterr().err


def test_pdfs_are_processed_in_name_order(src, tmp_path, extracted):
    (src / "a-first.pdf").write_bytes(b"%PDF-1.4\n")
    build(src, tmp_path)
    assert extracted == ["a-first.pdf", "bad.pdf", "good.pdf"]


@pytest.fixture
def restored_collector():
    """The test process's garbage-collector settings, put back after an entry point changed them."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    (gc.enable if enabled else gc.disable)()


def test_module_entry_point_help(monkeypatch, capsys, restored_collector):
    # ``python -m extract --help``, run in this process as the interpreter runs a module
    # (runpy), without the second or so a new interpreter spends importing the extractor.
    monkeypatch.setattr(sys, "argv", ["extract", "--help"])
    with pytest.raises(SystemExit) as done:
        runpy.run_module("extract", run_name="__main__", alter_sys=True)
    assert done.value.code == 0 and "build" in capsys.readouterr().out
    # The entry point gives the build process its collector settings (cli.tune_garbage_collector).
    assert gc.get_threshold() == cli.GC_THRESHOLDS and gc.isenabled()


def test_translations_folder_option(src, tmp_path, extracted, capsys):
    translations = tmp_path / "translations"
    (translations / "en").mkdir(parents=True)
    (translations / "en" / "measure-dated.md").write_text("---\ntitle: Sample Measures\n---\n", encoding="utf-8")
    (translations / "en" / "no-such-doc.md").write_text("---\ntitle: Typo\n---\n", encoding="utf-8")
    build(src, tmp_path, "--translations", str(translations))
    assert "# Sample Measures" in (tmp_path / "docs/en/doc/measure-dated/index.md").read_text(encoding="utf-8")
    assert "no-such-doc.md: no document has the id 'no-such-doc'" in capsys.readouterr().err


def test_bad_translation_file_is_one_line(src, tmp_path, extracted, capsys):
    translations = tmp_path / "translations"
    (translations / "en").mkdir(parents=True)
    (translations / "en" / "measure-dated.md").write_text("no front matter\n", encoding="utf-8")
    assert build(src, tmp_path, "--translations", str(translations)) == 1
    err = capsys.readouterr().err
    assert "error: " in err and "measure-dated.md: must start with front matter" in err
    assert "Traceback" not in err


def test_jobs_must_be_a_positive_count(src, tmp_path, extracted, capsys):
    assert cli.main(["build", str(src), "--docs", str(tmp_path / "docs"), "--jobs", "0"]) == 2
    assert "use a whole number >= 1" in capsys.readouterr().err


def test_second_build_takes_unchanged_pdfs_from_the_cache(src, tmp_path, extracted, capsys):
    (src / "bad.pdf").unlink()
    options = ["--jobs", "1", "--cache", str(tmp_path / "cache"), "--as-of", "2026-11-29"]
    for _ in range(2):
        assert cli.main(["build", str(src), "--docs", str(tmp_path / "docs"), *options]) == 0
    assert extracted == ["good.pdf"]
    captured = capsys.readouterr()
    assert "good.pdf: 1 documents, 5 pages, 2 warnings (cached)" in captured.err
    assert "0 files written" in captured.err


def test_a_pdf_not_recognised_as_a_gazette_is_said_once_on_the_console(src, tmp_path, extracted, make_issue, dated_measure, monkeypatch, capsys):
    from dataclasses import replace

    from extract.model import IssueIdentity, Warning_

    def not_a_gazette(path, progress=None, read=None):
        if path.name == "bad.pdf":
            raise ExtractionError(path, 3, "no text layer - scan it with OCR first")
        warning = Warning_("not-a-gazette-issue", "not recognised as a gazette issue: no masthead / issue number; published under the PDF's own title 「某某报告」")
        issue = make_issue(dated_measure, pdf_name=path.name)
        return replace(issue, identity=IssueIdentity("某某报告", None, None, None, recognised=False), warnings=(warning,))

    monkeypatch.setattr(pipeline, "extract_pdf", not_a_gazette)
    build(src, tmp_path, "--as-of", "2026-11-29")
    err = capsys.readouterr().err
    # Once, under its kind with the other warnings (it was also printed a second time before).
    assert err.count("good.pdf: not recognised as a gazette issue") == 1
    assert "warnings: Not a gazette issue (1)\n  good.pdf: not recognised as a gazette issue: no masthead / issue number" in err
