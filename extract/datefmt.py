"""How the site prints dates: 4月3日, 星期一, 2023年4月. ISO 8601 stays for data files.

Strings are Chinese, the site's source language; other languages translate the weekday
names through the glossary like any interface string.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def month_day(day: dt.date) -> str:
    """``2023-04-03`` -> ``4月3日``."""
    return f"{day.month}月{day.day}日"


def year_month(day: dt.date) -> str:
    """``2023-04-03`` -> ``2023年4月``."""
    return f"{day.year}年{day.month}月"


def weekday(day: dt.date) -> str:
    """``2023-04-03`` -> ``星期一``."""
    return WEEKDAYS[day.weekday()]
