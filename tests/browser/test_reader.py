"""Reader-facing pages in Chromium: every page type in both languages asks nothing of another
site, logs no error and has no serious accessibility violation (axe-core); the citation's copy
button, the calendar filter, the print stylesheet and phone-width layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import needs

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

# One page of each type; the measure has tables.
PAGES = {
    "home": "",
    "issue": "issues/2023-04/",
    "document": "doc/wzb-2023-42/",
    "validity": "validity/",
    "search": "search/?q=住房",
    "statistics": "doc/2023-04-item-19/",
    "calendar": "calendar/2023-04/",
    "report": "report/",
}
LANGUAGES = ("", "en/")
BLOCKING = ("serious", "critical")
ALSO_REQUIRED = ("heading-order",)  # moderate in axe, but "headings in order" is required here


@dataclass(frozen=True)
class Visit:
    """One page loaded until the network is idle: requests to other sites, requests that
    failed (status or reason, URL), script errors; then axe's violations (None without axe)."""

    outside: list[str]
    failed: list[tuple]
    errors: list[str]
    violations: list[dict] | None


@pytest.fixture(scope="module")
def visit(browser, site_url) -> Callable[[str, str], Visit]:
    """``visit(name, lang)``: ``PAGES[name]`` in ``lang`` loaded once per module in a fresh
    desktop page, so the request and the accessibility tests of a page share one load."""
    done: dict[tuple[str, str], Visit] = {}

    def load(name: str, lang: str) -> Visit:
        if (name, lang) not in done:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page = context.new_page()
            outside, failed, errors = [], [], []
            page.on("request", lambda request: outside.append(request.url)
                    if not request.url.startswith((site_url, "data:", "blob:")) else None)
            page.on("response", lambda response: failed.append((response.status, response.url))
                    if response.status >= 400 else None)
            page.on("requestfailed", lambda request: failed.append((request.failure, request.url)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(site_url + lang + PAGES[name])
            page.wait_for_load_state("networkidle")
            seen = (list(outside), list(failed), list(errors))  # axe's own script is not the page's
            violations = _violations(page) if AXE.exists() else None
            context.close()
            done[(name, lang)] = Visit(*seen, violations)
        return done[(name, lang)]

    return load


def _violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING or v["id"] in ALSO_REQUIRED]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_requests_only_its_own_site_and_logs_no_error(name, lang, visit):
    """No web fonts from a font service, no sitemap.xml fetched where there is none (the theme
    fetches one next to every ``link[rel=alternate]``), no script error."""
    seen = visit(name, lang)
    assert seen.outside == []
    assert seen.failed == []
    assert seen.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_serious_accessibility_violations(name, lang, visit):
    needs.file(AXE, "axe-core", "npm ci; make does it where npm exists")
    found = visit(name, lang).violations
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found]
    assert found == [], summary


def test_citation_copy_button_copies_the_citation(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + PAGES["document"])
    citation = page.locator(".gz-citation-text").inner_text()
    button = page.locator(".gz-citation button")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == citation
    assert "温政办〔2023〕42号" in citation
    context.close()


def test_calendar_filter_keeps_matching_entries(page, site_url):
    page.goto(site_url + PAGES["calendar"])
    entries = page.locator(".gz-day li")
    total = entries.count()
    query = page.locator("#gz-calendar-query")
    query.fill("毛伟平")
    query.press("End")
    visible = page.locator(".gz-day li:visible")
    assert 0 < visible.count() < total
    assert all("毛伟平" in text for text in visible.all_inner_texts())
    query.fill("")
    query.press("End")
    assert page.locator(".gz-day li:visible").count() == total


def test_printed_document_hides_navigation_and_keeps_citation(page, site_url):
    page.goto(site_url + PAGES["document"])
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".gz-doc-nav"):
        assert not page.locator(selector).first.is_visible(), selector
    for selector in (".gz-meta", ".gz-citation-text", "h1"):
        assert page.locator(selector).first.is_visible(), selector
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_document_page_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + PAGES["document"])
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 390


def test_document_text_starts_on_the_first_phone_screen(browser, site_url):
    """Title, citation and the one metadata panel leave the text's start within 900 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(site_url + PAGES["document"])
    top = page.evaluate("document.querySelector('.md-content .gz-paragraph, .md-content .gz-addressee')"
                        ".getBoundingClientRect().top + scrollY")
    panels = page.locator(".md-content .gz-meta").count() + page.locator(".md-content .validity-panel.admonition").count()
    context.close()
    assert top <= 900
    assert panels == 1


def test_statistics_chart_loads_with_alt_text(page, site_url):
    page.goto(site_url + PAGES["statistics"])
    chart = page.locator(".gz-chart img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.gz-chart img').complete")
    assert chart.evaluate("img => img.naturalWidth") > 0
    assert chart.get_attribute("alt")
    assert page.locator(".gz-table th").count() >= 6  # the table, with header cells, stays
