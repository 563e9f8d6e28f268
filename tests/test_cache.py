"""The extraction cache and the batch extractor: hits skip extraction, any change to the
PDF or the pipeline misses, a corrupt entry is rebuilt, and results keep the PDFs' order
whatever order the worker processes finish in."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time

import pytest

from extract import pipeline
from extract.build import batch, cache
from extract.documents.validity import archive_status
from extract.build.cache import ExtractionCache
from extract.errors import ExtractionError
from extract.model import Status
from extract.site.summary import summarise


@pytest.fixture
def pdfs(tmp_path):
    """Three stand-in PDFs with distinct bytes (the stand-in pipeline never parses them)."""
    folder = tmp_path / "src"
    folder.mkdir()
    paths = []
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        path = folder / name
        path.write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n")
        paths.append(path)
    return paths


@pytest.fixture
def extractions(monkeypatch, make_issue, dated_measure):
    """Stands in for the pipeline (measure in force as of the build date); records the
    name of each PDF extracted. In a pool's worker a.pdf takes half a second, so it finishes
    last; in this process (``jobs=1``) nothing waits."""
    calls = []

    def extract_pdf(path, progress=None, read=None):
        calls.append(path.name)
        if path.name == "a.pdf" and multiprocessing.parent_process() is not None:
            time.sleep(0.5)
        if path.name == "bad.pdf":
            raise ExtractionError(path, 2, "no text layer")
        progress("read", 1, 1)
        return make_issue(dated_measure, pdf_name=path.name)

    monkeypatch.setattr(pipeline, "extract_pdf", extract_pdf)
    return calls


def run(pdfs, store, jobs=1):
    return batch.extract_many(pdfs, jobs, store, lambda *event: None)


def test_second_run_hits_the_cache(pdfs, tmp_path, extractions):
    store = ExtractionCache(tmp_path / "cache")
    first = run(pdfs, store)
    assert extractions == ["a.pdf", "b.pdf", "c.pdf"] and not any(o.cached for o in first)
    second = run(pdfs, store)
    assert extractions == ["a.pdf", "b.pdf", "c.pdf"], "nothing extracted again"
    assert all(o.cached for o in second)
    assert [o.summary for o in second] == [o.summary for o in first]
    assert all(o.issue is None for o in first + second), "whole issues stay in the cache"
    assert [o.stored(store).load() for o in second] == [store.load(pdf) for pdf in pdfs]


def test_changed_pdf_misses(pdfs, tmp_path, extractions):
    store = ExtractionCache(tmp_path / "cache")
    run(pdfs, store)
    pdfs[1].write_bytes(pdfs[1].read_bytes() + b"% changed\n")
    run(pdfs, store)
    assert extractions[3:] == ["b.pdf"]


def test_pipeline_version_change_misses(pdfs, tmp_path, extractions, monkeypatch):
    store = ExtractionCache(tmp_path / "cache")
    run(pdfs, store)
    monkeypatch.setattr(cache, "pipeline_version", lambda: "another-version-of-the-stages")
    run(pdfs, store)
    assert extractions[3:] == ["a.pdf", "b.pdf", "c.pdf"]


def test_version_hashes_the_package_sources():
    digest = cache.pipeline_version()
    assert len(digest) == 64 and digest == cache.pipeline_version()


def test_corrupt_entry_is_rebuilt(pdfs, tmp_path, extractions):
    store = ExtractionCache(tmp_path / "cache")
    run(pdfs, store)
    store.entry(pdfs[2]).write_bytes(b"not a pickle")
    outcomes = run(pdfs, store)
    assert extractions[3:] == ["c.pdf"] and outcomes[2].summary is not None
    assert store.load_summary(pdfs[2]) == outcomes[2].summary == summarise(store.load(pdfs[2]))


def test_cached_extraction_holds_nothing_date_dependent(pdfs, tmp_path, extractions):
    """A cached issue is the same whatever the build date: statuses are computed from it
    later (the measure runs 2023-05-10 to 2028-05-09: in force in 2026, expired in 2030)."""
    store = ExtractionCache(tmp_path / "cache")
    first = run(pdfs, store)
    later = run(pdfs, store)
    assert all(o.cached for o in later)
    assert later[0].summary == first[0].summary
    issue = later[0].stored(store).load()
    assert not any(hasattr(issue, name) for name in ("as_of", "status"))
    assert not any(hasattr(doc, "status") for doc in issue.documents)
    documents = issue.documents
    assert [archive_status(documents, dt.date(2026, 11, 29)).of(d).status for d in documents] == [Status.IN_FORCE]
    assert [archive_status(documents, dt.date(2030, 1, 1)).of(d).status for d in documents] == [Status.EXPIRED]


def test_pool_keeps_pdf_order_and_contains_failures(pdfs, tmp_path, extractions):
    bad = pdfs[0].parent / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n")
    order = [pdfs[0], bad, pdfs[1], pdfs[2]]
    outcomes = run(order, None, jobs=2)
    assert [o.pdf.name for o in outcomes] == ["a.pdf", "bad.pdf", "b.pdf", "c.pdf"]
    assert [o.summary.issue.pdf_name if o.summary else None for o in outcomes] == ["a.pdf", None, "b.pdf", "c.pdf"]
    assert [o.issue.pdf_name if o.issue else None for o in outcomes] == ["a.pdf", None, "b.pdf", "c.pdf"], "no cache: held"
    assert outcomes[1].error == "bad.pdf, page 2: no text layer"


def test_pool_reports_progress_from_workers(pdfs, extractions):
    events = []
    batch.extract_many(pdfs, 2, None, lambda *event: events.append(event))
    assert sorted(events) == [(p.name, "read", 1, 1) for p in pdfs]
