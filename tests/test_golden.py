"""Golden tests: the whole pipeline on each fixture issue (2023年第4期 and 2021年第12期)
against its hand-made ground truth (manuscript text, hand-checked metadata, page layout)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.golden import FIXTURES, SAMPLE, manuscript_text, metadata_mismatches, similarity

CASES = [(name, item["id"]) for name, fixture in FIXTURES.items() for item in fixture.manuscript["items"]]
EXPECTED_CASES = [(name, item_id) for name, fixture in FIXTURES.items() for item_id in sorted(fixture.expected["documents"])]


@pytest.fixture(scope="module", name="issues")
def issues_fixture(extracted):
    return {name: extracted(f.pdf) for name, f in FIXTURES.items()}


@pytest.fixture(scope="module", name="by_id")
def by_id_fixture(issues):
    """Extracted documents keyed by (issue, manuscript item id), matched by position."""
    out = {}
    for name, issue in issues.items():
        items = FIXTURES[name].manuscript["items"]
        assert len(issue.documents) == len(items), name
        out.update({(name, item["id"]): doc for item, doc in zip(items, issue.documents)})
    return out


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_item_is_one_document_in_issue_order(issues, name):
    assert [d.title for d in issues[name].documents] == [item["title"] for item in FIXTURES[name].manuscript["items"]]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_issue_identity_from_the_cover(issues, name):
    issue, wanted = issues[name], FIXTURES[name].expected["issue"]
    assert (issue.id, issue.identity.title, issue.identity.year, issue.identity.number, issue.identity.serial) == (
        wanted["id"],
        wanted["title"],
        wanted["year"],
        wanted["number"],
        wanted["serial"],
    )


@pytest.mark.parametrize("name, item_id", CASES)
def test_text_matches_manuscript(by_id, name, item_id):
    item = next(i for i in FIXTURES[name].manuscript["items"] if i["id"] == item_id)
    assert similarity(by_id[name, item_id].text, manuscript_text(item)) >= 0.995


@pytest.mark.parametrize("name, item_id", CASES)
def test_pages_match_layout(by_id, name, item_id):
    wanted = next(i for i in FIXTURES[name].layout["items"] if i["id"] == item_id)["pages"]
    assert list(by_id[name, item_id].pages) == wanted


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_no_running_heads_or_folios_in_bodies(issues, name):
    for doc in issues[name].documents:
        assert "温州市人民政府公报（总第" not in doc.text, doc.id
        assert "·  " not in doc.text, doc.id


@pytest.mark.parametrize("name, item_id", EXPECTED_CASES)
def test_metadata_matches_expected(issues, by_id, name, item_id):
    wanted = FIXTURES[name].expected["documents"][item_id]
    as_of = dt.date.fromisoformat(FIXTURES[name].expected["as_of"])
    assert metadata_mismatches(by_id[name, item_id], wanted, issues[name], as_of) == {}


def test_interpretation_conflict_is_visible(by_id):
    """The 40号 interpretation states 2023-05-05 while the document says 2023-05-15."""
    interpretation, target = by_id["2023-04", "jd-wzb-2023-40"], by_id["2023-04", "wzb-2023-40"]
    assert interpretation.stated_effective_date.value == dt.date(2023, 5, 5)
    assert target.effective_date.value == dt.date(2023, 5, 15)


def test_dates_keep_their_sentence_and_page(by_id):
    doc = by_id["2023-04", "wzb-2023-42"]
    assert "2023年5月10日" in doc.effective_date.evidence.sentence
    assert 14 <= doc.effective_date.evidence.page <= 18
    assert doc.signed_date.evidence.sentence == "2023年4月6日"


def test_regulation_dates_keep_their_head_lines_and_page(by_id):
    """Adoption and approval lines as the manuscript prints them under the title (p. 3)."""
    doc = by_id["2021-12", "reg-yanhua-baozhu"]
    provenance = FIXTURES["2021-12"].expected["provenance"]["reg-yanhua-baozhu"]
    assert (doc.adopted_date.value.isoformat(), doc.approved_date.value.isoformat()) == (provenance["adopted_date"], provenance["approved_date"])
    assert provenance["adopted_by"] in doc.adopted_date.evidence.sentence
    assert doc.adopted_date.evidence.page == 3
    assert doc.effective_date.evidence.sentence.endswith(provenance["effective_clause"])


def test_amended_regulation_keeps_its_amendment(by_id):
    doc = by_id["2021-12", "reg-shirong-huanwei"]
    amended = FIXTURES["2021-12"].expected["provenance"]["reg-shirong-huanwei"]["amended"]
    assert [fact.value.isoformat() for fact in doc.amended_dates] == [amended["approved"][0]]
    assert doc.adopted_date.value.isoformat() == "2015-12-24"


def test_order_signer_date_and_adoption(by_id):
    doc = by_id["2021-12", "gwyl-535"]
    provenance = FIXTURES["2021-12"].expected["provenance"]["gwyl-535"]
    assert doc.signer == provenance["signed_by"]  # printed 总　理　　温家宝
    assert doc.signed_date.evidence.sentence == provenance["signed_as_printed"]
    assert doc.adopted_date.value.isoformat() == provenance["adopted_date"]
    assert doc.promulgated_date == doc.signed_date


def test_no_missing_validity_or_number_for_regulations(issues):
    kinds = {(w.kind, w.item) for w in issues["2021-12"].warnings}
    assert not [k for k in kinds if k[0] in ("missing-validity", "missing-doc-number", "missing-signed-date")], kinds


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_page_is_accounted_for(issues, name):
    issue, layout = issues[name], FIXTURES[name].layout
    in_documents = {p for d in issue.documents for p in range(d.pages[0], d.pages[1] + 1)}
    assert in_documents | set(issue.front_pages) == set(range(1, issue.page_count + 1))
    assert set(issue.front_pages) == {p["page"] for p in layout["pages"] if p["kind"] in ("cover", "toc")}


def test_tables_keep_merged_cells(by_id):
    table = next(b.table for b in by_id["2023-04", "wzb-2023-46"].blocks if b.table is not None)
    items = SAMPLE.manuscript["items"]
    wanted = next(b for b in next(i for i in items if i["id"] == "wzb-2023-46")["blocks"] if b["kind"] == "table")
    assert [list(r) for r in table.rows] == wanted["rows"]
    assert [{"row": r, "col": c, "rowspan": s} for r, c, s in table.rowspans] == wanted["rowspans"]
    assert table.header_rows == wanted["header_rows"]
