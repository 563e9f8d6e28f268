"""Issue summaries: what rendering holds of an issue (metadata, compressed texts, 记事 days)
gives back the whole issue, under the ids the archive-wide checks chose."""

from __future__ import annotations

import dataclasses

import pytest

from extract import pipeline
from extract.model import BlockKind, DocType, Document
from extract.site.archive import Archive
from extract.site.gov_calendar import month_calendar
from extract.site.summary import held, summarise, whole_issue
from tests.conftest import block


def test_summary_holds_no_body_and_gives_the_issue_back(sample_issue):
    summary = summarise(sample_issue)
    assert all(doc.blocks == () and doc.text == "" for doc in summary.issue.documents)
    assert [doc.text for doc in summary.with_texts().documents] == [doc.text for doc in sample_issue.documents]
    assert whole_issue(summary, sample_issue) == sample_issue
    assert held(sample_issue).load() is sample_issue


def test_whole_issue_takes_the_checked_ids(sample_issue):
    """Two PDFs of one issue: the second's ids change (pipeline.distinct_ids); its bodies
    come back under the new ids."""
    first, second = summarise(sample_issue), summarise(dataclasses.replace(sample_issue, pdf_name="again.pdf"))
    checked = pipeline.check_archive([first.issue, second.issue])[1]
    whole = whole_issue(dataclasses.replace(second, issue=checked), dataclasses.replace(sample_issue, pdf_name="again.pdf"))
    assert whole.id == "2023-04-2" and all(doc.issue == "2023-04-2" for doc in whole.documents)
    assert [doc.id for doc in whole.documents] == [doc.id for doc in checked.documents] != [doc.id for doc in sample_issue.documents]
    assert [doc.blocks for doc in whole.documents] == [doc.blocks for doc in sample_issue.documents]


def test_whole_issue_refuses_another_issue(sample_issue, make_issue, dated_measure):
    with pytest.raises(ValueError, match="documents"):
        whole_issue(summarise(sample_issue), make_issue(dated_measure))


def test_calendar_months_come_from_the_summary(make_issue, as_of):
    """The archive's 记事 months, read from summaries, are the months read from the blocks."""
    april = Document(
        id="2023-04-item-17", issue="2023-04", position=17, section="政府记事", type=DocType.CALENDAR,
        title="4月份市政府记事", pages=(37, 37),
        blocks=(block(BlockKind.HEADING, "3日", page=37, level=3), block(BlockKind.PARAGRAPH, "△ 副市长甲参加论坛。", page=37)),
    )
    issue = make_issue(april)
    [month] = Archive((summarise(issue),), as_of).calendars
    expected = month_calendar(april, issue)
    assert (month.id, month.days, month.doc.id, month.issue.id) == (expected.id, expected.days, april.id, issue.id)
