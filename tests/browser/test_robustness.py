"""In Chromium, a PDF's HTML and jinja syntax shows as text and never runs, and a page of
unreadable text carries the 提取存疑 note naming its page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import serve
from tests.robustness import corpus
from tests.robustness.test_build import built  # noqa: F401 - the fixture


@pytest.fixture(scope="module")
def odd_site_url(built) -> Iterator[str]:
    """The site of the mixed corpus (``tests/robustness/test_build.py``), which holds
    hostile-text.pdf and cid-no-tounicode.pdf; built once per run for both modules."""
    _, _, site = built
    server, url = serve(site)
    yield url
    server.shutdown()


def document_url(page, site_url: str, issue_id: str) -> str:
    """The URL of the first document listed on an issue's page."""
    page.goto(f"{site_url}issues/{issue_id}/")
    return page.locator("article a[href*='doc/']").first.evaluate("a => a.href")


def test_script_and_jinja_in_a_pdf_show_as_text_and_never_run(page, odd_site_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(document_url(page, odd_site_url, "hostile-text"))
    heading = page.locator("article h1").inner_text()
    assert heading.removesuffix("¶").strip() == corpus.HOSTILE_TITLE  # ¶: the toc permalink
    assert corpus.HOSTILE_LINE in page.locator("article").inner_text()
    assert dialogs == []
    assert page.locator("article b").count() == 0  # <b>粗</b> made no element


def test_unreadable_page_shows_the_uncertain_note(page, odd_site_url):
    page.goto(document_url(page, odd_site_url, "cid-no-tounicode"))
    note = page.locator(".admonition.warning").inner_text()
    assert "提取存疑" in note and "存疑的页：1。" in note
