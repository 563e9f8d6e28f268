"""政府记事: day-by-day entries from a calendar document, its month, and the .ics."""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest

from extract.model import BlockKind, DocType, Document
from extract.site import render
from extract.site.gov_calendar import calendar_ics, calendar_month, month_calendar
from extract.site.ics import AllDayEvent, all_day_calendar
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


def test_ics_bytes_are_what_the_icalendar_library_writes():
    """``ics.all_day_calendar`` writes its lines itself: the same bytes as a calendar built
    with the icalendar library, for TEXT needing escapes (RFC 5545 §3.3.11) and lines folded
    at 75 octets inside and between Chinese characters and next to escapes (§3.1)."""
    stamp, long = dt.date(2026, 11, 29), "温州市人民政府办公室关于印发《温州市示例管理办法》的通知" * 3
    events = [
        AllDayEvent("a.expiry@gazette-site", dt.date(2028, 5, 9), f"失效：温政办〔2023〕42号《{long}》", "推算；施行日期 + 有效期 − 1日"),
        AllDayEvent("b.evaluation@gazette-site", dt.date(2024, 2, 29), "x" * 64 + "\\;,a\nb\r\nc\rd" + "y" * 80, None),
        AllDayEvent("c@gazette-site", dt.date(2023, 12, 31), "温" * 23 + "," + "州" * 30, "^" * 90 + "\\N" + "x" * 70),
    ]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//gazette-site//test//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "温州市人民政府公报 规范性文件有效期")
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), tzinfo=dt.timezone.utc))
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        if item.description is not None:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    assert all_day_calendar("test", "温州市人民政府公报 规范性文件有效期", stamp, events) == cal.to_ical()
