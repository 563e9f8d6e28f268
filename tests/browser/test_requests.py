"""Every page type, in both languages, asks nothing of another site and logs no error:
no web fonts from a font service, no sitemap.xml fetched where there is none (the theme
fetches one next to every ``link[rel=alternate]``), no script error."""

from __future__ import annotations

import pytest

from tests.browser.test_reader import LANGUAGES, PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_requests_only_its_own_site_and_logs_no_error(name, lang, page, site_url):
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
    assert outside == []
    assert failed == []
    assert errors == []
