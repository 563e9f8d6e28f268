"""Golden tests: the whole pipeline on the sample issue against its hand-made ground truth
(manuscript text, hand-checked metadata, page layout)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extract.pipeline import extract_pdf
from tests.golden import DATA, EXPECTED, MANUSCRIPT, SAMPLE_PDF, manuscript_text, similarity

AS_OF = dt.date.fromisoformat(EXPECTED["as_of"])
LAYOUT = json.loads((DATA / "wzgb-2023-04.layout.json").read_text(encoding="utf-8"))
ITEM_IDS = [item["id"] for item in MANUSCRIPT["items"]]


@pytest.fixture(scope="module", name="issue")
def issue_fixture():
    return extract_pdf(SAMPLE_PDF, AS_OF)


@pytest.fixture(scope="module", name="by_id")
def by_id_fixture(issue):
    """Extracted documents keyed by manuscript item id, matched by position in the issue."""
    assert len(issue.documents) == len(MANUSCRIPT["items"])
    return dict(zip(ITEM_IDS, issue.documents))


def test_every_item_is_one_document_in_issue_order(issue):
    assert [d.title for d in issue.documents] == [item["title"] for item in MANUSCRIPT["items"]]


def test_issue_identity_from_the_cover(issue):
    wanted = EXPECTED["issue"]
    assert (issue.id, issue.identity.year, issue.identity.number, issue.identity.serial) == (
        wanted["id"],
        wanted["year"],
        wanted["number"],
        wanted["serial"],
    )


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_text_matches_manuscript(by_id, item_id):
    item = next(i for i in MANUSCRIPT["items"] if i["id"] == item_id)
    assert similarity(by_id[item_id].text, manuscript_text(item)) >= 0.995


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_pages_match_layout(by_id, item_id):
    wanted = next(i for i in LAYOUT["items"] if i["id"] == item_id)["pages"]
    assert list(by_id[item_id].pages) == wanted


def test_no_running_heads_or_folios_in_bodies(issue):
    for doc in issue.documents:
        assert "温州市人民政府公报（总第" not in doc.text, doc.id
        assert "·  " not in doc.text, doc.id


@pytest.mark.parametrize("item_id", sorted(EXPECTED["documents"]))
def test_metadata_matches_expected(by_id, item_id):
    doc = by_id[item_id]
    wanted = EXPECTED["documents"][item_id]
    got = {
        "type": doc.type.value,
        "doc_number": doc.doc_number,
        "registration_number": doc.registration_number,
        "issuer": doc.issuer,
        "signed_date": doc.signed_date and doc.signed_date.value.isoformat(),
        "effective_date": doc.effective_date and doc.effective_date.value.isoformat(),
        "validity_years": doc.validity and doc.validity.years,
        "expiry_date": doc.expiry_date and doc.expiry_date.value.isoformat(),
        "status": doc.status and doc.status.value,
        "interprets": doc.interprets,
        "repeals": list(doc.repeals),
    }
    for field, value in wanted.items():
        if field in got:
            assert got[field] == value, field


def test_interpretation_conflict_is_visible(by_id):
    """The 40号 interpretation states 2023-05-05 while the document says 2023-05-15."""
    interpretation, target = by_id["jd-wzb-2023-40"], by_id["wzb-2023-40"]
    assert interpretation.stated_effective_date.value == dt.date(2023, 5, 5)
    assert target.effective_date.value == dt.date(2023, 5, 15)


def test_dates_keep_their_sentence_and_page(by_id):
    doc = by_id["wzb-2023-42"]
    assert "2023年5月10日" in doc.effective_date.evidence.sentence
    assert 14 <= doc.effective_date.evidence.page <= 18
    assert doc.signed_date.evidence.sentence == "2023年4月6日"


def test_every_page_is_accounted_for(issue):
    in_documents = {p for d in issue.documents for p in range(d.pages[0], d.pages[1] + 1)}
    assert in_documents | set(issue.front_pages) == set(range(1, issue.page_count + 1))
    assert set(issue.front_pages) == {p["page"] for p in LAYOUT["pages"] if p["kind"] in ("cover", "toc")}


def test_tables_keep_merged_cells(by_id):
    table = next(b.table for b in by_id["wzb-2023-46"].blocks if b.table is not None)
    wanted = next(b for b in MANUSCRIPT["items"][ITEM_IDS.index("wzb-2023-46")]["blocks"] if b["kind"] == "table")
    assert [list(r) for r in table.rows] == wanted["rows"]
    assert [{"row": r, "col": c, "rowspan": s} for r, c, s in table.rowspans] == wanted["rowspans"]
    assert table.header_rows == wanted["header_rows"]
