"""Unit tests of ``extract.documents.classify``: the type of an item from the genre word ending its
title (公文文种) and from the section it stands in."""

from __future__ import annotations

import pytest

from extract.documents.classify import classify, force_level, form_of
from extract.model import DocType, ForceLevel, Item


def item(title: str, section: str = "市政府文件") -> Item:
    return Item(section=section, title=title, title_blocks=(), blocks=(), pages=(1, 1))


@pytest.mark.parametrize(
    "title",
    [
        "温州市人民政府关于印发温州市城市建设管理办法的通知",
        "温州市人民政府办公室关于印发《温州市某某实施方案（2023—2027年）》的通知",  # plan period after the genre
        "温州市人民政府办公室关于印发温州市某某管理暂行规定的通知",
        "温州市人民政府办公室关于印发温州市某某实施细则（试行）的通知",  # （试行） after the genre
        "温州市人民政府关于印发温州市某某若干政策的通知",
    ],
)
def test_notice_promulgating_a_normative_text_is_a_measure(title):
    assert classify(item(title)) is DocType.MEASURE


@pytest.mark.parametrize(
    "title",
    [
        "温州市人民政府办公室关于印发温州市某某事项目录的通知",  # a list, not a rule
        "温州市人民政府办公室关于印发2023年温州市重点建设项目名单的通知",
        "温州市人民政府办公室关于做好2023年防汛工作的通知",  # a notice promulgating nothing
        "温州市人民政府关于同意设立某某园区的批复",
    ],
)
def test_notice_promulgating_a_list_or_nothing_is_a_notice(title):
    assert classify(item(title)) is DocType.NOTICE


def test_implementing_opinions_are_a_measure():
    assert classify(item("温州市人民政府关于加快推进城市更新的实施意见")) is DocType.MEASURE


def test_policy_interpretation_by_its_title():
    assert classify(item("关于《温州市城市建设管理办法》的政策解读", section="")) is DocType.INTERPRETATION


def test_policy_interpretation_title_ending_in_a_measure_word_is_still_an_interpretation():
    # 《…办法》 inside the title must not make it a measure
    assert classify(item("《温州市城市建设管理办法》政策解读", section="市政府文件")) is DocType.INTERPRETATION


def test_items_of_the_interpretation_section_are_interpretations():
    assert classify(item("一图读懂城市建设管理办法", section="政策解读")) is DocType.INTERPRETATION


def test_items_of_the_brief_section_are_briefs():
    # even when the brief's headline ends in a genre word
    assert classify(item("市政府召开常务会议研究部署防汛工作方案", section="政务简讯")) is DocType.BRIEF


def test_monthly_calendar_by_its_title():
    assert classify(item("4月份市政府记事", section="")) is DocType.CALENDAR


def test_statistics_section():
    assert classify(item("2023年1—3月温州市主要经济指标", section="统计资料")) is DocType.STATISTICS


def test_bare_list_title_without_guan_yu_is_other():
    assert classify(item("发文目录", section="")) is DocType.OTHER


def test_photo_news_is_other():
    assert classify(item("图片新闻", section="")) is DocType.OTHER


def test_whitespace_in_a_title_does_not_change_its_type():
    assert classify(item("温州市人民政府关于印发温州市城市建设 管理办法的通知")) is DocType.MEASURE


# ------------------------------------------------------------------ 文种 and 效力级别


@pytest.mark.parametrize(
    "title, doc_type, form",
    [
        ("温州市人民政府办公室关于印发温州市区公共租赁住房保障管理办法的通知", DocType.MEASURE, "办法"),
        ("温州市人民政府办公室关于进一步规范乡镇（街道）消防工作的实施意见", DocType.MEASURE, "意见"),
        ("温州市人民政府办公室关于印发温州市2023年度市政府行政规范性文件制定目录的通知", DocType.NOTICE, "通知"),  # 目录 is no 文种
        ("温州市人民政府关于印发温州市某某实施方案（2023—2027年）的通知", DocType.MEASURE, "方案"),
        ("温州市销售燃放烟花爆竹管理规定", DocType.MEASURE, "规定"),
        ("中华人民共和国劳动合同法实施条例", DocType.MEASURE, "条例"),  # what 国务院令第535号 promulgates
        ("温州市人民政府关于同意设立某某园区的批复", DocType.NOTICE, "批复"),
        ("温州市人民政府关于某某等同志职务任免的通知", DocType.NOTICE, "通知"),
        ("温州市人民政府办公厅关于商请支持某某工作的函", DocType.NOTICE, "函"),
        ("关于《温州市城市建设管理办法》的政策解读", DocType.INTERPRETATION, None),
        ("市对口工作领导小组会议召开", DocType.BRIEF, None),
        ("中华人民共和国民法典", DocType.MEASURE, "法典"),
        ("中华人民共和国劳动合同法", DocType.MEASURE, "法"),
    ],
)
def test_form_is_the_genre_of_the_text_or_of_what_it_promulgates(title, doc_type, form):
    assert form_of(title, doc_type) == form


@pytest.mark.parametrize(
    "doc_type, order_issuer, adopted_by, registration, level",
    [
        (DocType.MEASURE, "中华人民共和国国务院", None, None, ForceLevel.ADMINISTRATIVE_REGULATION),  # 国务院令第535号
        (DocType.MEASURE, "温州市人民政府", None, None, ForceLevel.GOVERNMENT_RULE),  # 温州市人民政府令第147号
        (DocType.MEASURE, None, "温州市人民代表大会常务委员会", None, ForceLevel.LOCAL_REGULATION),
        (DocType.MEASURE, None, "温州市人民代表大会", None, ForceLevel.LOCAL_REGULATION),  # the full congress
        (DocType.MEASURE, None, "全国人民代表大会常务委员会", None, None),  # a law: above this scale
        (DocType.MEASURE, None, None, "ZJCC01-2023-0008", ForceLevel.NORMATIVE_DOCUMENT),
        (DocType.MEASURE, None, None, None, ForceLevel.POLICY_DOCUMENT),
        (DocType.NOTICE, None, None, None, ForceLevel.POLICY_DOCUMENT),
        (DocType.INTERPRETATION, None, None, None, None),
        (DocType.BRIEF, None, None, None, None),
        (DocType.STATISTICS, None, None, None, None),
    ],
)
def test_force_level_from_who_made_the_text_and_how(doc_type, order_issuer, adopted_by, registration, level):
    assert force_level(doc_type, order_issuer=order_issuer, adopted_by=adopted_by, registration_number=registration) is level


@pytest.mark.parametrize("title", ["中华人民共和国民法典", "中华人民共和国劳动合同法"])
def test_a_law_is_a_measure_above_the_levels(title):
    # the Civil Code's last article states its 施行日期: as a measure it is tagged
    assert classify(item(title, section="法律")) is DocType.MEASURE
    assert force_level(DocType.MEASURE, order_issuer=None, adopted_by=None, registration_number=None, form=form_of(title, DocType.MEASURE)) is None
