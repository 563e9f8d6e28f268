"""Unit tests of ``extract.documents.accounting``: each page in exactly one of documents, front
matter, unassigned; unassigned pages warned about."""

from __future__ import annotations

from dataclasses import replace

from extract.documents.accounting import account_pages, page_accounting


def test_pages_split_into_documents_front_matter_and_unassigned(make_issue, dated_measure):
    issue = make_issue(dated_measure)  # 5 pages, front page 1, the measure on pages 1–3
    accounting = page_accounting(issue)
    assert accounting.in_documents == (1, 2, 3)
    assert accounting.front_matter == ()  # page 1 is the measure's, counted once
    assert accounting.unassigned == (4, 5)
    assert accounting.page_count == 5


def test_a_page_shared_by_two_documents_counts_once(make_issue, dated_measure, hostile_brief):
    second = replace(hostile_brief, pages=(3, 5))
    accounting = page_accounting(replace(make_issue(dated_measure, second), front_pages=()))
    assert accounting.in_documents == (1, 2, 3, 4, 5)
    assert accounting.unassigned == ()


def test_unassigned_pages_get_a_warning_each(make_issue, hostile_brief):
    issue = replace(make_issue(hostile_brief), front_pages=(1, 2))  # brief on page 4
    accounted = account_pages(issue)
    assert accounted.accounting.front_matter == (1, 2)
    assert accounted.accounting.unassigned == (3, 5)
    new = accounted.warnings[len(issue.warnings) :]
    assert [(w.kind, w.page) for w in new] == [("unassigned-page", 3), ("unassigned-page", 5)]
