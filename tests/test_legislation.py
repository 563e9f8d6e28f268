"""Unit tests of ``extract.documents.legislation`` and of how ``tag`` uses it: the head lines
of local regulations and the head of an order, with the fixtures' real sentences
(温州市人民政府公报 2021年第12期, 国务院令第535号) and the conventions' own examples."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.documents.legislation import ADOPTED, AMENDED, APPROVED, PROMULGATED, enactment_steps, legislature, order_facts
from extract.documents.tag import tag_item
from extract.documents.validity import until_repealed
from extract.model import BBox, Block, BlockKind, DocType, ForceLevel, Item

BOX = BBox(80, 100, 500, 120)


def block(kind: BlockKind, text: str, page: int = 3, **fields) -> Block:
    return Block(kind=kind, text=text, pages=(page, page), bbox=BOX, **fields)


def centred(text: str, page: int = 3) -> Block:
    return block(BlockKind.PARAGRAPH, text, page, align="center")


def para(text: str, page: int = 3) -> Block:
    return block(BlockKind.PARAGRAPH, text, page)


YANHUA = [
    centred("2021年8月26日 温州市第十三届人民代表大会常务委员会第四十次会议通过"),
    centred("2021年9月29日 浙江省第十三届人民代表大会常务委员会第三十一次会议批准"),
    para("第一条 为了加强烟花爆竹销售、燃放管理，保障公共安全和人身、财产安全，防治环境污染，根据《烟花爆竹安全管理条例》等有关法律、法规，结合本市实际，制定本规定。"),
    para("第十二条 本规定自2021年12月1日起施行。", 4),
]
ORDER = [
    centred("中华人民共和国国务院令", 18),
    centred("第　535　号", 18),
    para("《中华人民共和国劳动合同法实施条例》已经2008年9月3日国务院第25次常务会议通过，现予公布，自公布之日起施行。", 18),
    block(BlockKind.SIGNATURE, "总　理　　温家宝", 18, align="right"),
    block(BlockKind.SIGNATURE, "二○○八年九月十八日", 18, align="right"),
    block(BlockKind.TITLE, "中华人民共和国劳动合同法实施条例", 18),
    para("第三十八条　本条例自公布之日起施行。", 21),
]


def tag(blocks, title: str, section: str = "法规规章", doc_type: DocType = DocType.MEASURE, title_blocks=()):
    item = Item(section, title, tuple(title_blocks), tuple(blocks), (blocks[0].pages[0], blocks[-1].pages[1]))
    return tag_item(item, doc_type, "2021-12", 1)


# ------------------------------------------------------------------ regulations


def test_head_lines_give_adoption_and_approval_with_their_line_and_page():
    steps = enactment_steps(YANHUA)
    assert [(s.action, s.fact.value) for s in steps] == [(ADOPTED, dt.date(2021, 8, 26)), (APPROVED, dt.date(2021, 9, 29))]
    assert steps[0].fact.evidence.sentence == YANHUA[0].text
    assert steps[0].fact.evidence.page == 3
    assert legislature(steps) == "温州市人民代表大会常务委员会"


def test_head_lines_joined_or_cut_by_the_layout_read_the_same():
    joined = [para(YANHUA[0].text + YANHUA[1].text), YANHUA[2]]
    cut = [
        centred("2018年7月27日 浙江省第十三届人民代表大会常务委员会第四次会议批准的《温州市人民代表大会"),
        centred("常务委员会关于修改〈温州市市容和环境卫生管理条例〉的决定》修正"),
        block(BlockKind.HEADING, "第一章 总则", level=2),
    ]
    assert [s.action for s in enactment_steps(joined)] == [ADOPTED, APPROVED]
    (amended,) = enactment_steps(cut)
    assert (amended.action, amended.fact.value) == (AMENDED, dt.date(2018, 7, 27))
    assert amended.fact.evidence.sentence.endswith("的决定》修正")


def test_the_full_congress_adopting_is_the_issuer_without_term_and_session():
    steps = enactment_steps([centred("2020年4月24日 温州市第十三届人民代表大会第五次会议通过"), para("第一条 ……")])
    assert legislature(steps) == "温州市人民代表大会"


def test_a_promulgation_line_gives_the_date_and_the_announcement_number():
    # head lines in the form 《立法法》 prescribes for a 设区的市's regulation (adopted, approved,
    # promulgated by the standing committee's 公告); the dates are illustrative
    head = [
        block(BlockKind.TITLE, "温州市制定地方性法规条例"),
        centred("（2016年12月28日温州市第十二届人民代表大会第一次会议通过 2017年3月30日浙江省第十二届人民代表大会常务委员会第三十九次会议批准 2017年4月14日温州市人民代表大会常务委员会公告第1号公布）"),
        para("第一条 为了规范地方性法规制定活动，制定本条例。"),
        para("第四十条 本条例自公布之日起施行。"),
    ]
    doc = tag(head[1:], "温州市制定地方性法规条例")
    assert [s.action for s in enactment_steps(head[1:])] == [ADOPTED, APPROVED, PROMULGATED]
    assert doc.doc_number == "温州市人民代表大会常务委员会公告第1号"
    assert doc.promulgated_date.value == dt.date(2017, 4, 14)
    assert doc.effective_date.value == dt.date(2017, 4, 14)  # 自公布之日起施行
    assert doc.issuer == "温州市人民代表大会"


def test_a_local_regulation_is_tagged_in_force_until_repealed():
    doc = tag(YANHUA, "温州市销售燃放烟花爆竹管理规定")
    assert (doc.issuer, doc.form, doc.force_level) == ("温州市人民代表大会常务委员会", "规定", ForceLevel.LOCAL_REGULATION)
    assert (doc.doc_number, doc.signed_date) == (None, None)
    assert doc.effective_date.value == dt.date(2021, 12, 1)
    assert doc.effective_date.evidence.page == 4
    assert until_repealed(doc)


# ------------------------------------------------------------------ orders


def test_order_head_signer_and_chinese_numeral_date():
    facts = order_facts(ORDER)
    assert str(facts.number) == "中华人民共和国国务院令第535号"
    assert facts.signer == "总理 温家宝"
    assert facts.date.value == dt.date(2008, 9, 18)  # 二○○八年九月十八日, ○ U+25CB
    assert facts.adopted.value == dt.date(2008, 9, 3)


@pytest.mark.parametrize("zero", ["○", "〇"])  # U+25CB and U+3007 both print the zero
def test_an_order_of_a_city_government_is_a_rule_effective_on_publication(zero):
    # The parts a 公布令 must name (《规章制定程序条例》第三十二条); the meeting, signer and dates
    # are illustrative, not copied from the real 令第147号. Expected values are read off this text.
    order = [
        centred("温州市人民政府令"),
        centred("第 147 号"),
        para("《温州市区公共租赁住房保障办法》已经2012年12月24日市人民政府第10次常务会议审议通过，现予公布，自公布之日起施行。"),
        block(BlockKind.SIGNATURE, "市长　陈金彪", align="right"),
        block(BlockKind.SIGNATURE, f"二{zero}一三年一月十日", align="right"),
        block(BlockKind.TITLE, "温州市区公共租赁住房保障办法"),
        para("第一条 为了……制定本办法。"),
    ]
    doc = tag(order, "温州市区公共租赁住房保障办法")
    assert (doc.doc_number, doc.issuer, doc.signer) == ("温州市人民政府令第147号", "温州市人民政府", "市长 陈金彪")
    assert (doc.signed_date.value, doc.effective_date.value) == (dt.date(2013, 1, 10), dt.date(2013, 1, 10))
    assert "自公布之日起施行" in doc.effective_date.evidence.sentence
    assert (doc.form, doc.force_level, doc.id) == ("办法", ForceLevel.GOVERNMENT_RULE, "wzsrmzfl-147")


def test_the_state_councils_order_is_an_administrative_regulation():
    doc = tag(ORDER, "中华人民共和国劳动合同法实施条例", section="国务院令")
    assert (doc.doc_number, doc.issuer, doc.id) == ("中华人民共和国国务院令第535号", "中华人民共和国国务院", "gwyl-535")
    assert (doc.signed_date.value, doc.effective_date.value) == (dt.date(2008, 9, 18), dt.date(2008, 9, 18))
    assert doc.force_level is ForceLevel.ADMINISTRATIVE_REGULATION
    assert until_repealed(doc)


def test_blocks_without_an_order_head_have_no_order_facts():
    assert order_facts(YANHUA) is None
    assert order_facts([]) is None


# ------------------------------------------------------------------ other kinds


def test_a_seal_lending_body_is_not_the_issuer():
    # 联防联控机制综发〔2022〕71 号: a 通知 signed by the 综合组 under the seal of the 国家卫生健康委
    blocks = [
        para("现将《新冠病毒抗原检测应用方案》印发给你们，请参照执行。", 5),
        block(BlockKind.SIGNATURE, "国务院应对新型冠状病毒肺炎疫情联防联控机制综合组（国家卫生健康委代章）", 5, align="right"),
        block(BlockKind.SIGNATURE, "2022年3月10日", 5, align="right"),
    ]
    head = [centred("联防联控机制综发〔2022〕71 号", 5)]
    doc = tag(blocks, "关于印发新冠病毒抗原检测应用方案的通知", section="文件", title_blocks=head)
    assert doc.issuer == "国务院应对新型冠状病毒肺炎疫情联防联控机制综合组"
    assert doc.doc_number == "联防联控机制综发〔2022〕71号"
    assert doc.signed_date.value == dt.date(2022, 3, 10)


def test_a_repeal_clause_names_a_title_or_a_number():
    blocks = [
        para("第三十条 本办法自2023年5月10日起施行。《温州市区廉租住房保障办法》同时废止。"),
        para("《温州市区公共租赁住房保障办法》（温州市人民政府令第147号）同时废止。"),
    ]
    doc = tag(blocks, "温州市区公共租赁住房保障管理办法", section="文件")
    assert doc.repeals == ("《温州市区廉租住房保障办法》", "温州市人民政府令第147号")


def test_appointments_and_replies_have_no_force_of_rules():
    blocks = [para("经研究，同意设立温州某某园区。", 6), block(BlockKind.SIGNATURE, "温州市人民政府", 6, align="right"), block(BlockKind.SIGNATURE, "2023年4月6日", 6, align="right")]
    doc = tag(blocks, "温州市人民政府关于同意设立温州某某园区的批复", section="文件", doc_type=DocType.NOTICE, title_blocks=[centred("温政函〔2023〕31号", 6)])
    assert (doc.form, doc.force_level, doc.issuer, doc.doc_number) == ("批复", ForceLevel.POLICY_DOCUMENT, "温州市人民政府", "温政函〔2023〕31号")
    assert not until_repealed(doc)
