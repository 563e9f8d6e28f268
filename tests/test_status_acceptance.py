"""Acceptance: one 时效性 on every surface, for an archive in which later documents repeal
earlier ones.

The archive (AS_OF 2026-11-29), tagged from text written the way gazettes word repeals:

* 2020年第1期: three measures A (温政办〔2020〕1号), B (温政办〔2020〕2号), C (温州市停车管理办法,
  温政办〔2020〕3号), each 自2020年1月1日起施行，有效期10年 (to 2029-12-31);
* 2024年第1期: a measure whose closing clause repeals A — 「…自2024年2月1日起施行，
  《温州市A实施意见》（温政办〔2020〕1号）同时废止。」: a repeal in the past;
* 2026年第11期: a notice whose subject is the repeal of B — 「经市政府同意，决定废止《温州市B
  实施意见》（温政办〔2020〕2号）。本通知自2026年11月29日起施行。」: on the day;
* 2026年第12期: a decision repealing C by title only — 「决定废止《温州市停车管理办法》。
  本决定自2027年1月1日起施行。」: in the future, so C is still in force.

Expected, from those dates and the rule that a repeal takes effect when the repealing
document does: A 已废止, B 已废止, C 现行有效, the repealing documents 现行有效. Every surface
the site writes must say exactly that; ``tests/browser/test_status.py`` checks the pages in
Chromium.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from extract.documents.tag import tag_item
from extract.model import BBox, Block, BlockKind, DocType, Issue, IssueIdentity, Item
from extract.site.render import render_site

AS_OF = dt.date(2026, 11, 29)
BOX = BBox(80, 100, 500, 120)
EXPECTED = {
    "wzb-2020-1": "repealed",  # 同时废止, effective 2024-02-01: past
    "wzb-2020-2": "repealed",  # 决定废止 notice, effective 2026-11-29: on the day
    "wzb-2020-3": "in_force",  # 决定废止 by title, effective 2027-01-01: future
    "wzb-2024-5": "in_force",
    "wzb-2026-30": "in_force",
    "wzb-2026-31": "not_yet_in_force",  # the decision itself takes effect 2027-01-01
}
LABELS = {"repealed": "已废止", "in_force": "现行有效", "not_yet_in_force": "尚未生效"}


def block(kind: BlockKind, text: str, **fields) -> Block:
    return Block(kind=kind, text=text, pages=(1, 1), bbox=BOX, **fields)


def item(number: str, title: str, signed: str, *sentences: str) -> Item:
    return Item(
        section="市政府办公室文件", title=title,
        title_blocks=(block(BlockKind.PARAGRAPH, number, align="center"), block(BlockKind.TITLE, title)),
        blocks=(*(block(BlockKind.PARAGRAPH, s) for s in sentences),
                block(BlockKind.SIGNATURE, "温州市人民政府办公室", align="right"),
                block(BlockKind.SIGNATURE, signed, align="right")),
        pages=(1, 1))


def issue(year: int, number: int, *items: tuple[Item, DocType]) -> Issue:
    identity = IssueIdentity("温州市人民政府公报", year, number, None)
    documents = tuple(tag_item(it, doc_type, identity.id, position) for position, (it, doc_type) in enumerate(items, 1))
    return Issue(id=identity.id, identity=identity, pdf_name=f"wzgb-{identity.id}.pdf", page_count=1, documents=documents)


def archive() -> list[Issue]:
    ten_years = "本意见自2020年1月1日起施行，有效期10年。"
    return [
        issue(2020, 1,
              (item("温政办〔2020〕1号", "温州市人民政府办公室关于印发温州市A实施意见的通知", "2019年12月1日", ten_years), DocType.MEASURE),
              (item("温政办〔2020〕2号", "温州市人民政府办公室关于印发温州市B实施意见的通知", "2019年12月1日", ten_years), DocType.MEASURE),
              (item("温政办〔2020〕3号", "温州市停车管理办法", "2019年12月1日", ten_years), DocType.MEASURE)),
        issue(2024, 1, (item("温政办〔2024〕5号", "温州市人民政府办公室关于印发温州市A新实施意见的通知", "2024年1月10日",
                             "本意见自2024年2月1日起施行，有效期5年，《温州市A实施意见》（温政办〔2020〕1号）同时废止。"), DocType.MEASURE)),
        issue(2026, 11, (item("温政办〔2026〕30号", "温州市人民政府办公室关于废止温州市B实施意见的通知", "2026年11月20日",
                              "经市政府同意，决定废止《温州市B实施意见》（温政办〔2020〕2号）。", "本通知自2026年11月29日起施行。"), DocType.NOTICE)),
        issue(2026, 12, (item("温政办〔2026〕31号", "温州市人民政府办公室关于废止温州市停车管理办法的决定", "2026年11月25日",
                              "决定废止《温州市停车管理办法》。", "本决定自2027年1月1日起施行。"), DocType.NOTICE)),
    ]


def render_archive(root: Path) -> Path:
    """The archive's site sources rendered into ``root/docs`` as of AS_OF (stand-in PDFs)."""
    source = root / "source_pdfs"
    source.mkdir()
    issues = archive()
    for one in issues:
        (source / one.pdf_name).write_bytes(b"%PDF-1.4\n% stand-in\n")
    render_site(issues, root / "docs", AS_OF, source)
    return root / "docs"


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    return render_archive(tmp_path_factory.mktemp("repeals"))


def test_the_archive_is_tagged_as_written():
    documents = {doc.id: doc for one in archive() for doc in one.documents}
    assert set(documents) == set(EXPECTED)
    assert documents["wzb-2024-5"].repeals == ("温政办〔2020〕1号",)
    assert documents["wzb-2026-30"].repeals == ("温政办〔2020〕2号",)
    assert documents["wzb-2026-31"].repeals == ("《温州市停车管理办法》",)


def test_documents_json(docs):
    records = json.loads((docs / "api/documents.json").read_text(encoding="utf-8"))["documents"]
    assert {r["id"]: r["status"] for r in records} == EXPECTED
    by_id = {r["id"]: r for r in records}
    assert (by_id["wzb-2020-1"]["repealed_by"], by_id["wzb-2020-1"]["repealed_on"]) == ("wzb-2024-5", "2024-02-01")
    assert (by_id["wzb-2020-2"]["repealed_by"], by_id["wzb-2020-2"]["repealed_on"]) == ("wzb-2026-30", "2026-11-29")
    assert (by_id["wzb-2020-3"]["repealed_by"], by_id["wzb-2020-3"]["repealed_on"]) == ("wzb-2026-31", "2027-01-01")


def test_validity_json(docs):
    rows = json.loads((docs / "api/validity.json").read_text(encoding="utf-8"))["documents"]
    got = {r["id"]: r["status"] for r in rows}
    assert {"wzb-2020-1", "wzb-2020-2", "wzb-2020-3"} <= set(got)
    assert got == {doc_id: EXPECTED[doc_id] for doc_id in got}


def test_search_manifest(docs):
    manifest = json.loads((docs / "search/manifest.json").read_text(encoding="utf-8"))
    ids = [doc_id for one in archive() for doc_id in (d.id for d in one.documents)]
    got = {doc_id: manifest["statuses"][row[3]] for doc_id, row in zip(ids, manifest["docs"])}
    assert got == EXPECTED


def test_feeds(docs):
    feeds = (docs / "feeds/measure.xml").read_text(encoding="utf-8") + (docs / "feeds/notice.xml").read_text(encoding="utf-8")
    for doc_id, status in EXPECTED.items():
        entry = re.search(rf"<id>[^<]*doc/{doc_id}</id>.*?</entry>", feeds, re.S).group(0)
        assert f"{LABELS[status]}（截至2026-11-29）" in entry, doc_id


def test_calendar(docs):
    ics = (docs / "validity.ics").read_text(encoding="utf-8")
    # Repealed documents get no expiry events; the one still in force does.
    assert "wzb-2020-1.expiry" not in ics and "wzb-2020-2.expiry" not in ics
    assert "wzb-2020-3.expiry" in ics


@pytest.mark.parametrize("language", ["", "en/"])
def test_document_pages_metadata_panel_and_jsonld(docs, language):
    for doc_id, status in EXPECTED.items():
        page = (docs / f"{language}doc/{doc_id}/index.md").read_text(encoding="utf-8")
        shown = re.findall(rf'data-status-of="{doc_id}" data-status="([a-z_]*)"', page)
        assert shown and set(shown) == {status}, (doc_id, shown)
        assert len(shown) == 1  # the page's one metadata panel
        for jsonld in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
            force = json.loads(jsonld)["legislationLegalForce"]
            assert force.endswith("InForce" if status == "in_force" else "NotInForce"), doc_id


def test_validity_page_rows(docs):
    page = (docs / "validity/index.md").read_text(encoding="utf-8")
    for doc_id, status in EXPECTED.items():
        if f'<tbody id="{doc_id}"' in page:  # a document is a <tbody>: its row and evidence
            row = re.search(rf'<tbody id="{doc_id}".*?</tbody>', page, re.S).group(0)
            assert f'data-status-of="{doc_id}" data-status="{status}"' in row
