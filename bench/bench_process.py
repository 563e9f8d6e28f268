"""Whole-process cost of extracting one issue against the bare PDF parse, in one run.

Usage: ``python bench/bench_process.py [PDF] [--repeat N] [--against DIR] [--out FILE]``
(default: ``source_pdfs/wzgb-2023-04.pdf``, 5 repetitions); ``make bench`` runs it.

Each repetition runs, back to back, as separate processes (imports included):

* ``extract``: ``python -m extract build <folder of PDF> --docs <tmp> --no-cache --jobs 1``;
* ``pdfplumber``: a bare pdfplumber pass that opens the PDF and reads every page's chars;
* ``pdftotext``: poppler's ``pdftotext`` (the speed ceiling), when it is installed;
* with ``--against DIR``, ``extract`` run from another checkout (e.g. the commit before a
  change), for a before/after table.

The machine is shared, so absolute seconds move with the load: the figures to compare are
the ratios *within one repetition* (each program's time over the bare pdfplumber pass run
next to it); the report gives the median of each over the repetitions. Prints a markdown
table and writes it to ``--out`` when given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PDF = REPO / "source_pdfs" / "wzgb-2023-04.pdf"
AS_OF = "2026-11-29"
BARE_PASS = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.chars
"""


def run_seconds(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of ``command`` run to completion in ``cwd``;
    raises on a non-zero exit. CPU time is what the other users of the machine inflate least."""
    env = {**os.environ, "AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(pdf: Path, work: Path, against: Path | None, out: Path) -> dict[str, tuple[list[str], Path]]:
    """``{name: (argv, cwd)}`` of the programs compared; ``pdfplumber`` is the reference. The
    extractors write into new folders under ``out``: a docs folder an earlier run wrote would
    let rendering keep its unchanged pages (``extract.site.memo``), which ``--no-cache`` does
    not turn off."""
    src = work / "src"
    src.mkdir(exist_ok=True)
    if not (src / pdf.name).exists():
        (src / pdf.name).symlink_to(pdf.resolve())

    def extractor(name: str) -> list[str]:
        return [sys.executable, "-m", "extract", "build", str(src), "--docs", str(out / name), "--no-cache", "--jobs", "1"]

    programs = {"pdfplumber": ([sys.executable, "-c", BARE_PASS, str(pdf)], REPO), "extract": (extractor("docs"), REPO)}
    if against:
        programs["extract (before)"] = (extractor("docs-before"), against)
    if shutil.which("pdftotext"):
        programs["pdftotext"] = (["pdftotext", str(pdf), os.devnull], REPO)
    return programs


def measure(pdf: Path, repeat: int, against: Path | None) -> dict[str, list[tuple[float, float]]]:
    """``{program: [(wall, CPU) seconds per repetition]}``, the programs run back to back
    each time."""
    seconds: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for repetition in range(repeat):
            out = Path(tmp) / f"run-{repetition}"  # a cold build every time
            out.mkdir()
            for name, (argv, cwd) in commands(pdf, Path(tmp), against, out).items():
                seconds.setdefault(name, []).append(run_seconds(argv, cwd))
    return seconds


def median_ratio(runs: list[float], references: list[float]) -> float:
    """Median over repetitions of run ÷ the reference run of the same repetition."""
    return statistics.median(run / reference for run, reference in zip(runs, references))


def report(pdf: Path, pages: int, seconds: dict[str, list[tuple[float, float]]]) -> str:
    """Markdown: per program the median wall and CPU seconds, pages/s and the median ratios
    to the bare pass."""
    wall = {name: [w for w, _ in runs] for name, runs in seconds.items()}
    cpu = {name: [c for _, c in runs] for name, runs in seconds.items()}
    bare = wall["pdfplumber"]
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        f"Whole process, one issue ({pdf.name}, {pages} pages), no cache, one job; "
        f"{len(bare)} repetitions, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} cores, load {load}.",
        "",
        "Ratios are taken within each repetition (program time ÷ the bare pdfplumber chars pass run",
        "next to it), then the median; speed = 1 / ratio. Seconds are medians and move with the load;",
        "CPU seconds (user + system) move least.",
        "",
        "| program | wall s | CPU s | pages/s (wall) | wall ÷ bare | CPU ÷ bare | speed vs bare (wall) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in seconds:
        ratio = median_ratio(wall[name], bare)
        median = statistics.median(wall[name])
        lines.append(
            f"| {name} | {median:.2f} | {statistics.median(cpu[name]):.2f} | {pages / median:.1f} "
            f"| {ratio:.2f}× | {median_ratio(cpu[name], cpu['pdfplumber']):.2f}× | {1 / ratio:.2f}× |"
        )
    if "pdftotext" in seconds:
        ratio = median_ratio(wall["extract"], wall["pdftotext"])
        lines += ["", f"extract ÷ pdftotext (wall, median within repetitions): {ratio:.0f}×"]
    else:
        lines += ["", "pdftotext: not installed (`apt-get install poppler-utils`)."]
    return "\n".join(lines) + "\n"


def page_count(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path, nargs="?", default=SAMPLE_PDF, help="issue PDF (default: the sample)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions (default 5)")
    parser.add_argument("--against", type=Path, help="another checkout whose extractor is timed too")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    text = report(args.pdf, page_count(args.pdf), measure(args.pdf, args.repeat, args.against))
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
