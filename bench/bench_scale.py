"""Archive scale and speed, side by side in one run.

Usage: ``python bench/bench_scale.py [--sizes 12,60,240] [--work DIR] [--out bench/results]
[--pagefind CMD] [--no-zensical]``.

Reports:

* pages/s on the sample PDF of the whole pipeline (``extract_pdf``), of bare pdfplumber
  char parsing (``page.chars`` on every page) and of ``pdftotext`` (the speed ceiling);
* for each archive size N (synthetic issues from ``bench/synthetic_archive.py``): the cold
  build (empty cache, empty docs/ and site/) and the incremental build after adding issue
  N+1, each as extraction + site (``mkdocs build``, as ``make build`` runs them) wall time
  and peak memory (max RSS of the largest process, from GNU time), with the same site
  built by Zensical next to it (``zensical build -f mkdocs.yml``, then ``mkdocs.en.yml``,
  as ``BUILDER=zensical make build`` runs it; into its own folder, with its own cache for
  the +1 build; ``--no-zensical`` leaves it out, a quarter hour less at 240 issues); then the site's size, its search index bytes (``site/search/``) and, on
  the cold build's site of N issues in Chromium, the bytes of search files fetched before
  the first result for ``SCALE_QUERIES``: the site's own search against
  Pagefind indexing the same pages (``bench/bench_pagefind.py``; Pagefind is not a project
  dependency: ``--pagefind CMD``, e.g. ``"/tmp/pf/bin/python -m pagefind"`` from a venv
  with ``pip install 'pagefind[extended]'``).

Writes ``OUT/scale.json`` and ``OUT/scale.md`` and prints the tables. Timings depend on the
machine and its load; the run records the core count and load average with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_pagefind import first_results  # noqa: E402
from bench.bench_search import TIMING_QUERIES  # noqa: E402
from bench.synthetic_archive import write_archive  # noqa: E402
from extract.pipeline import extract_pdf  # noqa: E402

SAMPLE_PDF = REPO / "source_pdfs" / "wzgb-2023-04.pdf"
AS_OF = "2026-11-29"
SIZES = (12, 60, 240)
# The timing queries every synthetic issue answers (each holds the sample manuscript's text);
# the 文号 and 登记号 queries name the sample's own numbers, which synthetic issues renumber.
SCALE_QUERIES = tuple(query for query in TIMING_QUERIES if not any(char.isdigit() for char in query))


# --------------------------------------------------------------------------- speed


def best_seconds(run, repeats: int = 2) -> float:
    """Fastest wall time of ``repeats`` runs of ``run()``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def bare_chars(pdf: Path) -> None:
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.chars  # noqa: B018 - parsing the page's chars is what is timed


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def page_speeds(pdf: Path) -> dict:
    """Pages per second of the pipeline, bare pdfplumber chars and pdftotext on ``pdf``."""
    with pdfplumber.open(pdf) as document:
        pages = len(document.pages)
    seconds = {
        "pipeline": best_seconds(lambda: extract_pdf(pdf)),
        "pdfplumber_chars": best_seconds(lambda: bare_chars(pdf)),
        "pdftotext": best_seconds(lambda: subprocess.run(["pdftotext", str(pdf), os.devnull], check=True)),
    }
    speeds = {name: pages / spent for name, spent in seconds.items()}
    return {
        "pdf": pdf.name,
        "pages": pages,
        "pages_per_second": {name: round(speed, 1) for name, speed in speeds.items()},
        "pipeline_vs_pdfplumber_chars": round(speeds["pipeline"] / speeds["pdfplumber_chars"], 2),
        "pipeline_vs_pdftotext": round(speeds["pipeline"] / speeds["pdftotext"], 3),
    }


# --------------------------------------------------------------------------- builds


def timed_command(command: list[str], cwd: Path) -> dict:
    """Run ``command`` under GNU time: wall seconds, CPU seconds (user + system, its
    children included: on a shared machine this is the figure load does not inflate),
    peak RSS of its largest process (MiB) and exit status."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name, *command],
            cwd=cwd,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=False,
        )
        wall, user, system, peak_kib = report.read().split()[-4:]
    if done.returncode not in (0, 1):  # 1: a PDF failed or warnings under --strict
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return {
        "seconds": float(wall),
        "cpu_seconds": round(float(user) + float(system), 2),
        "peak_mib": round(int(peak_kib) / 1024, 1),
        "status": done.returncode,
        "stderr_tail": done.stderr[-2000:] if done.returncode else "",
    }


def build(root: Path, zensical: bool = True) -> dict:
    """One ``make build`` of ``root/src`` into ``root/docs`` and ``root/site``: extraction
    then mkdocs, each timed; then, with ``zensical``, the same docs built by Zensical
    (``zensical_site``)."""
    extraction = timed_command(
        [sys.executable, "-m", "extract", "build", str(root / "src"), "--docs", str(root / "docs"),
         "--cache", str(root / "cache"), "--as-of", AS_OF],
        REPO,
    )
    # Both languages in one command, as make build runs them (at the same time when both are incremental).
    site = timed_command(
        [sys.executable, "-m", "extract.build.mkdocs_build",
         *(arg for config, docs, site in (("mkdocs.yml", "docs", "site"), ("mkdocs.en.yml", "docs/en", "site/en"))
           for arg in ("--config", config, "--docs-dir", str(root / docs), "--site-dir", str(root / site)))],
        REPO,
    )
    return {
        "extract": extraction,
        "site": site,
        "zensical": zensical_site(root) if zensical else {"skipped": True},
        "seconds": round(extraction["seconds"] + site["seconds"], 2),
        "cpu_seconds": round(extraction["cpu_seconds"] + site["cpu_seconds"], 2),
        "peak_mib": max(extraction["peak_mib"], site["peak_mib"]),
    }


def both_languages(runs: list[dict]) -> dict:
    """The Chinese and English Zensical builds' ``timed_command`` figures as one: seconds
    added, the larger peak."""
    return {
        "seconds": round(sum(run["seconds"] for run in runs), 2),
        "cpu_seconds": round(sum(run["cpu_seconds"] for run in runs), 2),
        "peak_mib": max(run["peak_mib"] for run in runs),
    }


# Zensical wants docs_dir inside the project folder (a link to it is refused): ``root`` is the
# project, holding copies of the configurations with the site written to ZENSICAL_SITE.
ZENSICAL_SITE = "site-zensical"


def zensical_site(root: Path) -> dict:
    """``root/docs`` built by Zensical into ``root/site-zensical``, both languages, as
    ``BUILDER=zensical make build`` does (without ``FULL=1``: its cache in ``root/.cache``
    serves the +1 build); timed as ``both_languages``."""
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if zensical is None:
        raise SystemExit("bench: zensical is not installed (pip install -e '.[test]')")
    if not (root / "overrides").exists():
        (root / "overrides").symlink_to(REPO / "overrides")
    for config, site_dir in (("mkdocs.yml", "site"), ("mkdocs.en.yml", "site/en")):
        text = (REPO / config).read_text(encoding="utf-8")
        moved = text.replace(f"\nsite_dir: {site_dir}\n", f"\nsite_dir: {ZENSICAL_SITE}{site_dir[4:]}\n")
        if moved == text:
            raise SystemExit(f"bench: {config} has no 'site_dir: {site_dir}' line to point at {ZENSICAL_SITE}")
        (root / config).write_text(moved, encoding="utf-8")
    # Chinese first: it empties the site folder, as in make build.
    runs = [timed_command([zensical, "build", "-f", config], root) for config in ("mkdocs.yml", "mkdocs.en.yml")]
    # A failed build is a result too (kept with its stderr), not the end of the whole run.
    failed = [run["stderr_tail"] for run in runs if run["status"]]
    return both_languages(runs) | ({"failed": failed} if failed else {})


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def search_figures(site: Path, pagefind: list[str]) -> dict:
    """Bytes of the site's search index (``site/search/``: manifest, shards, meta, text; see
    ``extract.site.search``), and per ``SCALE_QUERIES`` query the bytes of search files fetched before
    the first result, the site's own search against Pagefind on a copy of ``site``
    (``bench_pagefind.first_results``)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site, copy, symlinks=True)
        rows = first_results(copy, pagefind, SCALE_QUERIES)
    return {
        "index_bytes": folder_bytes(site / "search"),
        "first_result": [
            {"query": query, "ours_bytes": ours, "pagefind_bytes": theirs, "ours_ms": round(ours_ms), "pagefind_ms": round(theirs_ms)}
            for query, ours, theirs, ours_ms, theirs_ms in rows
        ],
        "bytes_before_first_result": max(ours for _, ours, *_ in rows),
        "pagefind_bytes_before_first_result": max(theirs for _, _, theirs, *_ in rows),
    }


def archive_run(size: int, pool: list[Path], work: Path, pagefind: list[str], zensical: bool = True) -> dict:
    """Cold build of ``size`` issues and its search figures, then the build after adding one
    more (each ``build``, Zensical included with ``zensical``)."""
    root = work / f"archive-{size}"
    shutil.rmtree(root, ignore_errors=True)
    (root / "src").mkdir(parents=True)
    for pdf in pool[:size]:
        (root / "src" / pdf.name).symlink_to(pdf)
    cold = build(root, zensical)
    search = search_figures(root / "site", pagefind)
    added = pool[size]
    (root / "src" / added.name).symlink_to(added)
    incremental = build(root, zensical)
    site = root / "site"
    return {
        "issues": size,
        "pages": sum(page_count(pdf) for pdf in pool[:size]),
        "cold": cold,
        "plus_one_issue": incremental,
        "site_bytes": folder_bytes(site),
        "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
        "search": search,
    }


# --------------------------------------------------------------------------- report


def timing(build_run: dict) -> str:
    """``total (extract + site) [cpu]`` for one build."""
    return (
        f"{build_run['seconds']} ({build_run['extract']['seconds']} + {build_run['site']['seconds']}) "
        f"[{build_run['cpu_seconds']}]"
    )


def site_timing(cold: dict, plus: dict) -> str:
    """``cold / +1 [cpu cold / cpu +1]`` seconds of one site builder ("failed" or "not run" marked)."""
    if cold.get("skipped"):
        return "not run"
    if cold.get("failed") or plus.get("failed"):
        return f"failed ({len(cold.get('failed', []))} cold, {len(plus.get('failed', []))} +1 configs; scale.json)"
    return f"{cold['seconds']} / {plus['seconds']} [{cold['cpu_seconds']} / {plus['cpu_seconds']}]"


def markdown(results: dict) -> str:
    speed = results["speed"]
    rates = speed["pages_per_second"]
    lines = [
        f"# Archive scale and speed ({results['date']}, commit {results.get('commit') or '?'}, "
        f"{results['cores']} cores, load {results['load']})",
        "",
        f"Sample PDF {speed['pdf']}, {speed['pages']} pages:",
        "",
        "| reader | pages/s |",
        "| --- | ---: |",
        *(f"| {name} | {rate} |" for name, rate in rates.items()),
        "",
        f"Pipeline / bare pdfplumber chars = **{speed['pipeline_vs_pdfplumber_chars']}×** (target ≥ 0.5×); "
        f"pipeline / pdftotext = {speed['pipeline_vs_pdftotext']}×.",
        "",
        "Build times are wall seconds (extraction + site with mkdocs), then CPU seconds in brackets;",
        "the Zensical columns are the same docs built by Zensical instead of mkdocs (site only).",
        f"Bytes before the first search result: the most over {', '.join(SCALE_QUERIES)}; search files only",
        "(ours: `search/` files; Pagefind: `pagefind/` files), on the cold build's site.",
        "",
        "| issues | cold build s | cold peak MiB | +1 issue s | +1 peak MiB "
        "| site: mkdocs cold / +1 s | site: Zensical cold / +1 s "
        "| site MiB | site files | search index bytes | bytes before first result: ours / Pagefind |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in results["archives"]:
        cold, plus, search = run["cold"], run["plus_one_issue"], run["search"]
        lines.append(
            f"| {run['issues']} | {timing(cold)} | {cold['peak_mib']} | {timing(plus)} "
            f"| {plus['peak_mib']} | {site_timing(cold['site'], plus['site'])} | {site_timing(cold['zensical'], plus['zensical'])} "
            f"| {run['site_bytes'] / 2**20:.1f} | {run['site_files']} "
            f"| {search['index_bytes']} | {search['bytes_before_first_result']} / {search['pagefind_bytes_before_first_result']} |"
        )
    lines += ["", *acceptance(results)]
    return "\n".join(lines) + "\n"


def acceptance(results: dict) -> list[str]:
    """Issue 15's targets against this run's own figures: cold build ≤ 1.3 × pages ÷ (2 ×
    bare pdfplumber pages/s of this run: two cores), +1 issue ≤ 30 s, peak ≤ 600 MiB and
    within 20 % between the smallest and the largest archive."""
    bare = results["speed"]["pages_per_second"]["pdfplumber_chars"]
    lines = ["Targets (issue 15), from this run's bare pdfplumber pages/s:", ""]
    for run in results["archives"]:
        limit = 1.3 * run["pages"] / (2 * bare)
        cold, plus = run["cold"]["seconds"], run["plus_one_issue"]["seconds"]
        lines.append(
            f"- {run['issues']} issues ({run['pages']} pages): cold {cold} s vs ≤ {limit:.0f} s "
            f"({cold / limit:.2f} of the limit); +1 issue {plus} s vs ≤ 30 s; "
            f"peak {max(run['cold']['peak_mib'], run['plus_one_issue']['peak_mib'])} MiB vs ≤ 600 MiB"
        )
    peaks = [max(run["cold"]["peak_mib"], run["plus_one_issue"]["peak_mib"]) for run in results["archives"]]
    if len(peaks) > 1:
        lines.append(f"- peak memory, largest ÷ smallest archive: {peaks[-1] / peaks[0]:.2f} (target ≤ 1.20)")
    return lines


def git_commit() -> str:
    """The checked-out commit the figures are for, or "" outside a git checkout."""
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="archive sizes (default 12,60,240)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/gazette-bench-scale"), help="scratch folder")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results", help="results folder")
    parser.add_argument("--pagefind", default=f"{sys.executable} -m pagefind",
                        help="command that runs Pagefind (default: python -m pagefind of this interpreter)")
    parser.add_argument("--no-zensical", action="store_true", help="do not build the sites with Zensical too")
    args = parser.parse_args(argv)
    pagefind = shlex.split(args.pagefind)
    if subprocess.run([*pagefind, "--version"], capture_output=True, check=False).returncode != 0:
        parser.error(f"{args.pagefind!r} does not run Pagefind: pip install 'pagefind[extended]' "
                     "(e.g. into /tmp/pf) and pass --pagefind '/tmp/pf/bin/python -m pagefind'")
    sizes = sorted(int(size) for size in args.sizes.split(","))
    pool = write_archive(max(sizes) + 1, args.work / "pdfs")
    results = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "load": " ".join(f"{value:.2f}" for value in os.getloadavg()),
        "commit": git_commit(),
        "speed": page_speeds(SAMPLE_PDF),
        "archives": [],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        results["archives"].append(archive_run(size, pool, args.work, pagefind, not args.no_zensical))
        # Written after each size, so a long run stopped later keeps what it measured.
        (args.out / "scale.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        report = markdown(results)
        (args.out / "scale.md").write_text(report, encoding="utf-8")
        print(f"{size} issues done", file=sys.stderr)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
