"""Dates as official documents print them, in Arabic or Chinese numerals.

GB/T 9704-2012 §7.3.5 writes the 成文日期 in Arabic numerals (2023年4月14日); orders and
older documents write it in Chinese numerals, the year digit by digit with a zero that is
〇 (U+3007) or, as often typed, ○ (U+25CB): 二○○八年九月十八日, 二〇二三年十二月三十一日.
Days and months use 十: 十八, 三十一. ``parse_date`` returns ``datetime.date`` (ISO 8601
when serialised) or None for text without a possible date.
"""

from __future__ import annotations

import datetime as dt
import re

# Chinese digits; 〇 U+3007 and ○ U+25CB both print the zero of a year (二○○八).
CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇○零一二三四五六七八九"
#: A count or day/month number: 5, 10, 五, 十, 三十一.
NUMERAL = rf"(?:\d{{1,4}}|[{_CN}十]{{1,4}})"
#: A date anywhere in a sentence, with the spaces a justified line puts between characters.
DATE = re.compile(
    rf"""
    (?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*   # 2023, 二〇二三, 二○○八 (digit by digit)
    (?P<m>{NUMERAL})\s*月\s*              # 4, 四, 十二
    (?P<d>{NUMERAL})\s*日                 # 14, 十八, 三十一
    """,
    re.VERBOSE,
)
#: A line that is only a date: the 成文日期 of a signature block.
DATE_LINE = re.compile(rf"^\s*(?:{DATE.pattern})\s*$", re.VERBOSE)


def numeral(text: str) -> int:
    """Arabic or Chinese numerals -> int: 2023, 二〇二三 (digit by digit), 十四, 二十, 三十一.

    Raises ``ValueError("Invalid numeral: …")`` for anything else.
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in CN_DIGITS and c != "十" for c in text) or text.count("十") > 1:
        raise ValueError(f"Invalid numeral: {text}")
    if "十" not in text:
        return int("".join(str(CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        raise ValueError(f"Invalid numeral: {text}")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def date_of(match: re.Match[str]) -> dt.date | None:
    """The date a ``DATE`` match names; None when impossible (2023年2月29日)."""
    try:
        return dt.date(numeral(match["y"]), numeral(match["m"]), numeral(match["d"]))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``: ``2023年4月14日`` or ``二○○八年九月十八日`` -> date;
    None if there is none or it is impossible."""
    match = DATE.search(text)
    return date_of(match) if match else None

