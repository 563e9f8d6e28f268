"""Smoke test of the benchmark's synthetic archive: it makes PDFs the pipeline reads as
distinct issues. The synthetic issues are benchmark input, never an oracle: only their
identity (which the generator sets on the cover) is checked."""

from __future__ import annotations


import pytest

from bench.synthetic_archive import write_archive
from extract.pipeline import distinct_ids, extract_pdf


@pytest.mark.slow
def test_two_synthetic_issues_are_two_issues(tmp_path):
    paths = write_archive(2, tmp_path, first=(2010, 12))
    assert [p.name for p in paths] == ["wzgb-2010-12.pdf", "wzgb-2011-01.pdf"]
    issues = [extract_pdf(path) for path in paths]
    assert [issue.id for issue in issues] == ["2010-12", "2011-01"]
    assert issues[1].identity.serial == issues[0].identity.serial + 1
    assert distinct_ids(issues) == issues, "no id shared across the two issues"
