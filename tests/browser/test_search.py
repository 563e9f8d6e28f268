"""The site's search in Chromium: reader queries find their documents, every 文号 spelling
ranks its document first, the header box leads to the search page, facets filter, and
excerpts highlight whole characters. Stock mkdocs-material search on the same queries is
a benchmark, not a test (``bench/bench_search.py`` reports both)."""

from __future__ import annotations

import json

import pytest

from tests.browser.search_probe import (
    SiteSearch,
    evaluate,
    hit_rate,
    load_queries,
)

QUERIES = load_queries()


def misses(outcomes) -> str:
    return "; ".join(f"{o.query}: expected {list(o.expect)}, got {list(o.ranked[:5])}" for o in outcomes if not o.hit)


def test_reader_queries_rank_expected_documents_in_top_five(page, site_url):
    # The comparison with stock material search is a benchmark (bench/bench_search.py).
    ours = evaluate(SiteSearch(page, site_url), QUERIES)
    assert hit_rate(ours) >= 0.97, misses(ours)
    identifiers = [o for o in ours if o.first]
    assert identifiers and all(o.first_ok for o in identifiers), misses(identifiers)


def test_header_box_opens_the_search_page_with_results(page, site_url):
    page.goto(f"{site_url}issues/")
    page.fill(".gz-header-search__input", "公租房")
    page.keyboard.press("Enter")
    page.wait_for_selector(".gz-search[data-state=done]")
    assert "/search/?q=" in page.url
    assert page.locator(".gz-result").first.get_attribute("data-doc") == "wzb-2023-42"


def test_result_shows_type_doc_number_issue_and_date(page, site_url):
    page.goto(f"{site_url}search/?q=温政办〔2023〕42号")
    page.wait_for_selector(".gz-search[data-state=done]")
    facts = page.locator(".gz-result").first.locator(".gz-result__facts").inner_text()
    for expected in ("政策文件", "温政办〔2023〕42号", "2023年第4期", "2023-04-06"):
        assert expected in facts
    page.locator(".gz-result").first.locator("a").click()
    page.wait_for_url("**/doc/wzb-2023-42/")


def test_facets_count_and_filter_by_type(page, site_url):
    page.goto(f"{site_url}search/?q=公租房")
    page.wait_for_selector(".gz-search[data-state=done]")
    facet_names = page.eval_on_selector_all(".gz-facet", "sections => sections.map(s => s.dataset.facet)")
    assert facet_names[:2] == ["type", "year"] and "issuer" in facet_names
    page.click(".gz-facet[data-facet=type] .gz-facet__value[data-value=interpretation]")
    page.wait_for_function("() => document.querySelectorAll('.gz-result').length === 1")
    assert page.locator(".gz-result").first.get_attribute("data-doc") == "jd-wzb-2023-42"
    assert "type=interpretation" in page.url


def test_excerpts_highlight_whole_characters_of_the_query(page, site_url, built_site):
    documents = json.loads((built_site / "docs" / "api" / "documents.json").read_text(encoding="utf-8"))["documents"]
    texts = {doc["id"]: doc["text"] for doc in documents}
    page.goto(f"{site_url}search/?q=公共租赁住房")
    page.wait_for_selector(".gz-search[data-state=done]")
    page.wait_for_selector(".gz-result__excerpt mark")
    first = page.locator(".gz-result").first
    excerpt = first.locator(".gz-result__excerpt")
    marks = excerpt.locator("mark").all_inner_texts()
    assert marks and all(set(mark) <= set("公共租赁住房") for mark in marks)
    assert "公共租赁住房" in marks
    shown = excerpt.inner_text().strip("…")
    assert "\ufffd" not in shown
    assert shown in texts[first.get_attribute("data-doc")].replace("\n", " ")  # HTML shows a break as a space


@pytest.mark.parametrize("query", ["温政办2023-42", "ZJCC01-2023-0008"])
def test_query_in_the_url_is_searched_on_load(page, site_url, query):
    page.goto(f"{site_url}search/?q={query}")
    page.wait_for_selector(".gz-search[data-state=done]")
    assert page.input_value(".gz-search__input") == query
    assert page.locator(".gz-result").first.get_attribute("data-doc") == "wzb-2023-42"


def test_more_results_come_ten_at_a_time(page, site_url):
    page.goto(f"{site_url}search/?q=温州")
    page.wait_for_selector(".gz-search[data-state=done]")
    assert page.locator(".gz-result").count() == 10
    page.click(".gz-search__more")
    page.wait_for_function("() => document.querySelectorAll('.gz-result').length > 10")


def test_a_missing_index_is_reported_not_hidden(page, site_url):
    page.route("**/search/manifest.json", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(f"{site_url}search/?q=公租房")
    page.wait_for_selector(".gz-search[data-state=failed]")
    assert "无法加载" in page.inner_text(".gz-search__status")
