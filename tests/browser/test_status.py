"""Acceptance in Chromium: the archive of ``tests/test_status_acceptance.py`` (later documents
repealing earlier ones in the past, on the day and in the future) shows, once status.js has
re-checked every status for the reader's today, the same status the Python rules give, in
every place a page shows one, in both languages.

The browser's clock is fixed to the build's AS_OF, so "the reader's today" is that date; a
second run at 2027-01-01 shows the future repeal taking effect in the browser alone.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extract.documents.validity import archive_status
from tests.browser.conftest import serve
from tests.conftest import mkdocs_build
from tests.test_status_acceptance import AS_OF, EXPECTED, archive, render_archive

LABELS = {
    "zh": {"repealed": "已废止", "in_force": "现行有效", "not_yet_in_force": "尚未生效"},
    "en": {"repealed": "Repealed", "in_force": "In force", "not_yet_in_force": "Not yet in force"},
}


@pytest.fixture(scope="module")
def archive_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("repeals-site")
    mkdocs_build(render_archive(root), root / "site")
    server, url = serve(root / "site")
    yield url
    server.shutdown()


def shown_statuses(page) -> list[dict]:
    """Every status element on the page after status.js ran: id, value, label, date used."""
    page.wait_for_selector("[data-status-of][data-status-as-of]", state="attached")
    return page.eval_on_selector_all(
        "[data-status-of]",
        "els => els.map(el => ({id: el.dataset.statusOf, status: el.dataset.status,"
        " label: el.textContent, asOf: el.dataset.statusAsOf}))",
    )


def at(browser, day: dt.date):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(12, 0)))
    return context, page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_status_shown_agrees_with_python(browser, archive_url, lang):
    prefix = "" if lang == "zh" else "en/"
    context, page = at(browser, AS_OF)
    try:
        seen: dict[str, set[str]] = {}
        for doc_id in EXPECTED:
            page.goto(f"{archive_url}{prefix}doc/{doc_id}/")
            for shown in shown_statuses(page):
                assert shown["asOf"] == AS_OF.isoformat()
                assert shown["label"] == LABELS[lang][shown["status"]], shown
                seen.setdefault(shown["id"], set()).add(shown["status"])
        page.goto(f"{archive_url}{prefix}validity/")
        for shown in shown_statuses(page):
            seen.setdefault(shown["id"], set()).add(shown["status"])
        assert seen == {doc_id: {status} for doc_id, status in EXPECTED.items()}
        assert search_statuses(page, archive_url, prefix) == EXPECTED
    finally:
        context.close()


def search_statuses(page, archive_url: str, prefix: str) -> dict[str, str]:
    """The status each search result for 温州 shows (restated by search.js with status.js)."""
    page.goto(f"{archive_url}{prefix}search/?q=温州")
    page.wait_for_function(f"document.querySelectorAll('.gz-result [data-status-of]').length >= {len(EXPECTED)}")
    return dict(page.eval_on_selector_all(
        ".gz-result [data-status-of]", "els => els.map(el => [el.dataset.statusOf, el.dataset.status])"))


def test_search_restates_statuses_for_the_readers_today(browser, archive_url):
    """Read on 2027-01-01, the search results and the status facet give C as repealed."""
    context, page = at(browser, dt.date(2027, 1, 1))
    try:
        assert search_statuses(page, archive_url, "")["wzb-2020-3"] == "repealed"
    finally:
        context.close()


def test_the_browser_applies_a_repeal_that_takes_effect_after_the_build(browser, archive_url):
    """Built on 2026-11-29, read on 2027-01-01: C's repeal has taken effect, as Python says."""
    later = dt.date(2027, 1, 1)
    python = archive_status([d for one in archive() for d in one.documents], later)
    context, page = at(browser, later)
    try:
        page.goto(f"{archive_url}doc/wzb-2020-3/")
        statuses = {s["status"] for s in shown_statuses(page)}
        assert statuses == {python.documents["wzb-2020-3"].status.value} == {"repealed"}
        api = json.loads(page.evaluate("fetch('../../api/documents.json').then(r => r.text())"))
        assert {r["id"]: r["status"] for r in api["documents"]}["wzb-2020-3"] == "in_force"  # as built
    finally:
        context.close()
