"""Search benchmark: hit rate against stock material search, index size, and time and bytes
to the first result in Chromium.

Usage::

    python bench/bench_search.py ROOT            # ROOT holds docs/ and site/ of a built site
    python bench/bench_search.py --replicate N   # a synthetic N-issue archive (see below)
    python bench/bench_search.py ROOT --no-compare  # e.g. bench_scale's archives: no stock build
    ... [--report FILE]                          # also write the figures as markdown

For a built site (e.g. ``make build`` at the repository root: ``ROOT=.``) it reports:

- the reader queries of ``tests/search_queries.yml`` through the site's search and through
  stock mkdocs-material search (lang zh, jieba) built from the same ``docs/`` into a
  temporary folder: share of queries with every expected document in the top five;
- index bytes, raw and gzip (level 9), in total and per issue: ours (``site/search/``) and
  stock's ``search/search_index.json``;
- for a few queries, a fresh page load of ``search/?q=…``: milliseconds from navigation start
  to the first rendered result, and bytes fetched until then; for stock, the milliseconds
  to its first result with the query typed as soon as the page allows. The server is Python's
  ``http.server``, which does not compress: the bytes are uncompressed.

``--replicate N`` is a benchmark input, never a test oracle: it extracts the sample issue (2023年第4期) from
``source_pdfs/`` once and repeats it N times at the data level, with other issue ids, years
and 文号 (so ids, keys and postings are distinct), then builds only the search page and its
index. Documents repeat the sample's text, so the vocabulary does not grow as in a real
archive; posting lists do, as they would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from extract.grammar.identifiers import DocNumber, RegistrationNumber  # noqa: E402
from extract.model import Issue, IssueIdentity  # noqa: E402
from extract.pipeline import extract_pdf  # noqa: E402
from extract.site.archive import Archive, issue_label  # noqa: E402
from extract.site.environment import site_environment  # noqa: E402
from extract.site.i18n import SOURCE_LANGUAGE, Language  # noqa: E402
from extract.site.pages import search_page  # noqa: E402
from extract.site.render import asset_files  # noqa: E402
from extract.site.search import search_files  # noqa: E402
from extract.site.staging import staged  # noqa: E402
from extract.site.summary import summarise  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from tests.browser.search_probe import (  # noqa: E402
    SiteSearch,
    StockSearch,
    build_stock_site,
    evaluate,
    first_result_load,
    hit_rate,
    load_queries,
    stock_first_result_ms,
)

AS_OF = dt.date(2026, 11, 29)
# Short and long, rare and common (the last: the most frequent bigrams of the archive).
TIMING_QUERIES = (
    "公租房",
    "张振丰 交通",
    "地下综合管廊",
    "温政办42号",
    "ZJCC01-2023-0008",
    "公共租赁住房租赁补贴",
    "温州市人民政府办公室关于印发",
)


# --------------------------------------------------------------------------- sizes


def folder_bytes(folder: Path) -> tuple[int, int]:
    """Raw and gzip-9 bytes of every file under ``folder`` (each file compressed alone)."""
    raw = packed = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data, 9, mtime=0))
    return raw, packed


def index_sizes(site: Path, issues: int) -> list[tuple[str, int, int]]:
    """``(what, raw bytes, gzip bytes)`` rows for our index parts and stock's index."""
    rows = []
    parts = [("manifest", site / "search" / "manifest.json")] + [
        (name, site / "search" / name) for name in ("shards", "meta", "text")
    ]
    total_raw = total_gz = 0
    for name, path in parts:
        if path.is_dir():
            raw, packed = folder_bytes(path)
        else:
            data = path.read_bytes()
            raw, packed = len(data), len(gzip.compress(data, 9, mtime=0))
        total_raw += raw
        total_gz += packed
        rows.append((f"ours: {name}", raw, packed))
    rows.append(("ours: total", total_raw, total_gz))
    rows.append(("ours: per issue", total_raw // issues, total_gz // issues))
    return rows


def stock_sizes(stock_site: Path, issues: int) -> list[tuple[str, int, int]]:
    data = (stock_site / "search" / "search_index.json").read_bytes()
    packed = len(gzip.compress(data, 9, mtime=0))
    return [("stock: search_index.json", len(data), packed), ("stock: per issue", len(data) // issues, packed // issues)]


# --------------------------------------------------------------------------- synthetic


def shifted_number(number: str | None, year: int, offset: int) -> str | None:
    """The same 文号 prefix in ``year`` with the sequence moved by ``offset``."""
    if not number:
        return number
    try:
        parsed = DocNumber.parse(number)
    except ValueError:
        return number
    return str(DocNumber(parsed.prefix, year, parsed.seq + offset))


def replicate_issue(issue: Issue, index: int) -> Issue:
    """Copy ``index`` of the sample issue: copy 0 is the sample; copy ``i`` is issue
    ``(i - 1) % 12 + 1`` of the ``(i - 1) // 12 + 1``-th year before it, with every 文号 and
    registration number moved past the sample's, and ids to match."""
    if index == 0:
        return issue
    year, number = issue.identity.year - 1 - (index - 1) // 12, (index - 1) % 12 + 1
    identity = IssueIdentity(issue.identity.title, year, number, (issue.identity.serial or 0) - index)
    offset = 100 * number
    documents = []
    for doc in issue.documents:
        doc_number = shifted_number(doc.doc_number, year, offset)
        registration = None
        if doc.registration_number:
            reg = RegistrationNumber.parse(doc.registration_number)
            registration = str(RegistrationNumber(reg.cls, year, f"{int(reg.seq) + 10 * number:04d}"))
        if doc_number and doc.doc_number:
            doc_id = DocNumber.parse(doc_number).slug
        elif doc.interprets:
            doc_id = "jd-" + DocNumber.parse(shifted_number(doc.interprets, year, offset)).slug
        else:
            doc_id = doc.id.replace(issue.id, identity.id, 1)
        documents.append(
            replace(
                doc,
                id=doc_id,
                issue=identity.id,
                doc_number=doc_number,
                registration_number=registration,
                interprets=shifted_number(doc.interprets, year, offset),
            )
        )
    return replace(issue, id=identity.id, identity=identity, documents=tuple(documents))


def build_synthetic(count: int, root: Path) -> Path:
    """Build the search page and index of ``count`` copies of the sample issue under
    ``root``; returns the site folder."""
    sample = extract_pdf(REPO / "source_pdfs" / "wzgb-2023-04.pdf")
    issues = sorted((replicate_issue(sample, i) for i in range(count)), key=lambda i: (i.identity.year, i.identity.number))
    docs, site = root / "docs", root / "site"
    archive = Archive(tuple(summarise(issue) for issue in issues), AS_OF)
    with staged(docs) as staging:
        staging.write(search_files(issues, issue_label, archive.status).encoded())
        staging.write(search_page(archive, site_environment(archive, Language(SOURCE_LANGUAGE), {})))
        staging.write({"index.md": f"# {count} issues\n".encode()})
        staging.copy(asset_files())
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: 温州市人民政府公报\ndocs_dir: {docs}\nsite_dir: {site}\n"
        f"theme:\n  name: material\n  language: zh\n  custom_dir: {REPO / 'overrides'}\n"
        "plugins: []\nextra_css: [assets/search.css]\n",
        encoding="utf-8",
    )
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], check=True)
    return site


# --------------------------------------------------------------------------- browser


def timing_rows(browser, site_url: str) -> list[tuple[str, float, int, int]]:
    """``(query, ms to first result, bytes transferred, search-data bytes)`` per query."""
    rows = []
    for query in TIMING_QUERIES:
        result = first_result_load(browser, site_url, query)
        rows.append((query, result.milliseconds, result.transfer, result.search_body))
    return rows


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(f"{v:,}" if isinstance(v, int) else f"{v:.0f}" if isinstance(v, float) else str(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def measure(root: Path, compare: bool) -> str:
    """The markdown report for the built site under ``root`` (docs/ and site/)."""
    site = root / "site"
    issues = len(list((site / "search" / "meta").glob("*.json")))
    out = [f"## {issues} issue(s)", ""]
    sizes = index_sizes(site, issues)
    executable = chromium_path()
    if executable is None:
        raise SystemExit("bench: chromium is not installed (apt-get install chromium)")
    server, url = serve(site)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        if compare:
            queries = load_queries()
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            ours = evaluate(SiteSearch(page, url), queries)
            stock_site = Path(tmp) / "stock"
            build_stock_site(root / "docs", stock_site)
            stock_server, stock_url = serve(stock_site)
            stock = evaluate(StockSearch(page, stock_url), queries)
            stock_ms = [stock_first_result_ms(browser, stock_url, q) for q in TIMING_QUERIES[:3]]
            stock_server.shutdown()
            sizes += stock_sizes(stock_site, issues)
            out += [
                f"Reader queries (`tests/search_queries.yml`, {len(queries)}): expected documents in the top five",
                "",
                table(("search", "hit rate", "hits"), [
                    ("ours", f"{hit_rate(ours):.1%}", f"{sum(o.hit for o in ours)}/{len(ours)}"),
                    ("stock material + jieba", f"{hit_rate(stock):.1%}", f"{sum(o.hit for o in stock)}/{len(stock)}"),
                ]),
                "",
                "Stock misses: " + "; ".join(f"{o.query} → {list(o.ranked[:5])}" for o in stock if not o.hit),
                "",
                "Stock material search, first result after a fresh page load (query typed at once): "
                + ", ".join(f"{q} {ms:.0f} ms" for q, ms in zip(TIMING_QUERIES, stock_ms))
                + "; its whole `search_index.json` is fetched first.",
                "",
            ]
        timings = timing_rows(browser, url)
        browser.close()
    server.shutdown()
    out += ["Index bytes (UTF-8; gzip -9 per file)", "", table(("part", "raw", "gzip"), sizes), ""]
    out += [
        "First result after a fresh page load of `search/?q=…` (Chromium, uncompressed HTTP):",
        "",
        table(("query", "ms", "bytes transferred (page + assets + index)", "of which search index"), timings),
        "",
        f"Median {statistics.median(t[1] for t in timings):.0f} ms; "
        f"most bytes before the first result: {max(t[2] for t in timings):,} "
        f"(search index {max(t[3] for t in timings):,}).",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, help="folder holding docs/ and site/ of a built site")
    parser.add_argument("--replicate", type=int, metavar="N", help="measure a synthetic archive of N sample issues")
    parser.add_argument("--report", type=Path, metavar="FILE", help="also write the report here (markdown)")
    parser.add_argument("--no-compare", action="store_true", help="skip stock search (and the sample's reader queries)")
    args = parser.parse_args(argv)
    if (args.root is None) == (args.replicate is None):
        parser.error("give either ROOT or --replicate N")
    if args.replicate is not None:
        with tempfile.TemporaryDirectory() as tmp:
            build_synthetic(args.replicate, Path(tmp))
            report = measure(Path(tmp), compare=False)
    else:
        if not (args.root / "site" / "search" / "manifest.json").exists():
            parser.error(f"{args.root}: no site/search/manifest.json - build the site first (make build)")
        report = measure(args.root, compare=not args.no_compare)
    print(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
