"""The reader query list (``tests/search_queries.yml``) is honest: every expected document
really contains what the query asks for, judged on the ground truth (the sample issue's
manuscript), not on the search index. The browser test runs the same list for ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from extract.grammar.identifiers import DocNumber, DocNumberQuery, RegistrationNumber

TESTS = Path(__file__).resolve().parent
QUERIES = yaml.safe_load((TESTS / "search_queries.yml").read_text(encoding="utf-8"))
MANUSCRIPT = json.loads((TESTS / "data" / "wzgb-2023-04.manuscript.json").read_text(encoding="utf-8"))


def manuscript_text(item: dict) -> str:
    """Everything a reader sees of a manuscript item: title, issuer, paragraphs, cells."""
    parts = [item["title"], item.get("issuer") or ""]
    for block in item["blocks"]:
        parts.append(block.get("text") or "")
        parts.extend(cell or "" for row in block.get("rows") or () for cell in row)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def manuscript_of(built_site: Path) -> dict[str, dict]:
    """Site document id -> its manuscript item, matched by title."""
    documents = json.loads((built_site / "docs" / "api" / "documents.json").read_text(encoding="utf-8"))["documents"]
    by_title = {item["title"]: item for item in MANUSCRIPT["items"]}
    return {doc["id"]: by_title[doc["title"]] for doc in documents if doc["title"] in by_title}


def test_the_list_is_long_and_varied():
    assert len(QUERIES) >= 30
    assert sum(1 for q in QUERIES if q.get("identifier")) >= 8
    assert all(2 <= len(q["query"].replace(" ", "")) for q in QUERIES)
    assert all(q.get("contains") or q.get("identifier") for q in QUERIES)


@pytest.mark.parametrize("entry", QUERIES, ids=[q["query"] for q in QUERIES])
def test_expected_documents_concern_the_query(entry, manuscript_of):
    for doc_id in entry["expect"]:
        item = manuscript_of[doc_id]
        if entry.get("identifier"):
            query = entry["query"]
            if query.upper().startswith("ZJCC"):
                digits = "".join(ch for ch in query if ch.isdigit())
                typed = RegistrationNumber(digits[:2], int(digits[2:6]), digits[6:])
                assert RegistrationNumber.parse(item["registration_number"]) == typed
            else:
                assert DocNumberQuery.parse(query).matches(DocNumber.parse(item["doc_number"]))
        text = manuscript_text(item)
        for phrase in entry.get("contains", ()):
            assert phrase in text, f"{doc_id} does not contain {phrase}"
