"""Old document URLs keep working: the previous release's ids redirect to the documents'
pages in both languages, and documents.json lists them as ``former_urls``."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from extract.model import DocType
from extract.site.former_ids import former_ids
from tests.conftest import REPO
from tests.han_scan import unmarked_chinese

DATA = REPO / "tests" / "data"
ISSUE = "2023-04"
# The fixture issues in source_pdfs/ (wzgb-<issue>.pdf).
ISSUES = sorted(p.stem.removeprefix("wzgb-") for p in (REPO / "source_pdfs").glob("wzgb-*.pdf"))
# The manuscript's items that expected.json leaves out (no metadata to check) are of no
# document type: 图片新闻, 发文目录, 封底.
UNTYPED = DocType.OTHER.value


def previous_release_urls(issue: str = ISSUE) -> dict[str, tuple[int, str]]:
    """``{old id: (position, title)}`` from the ground truth: the manuscript's items in
    gazette order and the expected types; the previous release numbered the items without a
    文号 (or 令 number) per type, and renamed interpretations of a known document ``jd-…``
    (kept now)."""
    items = json.loads((DATA / f"wzgb-{issue}.manuscript.json").read_text(encoding="utf-8"))["items"]
    expected = json.loads((DATA / f"wzgb-{issue}.expected.json").read_text(encoding="utf-8"))["documents"]
    counters: Counter[str] = Counter()
    old: dict[str, tuple[int, str]] = {}
    for position, item in enumerate(items, start=1):
        truth = expected.get(item["id"], {})
        if item["doc_number"]:
            continue
        kind = truth.get("type", UNTYPED)
        counters[kind] += 1
        if not truth.get("interprets"):
            old[f"{issue}-{kind}-{counters[kind]}"] = (position, item["title"])
    return old


def archive_former_urls() -> dict[str, tuple[str, int, str]]:
    """``{old id: (issue, position, title)}`` for every issue of source_pdfs/: the rule
    holds for any archive the previous release built, whatever its issues."""
    return {old: (issue, *where) for issue in ISSUES for old, where in previous_release_urls(issue).items()}


def refresh_target(redirect: Path) -> Path:
    html = redirect.read_text(encoding="utf-8")
    url = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
    assert f'<link rel="canonical" href="{url}">' in html and f'<a href="{url}">' in html
    return (redirect.parent / url / "index.html").resolve()


def test_sample_issue_has_the_old_ids_the_previous_release_published():
    assert set(previous_release_urls()) == {
        *(f"{ISSUE}-brief-{n}" for n in range(1, 7)),
        f"{ISSUE}-calendar-1", f"{ISSUE}-statistics-1", *(f"{ISSUE}-other-{n}" for n in range(1, 4)),
    }


@pytest.mark.parametrize("language_root", ["", "en"])
def test_each_old_url_lands_on_its_document(built_site, language_root):
    site = (built_site / "site" / language_root).resolve()
    for old_id, (issue, position, title) in archive_former_urls().items():
        target = refresh_target(site / "doc" / old_id / "index.html")
        assert target == site / "doc" / f"{issue}-item-{position}" / "index.html", old_id
        citation = re.search(r'<span class="gz-citation-text"[^>]*>(.*?)</span> <button', target.read_text(encoding="utf-8")).group(1)
        assert "".join(title.split()) in re.sub(r"<[^>]+>|\s", "", citation), old_id


def test_documents_json_lists_former_urls(built_site):
    documents = json.loads((built_site / "docs/api/documents.json").read_text(encoding="utf-8"))["documents"]
    listed = {d["id"]: d["former_urls"] for d in documents}
    expected = {f"{issue}-item-{position}": [f"doc/{old}/"] for old, (issue, position, _) in archive_former_urls().items()}
    assert {doc_id: urls for doc_id, urls in listed.items() if urls} == expected
    assert all(urls == [] for doc_id, urls in listed.items() if doc_id not in expected)


def test_numbering_counts_per_type_skips_numbered_and_keeps_linked_interpretations(make_issue, dated_measure, hostile_brief, undated_interpretation):
    first = replace(hostile_brief, id=f"{ISSUE}-item-1", position=1)
    measure = replace(dated_measure, id="wzb-2023-42", position=2)
    duplicate = replace(dated_measure, id=f"{ISSUE}-item-3", position=3)  # 文号 slug taken: numbered
    linked = replace(undated_interpretation, position=4)
    second = replace(hostile_brief, id=f"{ISSUE}-item-5", position=5)
    issue = make_issue(first, measure, duplicate, linked, second)
    assert former_ids(issue) == {
        f"{ISSUE}-brief-1": f"{ISSUE}-item-1",
        f"{ISSUE}-measure-1": f"{ISSUE}-item-3",
        f"{ISSUE}-brief-2": f"{ISSUE}-item-5",
    }


def test_only_old_urls_redirect_and_english_redirects_are_english(built_site):
    pages = sorted((built_site / "site/en/doc").glob("*/index.html"))
    redirects = [p for p in pages if '<meta http-equiv="refresh"' in p.read_text(encoding="utf-8")]
    assert {p.parent.name for p in redirects} == set(archive_former_urls())
    assert {p.parent.name: unmarked_chinese(p.read_text(encoding="utf-8")) for p in redirects} == dict.fromkeys(archive_former_urls(), [])


def test_a_doc_number_slug_qualified_across_the_archive_gets_no_redirect(make_issue, dated_measure):
    # The slug's page belongs to the first issue holding that 文号; a redirect there from the
    # second would overwrite it (pipeline.distinct_ids names the second <issue>-<slug>).
    qualified = replace(dated_measure, doc_number="温政发〔2024〕3号", id="2023-04-wzf-2024-3")
    assert former_ids(make_issue(qualified)) == {}
