"""Run reader queries through a built site's search UI in Chromium and read the ranking.

Two searches are driven the way a reader uses them — text inserted as an IME would, then
a key pressed — and each returns the document ids of its results in rank order:

- ``SiteSearch``: the site's own search page (``search/``, ``templates/assets/search.js``).
- ``StockSearch``: mkdocs-material's search dialog, on a site built with its ``search``
  plugin (for comparison).

``evaluate`` runs the reader query list (``tests/search_queries.yml``) through either and
scores it; ``build_stock_site`` builds a copy of a site's pages with material's search
plugin (lang zh, jieba). ``first_result_load`` opens ``search/?q=…`` in a fresh browser context and reports the time
from navigation start to the first rendered result and the bytes fetched until then;
``stock_first_result_ms`` times the same for material's search dialog. Used
by ``tests/browser/test_search.py`` and ``bench/bench_search.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import yaml

QUERY_FILE = Path(__file__).resolve().parent.parent / "search_queries.yml"

DOC_ID = re.compile(r"/doc/([^/#?]+)/")
TIMEOUT_MS = 20_000


def doc_ids(hrefs: list[str], limit: int) -> list[str]:
    """Distinct document ids of result links, in order, at most ``limit``."""
    ids: list[str] = []
    for href in hrefs:
        match = DOC_ID.search(href or "")
        if match and match[1] not in ids:
            ids.append(match[1])
    return ids[:limit]


def type_like_an_ime(page, selector: str, text: str) -> None:
    """Put ``text`` into the field as composed input, then press and release a key."""
    page.fill(selector, "")
    page.focus(selector)
    page.keyboard.insert_text(text)
    page.keyboard.press("End")


class SiteSearch:
    """The site's search page in ``page``; ``query(text)`` returns result doc ids."""

    def __init__(self, page, site_url: str):
        self.page = page
        page.goto(f"{site_url}search/")
        page.wait_for_selector(".gz-search[data-state=idle]", timeout=TIMEOUT_MS)

    def query(self, text: str, limit: int = 10) -> list[str]:
        type_like_an_ime(self.page, ".gz-search__input", text)
        self.page.keyboard.press("Enter")
        self.page.wait_for_function(
            "q => { const b = document.querySelector('.gz-search'); return b.dataset.state === 'done' && b.dataset.query === q; }",
            arg=text.strip(),
            timeout=TIMEOUT_MS,
        )
        return self.page.eval_on_selector_all(".gz-result", "items => items.map(i => i.dataset.doc)")[:limit]


class StockSearch:
    """mkdocs-material's search dialog on ``site_url``; ``query(text)`` returns doc ids."""

    MESSAGES = "'没有找到符合条件的结果', '找到 1 个符合条件的结果', '个符合条件的结果'"

    def __init__(self, page, site_url: str):
        self.page = page
        page.goto(site_url)
        # At desktop width the search field sits in the header; focusing it opens the dialog.
        page.click("input.md-search__input", timeout=TIMEOUT_MS)

    def query(self, text: str, limit: int = 10) -> list[str]:
        # Clear first, so the count of the previous query is never taken for this one's.
        type_like_an_ime(self.page, "input.md-search__input", "")
        self.page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').textContent.includes('键入以开始搜索')",
            timeout=TIMEOUT_MS,
        )
        type_like_an_ime(self.page, "input.md-search__input", text)
        # The meta line names the result count once the worker has answered this query.
        self.page.wait_for_function(
            f"""() => {{
                const meta = document.querySelector('.md-search-result__meta');
                return meta && [{self.MESSAGES}].some(m => meta.textContent.includes(m));
            }}""",
            timeout=TIMEOUT_MS,
        )
        self.page.wait_for_timeout(150)  # the list renders just after the count
        hrefs = self.page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)")
        return doc_ids(hrefs, limit)


@dataclass(frozen=True)
class FirstResult:
    """One fresh page load of ``search/?q=…``: milliseconds from navigation start to the
    first rendered result, and bytes fetched until then (``transfer``: as sent, headers
    included, so compressed when the server compresses; ``search_body``: bodies of the
    search index files alone)."""

    query: str
    milliseconds: float
    transfer: int
    search_body: int


FIRST_RESULT_SCRIPT = """() => {
  const mark = performance.getEntriesByName('gz-first-result')[0];
  const until = mark.startTime;
  const nav = performance.getEntriesByType('navigation')[0];
  const before = performance.getEntriesByType('resource').filter(r => r.responseEnd <= until);
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  const search = before.filter(r => /\\/search\\/(manifest|shards|meta|text)/.test(r.name));
  return {
    milliseconds: until,
    transfer: nav.transferSize + sum(before, 'transferSize'),
    search_body: sum(search, 'encodedBodySize'),
  };
}"""


def measured_load(browser, url: str, mark: str, script: str) -> dict:
    """Open ``url`` in a new context (empty cache), wait for the performance mark ``mark``
    (set by the page when its first result shows) and return what ``script`` measures."""
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(f"() => performance.getEntriesByName('{mark}').length > 0", timeout=TIMEOUT_MS)
        return page.evaluate(script)
    finally:
        context.close()


def first_result_load(browser, site_url: str, query: str) -> FirstResult:
    """Open ``search/?q=query`` in a new context (empty cache) and measure to first result."""
    figures = measured_load(browser, f"{site_url}search/?q={quote(query)}", "gz-first-result", FIRST_RESULT_SCRIPT)
    return FirstResult(query=query, **figures)


def stock_first_result_ms(browser, site_url: str, query: str) -> float:
    """Milliseconds from navigation start of ``site_url`` (fresh context) to the first result
    of material's search for ``query``, typed as soon as the search field can be clicked."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url)
        page.click("input.md-search__input", timeout=TIMEOUT_MS)
        type_like_an_ime(page, "input.md-search__input", query)
        page.wait_for_selector(".md-search-result__item", timeout=TIMEOUT_MS)
        return page.evaluate("() => performance.now()")
    finally:
        context.close()


def load_queries(path: Path = QUERY_FILE) -> list[dict]:
    """The reader query list: ``[{query, expect: [doc id], first?, contains?, identifier?}]``."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Outcome:
    """One query's ranking: ``hit`` when every expected document is in the top five (and,
    for ``first`` queries, the first expected one ranks first)."""

    query: str
    expect: tuple[str, ...]
    ranked: tuple[str, ...]
    first: bool

    @property
    def in_top5(self) -> bool:
        return all(doc in self.ranked[:5] for doc in self.expect)

    @property
    def first_ok(self) -> bool:
        return self.ranked[:1] == self.expect[:1]

    @property
    def hit(self) -> bool:
        return self.in_top5 and (self.first_ok or not self.first)


def evaluate(search, queries: list[dict]) -> list[Outcome]:
    """Every query through ``search`` (a ``SiteSearch`` or ``StockSearch``)."""
    return [
        Outcome(q["query"], tuple(q["expect"]), tuple(search.query(q["query"])), bool(q.get("first")))
        for q in queries
    ]


def hit_rate(outcomes: list[Outcome]) -> float:
    return sum(o.hit for o in outcomes) / len(outcomes) if outcomes else 0.0


def build_stock_site(docs_dir: Path, site_dir: Path) -> None:
    """Build ``docs_dir`` into ``site_dir`` with stock mkdocs-material and its ``search``
    plugin (lang zh: jieba segments at build time), as this site was configured before it
    had its own search. Raises CalledProcessError when mkdocs fails."""
    docs_dir, site_dir = docs_dir.resolve(), site_dir.resolve()
    config = site_dir.parent / f"{site_dir.name}.mkdocs.yml"
    config.write_text(
        "\n".join(
            [
                "site_name: 温州市人民政府公报",
                f"docs_dir: {docs_dir}",
                f"site_dir: {site_dir}",
                "theme:",
                "  name: material",
                "  language: zh",
                "plugins:",
                "  - search:",
                "      lang: zh",
                "      separator: '[\\s\\u200b\\-]'",
                "markdown_extensions: [tables, toc]",
                "",
            ]
        ),
        encoding="utf-8",
    )
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], check=True, capture_output=True)
