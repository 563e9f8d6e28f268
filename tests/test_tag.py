"""Unit tests of ``extract.documents.tag`` on hand-made items: dates (成文, 施行, 有效期, 失效) with the
sentence and page they come from, identifiers from the title block, repeals, and the link
from a 政策解读 to the document it explains."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.documents.tag import document_text, link_interpretations, tag_item
from extract.documents.validity import archive_status
from extract.model import BBox, Block, BlockKind, DocType, Evidence, ExpiryBasis, Item, Status, TableGrid

BOX = BBox(80, 100, 500, 120)
AS_OF = dt.date(2024, 1, 1)


def block(kind: BlockKind, text: str, page: int, **fields) -> Block:
    return Block(kind=kind, text=text, pages=(page, page), bbox=BOX, **fields)


def para(text: str, page: int) -> Block:
    return block(BlockKind.PARAGRAPH, text, page)


NOTICE_TITLE = "温州市人民政府办公室关于印发温州市城市建设管理办法的通知"
INTERPRETATION_TITLE = "关于《温州市城市建设管理办法》的政策解读"


def measure_item(*body: Block, title: str = NOTICE_TITLE, head: tuple[str, ...] = ("温政办〔2023〕42号",)) -> Item:
    """A notice promulgating a measure: 文号 line(s) and title, signed 2023年4月14日 on
    page 3, then ``body``."""
    title_blocks = tuple(block(BlockKind.PARAGRAPH, text, 3, align="center") for text in head) + (block(BlockKind.TITLE, title, 3),)
    signature = (
        para("现将《温州市城市建设管理办法》印发给你们，请认真贯彻执行。", 3),
        block(BlockKind.SIGNATURE, "温州市人民政府办公室", 3, align="right"),
        block(BlockKind.SIGNATURE, "2023年4月14日", 3, align="right"),
    )
    last = max((b.pages[1] for b in body), default=3)
    return Item(section="市政府文件", title=title, title_blocks=title_blocks, blocks=signature + body, pages=(3, last))


def tag(item: Item, doc_type: DocType = DocType.MEASURE):
    return tag_item(item, doc_type, "2023-04", 1)


def interpretation(*body: Block, title: str = INTERPRETATION_TITLE):
    """A tagged 政策解读 on page 20, second in the issue."""
    return tag_item(Item("政策解读", title, (), body, (20, 20)), DocType.INTERPRETATION, "2023-04", 2)


# ------------------------------------------------------------------ identifiers and issuer


def test_doc_number_registration_number_and_issuer_from_the_title_block():
    doc = tag(measure_item(head=("温政办［2023］42号", "ZJCC01–2023–0008")))
    assert (doc.doc_number, doc.registration_number) == ("温政办〔2023〕42号", "ZJCC01-2023-0008")
    assert doc.issuer == "温州市人民政府办公室"
    assert doc.id == "wzb-2023-42"


def test_signed_date_from_the_signature_keeps_its_line_and_page():
    doc = tag(measure_item())
    assert doc.signed_date.value == dt.date(2023, 4, 14)
    assert doc.signed_date.evidence == Evidence("2023年4月14日", 3)


def test_body_text_excludes_the_title_block():
    doc = tag(measure_item(para("本办法自2023年5月10日起施行。", 5)))
    assert doc.text.splitlines() == [
        "现将《温州市城市建设管理办法》印发给你们，请认真贯彻执行。",
        "温州市人民政府办公室",
        "2023年4月14日",
        "本办法自2023年5月10日起施行。",
    ]


# ------------------------------------------------------------------ 施行 and 有效期


def test_effective_date_from_zi_date_qi_shixing_keeps_sentence_and_page():
    doc = tag(measure_item(para("第三十条本办法由市住建局负责解释。本办法自2023年5月10日起施行，有效期5年。", 5)))
    assert doc.effective_date.value == dt.date(2023, 5, 10)
    assert doc.effective_date.evidence == Evidence("本办法自2023年5月10日起施行，有效期5年。", 5)


def test_five_year_validity_expires_the_day_before_the_fifth_anniversary():
    doc = tag(measure_item(para("本办法自2023年5月10日起施行，有效期5年。", 5)))
    assert doc.validity.years == 5
    assert doc.validity.evidence == Evidence("本办法自2023年5月10日起施行，有效期5年。", 5)
    assert (doc.expiry_date.value, doc.expiry_basis) == (dt.date(2028, 5, 9), ExpiryBasis.COMPUTED)
    assert doc.expiry_date.evidence.page == 5


def test_effective_on_issue_means_the_signed_date():
    doc = tag(measure_item(para("本办法自印发之日起施行。", 4)))
    assert doc.effective_date.value == dt.date(2023, 4, 14)
    assert doc.effective_date.evidence == Evidence("本办法自印发之日起施行。", 4)


def test_validity_in_chinese_numerals():
    doc = tag(measure_item(para("本办法自2023年5月10日起施行，有效期五年。", 5)))
    assert doc.validity.years == 5
    assert doc.expiry_date.value == dt.date(2028, 5, 9)


def test_validity_until_a_stated_date():
    doc = tag(measure_item(para("本方案自2023年5月15日起施行，有效期至2025年5月14日。", 6)))
    assert doc.validity.until == dt.date(2025, 5, 14)
    assert (doc.expiry_date.value, doc.expiry_basis) == (dt.date(2025, 5, 14), ExpiryBasis.STATED)
    assert doc.expiry_date.evidence == Evidence("本方案自2023年5月15日起施行，有效期至2025年5月14日。", 6)


def test_validity_in_months():
    doc = tag(measure_item(para("本通知自2023年5月10日起施行，有效期6个月。", 4)))
    assert (doc.validity.years, doc.validity.months) == (None, 6)
    assert doc.validity.label() == "6个月"
    assert doc.expiry_date.value == dt.date(2023, 11, 9)


def test_trial_measure_is_marked_from_its_title():
    title = "温州市人民政府关于印发温州市某某管理暂行办法的通知"
    doc = tag(measure_item(para("本办法自2023年5月10日起施行，有效期2年。", 4), title=title))
    assert doc.validity.trial and doc.validity.years == 2


def test_plan_period_ends_on_the_last_day_of_its_last_year():
    title = "温州市人民政府办公室关于印发温州市某某行动方案（2023—2027年）的通知"
    doc = tag(measure_item(para("一、总体要求", 4), title=title))
    assert (doc.expiry_date.value, doc.expiry_basis) == (dt.date(2027, 12, 31), ExpiryBasis.PLAN_PERIOD)
    assert doc.expiry_date.evidence == Evidence(title, 3)


def test_plan_period_in_the_attached_title():
    attached = block(BlockKind.TITLE, "温州市某某行动方案（2023-2025年）", 4)
    doc = tag(measure_item(attached, para("一、总体要求", 4), title="温州市人民政府办公室关于印发温州市某某行动方案的通知"))
    assert doc.expiry_date.value == dt.date(2025, 12, 31)


def test_measure_without_dates_has_no_expiry_and_no_status():
    doc = tag(measure_item(para("一、总体要求", 4)))
    assert (doc.effective_date, doc.validity, doc.expiry_date) == (None, None, None)
    assert archive_status([doc], AS_OF).of(doc).status is None


@pytest.mark.parametrize(
    "as_of, status",
    [
        (dt.date(2023, 5, 9), Status.NOT_YET_IN_FORCE),
        (dt.date(2023, 5, 10), Status.IN_FORCE),
        (dt.date(2028, 5, 9), Status.IN_FORCE),  # the expiry day is still in force
        (dt.date(2028, 5, 10), Status.EXPIRED),
    ],
)
def test_status_as_of_a_date(as_of, status):
    doc = tag(measure_item(para("本办法自2023年5月10日起施行，有效期5年。", 5)))
    assert archive_status([doc], as_of).of(doc).status is status


def test_briefs_carry_no_validity_even_when_their_text_has_dates():
    item = Item("政务简讯", "市政府召开常务会议", (), (para("会议指出，新办法自2023年5月10日起施行，有效期5年。", 30),), (30, 30))
    doc = tag(item, DocType.BRIEF)
    assert (doc.effective_date, doc.validity) == (None, None)
    assert archive_status([doc], AS_OF).of(doc).status is None


# ------------------------------------------------------------------ repeals and references


def test_repeals_from_tongshi_feizhi():
    body = para("本办法自2023年5月10日起施行，《温州市城市绿化管理办法》（温州市人民政府令第147号）同时废止。", 5)
    doc = tag(measure_item(body))
    assert doc.repeals == ("温州市人民政府令第147号",)
    assert "温州市人民政府令第147号" not in doc.references


def test_references_are_the_other_doc_numbers_cited():
    body = para("根据《浙江省某某条例》和《实施意见》（浙政发〔2021〕7号），结合本市实际，制定本办法。", 4)
    doc = tag(measure_item(body))
    assert doc.references == ("浙政发〔2021〕7号",)
    assert doc.repeals == ()


# ------------------------------------------------------------------ interpretations


def test_interpretation_is_linked_to_its_target_by_the_measure_title_it_names():
    notice = tag(measure_item(block(BlockKind.TITLE, "温州市城市建设管理办法", 4), para("第一条……", 4)))
    explained = interpretation(para("一、起草背景", 20), para("解读机关：温州市住房和城乡建设局", 20))
    linked = link_interpretations([notice, explained])
    assert linked[1].interprets == "温政办〔2023〕42号"
    assert linked[1].issuer == "温州市住房和城乡建设局"
    assert linked[0].interprets is None


def test_interpretation_is_linked_through_the_promulgating_notice_title_alone():
    notice = tag(measure_item(para("第一条……", 4)))  # no attached title block to match
    assert link_interpretations([notice, interpretation()])[1].interprets == "温政办〔2023〕42号"


def test_interpretation_naming_an_unknown_title_stays_unlinked():
    notice = tag(measure_item())
    assert link_interpretations([notice, interpretation(title="关于《温州市另一办法》的政策解读")])[1].interprets is None


def test_interpretation_keeps_the_dates_it_states_about_its_target():
    doc = interpretation(para("《办法》自2023年5月10日起施行，有效期5年。", 20))
    assert doc.stated_effective_date.value == dt.date(2023, 5, 10)
    assert doc.stated_effective_date.evidence == Evidence("《办法》自2023年5月10日起施行，有效期5年。", 20)
    assert doc.stated_validity.years == 5
    assert doc.effective_date is None  # the interpretation itself is not in force


# ------------------------------------------------------------------ text


def test_document_text_tables_by_tabs_and_captions_with_credits():
    table = TableGrid(bbox=BOX, rows=(("序号", "名称"), ("1", None)), rowspans=())
    blocks = (
        block(BlockKind.CAPTION, "市领导调研城市建设工作", 1, credit="（刘伟/摄）"),
        block(BlockKind.TABLE, "", 1, table=table),
    )
    assert document_text(blocks) == "市领导调研城市建设工作\n（刘伟/摄）\n序号\t名称\n1\t"


@pytest.mark.parametrize("line", ["解读机关：温州市住房和城乡建设局", "解读机关：温州市住房和城乡建设局解读人：姚必华", "解读机关：温州市住房和城乡建设局 解读人：姚必华"])
def test_interpreting_body_stops_at_the_next_label(line):
    # 16 pt single-column layouts run the 解读机关 and 解读人 lines of jd-wzb-2023-44 together
    assert interpretation(para("一、起草背景", 20), para(line, 20)).issuer == "温州市住房和城乡建设局"
