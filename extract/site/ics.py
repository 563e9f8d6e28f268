"""All-day events as RFC 5545 (iCalendar) bytes, written with the ``icalendar`` library.

Shared by the validity page's calendar of 失效日期/评估日期 and the 政府记事 months. The
output depends only on the arguments (DTSTAMP is a given day, UIDs are given), so the same
archive gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar


@dataclass(frozen=True)
class AllDayEvent:
    """One all-day event: ``uid`` (globally unique, e.g. ``<doc-id>.expiry@gazette-site``),
    its ``day``, a ``summary`` and an optional ``description``."""

    uid: str
    day: dt.date
    summary: str
    description: str | None = None


def all_day_calendar(product: str, name: str, stamp_day: dt.date, events: Iterable[AllDayEvent]) -> bytes:
    """A calendar named ``name`` (X-WR-CALNAME) of ``events``, each free time (TRANSP),
    with PRODID ``-//gazette-site//<product>//ZH`` and DTSTAMP ``stamp_day`` at 00:00 UTC."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//gazette-site//{product}//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    stamp = dt.datetime.combine(stamp_day, dt.time(), tzinfo=dt.timezone.utc)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        if item.description is not None:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
