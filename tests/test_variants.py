"""The pipeline on the fixture issues typeset in layouts it was not written against (one
column, B5 and Letter pages, 16 pt type, other fonts, headers and folios, no 目录): every
item is found, in order, no more, with the expected metadata and nearly all its text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.golden import FIXTURES, manuscript_text, metadata_mismatches, similarity
from tests.typeset import STYLES, layout_truth

# Per issue, the least text similarity of any item; every expected field must hold in every
# layout. 2023-04 allows 0.98: in these layouts two captions of a 2×2 picture grid, or two
# lines of a signature block, may be read in the other order; 2021-12 (regulations, an
# order) holds 0.995.
MIN_SIMILARITY = {"2023-04": 0.98, "2021-12": 0.995}


@pytest.fixture(scope="module", params=[(name, style) for name in sorted(FIXTURES) for style in sorted(STYLES)], ids="-".join, name="variant")
def variant_fixture(request, typeset_fixture, extracted):
    name, style = request.param
    fixture = FIXTURES[name]
    pdf = typeset_fixture(name, style)
    return fixture, pdf, extracted(pdf)


def _key(title: str) -> str:
    return re.sub(r"\s+", "", title)


def test_items_in_order(variant):
    fixture, _, issue = variant
    assert [_key(d.title) for d in issue.documents] == [_key(i["title"]) for i in fixture.manuscript["items"]]


def test_text_of_every_item(variant):
    fixture, _, issue = variant
    scores = {item["id"]: similarity(doc.text, manuscript_text(item)) for doc, item in zip(issue.documents, fixture.manuscript["items"])}
    assert min(scores.values()) >= MIN_SIMILARITY[fixture.name], scores


def test_metadata(variant):
    fixture, _, issue = variant
    for doc, item in zip(issue.documents, fixture.manuscript["items"]):
        wanted = fixture.expected["documents"].get(item["id"])
        if not wanted:
            continue
        as_of = dt.date.fromisoformat(fixture.expected["as_of"])
        assert metadata_mismatches(doc, wanted, issue, as_of) == {}, item["id"]


def test_front_matter_pages(variant):
    _, pdf, issue = variant
    truth = layout_truth(pdf)
    front = {p["page"] for p in truth["pages"] if p["kind"] in ("cover", "toc")}
    assert set(issue.front_pages) == front
