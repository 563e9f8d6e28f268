"""One PDF read in parts on several processes (``batch.read_in_parts``, a +1 build's new
issue): the same ``SourceDocument`` as reading it whole, progress over all its pages, and a
page's error from a forked part naming that page."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.build import batch
from extract.errors import ExtractionError
from extract.pdf import read
from extract.pdf.read import read_pdf
from tests.robustness.corpus import corrupt_middle_page

# The 2021年第12期 fixture: 22 pages, two parts of 11.
PDF = Path(__file__).parent / "data" / "wzgb-2021-12.pdf"


def test_read_in_two_parts_is_the_pdf_read_whole():
    events: list[tuple[int, int]] = []
    parts = batch.read_in_parts(PDF, 2, lambda done, total: events.append((done, total)))
    assert parts == read_pdf(PDF)
    assert [page.number for page in parts.pages] == list(range(1, 23))
    assert events[-1] == (22, 22) and len(events) >= 11, "each page of this process's part, then the others'"
    assert [done for done, _ in events] == sorted(done for done, _ in events)


def test_parts_shorter_than_the_minimum_are_not_made(monkeypatch):
    monkeypatch.setattr(batch, "MIN_PAGES_PER_PART", 12)  # 22 pages: one part
    monkeypatch.setattr(batch, "ProcessPoolExecutor", None)  # no pool may be started
    assert batch.read_in_parts(PDF, 2) == read_pdf(PDF)


def test_a_page_failing_in_a_forked_part_names_its_page(tmp_path, monkeypatch):
    pdf = corrupt_middle_page(tmp_path / "three.pdf")
    monkeypatch.setattr(batch, "MIN_PAGES_PER_PART", 1)  # parts: page 1 here, pages 2-3 forked
    real = read.read_page

    def failing(page, settings):
        if page.page_number == 3:
            raise RuntimeError("broken operator")
        return real(page, settings)

    monkeypatch.setattr(read, "read_page", failing)  # the forked process inherits it
    with pytest.raises(ExtractionError, match=r"^three\.pdf, page 3: the page cannot be parsed \(RuntimeError: broken operator\)"):
        batch.read_in_parts(pdf, 2)
