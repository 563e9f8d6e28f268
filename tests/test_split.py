"""Unit tests of ``extract.documents.split`` on hand-made blocks: the 目录, items found from it or
from title blocks without it, and the issue's identity."""

from __future__ import annotations

from pathlib import Path

from extract.documents.split import issue_identity, parse_toc, split_items
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
