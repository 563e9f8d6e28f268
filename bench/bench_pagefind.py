"""Pagefind against the site's own search, on the same built site and the same reader queries.

Usage::

    python bench/bench_pagefind.py ROOT              # ROOT holds site/ of a built site (make build)
    python bench/bench_pagefind.py --replicate N     # N copies of the sample issue (see below)
    ... [--pagefind CMD] [--report FILE]

Pagefind (PyPI ``pagefind[extended]``, whose extended binary segments Chinese) is not a
project dependency: give the command that runs it (default ``python -m pagefind`` of the
interpreter running this script; e.g. ``--pagefind "/tmp/pf/bin/python -m pagefind"``).

For a built site it copies ``site/`` to a temporary folder, indexes the copy with
``pagefind --site … --force-language zh`` (the document pages' ``article`` only), adds a bare
probe page that runs Pagefind's JS API (``pagefind.search(q)``, then the first results'
``data()``), and reports:

- the reader queries of ``tests/search_queries.yml`` through both searches: share with every
  expected document in the top five (and first, for ``first`` queries) — the same scoring as
  ``bench/bench_search.py``;
- the 文号 and 登记号 spellings among those queries, query by query;
- index bytes on disk: ``site/search/`` against ``pagefind/`` (its JS, WebAssembly, index
  and fragments);
- bytes of search files fetched before the first result, in a fresh browser context, for
  the same timing queries as ``bench_search.py``: ours (search index files) against
  Pagefind's (every ``/pagefind/`` file: script, WebAssembly, metadata, index chunks, the
  first result's fragment). The pages around them differ (material's search page against a
  bare probe), so page bytes are left out of both.

``--replicate N`` builds what each search needs for N copies of the sample issue at the
data level (``bench_search.replicate_issue``): our search index and search page, and for
Pagefind one plain HTML page per document (title, 文号, 登记号, text in an ``article``) —
the text Pagefind would index on the real pages, without building N × 20 material pages.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.bench_search import TIMING_QUERIES, build_synthetic, folder_bytes, replicate_issue, table  # noqa: E402
from extract.pipeline import extract_pdf  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from tests.browser.search_probe import (  # noqa: E402
    TIMEOUT_MS,
    Outcome,
    SiteSearch,
    doc_ids,
    evaluate,
    first_result_load,
    hit_rate,
    load_queries,
    measured_load,
)

PROBE_PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>pagefind probe</title></head>
<body><script type="module">
const pagefind = await import("../pagefind/pagefind.js");
const query = new URLSearchParams(location.search).get("q") || "";
const search = await pagefind.search(query);
const first = search.results.length ? await search.results[0].data() : null;
performance.mark("pf-first-result");
const rest = await Promise.all(search.results.slice(1, 10).map((r) => r.data()));
window.pfResults = (first ? [first, ...rest] : []).map((d) => d.url);
</script></body></html>
"""

FIRST_RESULT_SCRIPT = """() => {
  const until = performance.getEntriesByName('pf-first-result')[0].startTime;
  const files = performance.getEntriesByType('resource')
    .filter(r => r.responseEnd <= until && r.name.includes('/pagefind/'));
  return {milliseconds: until, search_body: files.reduce((t, r) => t + r.encodedBodySize, 0), files: files.length};
}"""


def index_with_pagefind(site: Path, command: list[str]) -> None:
    """Run Pagefind over ``site`` (document pages' article only, Chinese) and add the probe."""
    subprocess.run([*command, "--site", str(site), "--force-language", "zh", "--root-selector", "article",
                    "--glob", "doc/**/*.html", "--quiet"], check=True)
    (site / "pagefind-probe").mkdir(exist_ok=True)
    (site / "pagefind-probe" / "index.html").write_text(PROBE_PAGE, encoding="utf-8")


class PagefindSearch:
    """Pagefind through the probe page; ``query(text)`` returns result doc ids."""

    def __init__(self, page, site_url: str):
        self.page, self.site_url = page, site_url

    def query(self, text: str, limit: int = 10) -> list[str]:
        self.page.goto(f"{self.site_url}pagefind-probe/?q={quote(text)}")
        self.page.wait_for_function("() => window.pfResults !== undefined", timeout=TIMEOUT_MS)
        return doc_ids(self.page.evaluate("() => window.pfResults"), limit)


def pagefind_first_result(browser, site_url: str, query: str) -> tuple[float, int]:
    """(ms to the first result's data, bytes of /pagefind/ files fetched until then)."""
    figures = measured_load(browser, f"{site_url}pagefind-probe/?q={quote(query)}", "pf-first-result", FIRST_RESULT_SCRIPT)
    return figures["milliseconds"], figures["search_body"]


def write_plain_pages(site: Path, count: int) -> None:
    """One plain page per document of ``count`` replicated sample issues, for Pagefind."""
    sample = extract_pdf(REPO / "source_pdfs" / "wzgb-2023-04.pdf")  # as build_synthetic
    for index in range(count):
        for doc in replicate_issue(sample, index).documents:
            facts = " ".join(html.escape(f) for f in (doc.doc_number, doc.registration_number) if f)
            body = "".join(f"<p>{html.escape(line)}</p>" for line in doc.text.splitlines())
            page = site / "doc" / doc.id / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{html.escape(doc.title)}</title>'
                            f"</head><body><article><h1>{html.escape(doc.title)}</h1><p>{facts}</p>{body}</article></body></html>",
                            encoding="utf-8")


def identifier_rows(ours: list[Outcome], theirs: list[Outcome], queries: list[dict]) -> list[tuple[str, str, str]]:
    wanted = {q["query"] for q in queries if q.get("identifier")}
    mark = {True: "yes", False: "no"}
    return [(o.query, mark[o.hit], mark[t.hit]) for o, t in zip(ours, theirs) if o.query in wanted]


@contextlib.contextmanager
def browsing(site: Path) -> Iterator[tuple[object, str]]:
    """Serve ``site`` on localhost and launch headless Chromium: yields (browser, site URL)."""
    executable = chromium_path()
    if executable is None:
        raise SystemExit("bench: chromium is not installed (apt-get install chromium)")
    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                yield browser, url
            finally:
                browser.close()
    finally:
        server.shutdown()


def first_result_rows(browser, site_url: str, queries: Sequence[str] = TIMING_QUERIES) -> list[tuple[str, int, int, float, float]]:
    """``(query, ours: bytes, Pagefind: bytes, ours: ms, Pagefind: ms)`` for each of
    ``queries`` (each must find a document), each search in a fresh context: search files
    fetched before the first result (ours: the search index files; Pagefind: every
    ``/pagefind/`` file)."""
    rows = []
    for query in queries:
        mine = first_result_load(browser, site_url, query)
        ms, body = pagefind_first_result(browser, site_url, query)
        rows.append((query, mine.search_body, body, mine.milliseconds, ms))
    return rows


def first_results(site: Path, command: list[str], queries: Sequence[str]) -> list[tuple[str, int, int, float, float]]:
    """``first_result_rows`` for a built ``site`` (a copy: Pagefind writes into it), indexed
    with Pagefind first; ``bench/bench_scale.py`` records them at each archive size."""
    index_with_pagefind(site, command)
    with browsing(site) as (browser, url):
        return first_result_rows(browser, url, queries)


def measure(site: Path, command: list[str], compare: bool) -> str:
    """The markdown report for ``site`` (a copy: Pagefind writes into it)."""
    index_with_pagefind(site, command)
    issues = len(list((site / "search" / "meta").glob("*.json")))
    ours_bytes, pf_bytes = folder_bytes(site / "search"), folder_bytes(site / "pagefind")
    out = [f"## {issues} issue(s)", ""]
    with browsing(site) as (browser, url):
        if compare:
            queries = load_queries()
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            ours = evaluate(SiteSearch(page, url), queries)
            theirs = evaluate(PagefindSearch(page, url), queries)
            out += [
                f"Reader queries (`tests/search_queries.yml`, {len(queries)}): expected documents in the top five",
                "",
                table(("search", "hit rate", "hits"), [
                    ("ours", f"{hit_rate(ours):.1%}", f"{sum(o.hit for o in ours)}/{len(ours)}"),
                    ("Pagefind (extended, zh)", f"{hit_rate(theirs):.1%}", f"{sum(o.hit for o in theirs)}/{len(theirs)}"),
                ]),
                "",
                "文号 and 登记号 spellings (hit = expected documents in the top five, first where required):",
                "",
                table(("query", "ours", "Pagefind"), identifier_rows(ours, theirs, queries)),
                "",
                "Pagefind misses: " + "; ".join(f"{o.query} → {list(o.ranked[:5])}" for o in theirs if not o.hit),
                "",
            ]
        rows = first_result_rows(browser, url)
    out += [
        "Index on disk (raw / gzip -9 per file):",
        "",
        table(("index", "raw", "gzip"), [("ours: search/", *ours_bytes), ("Pagefind: pagefind/", *pf_bytes)]),
        "",
        "Search files fetched before the first result (fresh context, uncompressed HTTP; page bytes left out):",
        "",
        table(("query", "ours: bytes", "Pagefind: bytes", "ours: ms", "Pagefind: ms"), rows),
        "",
        f"Most bytes before a first result: ours {max(r[1] for r in rows):,}, Pagefind {max(r[2] for r in rows):,}.",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, help="folder holding site/ of a built site")
    parser.add_argument("--replicate", type=int, metavar="N", help="N copies of the sample issue instead")
    parser.add_argument("--pagefind", default=f"{sys.executable} -m pagefind", help="command that runs Pagefind")
    parser.add_argument("--report", type=Path, metavar="FILE", help="also write the report here (markdown)")
    args = parser.parse_args(argv)
    if (args.root is None) == (args.replicate is None):
        parser.error("give either ROOT or --replicate N")
    command = shlex.split(args.pagefind)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if args.replicate is not None:
            build_synthetic(args.replicate, Path(tmp))
            write_plain_pages(site, args.replicate)
            report = measure(site, command, compare=False)
        else:
            shutil.copytree(args.root / "site", site)
            report = measure(site, command, compare=True)
    print(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
