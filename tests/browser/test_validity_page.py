"""The validity page in Chromium at phone (390 px) and desktop (1280 px) width, both
languages: layout (nothing wider than the screen, no column cut off, bounded height),
filters, sort, the as-of picker and the URL that keeps them.

Expected statuses come from the hand-checked dates of the fixture issues in source_pdfs/
(``wzgb-2023-04.expected.json``, whose note says periods count their first day and the
expiry day is still in force, and ``wzgb-2021-12.expected.json``: regulations in force
until repealed), not from the page itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def site_documents(issue: str) -> dict[str, dict]:
    """``{site id: expected metadata}`` of an issue in gazette order: items with a 文号 or
    令 number keep the manuscript's id (its slug), the others are ``<issue>-item-<n>``."""
    items = json.loads((DATA / f"wzgb-{issue}.manuscript.json").read_text(encoding="utf-8"))["items"]
    expected = json.loads((DATA / f"wzgb-{issue}.expected.json").read_text(encoding="utf-8"))["documents"]
    return {(item["id"] if item["doc_number"] else f"{issue}-item-{n}"): expected[item["id"]]
            for n, item in enumerate(items, start=1) if item["id"] in expected}


# The page lists the normative documents with a date that bounds their force, of the issues
# in source_pdfs/ (the fixtures wzgb-<issue>.pdf), issues oldest first (publication order).
ISSUES = sorted(p.stem.removeprefix("wzgb-") for p in (DATA.parent.parent / "source_pdfs").glob("wzgb-*.pdf"))
EXPECTED = {doc_id: doc for issue in ISSUES for doc_id, doc in site_documents(issue).items()}
LISTED = {doc_id: doc for doc_id, doc in EXPECTED.items()
          if doc.get("type") != "interpretation" and (doc.get("effective_date") or doc.get("expiry_date"))}
WIDTHS = (390, 1280)
LANGUAGES = ("", "en/")
# The issue's bound for the sample's rows at desktop width.
MAX_TABLE_HEIGHT = 900 * max(1, len(LISTED) / 7)  # 900 px for the sample's 5–7 documents


def expected_status(doc: dict, day: str) -> str:
    """时效性 on ``day`` from the fixture's dates: before 施行 not yet, after 失效 expired."""
    if doc.get("effective_date") and day < doc["effective_date"]:
        return "not_yet_in_force"
    if doc.get("expiry_date") and day > doc["expiry_date"]:
        return "expired"
    return "in_force"


@pytest.fixture
def open_page(browser, site_url):
    """Open ``validity/`` (plus a query) at a width and language; the page is ready when the
    script has revealed the filters."""
    contexts = []

    def open_(width: int, lang: str = "", query: str = ""):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{site_url}{lang}validity/{query}")
        page.wait_for_selector("[data-validity-filters]:not([hidden])")
        return page

    yield open_
    for context in contexts:
        context.close()


def shown_ids(page) -> list[str]:
    return page.eval_on_selector_all("tbody.validity-doc:not([hidden])", "els => els.map(e => e.id)")


def statuses(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all(
        "tbody.validity-doc", "els => els.map(e => [e.id, e.dataset.status])"))


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_wider_than_the_screen_and_no_column_cut_off(open_page, width, lang):
    page = open_page(width, lang)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Every cell shown (and each card) ends inside the viewport; on a phone the header row
    # is visually hidden (a 1 px clipped box for screen readers), the cards label their dates.
    overflowing = page.evaluate("""w => Array.from(document.querySelectorAll(
        '.validity-table th, .validity-table td, .validity-filters label'))
        .filter(e => e.getClientRects().length && (e.tagName !== 'TH' || e.closest('thead').offsetWidth > 1))
        .map(e => [e.className, e.getBoundingClientRect().right])
        .filter(([, right]) => right > w + 0.5)""", width)
    assert overflowing == []
    # No cell's content is clipped: nothing scrolls inside a cell.
    clipped = page.evaluate("""() => Array.from(document.querySelectorAll('.validity-table td'))
        .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
        .map(e => e.className)""")
    assert clipped == []
    assert sorted(shown_ids(page)) == sorted(LISTED)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_desktop_table_fits_one_screen_and_keeps_numbers_and_dates_whole(open_page, lang):
    page = open_page(1280, lang)
    height = page.evaluate("document.querySelector('.validity-table').getBoundingClientRect().height")
    assert height <= MAX_TABLE_HEIGHT
    # 文号 and dates are one line each: their height is that of one line of the row's font.
    multi_line = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.validity-row .v-number, .validity-row .v-effective, .validity-row .v-expiry, .validity-row .v-signed'))
        .map(td => { const r = document.createRange(); r.selectNodeContents(td);
                     return [td.className, r.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight)]; })
        .filter(([, lines]) => lines >= 1.9)""")
    assert multi_line == []


def test_phone_shows_one_card_per_document_with_its_facts(open_page):
    page = open_page(390)
    cards = page.locator("tbody.validity-doc")
    assert cards.count() == len(LISTED)
    card = page.locator("tbody#wzb-2023-42")
    text = card.inner_text()
    for fact in ("温政办〔2023〕42号", "公共租赁住房", "2023-05-10", "2028-05-09", "现行有效"):
        assert fact in text
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    # Cards stack: one per row of the screen.
    tops = [page.locator(f'tbody[id="{doc_id}"]').bounding_box()["y"] for doc_id in LISTED]
    assert len(set(round(top) for top in tops)) == len(LISTED)


def test_sticky_header_stays_in_view(open_page):
    page = open_page(1280)
    page.set_viewport_size({"width": 1280, "height": 400})
    page.evaluate("document.querySelector('tbody#wzb-2023-40').scrollIntoView()")
    page.evaluate("window.scrollBy(0, -80)")
    top = page.evaluate("document.querySelector('.validity-table th').getBoundingClientRect().top")
    assert 0 <= top <= 60


def test_status_filter_counts_and_url(open_page):
    page = open_page(1280)
    page.select_option(".validity-filters select[name=status]", "expired")
    expired = [d for d, doc in LISTED.items() if expected_status(doc, "2026-11-29") == "expired"]
    # The reader's today is after the build date: statuses only move towards expired.
    assert set(expired) <= set(shown_ids(page))
    assert query_of(page)["status"] == ["expired"]
    counts = {b.get_attribute("data-count-status"): int(b.locator("span").inner_text())
              for b in page.locator("[data-count-status]").all()}
    assert sum(counts.values()) == len(LISTED)
    assert counts["expired"] == len(shown_ids(page))


def test_as_of_picker_answers_from_the_rules_and_is_in_the_url(open_page):
    page = open_page(1280)
    for day in ("2024-03-01", "2023-05-12", "2025-05-14", "2025-05-15"):
        page.fill(".validity-filters input[name=as_of]", day)
        expected = {doc_id: expected_status(doc, day) for doc_id, doc in LISTED.items()}
        assert statuses(page) == expected, day
        assert query_of(page)["as_of"] == [day]
        assert page.locator("h1 [data-validity-as-of]").get_attribute("datetime") == day
    # "Which documents were in force on 2024-03-01?"
    page.fill(".validity-filters input[name=as_of]", "2024-03-01")
    page.select_option(".validity-filters select[name=status]", "in_force")
    assert sorted(shown_ids(page)) == sorted(d for d, doc in LISTED.items() if expected_status(doc, "2024-03-01") == "in_force")


def test_url_state_restores_the_view(open_page):
    page = open_page(1280, "en/", "?as_of=2023-05-12&status=not_yet_in_force&sort=number&order=desc")
    assert sorted(shown_ids(page)) == ["wzb-2023-40", "wzb-2023-44"]  # both take effect 2023-05-15
    assert page.locator(".validity-filters input[name=as_of]").input_value() == "2023-05-12"
    assert page.locator("th.v-number").get_attribute("aria-sort") == "descending"


def test_sort_by_any_column(open_page):
    page = open_page(1280)
    order = lambda: page.eval_on_selector_all("tbody.validity-doc", "els => els.map(e => e.id)")  # noqa: E731
    # the default: by 失效日期, undated (in force until repealed) last in publication order
    by_expiry = sorted(LISTED, key=lambda d: (LISTED[d]["expiry_date"] is None, LISTED[d]["expiry_date"] or ""))
    assert order() == by_expiry
    page.click("th.v-effective button")
    effective = [LISTED[d].get("effective_date") or "" for d in order()]
    assert [e for e in effective if e] == sorted(e for e in effective if e) and effective[-1] == ""
    assert query_of(page)["sort"] == ["effective"]
    page.click("th.v-number button")
    ascending = [d for d in order() if LISTED[d].get("doc_number")]
    page.click("th.v-number button")
    assert page.locator("th.v-number").get_attribute("aria-sort") == "descending"
    descending = [d for d in order() if LISTED[d].get("doc_number")]
    assert descending == ascending[::-1]  # numbered documents reversed; unnumbered stay last
    assert all(not LISTED[d].get("doc_number") for d in order()[len(descending):])
    for column in ("title", "form", "issuer", "signed", "validity", "expiry", "status"):
        page.click(f"th.v-{column} button")
        assert page.locator(f"th.v-{column}").get_attribute("aria-sort") == "ascending", column


def test_other_filters(open_page):
    page = open_page(1280)
    page.fill(".validity-filters input[name=q]", "租赁住房")
    assert shown_ids(page) == ["wzb-2023-42"]
    page.fill(".validity-filters input[name=q]", "")
    page.select_option(".validity-filters select[name=issuer]", "温州市人民政府")
    assert shown_ids(page) == ["wzf-2023-17"]
    page.click(".validity-filters button[type=reset]")
    assert len(shown_ids(page)) == len(LISTED) and "issuer" not in query_of(page)
    # 效力级别 and 文种 as the fixture gives them.
    page.select_option(".validity-filters select[name=level]", "normative_document")
    assert sorted(shown_ids(page)) == sorted(d for d, doc in LISTED.items() if doc["force_level"] == "normative_document")
    page.select_option(".validity-filters select[name=level]", "")
    page.select_option(".validity-filters select[name=form]", "方案")
    assert sorted(shown_ids(page)) == sorted(d for d, doc in LISTED.items() if doc["form"] == "方案")
    assert query_of(page)["form"] == ["方案"]
    page.click(".validity-filters button[type=reset]")
    # Expiring within N days of the date chosen: in force, expiry in the window.
    page.fill(".validity-filters input[name=as_of]", "2025-03-01")
    page.fill(".validity-filters input[name=within]", "90")
    assert shown_ids(page) == ["wzb-2023-44"]  # 2025-05-14 is 74 days on
    page.select_option(".validity-filters select[name=year]", "2023")
    assert shown_ids(page) == ["wzb-2023-44"]


def test_evidence_is_folded_and_opens_on_demand(open_page):
    page = open_page(1280)
    evidence = page.locator("#wzb-2023-42-evidence")
    assert not evidence.is_visible()
    page.click("tbody#wzb-2023-42 .validity-toggle")
    assert evidence.is_visible()
    assert "本办法自2023年5月10日起施行" in evidence.inner_text()


def test_print_is_landscape_with_the_filters_applied(open_page):
    page = open_page(1280, "", "?as_of=2024-03-01&issuer=温州市人民政府")
    page.emulate_media(media="print")
    assert page.locator("h1 .validity-print-only").is_visible()
    assert "2024-03-01" in page.locator("h1").inner_text()
    assert not page.locator(".validity-filters").is_visible()
    assert shown_ids(page) == ["wzf-2023-17"]
    pdf = page.pdf(prefer_css_page_size=True)
    # A4 landscape: the MediaBox is 842 × 595 points.
    boxes = [[float(n) for n in box.split()] for box in re.findall(rb"/MediaBox \[([^\]]*)\]", pdf)]
    assert boxes and all(round(w) == 842 and round(h) == 595 for _, _, w, h in boxes), boxes
