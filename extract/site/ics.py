"""All-day events as RFC 5545 (iCalendar) bytes.

Shared by the validity page's calendar of 失效日期/评估日期 and the 政府记事 months. The
output depends only on the arguments (DTSTAMP is a given day, UIDs are given), so the same
archive gives the same bytes.

Written line by line rather than through the ``icalendar`` library's component tree, which
took a second for the validity calendar's 2,400 events at 240 issues; the bytes are what
that library writes (its property order, TEXT escaping and folding), and the tests read
the files back with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

FOLD_OCTETS = 75  # RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets


@dataclass(frozen=True)
class AllDayEvent:
    """One all-day event: ``uid`` (globally unique, e.g. ``<doc-id>.expiry@gazette-site``),
    its ``day``, a ``summary`` and an optional ``description``."""

    uid: str
    day: dt.date
    summary: str
    description: str | None = None


def text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 §3.3.11): backslash, ``;`` and ``,`` escaped, line
    breaks written ``\\n``."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """A content line folded (RFC 5545 §3.1): a CRLF and a space before the character that
    would make a line reach ``FOLD_OCTETS`` octets of UTF-8 (the space not counted), never
    inside a character, and never right after a ``\\`` or ``^`` (an escape stays whole)."""
    if len(line) * 4 < FOLD_OCTETS or len(line.encode()) < FOLD_OCTETS:
        return line
    lines: list[str] = []
    current: list[str] = []
    count = 0
    for char in line:
        size = len(char.encode())
        if current and count + size >= FOLD_OCTETS:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                lines.append("".join(current))
                current, count = [carried], len(carried.encode())
            else:
                lines.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += size
    if current:
        lines.append("".join(current))
    return "\r\n ".join(lines)


def all_day_calendar(product: str, name: str, stamp_day: dt.date, events: Iterable[AllDayEvent]) -> bytes:
    """A calendar named ``name`` (X-WR-CALNAME) of ``events``, each free time (TRANSP),
    with PRODID ``-//gazette-site//<product>//ZH`` and DTSTAMP ``stamp_day`` at 00:00 UTC."""
    stamp = f"{stamp_day:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{text(f'-//gazette-site//{product}//ZH')}",
             f"X-WR-CALNAME:{text(name)}"]
    for item in events:
        # icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, then the rest by name.
        lines += ["BEGIN:VEVENT", f"SUMMARY:{text(item.summary)}", f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{item.day + dt.timedelta(days=1):%Y%m%d}", f"DTSTAMP:{stamp}",
                  f"UID:{text(item.uid)}"]
        if item.description is not None:
            lines.append(f"DESCRIPTION:{text(item.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
