"""Unit tests of ``extract.grammar.dates``: dates in Arabic and Chinese numerals, as
signatures, orders and 施行 clauses print them."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.grammar.dates import DATE_LINE, numeral, parse_date


def test_bad_value():
    with pytest.raises(ValueError, match="十十"):
        numeral("十十")


@pytest.mark.parametrize("text", ["", "abc", "三百", "一十二三"])
def test_bad_numerals_raise_naming_the_value(text):
    with pytest.raises(ValueError) as error:
        numeral(text)
    assert text in str(error.value)


@pytest.mark.parametrize(
    "text, day",
    [
        ("2023年4月14日", dt.date(2023, 4, 14)),
        ("二〇二三年四月十四日", dt.date(2023, 4, 14)),  # 〇 U+3007
        ("二〇二三年十二月三十一日", dt.date(2023, 12, 31)),
        ("二○○八年九月十八日", dt.date(2008, 9, 18)),  # ○ U+25CB: 国务院令第535号 as printed
        ("二○二三年十月一日", dt.date(2023, 10, 1)),
        ("2023 年 5 月 10 日", dt.date(2023, 5, 10)),  # spaces from a justified line
        ("本办法自2023年5月10日起施行", dt.date(2023, 5, 10)),
        ("2021年8月26日 温州市第十三届人民代表大会常务委员会第四十次会议通过", dt.date(2021, 8, 26)),
    ],
)
def test_parse_date_arabic_and_chinese_numerals(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2023年2月29日", "二〇二三年四月三十一日", "2023年13月1日", "2023年4月0日", "自印发之日起施行", ""])
def test_parse_date_impossible_or_absent_is_none(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("line, is_date", [("二○○八年九月十八日", True), ("  2023年4月6日 ", True), ("温州市人民政府 2023年4月6日", False), ("总　理　　温家宝", False)])
def test_date_line_is_a_line_holding_only_a_date(line, is_date):
    assert bool(DATE_LINE.match(line)) is is_date

