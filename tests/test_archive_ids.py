"""Ids stay unique across a multi-issue archive: two issues holding a document with the
same 文号 slug, or two PDFs of the same issue, never overwrite each other's pages."""

from __future__ import annotations

from dataclasses import replace

from extract.model import IssueIdentity
from extract.pipeline import distinct_ids


def test_same_doc_id_in_two_issues_is_qualified(make_issue, dated_measure, hostile_brief):
    april = make_issue(dated_measure, hostile_brief, pdf_name="wzgb-2023-04.pdf")
    may_identity = IssueIdentity("温州市人民政府公报", 2023, 5, 249)
    may = replace(
        make_issue(replace(dated_measure, issue="2023-05"), pdf_name="wzgb-2023-05.pdf"),
        id=may_identity.id,
        identity=may_identity,
    )
    first, second = distinct_ids([april, may])
    assert [d.id for d in first.documents] == ["measure-dated", "brief-hostile"]
    assert [d.id for d in second.documents] == ["2023-05-measure-dated"]
    assert [w.kind for w in first.warnings] == [w.kind for w in april.warnings], "the first holder is untouched"
    renamed = [w for w in second.warnings if w.kind == "duplicate-id"]
    assert len(renamed) == 1 and renamed[0].item == "2023-05-measure-dated"
    assert "measure-dated" in renamed[0].message


def test_two_pdfs_of_one_issue_get_distinct_ids(make_issue, dated_measure):
    one = make_issue(dated_measure, pdf_name="wzgb-2023-04.pdf")
    copy = make_issue(dated_measure, pdf_name="wzgb-2023-04-copy.pdf")
    first, second = distinct_ids([one, copy])
    assert (first.id, second.id) == ("2023-04", "2023-04-2")
    assert {d.issue for d in second.documents} == {"2023-04-2"}
    ids = [d.id for issue in (first, second) for d in issue.documents]
    assert len(ids) == len(set(ids))
    assert any(w.kind == "duplicate-id" and w.item is None for w in second.warnings)


def test_warnings_follow_a_renamed_document(make_issue, hostile_brief):
    # make_issue gives a missing-doc-number warning on brief-hostile
    _, renamed = distinct_ids([make_issue(hostile_brief), make_issue(hostile_brief)])
    missing = [w.item for w in renamed.warnings if w.kind == "missing-doc-number"]
    assert missing == ["2023-04-2-brief-hostile"]
