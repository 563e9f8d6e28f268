"""The 政府记事 (government calendar) of an issue as days with entries, and as iCalendar.

A 记事 document is a month of entries under day headings: a heading ``3日`` followed by
paragraphs, one per engagement, each opened by a triangle mark (△). The month comes from
the document's title (``4月份市政府记事``); the year is the issue's, or the year before
when the month lies after the issue's month (a January issue recording December).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from extract.model import BlockKind, Document, Issue
from extract.site.ics import AllDayEvent, all_day_calendar

# The month a 记事 covers, from its title: 4月份市政府记事, 2023年12月市政府记事.
TITLE_MONTH = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>1[0-2]|0?[1-9])月份?")
# A day heading: 3日, 15日 (alone on its line, perhaps with a weekday in brackets).
DAY_HEADING = re.compile(r"^\s*(?P<day>[1-3]?\d)\s*日\s*(?:[（(].*[)）])?\s*$")
# The mark that opens an entry; dropped from the entry text.
ENTRY_MARK = re.compile(r"^\s*[△▲◆●■]\s*")


@dataclass(frozen=True)
class Entry:
    """One engagement of a day, as printed (mark removed), with its 1-based PDF page."""

    text: str
    page: int


@dataclass(frozen=True)
class Day:
    date: dt.date
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class MonthCalendar:
    """A 记事 document's days in order; ``doc`` and ``issue`` are where it was printed."""

    doc: Document
    issue: Issue
    month: dt.date  # the first day of the month covered
    days: tuple[Day, ...]

    @property
    def id(self) -> str:
        """The month as ``YYYY-MM``: the calendar page's path segment and .ics name."""
        return self.month.strftime("%Y-%m")

    @property
    def ics_name(self) -> str:
        return f"{self.id}.ics"


def calendar_month(doc: Document, issue: Issue) -> dt.date | None:
    """The first day of the month ``doc`` records, or None when its title names no month."""
    match = TITLE_MONTH.search(doc.title)
    if not match:
        return None
    month = int(match["month"])
    if match["year"]:
        return dt.date(int(match["year"]), month, 1)
    year, number = issue.identity.year, issue.identity.number
    if year is None:
        return None
    if number is not None and month > number:
        year -= 1
    return dt.date(year, month, 1)


def month_calendar(doc: Document, issue: Issue) -> MonthCalendar | None:
    """The days and entries of a 记事 document, or None when its month is unknown
    (``month_days``)."""
    month = calendar_month(doc, issue)
    return None if month is None else MonthCalendar(doc, issue, month, month_days(doc, month))


def month_days(doc: Document, month: dt.date) -> tuple[Day, ...]:
    """The days with entries of a 记事 document of ``month`` (its first day), read from the
    document's blocks.

    Paragraphs before the first day heading, and day numbers the month does not have, are
    not entries of any day; they are left out of the calendar (the document page keeps them).
    """
    days: list[Day] = []
    current: dt.date | None = None
    entries: list[Entry] = []
    for block in doc.blocks:
        heading = DAY_HEADING.match(block.text) if block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) else None
        if heading:
            if current is not None:
                days.append(Day(current, tuple(entries)))
            try:
                current = month.replace(day=int(heading["day"]))
            except ValueError:
                current = None
            entries = []
        elif current is not None and block.kind is BlockKind.PARAGRAPH and block.text.strip():
            entries.append(Entry(ENTRY_MARK.sub("", block.text).strip(), block.pages[0]))
    if current is not None:
        days.append(Day(current, tuple(entries)))
    return tuple(day for day in days if day.entries)


def calendar_ics(calendar: MonthCalendar, name: str) -> bytes:
    """The month's entries as an RFC 5545 calendar of all-day events.

    UIDs derive from the document id, the date and the entry's index in its day; DTSTAMP
    is the month's first day at 00:00 UTC, so the same document gives the same bytes.
    ``name`` is the calendar's display name (X-WR-CALNAME).
    """
    events = (
        AllDayEvent(f"{calendar.doc.id}.{day.date.isoformat()}.{index}@gazette-site", day.date, entry.text)
        for day in calendar.days
        for index, entry in enumerate(day.entries, start=1)
    )
    return all_day_calendar("calendar", name, calendar.month, events)


def month_order(months: Iterable[MonthCalendar]) -> tuple[MonthCalendar, ...]:
    """The archive's 记事 months, oldest month first (then by document id)."""
    return tuple(sorted(months, key=lambda c: (c.month, c.doc.id)))
