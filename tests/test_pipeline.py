"""The pipeline's progress reports: what the command line's progress bars count on."""

from __future__ import annotations


from extract.pipeline import STAGES_AFTER_READ, extract_pdf
from tests.robustness import corpus


def test_read_reports_each_page_then_each_later_stage_once(tmp_path):
    pdf = corpus.good_notice(tmp_path / "notice.pdf")
    reports = []
    issue = extract_pdf(pdf, progress=lambda stage, done, total: reports.append((stage, done, total)))
    pages = issue.page_count
    assert reports == [("read", page, pages) for page in range(1, pages + 1)] + [(stage, 1, 1) for stage in STAGES_AFTER_READ]
