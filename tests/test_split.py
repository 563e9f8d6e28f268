"""Unit tests of ``extract.documents.split`` on hand-made blocks: the 目录, items found from it or
from title blocks without it, and the issue's identity."""

from __future__ import annotations

from pathlib import Path

from extract.documents.split import issue_identity, parse_toc, split_items, title_key
from extract.model import BBox, Block, BlockKind, LaidOutIssue, PageInfo, SourceDocument, TocEntry

BOX = BBox(80, 100, 500, 120)


def block(kind: BlockKind, text: str, page: int, **fields) -> Block:
    return Block(kind=kind, text=text, pages=(page, page), bbox=BOX, **fields)


def para(text: str, page: int, **fields) -> Block:
    return block(BlockKind.PARAGRAPH, text, page, **fields)


def title(text: str, page: int) -> Block:
    return block(BlockKind.TITLE, text, page, size=22.0, align="center")


def laid_out(blocks: list[Block], name: str = "issue.pdf", pages: int = 8, pdf_title: str = "") -> LaidOutIssue:
    """An issue whose physical pages carry the same printed page numbers."""
    infos = tuple(PageInfo(number=n, folio=str(n) if n > 2 else None) for n in range(1, pages + 1))
    source = SourceDocument(path=Path(name), pages=(), title=pdf_title)
    return LaidOutIssue(source=source, blocks=tuple(blocks), pages=infos, body_size=10.5)


COVER = [title("温州市人民政府公报", 1), para("2023年第4期（总第248期）", 1)]
TOC = [
    title("目录", 2),
    para("【市政府文件】", 2),
    para("温州市人民政府关于印发温州市城市建设管理办法的通知…………………3", 2),
    para("温州市人民政府办公室关于印发《温州市某某实施方案（2023—2027年）》", 2),  # wrapped entry
    para("的通知（温政办〔2023〕42号）…………………5", 2),
    para("【政策解读】", 2),
    para("关于《温州市城市建设管理办法》的政策解读…………………7", 2),
]
NOTICE = [
    para("温政发〔2023〕5号", 3, align="center"),
    title("温州市人民政府关于印发温州市城市建设管理办法的通知", 3),
    block(BlockKind.ADDRESSEE, "各县（市、区）人民政府，市政府直属各单位：", 3),
    para("现将《温州市城市建设管理办法》印发给你们，请认真贯彻执行。", 3, indent=True),
    block(BlockKind.SIGNATURE, "温州市人民政府", 3, align="right"),
    block(BlockKind.SIGNATURE, "2023年4月6日", 3, align="right"),
    title("温州市城市建设管理办法", 4),  # the attached measure: same item
    para("第一条为加强城市建设管理，制定本办法。", 4, indent=True),
]
PLAN = [
    para("温政办〔2023〕42号", 5, align="center"),
    para("ZJCC01-2023-0008", 5, align="center"),
    title("温州市人民政府办公室关于印发《温州市某某实施方案", 5),
    title("（2023—2027年）》的通知", 5),
    para("现将《温州市某某实施方案（2023—2027年）》印发给你们。", 5, indent=True),
    title("温州市某某实施方案（2023—2027年）", 6),  # equals the 《X》 the notice promulgates
    para("一、总体要求", 6),
]
INTERPRETATION = [
    title("关于《温州市城市建设管理办法》的政策解读", 7),
    para("一、起草背景", 7),
]


# ------------------------------------------------------------------ 目录


def test_parse_toc_reads_sections_entries_and_printed_pages():
    entries, indexes = parse_toc(COVER + TOC + NOTICE)
    assert entries == [
        TocEntry("市政府文件", "温州市人民政府关于印发温州市城市建设管理办法的通知", 3),
        TocEntry("市政府文件", "温州市人民政府办公室关于印发《温州市某某实施方案（2023—2027年）》的通知", 5, "温政办〔2023〕42号"),
        TocEntry("政策解读", "关于《温州市城市建设管理办法》的政策解读", 7),
    ]
    assert indexes == list(range(len(COVER), len(COVER) + len(TOC)))


def test_parse_toc_accepts_spaced_and_ascii_leader_dots():
    blocks = [para("甲通知 . . . . . . 3", 2), para("乙办法.........4", 2), para("丙方案··········5", 2)]
    entries, _ = parse_toc(blocks)
    assert [(e.title, e.folio) for e in entries] == [("甲通知", 3), ("乙办法", 4), ("丙方案", 5)]


def test_no_toc_without_three_leader_lines_on_a_page():
    blocks = COVER + [para("详见第3页……………3", 2)] + NOTICE
    assert parse_toc(blocks) == ([], [])


# ------------------------------------------------------------------ items from the 目录


def test_items_from_the_toc_in_gazette_order_with_their_sections():
    split = split_items(laid_out(COVER + TOC + NOTICE + PLAN + INTERPRETATION))
    assert [(i.section, i.title) for i in split.items] == [
        ("市政府文件", "温州市人民政府关于印发温州市城市建设管理办法的通知"),
        ("市政府文件", "温州市人民政府办公室关于印发《温州市某某实施方案（2023—2027年）》的通知"),
        ("政策解读", "关于《温州市城市建设管理办法》的政策解读"),
    ]
    assert all(item.confident for item in split.items)
    assert split.front_pages == (1, 2)


def test_identifier_lines_above_a_title_join_its_title_block():
    split = split_items(laid_out(COVER + TOC + NOTICE + PLAN + INTERPRETATION))
    notice, plan, _ = split.items
    assert [b.text for b in notice.title_blocks] == ["温政发〔2023〕5号", "温州市人民政府关于印发温州市城市建设管理办法的通知"]
    assert [b.text for b in plan.title_blocks] == [
        "温政办〔2023〕42号",
        "ZJCC01-2023-0008",
        "温州市人民政府办公室关于印发《温州市某某实施方案",
        "（2023—2027年）》的通知",
    ]


def test_a_notice_keeps_the_measure_it_promulgates_and_its_pages():
    split = split_items(laid_out(COVER + TOC + NOTICE + PLAN + INTERPRETATION))
    notice = split.items[0]
    assert [b.text for b in notice.blocks] == [b.text for b in NOTICE[2:]]
    assert notice.pages == (3, 4)


# ------------------------------------------------------------------ items without a 目录


def test_without_a_toc_title_blocks_start_items():
    split = split_items(laid_out(NOTICE + PLAN + INTERPRETATION))
    assert split.toc == ()
    assert [i.title for i in split.items] == [
        "温州市人民政府关于印发温州市城市建设管理办法的通知",
        "温州市人民政府办公室关于印发《温州市某某实施方案（2023—2027年）》的通知",
        "关于《温州市城市建设管理办法》的政策解读",
    ]


def test_without_a_toc_the_cover_masthead_is_front_matter():
    split = split_items(laid_out(COVER + NOTICE + PLAN + INTERPRETATION))
    assert [i.title for i in split.items][0] == "温州市人民政府关于印发温州市城市建设管理办法的通知"
    assert split.front_pages == (1,)


def test_without_a_toc_the_promulgated_measure_title_starts_no_item():
    split = split_items(laid_out(NOTICE + PLAN))
    notice, plan = split.items
    assert "温州市城市建设管理办法" in [b.text for b in notice.blocks]
    assert "温州市某某实施方案（2023—2027年）" in [b.text for b in plan.blocks]
    assert [b.text for b in plan.title_blocks][:2] == ["温政办〔2023〕42号", "ZJCC01-2023-0008"]


def test_without_a_toc_a_title_after_an_attachment_line_starts_no_item():
    attachment = [para("附件：温州市城市绿化管理细则", 3), para("附件", 4), title("温州市城市绿化管理细则", 4), para("第一条……", 4)]
    blocks = NOTICE[:6] + attachment
    split = split_items(laid_out(blocks))
    assert [i.title for i in split.items] == ["温州市人民政府关于印发温州市城市建设管理办法的通知"]


def test_without_a_toc_an_unrelated_title_starts_a_new_item():
    blocks = NOTICE[:6] + [title("温州市人民政府关于表彰先进集体的决定", 4), para("各县（市、区）人民政府：", 4)]
    split = split_items(laid_out(blocks))
    assert [i.title for i in split.items] == [NOTICE[1].text, "温州市人民政府关于表彰先进集体的决定"]


# ------------------------------------------------------------------ identity


def test_issue_identity_from_the_cover_line():
    identity = issue_identity(laid_out(COVER + NOTICE))
    assert (identity.year, identity.number, identity.serial, identity.id) == (2023, 4, 248, "2023-04")
    assert identity.title == "温州市人民政府公报"


def test_issue_identity_from_the_file_name_when_the_cover_says_nothing():
    identity = issue_identity(laid_out(NOTICE, name="wzgb-2023-04.pdf"))
    assert (identity.year, identity.number, identity.serial, identity.id) == (2023, 4, None, "2023-04")


def test_issue_identity_from_the_pdf_title_before_the_file_name():
    identity = issue_identity(laid_out(NOTICE, name="wzgb-2022-01.pdf", pdf_title="温州市人民政府公报2023年第4期"))
    assert (identity.year, identity.number) == (2023, 4)


def test_issue_identity_unknown_gives_an_empty_id():
    identity = issue_identity(laid_out(NOTICE, name="scan.pdf"))
    assert (identity.year, identity.number, identity.id) == (None, None, "")


# ------------------------------------------------------------------ regulations and orders

# 温州市人民政府公报 2021年第12期 prints local regulations with their adoption lines and the
# State Council's order over the 条例 it promulgates; a 目录 may add the promulgating 公告
# in brackets (the real issue: 温州市制定地方性法规条例（温州市人民代表大会常务委员会公告第75号）).
REG_TOC = [
    title("目录", 2),
    para("【法规规章】", 2),
    para("温州市制定地方性法规条例（温州市人民代表大会常务委员会公告第75号）…………3", 2),
    para("温州市养犬管理条例（温州市人民代表大会常务委员会公告第30号）…………4", 2),
    para("【国务院令】", 2),
    para("中华人民共和国劳动合同法实施条例（中华人民共和国国务院令第535号）…………5", 2),
]
REGULATION = [
    title("温州市制定地方性法规条例", 3),
    para("2016年12月28日 温州市第十二届人民代表大会第一次会议通过", 3, align="center"),
    para("第一条 为了规范地方性法规制定活动，制定本条例。", 3, indent=True),
]
REGULATION_2 = [
    title("温州市养犬管理条例", 4),
    para("2019年12月24日 温州市第十三届人民代表大会常务委员会第二十五次会议通过", 4, align="center"),
    para("第三十八条 本条例自2020年7月1日起施行。", 4, indent=True),
]
ORDER = [
    title("中华人民共和国国务院令", 5),
    para("第　535　号", 5, align="center"),
    para("《中华人民共和国劳动合同法实施条例》已经2008年9月3日国务院第25次常务会议通过，现予公布，自公布之日起施行。", 5, indent=True),
    block(BlockKind.SIGNATURE, "总　理　　温家宝", 5, align="right"),
    block(BlockKind.SIGNATURE, "二○○八年九月十八日", 5, align="right"),
    title("中华人民共和国劳动合同法实施条例", 5),
    para("第一条　为了贯彻实施《中华人民共和国劳动合同法》，制定本条例。", 5, indent=True),
]


def test_toc_entries_lose_their_bracketed_promulgation_numbers():
    entries, _ = parse_toc(REG_TOC)
    assert [(e.title, e.doc_number) for e in entries] == [
        ("温州市制定地方性法规条例", "温州市人民代表大会常务委员会公告第75号"),
        ("温州市养犬管理条例", "温州市人民代表大会常务委员会公告第30号"),
        ("中华人民共和国劳动合同法实施条例", "中华人民共和国国务院令第535号"),
    ]


def test_title_key_drops_annotations_a_title_may_lack():
    assert title_key("温州市某某办法（试行）") == title_key("温州市某某办法")
    assert title_key("温州市养犬管理条例\n（2020年4月7日温州市人民代表大会常务委员会公告第30号公布）") == title_key("温州市养犬管理条例")
    assert title_key("温州市某某实施方案（2023—2027年）") != title_key("温州市某某实施方案")


def test_regulations_and_an_order_are_one_item_each():
    split = split_items(laid_out(COVER + REG_TOC + REGULATION + REGULATION_2 + ORDER))
    assert [i.title for i in split.items] == ["温州市制定地方性法规条例", "温州市养犬管理条例", "中华人民共和国劳动合同法实施条例"]
    assert all(i.confident for i in split.items)
    assert not [w for w in split.warnings if w.kind == "toc-entry-not-found"]


def test_an_order_keeps_its_head_and_the_text_it_promulgates():
    split = split_items(laid_out(COVER + REG_TOC + REGULATION + REGULATION_2 + ORDER))
    regulation, order = split.items[1:]
    assert [b.text for b in regulation.blocks][-1] == "第三十八条 本条例自2020年7月1日起施行。"
    assert [b.text for b in order.blocks] == [b.text for b in ORDER]
    assert order.title_blocks == ()


def test_an_entry_not_found_starts_at_the_next_title_block_and_is_reported():
    misprinted = [title("温州市养犬管理规定", 4)] + REGULATION_2[1:]  # the 目录 says 条例
    split = split_items(laid_out(COVER + REG_TOC + REGULATION + misprinted + ORDER))
    assert [i.title for i in split.items] == ["温州市制定地方性法规条例", "温州市养犬管理规定", "中华人民共和国劳动合同法实施条例"]
    assert [i.confident for i in split.items] == [True, False, True]
    assert [w.kind for w in split.warnings if w.item == "温州市养犬管理条例"] == ["toc-entry-not-found"]
    assert [b.text for b in split.items[0].blocks][-1] == REGULATION[-1].text


def test_an_order_inside_another_item_starts_its_own():
    toc = REG_TOC[:4]  # the 目录 leaves the order out
    split = split_items(laid_out(COVER + toc + [para("x……………9", 2)] + REGULATION + REGULATION_2 + ORDER))
    assert [i.title for i in split.items][-1] == "中华人民共和国劳动合同法实施条例"
    assert split.items[1].blocks[-1].text == REGULATION_2[-1].text


def test_without_a_toc_an_order_is_one_item_titled_by_what_it_promulgates():
    split = split_items(laid_out(REGULATION + ORDER))
    assert [i.title for i in split.items] == ["温州市制定地方性法规条例", "中华人民共和国劳动合同法实施条例"]
    assert [b.text for b in split.items[1].blocks] == [b.text for b in ORDER]


# ------------------------------------------------------------------ not a gazette issue


def test_a_pdf_without_masthead_or_issue_number_keeps_its_own_title_and_is_reported():
    law = [title("中华人民共和国劳动合同法实施条例", 1), para("第一条　为了贯彻实施《中华人民共和国劳动合同法》，制定本条例。", 1)]
    split = split_items(laid_out(law, name="ldhtf.pdf", pdf_title="中华人民共和国劳动合同法实施条例（国务院令第535号）"))
    assert (split.identity.recognised, split.identity.title, split.identity.id) == (False, "中华人民共和国劳动合同法实施条例（国务院令第535号）", "")
    assert [w.message for w in split.warnings if w.kind == "not-a-gazette-issue"] == [
        "not recognised as a gazette issue: no masthead / issue number; published under the PDF's own title 「中华人民共和国劳动合同法实施条例（国务院令第535号）」"
    ]
    assert [i.title for i in split.items] == ["中华人民共和国劳动合同法实施条例"]  # still split


def test_without_a_pdf_title_a_non_gazette_is_named_by_its_first_title_block():
    report = [title("温州市2023年国民经济和社会发展统计公告", 1), para("2023年，全市……", 1)]
    identity = issue_identity(laid_out(report, name="report.pdf"))
    assert (identity.recognised, identity.title) == (False, "温州市2023年国民经济和社会发展统计公告")


def test_a_gazette_without_a_cover_is_recognised_by_its_running_heads():
    infos = tuple(PageInfo(number=n, running=("温州市人民政府公报（总第248期）",)) for n in (1, 2))
    laid = LaidOutIssue(source=SourceDocument(path=Path("x.pdf"), pages=()), blocks=tuple(NOTICE), pages=infos, body_size=10.5)
    assert issue_identity(laid).recognised
