"""时效性 computed once: the rule shared with the browser, repeals read from the ways notices
are written, and the archive's statuses as one function of (documents, date).

The rule's cases are in ``tests/data/status_cases.json``, checked by hand against the
inclusive-period convention and read by ``tests/js/status.test.mjs`` too (run under node by
``tests/test_js.py``); the repeal sentences are written the way 废止 clauses, 废止 decisions and 清理 lists are worded.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from extract.documents.repeals import clause_targets, repeal_targets, table_targets
from extract.documents.validity import StatusFacts, archive_status, expiring_soon, status_on
from extract.model import Block, BlockKind, DocType, Document, ForceLevel, Status, TableGrid
from extract.site.status_labels import LABELS_MODULE, labels_module
from tests.conftest import block, fact

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((ROOT / "tests/data/status_cases.json").read_text(encoding="utf-8"))
D = dt.date.fromisoformat


def _date(text: str) -> dt.date | None:
    return D(text) if text and text != "undated" else None


@pytest.mark.parametrize("case", CASES["status_on"], ids=lambda c: c["note"])
def test_status_on_shared_cases(case):
    raw = case["facts"]
    facts = StatusFacts(_date(raw["effective"]), _date(raw["expiry"]), _date(raw["repealed_on"]),
                        raw["repealed_on"] == "undated")
    got = status_on(facts, D(case["as_of"]))
    assert (got.value if got else None) == case["status"]


@pytest.mark.parametrize("case", CASES["expiring_soon"], ids=lambda c: c["note"])
def test_expiring_soon_shared_cases(case):
    days = {} if case["days"] is None else {"days": case["days"]}
    assert expiring_soon(_date(case["expiry"]), D(case["as_of"]), **days) is case["expiring_soon"]


def test_browser_label_table_is_generated_from_python():
    assert LABELS_MODULE.read_text(encoding="utf-8") == labels_module(), \
        "run `python -m extract.site.status_labels` after changing the status labels or the glossary"
    table = json.loads(labels_module().split("=", 1)[1].rstrip().rstrip(";"))
    assert table["zh"]["repealed"] == "已废止" and table["en"]["repealed"] == "Repealed"
    assert table["en"]["until_repealed"] == "Until repealed"


# --------------------------------------------------------------------------- repeal clauses


@pytest.mark.parametrize("clause, targets", [
    # a measure's closing article
    ("《温州市区公共租赁住房管理办法》（温州市人民政府令第147号）同时废止", ["温州市人民政府令第147号"]),
    ("原《温州市城市供水管理办法》同时废止", ["《温州市城市供水管理办法》"]),
    ("温政发〔2018〕12号文件同时停止执行", ["温政发〔2018〕12号"]),
    # a decision or notice whose subject is the repeal
    ("经市政府同意，决定废止《关于加快推进物流业发展的实施意见》（温政办〔2023〕40号）",
     ["温政办〔2023〕40号"]),
    ("现决定宣布《温州市人民政府关于促进外贸发展的若干意见》（温政发〔2016〕8号）等2件规范性文件失效",
     ["温政发〔2016〕8号"]),
    ("决定废止《温州市城市道路管理办法》、《温州市河道管理办法》（温州市人民政府令第52号）",
     ["《温州市城市道路管理办法》", "温州市人民政府令第52号"]),
])
def test_repeal_clauses(clause, targets):
    from extract.documents.repeals import clauses
    found = [t for part in clauses(clause) for t in clause_targets(part)]
    assert found == targets


@pytest.mark.parametrize("clause", [
    "本办法有效期届满后自动失效",  # about the document itself
    "根据《中华人民共和国行政许可法》",  # names a law, repeals nothing
    "上位法修改或废止的，从其规定",  # a condition, not an act
    "如《温州市城市供水管理办法》废止的",
])
def test_not_repeal_clauses(clause):
    assert clause_targets(clause) == []


def para(text: str, page: int = 1) -> Block:
    return block(BlockKind.PARAGRAPH, text, page)


def test_a_decision_listing_the_repealed_documents():
    blocks = (
        para("经市政府第25次常务会议审议通过，决定废止下列规章："),
        para("1.温州市城市绿化管理办法（温州市人民政府令第38号）；"),
        para("2.《温州市户外广告设置管理办法》；"),
        para("3.温州市殡葬管理实施办法。"),
        para("本决定自2024年3月1日起施行。"),
        block(BlockKind.SIGNATURE, "温州市人民政府"),
    )
    assert repeal_targets(blocks) == (
        "温州市人民政府令第38号", "《温州市户外广告设置管理办法》", "《温州市殡葬管理实施办法》")


def test_a_review_table_with_an_outcome_column():
    grid = TableGrid(bbox=None, rows=(
        ("序号", "文件名称", "文号", "清理结果"),
        ("1", "温州市人民政府关于加强安全生产工作的通知", "温政发〔2015〕3号", "继续有效"),
        ("2", "温州市人民政府办公室关于推进物流发展的实施意见", "温政办〔2023〕40号", "废止"),
        ("3", "温州市公共租赁住房管理办法", "", "宣布失效"),
    ), header_rows=1)
    assert table_targets(grid, listed=False) == ["温政办〔2023〕40号", "《温州市公共租赁住房管理办法》"]


def test_a_table_under_a_repeal_heading():
    grid = TableGrid(bbox=None, rows=(("序号", "文件名称", "文号"), ("1", "温州市某办法", "温政发〔2019〕7号")), header_rows=1)
    blocks = (block(BlockKind.HEADING, "决定废止的市政府规范性文件目录"), block(BlockKind.TABLE, "", table=grid))
    assert repeal_targets(blocks) == ("温政发〔2019〕7号",)
    assert repeal_targets((block(BlockKind.HEADING, "继续有效的文件目录"), block(BlockKind.TABLE, "", table=grid))) == ()


# --------------------------------------------------------------------------- the archive


def doc(id: str, issue: str, position: int, **fields) -> Document:
    return Document(id=id, issue=issue, position=position, section="", type=fields.pop("type", DocType.MEASURE),
                    title=fields.pop("title", id), blocks=(), pages=(1, 1), **fields)


def test_repeal_by_title_resolves_and_unresolved_is_listed():
    old = doc("old", "2020-01", 1, title="温州市人民政府关于印发温州市城市供水管理办法的通知",
              doc_number="温政发〔2020〕1号", effective_date=fact("2020-02-01", "自2020年2月1日起施行", 1))
    new = doc("new", "2024-01", 1, doc_number="温政发〔2024〕1号", repeals=("《温州市城市供水管理办法》", "温政发〔2001〕9号"),
              effective_date=fact("2024-03-01", "自2024年3月1日起施行", 1))
    status = archive_status([old, new], D("2024-03-01"))
    assert status.of(old).status is Status.REPEALED
    assert (status.of(old).repeal.repealer_id, status.of(old).facts.repealed_on) == ("new", D("2024-03-01"))
    assert archive_status([old, new], D("2024-02-29")).of(old).status is Status.IN_FORCE
    assert [r.target for r in status.unresolved] == ["温政发〔2001〕9号"]


def test_repeal_date_falls_back_to_the_signed_date():
    old = doc("old", "2020-01", 1, doc_number="温政发〔2020〕1号", effective_date=fact("2020-02-01", "", 1))
    notice = doc("notice", "2024-01", 1, type=DocType.NOTICE, repeals=("温政发〔2020〕1号",),
                 signed_date=fact("2024-01-10", "2024年1月10日", 1))
    assert archive_status([old, notice], D("2024-01-10")).of(old).facts.repealed_on == D("2024-01-10")


def test_a_rule_without_a_term_is_in_force_until_repealed():
    rule = doc("rule", "2020-01", 1, doc_number="温州市人民政府令第160号", force_level=ForceLevel.GOVERNMENT_RULE,
               effective_date=fact("2020-02-01", "", 1))
    measure = doc("measure", "2020-01", 2, doc_number="温政发〔2020〕2号", effective_date=fact("2020-02-01", "", 1))
    status = archive_status([rule, measure], D("2030-01-01"))
    assert status.of(rule).until_repealed and status.of(rule).status is Status.IN_FORCE
    assert not status.of(measure).until_repealed
