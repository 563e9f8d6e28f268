"""Time each pipeline stage on issue PDFs and print pages per second.

Usage: ``python bench/bench_stages.py [PDF ...]`` (default: ``source_pdfs/*.pdf``);
``make bench`` runs it. Each stage runs once per PDF on the previous stage's output; the
render stage writes into a temporary folder. AS_OF (YYYY-MM-DD) fixes the tag date.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from extract.documents.split import split_items
from extract.documents.tag import tag_issue
from extract.pdf.layout import lay_out
from extract.pdf.read import read_pdf
from extract.site.render import render_site

STAGES = ("read", "layout", "split", "tag", "render")


def timed(run: Callable[[], Any]) -> tuple[Any, float]:
    """``run()``'s result and its wall time in seconds."""
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def bench_pdf(path: Path, as_of: dt.date, docs_dir: Path) -> tuple[int, dict[str, float]]:
    """Page count of ``path`` and seconds spent in each stage on it."""
    seconds: dict[str, float] = {}
    source, seconds["read"] = timed(lambda: read_pdf(path))
    laid, seconds["layout"] = timed(lambda: lay_out(source))
    split, seconds["split"] = timed(lambda: split_items(laid))
    issue, seconds["tag"] = timed(lambda: tag_issue(split))
    _, seconds["render"] = timed(lambda: render_site([issue], docs_dir, as_of, path.parent))
    return len(source.pages), seconds


def main(argv: list[str]) -> int:
    pdfs = [Path(arg) for arg in argv] or sorted(Path("source_pdfs").glob("*.pdf"))
    if not pdfs:
        print("bench: no PDF given and none in source_pdfs/", file=sys.stderr)
        return 1
    as_of = dt.date.fromisoformat(os.environ.get("AS_OF") or dt.date.today().isoformat())
    pages = 0
    totals = dict.fromkeys(STAGES, 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for path in pdfs:
            count, seconds = bench_pdf(path, as_of, Path(tmp) / "docs")
            pages += count
            for stage, spent in seconds.items():
                totals[stage] += spent
    table = Table(title=f"{len(pdfs)} PDF(s), {pages} pages")
    for column in ("stage", "seconds", "pages/s"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for stage, spent in totals.items():
        table.add_row(stage, f"{spent:.3f}", f"{pages / spent:.1f}" if spent else "-")
    total = sum(totals.values())
    table.add_section()
    table.add_row("all", f"{total:.3f}", f"{pages / total:.1f}" if total else "-")
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
