"""Command line: ``python -m extract build SRC_DIR --docs DOCS [--as-of DATE] [--translations DIR]
[--strict] [--jobs N] [--cache DIR | --no-cache] [-v]``.

Extracts every ``*.pdf`` in SRC_DIR (sorted by name), each on its own so that one bad PDF
does not stop the others — PDFs unchanged since an earlier build come from the extraction
cache, the others are extracted on N processes — then renders the site's markdown and API
into DOCS. Progress is shown per PDF, page and stage; a summary table ends the run.

Exit status: 0 when every PDF was extracted; 1 when any PDF failed, when SRC_DIR holds no
PDF, or — with ``--strict`` or ``STRICT=1`` — when any warning was reported; 2 for usage
errors. ``AS_OF=YYYY-MM-DD`` (or ``--as-of``) fixes the date statuses refer to (default:
today), for reproducible builds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extract import pipeline
from extract.build import batch
from extract.build.cache import DEFAULT_CACHE_DIR, ExtractionCache
from extract.errors import ExtractionError
from extract.model import DocType, Issue
from extract.site import render
from extract.paths import TRANSLATIONS_DIR
from extract.site.i18n import language
from extract.site.labels import TYPE_LABELS
from extract.site.report import kind_name
from extract.site.search import TermCache
from extract.site.summary import StoredIssue
from extract.site.translations import load_translations, unknown_ids

TRUE_WORDS = ("1", "true", "yes", "on")
# Warning lines printed per kind (all with -v); the report lists every one.
WARNINGS_PER_KIND = 3


def parse_date(value: str) -> dt.date:
    """``YYYY-MM-DD`` -> date; raises ``argparse.ArgumentTypeError`` naming the bad value."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"Invalid date: {value!r} - use YYYY-MM-DD, e.g. 2026-11-29") from None


def positive_int(value: str) -> int:
    """A whole number >= 1; raises ``argparse.ArgumentTypeError`` naming the bad value."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"Invalid count: {value!r} - use a whole number >= 1, e.g. 2")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Turn 温州市人民政府公报 issue PDFs into markdown and JSON for mkdocs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="extract every PDF in SRC_DIR and render the site sources into --docs",
        description="Extract every *.pdf in SRC_DIR and write the site's markdown, PDFs and API into DOCS.",
    )
    build.add_argument("src_dir", type=Path, metavar="SRC_DIR", help="folder of issue PDFs")
    build.add_argument("--docs", type=Path, required=True, metavar="DOCS", help="mkdocs docs folder to write")
    build.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="date statuses (现行有效, 已失效 …) refer to; default: $AS_OF, else today",
    )
    build.add_argument(
        "--translations",
        type=Path,
        default=TRANSLATIONS_DIR,
        metavar="DIR",
        help="glossaries and translators' files (<DIR>/en/<doc-id>.md); default: the project's translations/",
    )
    build.add_argument(
        "--strict", action="store_true", help="exit non-zero when any warning is reported (also STRICT=1)"
    )
    build.add_argument(
        "--jobs",
        type=positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="PDFs extracted in parallel (default: one per core)",
    )
    build.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE_DIR,
        metavar="DIR",
        help=f"extraction cache: unchanged PDFs are not extracted again, nor their search terms computed (default: {DEFAULT_CACHE_DIR})",
    )
    build.add_argument("--no-cache", action="store_true",
                       help="extract every PDF, neither reading nor writing the cache, and render every issue again")
    build.add_argument("-v", "--verbose", action="store_true", help="print each warning and tracebacks of failures")
    return parser


@dataclass
class BuildResult:
    """What a build produced: extracted issues (their summaries, and how to load each whole
    issue to render it: ``extract.site.summary.StoredIssue``) and one line per PDF that
    failed."""

    stored: list[StoredIssue] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    cached: int = 0  # issues taken from the extraction cache
    cached_pdfs: set[str] = field(default_factory=set)

    @property
    def issues(self) -> list[Issue]:
        """The issues' metadata (documents without blocks or text)."""
        return [item.summary.issue for item in self.stored]

    def check_archive(self) -> None:
        """Apply ``pipeline.check_archive`` (distinct ids, cross-document warnings) to the
        summaries; rendering puts each whole issue under the checked ids."""
        checked = pipeline.check_archive(self.issues)
        self.stored = [replace(item, summary=replace(item.summary, issue=issue)) for item, issue in zip(self.stored, checked)]

    @property
    def warning_count(self) -> int:
        return sum(len(issue.warnings) for issue in self.issues)


class PdfProgress:
    """Progress of a build: one rich bar per PDF being extracted, advancing per page read and
    per later stage, and a bar over all PDFs. A PDF's bar is hidden once it is done."""

    LATER_STAGES = len(pipeline.STAGES_AFTER_READ)  # one step each after the pages are read
    FINAL_STAGE = pipeline.STAGES_AFTER_READ[-1]

    def __init__(self, progress: Progress, pdf_count: int):
        self.progress = progress
        self.overall = progress.add_task("PDFs", total=pdf_count)
        self.tasks: dict[str, int] = {}

    def __call__(self, pdf_name: str, stage: str, done: int, total: int) -> None:
        if pdf_name not in self.tasks:
            self.tasks[pdf_name] = self.progress.add_task(pdf_name, total=None)
        task = self.tasks[pdf_name]
        if stage == "read":
            self.progress.update(task, completed=done, total=total + self.LATER_STAGES, description=f"{pdf_name} · read")
            return
        self.progress.advance(task)
        self.progress.update(task, description=f"{pdf_name} · {stage}")
        if stage == self.FINAL_STAGE:
            self.progress.update(task, visible=False)

    def finished(self, count: int) -> None:
        self.progress.update(self.overall, completed=count)


def extract_all(
    pdfs: Sequence[Path], console: Console, verbose: bool, jobs: int, cache: ExtractionCache | None,
    terms: TermCache | None = None,
) -> BuildResult:
    """Extract ``pdfs`` (cache hits first, the rest on ``jobs`` processes) showing progress;
    failures are printed at once, the issues' lines after the archive-wide checks
    (``print_issue_lines``), so that their counts are the summary's."""
    result = BuildResult()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        shown = PdfProgress(progress, len(pdfs))
        outcomes = batch.extract_many(pdfs, jobs, cache, shown, terms)
        shown.finished(len(outcomes))
    for outcome in outcomes:
        if outcome.summary is None:
            if verbose and outcome.traceback:
                console.print(outcome.traceback, markup=False)
            result.failures.append(outcome.error or f"{outcome.pdf.name}: failed")
            console.print(f"error: {outcome.error}", markup=False)
            continue
        result.stored.append(outcome.stored(cache))
        result.cached += outcome.cached
        if outcome.cached:
            result.cached_pdfs.add(outcome.pdf.name)
    return result


def print_issue_lines(result: BuildResult, console: Console) -> None:
    """One line per extracted PDF: documents, pages and warnings, archive-wide checks included."""
    for issue in result.issues:
        cached = " (cached)" if issue.pdf_name in result.cached_pdfs else ""
        console.print(
            f"{issue.pdf_name}: {len(issue.documents)} documents, {issue.page_count} pages, "
            f"{len(issue.warnings)} warnings{cached}",
            markup=False,
        )


def print_warnings(issues: Sequence[Issue], console: Console, per_kind: int | None = WARNINGS_PER_KIND) -> None:
    """Each warning's one-line message (English), grouped by kind in the report's words; at
    most ``per_kind`` lines per kind, the rest counted (None: all of them)."""
    english = language("en", TRANSLATIONS_DIR)
    grouped: dict[str, list[str]] = {}
    for issue in issues:
        for warning in issue.warnings:
            grouped.setdefault(warning.kind, []).append(warning.line(issue.pdf_name, english=True))
    for kind, lines in sorted(grouped.items()):
        console.print(f"warnings: {kind_name(kind, english)} ({len(lines)})", markup=False)
        shown = lines if per_kind is None else lines[:per_kind]
        for line in shown:
            console.print(f"  {line}", markup=False)
        if len(lines) > len(shown):
            console.print(f"  … and {len(lines) - len(shown)} more (see the extraction report, report/)", markup=False)


def summary_table(result: BuildResult) -> Table:
    """Documents per type, then pages, warnings and failed PDFs."""
    counts = Counter(doc.type for issue in result.issues for doc in issue.documents)
    table = Table(title="Build summary", show_footer=False)
    table.add_column("type")
    table.add_column("count", justify="right")
    for doc_type in DocType:
        if counts[doc_type]:
            table.add_row(f"{doc_type.value} ({TYPE_LABELS[doc_type]})", str(counts[doc_type]))
    table.add_section()
    table.add_row("documents", str(sum(counts.values())))
    table.add_row("issues", str(len(result.issues)))
    table.add_row("issues from cache", str(result.cached))
    table.add_row("pages", str(sum(issue.page_count for issue in result.issues)))
    table.add_row("warnings", str(result.warning_count))
    table.add_row("failed PDFs", str(len(result.failures)))
    return table


def resolve_as_of(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dt.date:
    """``--as-of``, else ``$AS_OF``, else today; a bad ``$AS_OF`` is a usage error."""
    if args.as_of:
        return args.as_of
    from_env = os.environ.get("AS_OF", "").strip()
    if not from_env:
        return dt.date.today()
    try:
        return parse_date(from_env)
    except argparse.ArgumentTypeError as error:
        parser.error(f"AS_OF: {error}")


def exit_status(result: BuildResult, strict: bool, console: Console) -> int:
    if result.failures:
        console.print(f"{len(result.failures)} PDF(s) failed; the others were built.")
        return 1
    if strict and result.warning_count:
        console.print(f"strict: {result.warning_count} warning(s) reported (see docs/report.md).")
        return 1
    return 0


def run_build(args: argparse.Namespace, as_of: dt.date) -> int:
    strict = args.strict or os.environ.get("STRICT", "").strip().lower() in TRUE_WORDS
    console = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message
    if not args.src_dir.is_dir():
        console.print(f"error: {args.src_dir} is not a folder - pass the folder holding the issue PDFs")
        return 1
    pdfs = sorted(args.src_dir.glob("*.pdf"))
    if not pdfs:
        console.print(f"error: no *.pdf in {args.src_dir} - put an issue PDF there and build again")
        return 1
    cache = None if args.no_cache else ExtractionCache(args.cache)
    terms = None if args.no_cache else TermCache(args.cache / "search-terms")
    result = extract_all(pdfs, console, args.verbose, args.jobs, cache, terms)
    result.check_archive()
    print_issue_lines(result, console)
    print_warnings(result.issues, console, None if args.verbose else WARNINGS_PER_KIND)
    try:
        counts = render.render_site(
            result.stored,
            args.docs,
            as_of,
            args.src_dir,
            failures=result.failures,
            translations_dir=args.translations,
            term_cache=terms,
            reuse=not args.no_cache,
        )
    except (ValueError, ExtractionError) as error:  # a malformed glossary or translation file, an unreadable cache entry
        console.print(f"error: {error}", markup=False)
        return 1
    console.print(
        f"{args.docs}: {counts.written} files written, {counts.unchanged} unchanged, {counts.removed} removed",
        markup=False,
    )
    for doc_id in unknown_ids(load_translations(args.translations, "en"), (d.id for i in result.issues for d in i.documents)):
        console.print(f"warning: {args.translations / 'en' / doc_id}.md: no document has the id {doc_id!r}", markup=False)
    Console(highlight=False).print(summary_table(result))
    return exit_status(result, strict, console)


# Young-generation collections every 50,000 net allocations instead of CPython's 700, the
# middle one every 20 of those (CPython: 10): see ``tune_garbage_collector``.
GC_THRESHOLDS = (50_000, 20, 10)


def tune_garbage_collector() -> None:
    """Garbage-collector settings for a build process, which allocates objects by the million
    that live to its end (glyphs, blocks, documents, pages) and makes few reference cycles.

    What is imported by now lives as long as the process (240,000 tracked objects, 190,000 of them
    pypinyin's dictionaries): ``gc.freeze`` keeps full collections from walking it again
    each time. Collecting the young generation less often spends less time on objects that
    survive anyway. Together: the collector's CPU time on the sample issue from ~0.4 s to
    ~0.15 s (``bench/profile.md``). Process-wide, so the process entry points call it
    (``run``), not ``main``, which tests call in their own process; ``python -m extract``
    also turns the collector off while it imports (pypinyin parses its phrase dictionary
    into 190,000 lists, all kept), and this turns it on again."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    gc.enable()


def run() -> int:
    """The process entry points (``python -m extract``, the ``gazette-extract`` script):
    ``main`` on ``sys.argv`` with the build process's collector settings."""
    tune_garbage_collector()
    return main()


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        as_of = resolve_as_of(args, parser)
    except SystemExit as stop:  # --help or a usage error: argparse has printed the message
        return int(stop.code or 0)
    return run_build(args, as_of)

