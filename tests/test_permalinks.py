"""Document URLs of the fixture issues are pinned: they derive from the ground truth (文号,
令 numbers and 目录 order in tests/data), not from the program, so an extraction change that
moves a page fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.grammar.identifiers import position_id

DATA = Path(__file__).parent / "data"


def expected_urls(issue: str = "2023-04") -> list[str]:
    """``doc/<id>/`` for each ground-truth item of ``issue`` in gazette order.

    The manuscript's hand-written ids are the 文号 and 令 number slugs (``wzb-2023-42``,
    ``gwyl-535``) and, for a 政策解读, ``jd-`` and its target's slug; every other item is the
    issue and its 1-based position.
    """
    manuscript = json.loads((DATA / f"wzgb-{issue}.manuscript.json").read_text(encoding="utf-8"))
    expected = json.loads((DATA / f"wzgb-{issue}.expected.json").read_text(encoding="utf-8"))["documents"]
    urls = []
    for position, item in enumerate(manuscript["items"], start=1):
        keyed = item["doc_number"] or expected.get(item["id"], {}).get("interprets")
        doc_id = item["id"] if keyed else f"{issue}-item-{position}"
        urls.append(f"doc/{doc_id}/")
    return urls


# The fixture issues in source_pdfs/ (wzgb-<issue>.pdf), oldest first.
ISSUES = sorted(p.stem.removeprefix("wzgb-") for p in (DATA.parent.parent / "source_pdfs").glob("wzgb-*.pdf"))


def archive_urls() -> list[str]:
    """The pinned URLs of every issue in ``source_pdfs/``, issues oldest first."""
    return [url for issue in ISSUES for url in expected_urls(issue)]


def test_expected_urls_cover_every_keyed_document_of_the_ground_truth():
    urls = expected_urls()
    assert "doc/wzb-2023-42/" in urls and "doc/jd-wzb-2023-42/" in urls
    assert len(set(urls)) == len(urls) == 20
    assert "doc/gwyl-535/" in expected_urls("2021-12")
    assert len(set(archive_urls())) == len(archive_urls())


def test_position_id_format_and_bad_position():
    assert position_id("2023-04", 17) == "2023-04-item-17"
    with pytest.raises(ValueError, match="Invalid position: 0"):
        position_id("2023-04", 0)


def test_built_site_serves_exactly_the_pinned_document_urls(built_site):
    documents = json.loads((built_site / "docs" / "api" / "documents.json").read_text(encoding="utf-8"))["documents"]
    assert [doc["url"] for doc in documents] == archive_urls()
    for url in archive_urls():
        assert (built_site / "site" / url / "index.html").is_file(), url
