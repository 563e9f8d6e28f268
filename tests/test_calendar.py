"""政府记事: day-by-day entries from a calendar document, its month, and the .ics."""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest

from extract.model import BlockKind, DocType, Document
from extract.site import render
from extract.site.gov_calendar import calendar_ics, calendar_month, month_calendar
from tests.conftest import block


@pytest.fixture
def april_calendar() -> Document:
    return Document(
        id="2023-04-item-17", issue="2023-04", position=17, section="政府记事", type=DocType.CALENDAR,
        title="4月份市政府记事", pages=(37, 38),
        blocks=(
            block(BlockKind.HEADING, "3日", page=37, level=3),
            block(BlockKind.PARAGRAPH, "△ 副市长甲参加论坛。", page=37),
            block(BlockKind.HEADING, "4日", page=37, level=3),
            block(BlockKind.PARAGRAPH, "△ 副市长乙参加会议。", page=37),
            block(BlockKind.PARAGRAPH, "△ 副市长丙参加活动。", page=38),
            block(BlockKind.HEADING, "31日", page=38, level=3),  # April has 30 days
            block(BlockKind.PARAGRAPH, "△ 不属于任何一天。", page=38),
        ),
    )


def test_days_and_entries_in_order(april_calendar, make_issue):
    month = month_calendar(april_calendar, make_issue(april_calendar))
    assert month.id == "2023-04"
    assert [day.date for day in month.days] == [dt.date(2023, 4, 3), dt.date(2023, 4, 4)]
    assert [(e.text, e.page) for e in month.days[1].entries] == [("副市长乙参加会议。", 37), ("副市长丙参加活动。", 38)]


def test_month_before_the_issue_month_is_the_previous_year(april_calendar, make_issue):
    december = dataclasses.replace(april_calendar, title="12月份市政府记事")
    assert calendar_month(december, make_issue(december)) == dt.date(2022, 12, 1)
    assert calendar_month(dataclasses.replace(april_calendar, title="政府记事"), make_issue(april_calendar)) is None


def test_ics_has_an_all_day_event_per_entry_and_is_stable(april_calendar, make_issue):
    month = month_calendar(april_calendar, make_issue(april_calendar))
    data = calendar_ics(month, "记事")
    assert data == calendar_ics(month, "记事")
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["副市长甲参加论坛。", "副市长乙参加会议。", "副市长丙参加活动。"]
    assert events[1]["dtstart"].dt == dt.date(2023, 4, 4)
    assert str(events[2]["uid"]) == "2023-04-item-17.2023-04-04.2@gazette-site"


def test_calendar_page_and_ics_are_written(tmp_path, april_calendar, make_issue, source_dir, as_of):
    docs_dir = tmp_path / "docs"
    render.render_site([make_issue(april_calendar)], docs_dir, as_of, source_dir)
    page = (docs_dir / "calendar" / "2023-04" / "index.md").read_text(encoding="utf-8")
    assert '<time datetime="2023-04-03">4月3日</time> <small>星期一</small>' in page
    assert 'href="../../calendar/2023-04/2023-04.ics" download' in page
    assert 'id="gz-calendar-query"' in page
    assert (docs_dir / "calendar" / "2023-04" / "2023-04.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "2023-04/index.md" in (docs_dir / "calendar" / "index.md").read_text(encoding="utf-8")


def test_one_month_in_two_pdfs_has_one_page(tmp_path, april_calendar, make_issue, source_dir, as_of):
    """Two PDFs of one issue both print April's 记事 (their ids made distinct, as
    pipeline.distinct_ids does): the month's page and .ics show the later document in
    (month, document id) order, 2023-04-item-17 after 2023-04-2-2023-04-item-17."""
    (source_dir / "again.pdf").write_bytes(b"%PDF-1.4\n% again\n")
    other = dataclasses.replace(april_calendar, id="2023-04-2-2023-04-item-17", issue="2023-04-2",
                                blocks=(block(BlockKind.HEADING, "5日", page=37, level=3),
                                        block(BlockKind.PARAGRAPH, "△ 另一份记事。", page=37)))
    again = dataclasses.replace(make_issue(other, pdf_name="again.pdf"), id="2023-04-2")
    docs_dir = tmp_path / "docs"
    render.render_site([make_issue(april_calendar), again], docs_dir, as_of, source_dir)
    page = (docs_dir / "calendar" / "2023-04" / "index.md").read_text(encoding="utf-8")
    assert "副市长甲参加论坛" in page and "另一份记事" not in page
    events = icalendar.Calendar.from_ical((docs_dir / "calendar" / "2023-04" / "2023-04.ics").read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["副市长甲参加论坛。", "副市长乙参加会议。", "副市长丙参加活动。"]
