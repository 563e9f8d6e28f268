"""Unit tests of ``extract.accounting``: each page in exactly one of documents, front
matter, unassigned; unassigned pages warned about."""

from __future__ import annotations

from dataclasses import replace

from extract.accounting import account_pages, distinct_ids, page_accounting


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


def test_ids_taken_by_an_earlier_pdf_get_a_suffix_and_a_warning(make_issue, dated_measure, hostile_brief):
    first = make_issue(dated_measure, pdf_name="a.pdf")
    again = make_issue(dated_measure, hostile_brief, pdf_name="b.pdf")  # same issue id, same 文号
    kept, renamed = distinct_ids([first, again])
    assert kept is first
    assert renamed.id == "2023-04-2"
    assert [d.id for d in renamed.documents] == ["measure-dated-2", "brief-hostile"]
    assert {d.issue for d in renamed.documents} == {"2023-04-2"}
    notes = [(w.kind, w.item) for w in renamed.warnings if w.kind == "duplicate-id"]
    assert notes == [("duplicate-id", "2023-04-2"), ("duplicate-id", "measure-dated-2")]


def test_warnings_follow_a_renamed_document(make_issue, hostile_brief):
    # issue_of gives a missing-doc-number warning on brief-hostile
    _, renamed = distinct_ids([make_issue(hostile_brief), make_issue(hostile_brief)])
    missing = [w.item for w in renamed.warnings if w.kind == "missing-doc-number"]
    assert missing == ["brief-hostile-2"]
