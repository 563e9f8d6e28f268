"""Extract many PDFs: cached results first, the rest in a pool of worker processes.

``extract_many(pdfs, jobs, cache, report)`` -> one ``Outcome`` per PDF, in the
order of ``pdfs`` whatever order the workers finish in. ``report(pdf_name, stage, done,
total)`` is called in the calling process for every stage step of every PDF extracted
(``read`` once per page, then each of ``pipeline.STAGES_AFTER_READ``), from the workers
through a queue. A PDF that fails gives its one-line error (file and page) in its ``Outcome``; it
never stops the others.

An ``Outcome`` carries the issue's summary (:mod:`extract.site.summary`); the whole issue is
left in the cache and loaded again when it is rendered (``Outcome.stored``), so the calling
process never holds every issue at once. Without a cache (or when it cannot be written)
the outcome holds the whole issue. Given a ``TermCache``, the worker that extracts an issue
also computes its search terms into it, so a cold build segments its issues on every core
and the calling process segments none.

A PDF extracted on its own while there are cores to spare (the new issue of a +1 build) is
read in parts at once, one per core (``read_in_parts``): the same ``SourceDocument`` as
reading it whole, in about the time of its largest part.

Workers are replaced after ``TASKS_PER_WORKER`` PDFs each (a new pool per batch): each
issue's jieba-rs tokenizer leaves native memory behind when it is dropped (about 2.5 MB an
issue, measured), which would otherwise grow with the archive.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from extract import pipeline
from extract.build.cache import ExtractionCache
from extract.errors import ExtractionError
from extract.model import Issue, SourceDocument
from extract.pdf.read import page_count, read_pdf
from extract.site.search import SearchSettings, TermCache
from extract.site.summary import IssueSummary, StoredIssue, summarise

Report = Callable[[str, str, int, int], None]
# How often (seconds) the calling process looks at the workers' progress queue.
POLL_SECONDS = 0.1
# PDFs a worker process extracts before it is replaced (see the module docstring).
TASKS_PER_WORKER = 12
# Fewer pages than this in a part are not worth a process of their own (``read_in_parts``).
MIN_PAGES_PER_PART = 8


@dataclass(frozen=True)
class Outcome:
    """What became of one PDF: its issue's ``summary`` (and the whole ``issue`` when no
    cache holds it), or ``error`` (one line) and, for an unexpected failure, the
    ``traceback`` text. ``cached`` when no extraction ran."""

    pdf: Path
    summary: IssueSummary | None = None
    issue: Issue | None = None
    error: str | None = None
    traceback: str | None = None
    cached: bool = False

    def stored(self, cache: ExtractionCache | None) -> StoredIssue:
        """The issue as rendering takes it: the summary, and the whole issue from this
        outcome or else from ``cache`` when it is rendered. Loading raises
        ``ExtractionError`` when the cache entry has gone or become unreadable meanwhile."""
        assert self.summary is not None, "only an extracted PDF is rendered"
        held, pdf = self.issue, self.pdf

        def load() -> Issue:
            issue = held or (cache.load(pdf) if cache else None)
            if issue is None:
                raise ExtractionError(pdf, None, "the extraction cache entry could not be read again - build again")
            return issue

        return StoredIssue(self.summary, load)


def extract_one(path: Path, cache: ExtractionCache | None, report: Report, terms: TermCache | None = None, parts: int = 1) -> Outcome:
    """Extract ``path`` (storing the result in ``cache``, and its search terms in ``terms``,
    when given), its pages read in up to ``parts`` parts at once (``read_in_parts``);
    failures contained."""
    read = partial(read_in_parts, parts=parts) if parts > 1 else read_pdf
    try:
        issue = pipeline.extract_pdf(path, progress=lambda stage, done, total: report(path.name, stage, done, total), read=read)
    except ExtractionError as error:
        return Outcome(path, error=str(error), traceback=traceback.format_exc())
    except Exception as error:  # contain any failure to its own PDF, like an unreadable file
        message = f"{path.name}: internal error {type(error).__name__}: {error} (run with -v for the traceback)"
        return Outcome(path, error=message, traceback=traceback.format_exc())
    summary = summarise(issue)
    stored = cache.store(path, issue, summary) if cache else False
    if terms:
        terms.frequencies(issue, SearchSettings())
    return Outcome(path, summary=summary, issue=None if stored else issue)


def extract_many(
    pdfs: Sequence[Path], jobs: int, cache: ExtractionCache | None, report: Report, terms: TermCache | None = None
) -> list[Outcome]:
    """One ``Outcome`` per PDF in ``pdfs`` order. Cache hits are used as they are (nothing
    cached depends on the date); misses are extracted by ``jobs`` worker processes (in this process when ``jobs`` is 1 or
    only one PDF needs extracting, its pages read in ``jobs`` parts), their search terms put in ``terms`` when given."""
    outcomes: dict[int, Outcome] = {}
    misses = []
    for index, path in enumerate(pdfs):
        hit = cache.load_summary(path) if cache else None
        if hit is not None:
            outcomes[index] = Outcome(path, summary=hit, cached=True)
        else:
            misses.append(index)
    if jobs <= 1 or len(misses) <= 1:
        for index in misses:
            outcomes[index] = extract_one(pdfs[index], cache, report, terms, parts=jobs)
    else:
        workers = min(jobs, len(misses))
        batch = workers * TASKS_PER_WORKER
        for start in range(0, len(misses), batch):
            chosen = misses[start:start + batch]
            outcomes.update(_in_pool([(i, pdfs[i]) for i in chosen], min(workers, len(chosen)), cache, report, terms))
    return [outcomes[index] for index in range(len(pdfs))]


# --------------------------------------------------------------------------- pool

_progress_queue: multiprocessing.Queue | None = None


def _init_worker(progress_queue: multiprocessing.Queue) -> None:
    global _progress_queue
    _progress_queue = progress_queue


def _queued_report(pdf_name: str, stage: str, done: int, total: int) -> None:
    assert _progress_queue is not None, "worker started without its progress queue"
    _progress_queue.put((pdf_name, stage, done, total))


def _work(path: Path, cache: ExtractionCache | None, terms: TermCache | None) -> Outcome:
    return extract_one(path, cache, _queued_report, terms)


def read_in_parts(path: Path, parts: int, progress: Callable[[int, int], None] | None = None) -> SourceDocument:
    """``read_pdf(path, progress=progress)`` with the pages shared out in up to ``parts``
    runs of consecutive pages (at least ``MIN_PAGES_PER_PART`` each), the first read in this
    process and the others at the same time in forked ones. The same ``SourceDocument``:
    the runs' pages in order, their FontBBox messages united. ``progress(done, total)``
    counts the pages of all runs. Raises ``ExtractionError`` as ``read_pdf`` does, for the
    first page in order that fails."""
    count = page_count(path)
    parts = min(parts, count // MIN_PAGES_PER_PART)
    if parts <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return read_pdf(path, progress=progress)
    bounds = [1 + count * part // parts for part in range(parts + 1)]
    runs = [range(start, stop) for start, stop in zip(bounds, bounds[1:])]
    done = [0] * parts
    context = multiprocessing.get_context("fork")  # the workers start with this process's imports
    progress_queue = context.Queue()

    def count_pages(part: int, pages: int) -> None:
        done[part] = pages
        if progress:
            progress(sum(done), count)

    with ProcessPoolExecutor(parts - 1, mp_context=context, initializer=_init_worker, initargs=(progress_queue,)) as pool:
        rest = [pool.submit(_read_part, path, run, part) for part, run in enumerate(runs[1:], 1)]
        first = read_pdf(path, numbers=runs[0], progress=lambda pages, _: (count_pages(0, pages), _drain(progress_queue, count_pages)))
        while wait(rest, timeout=POLL_SECONDS).not_done:
            _drain(progress_queue, count_pages)
        sources = [first, *(future.result() for future in rest)]
    _drain(progress_queue, count_pages)
    progress_queue.close()
    return SourceDocument(
        path=first.path,
        pages=tuple(page for source in sources for page in source.pages),
        title=first.title,
        font_bbox_unreadable=tuple(sorted({message for source in sources for message in source.font_bbox_unreadable})),
    )


def _read_part(path: Path, numbers: range, part: int) -> SourceDocument:
    assert _progress_queue is not None, "worker started without its progress queue"
    progress_queue = _progress_queue
    return read_pdf(path, numbers=numbers, progress=lambda pages, _: progress_queue.put((part, pages)))


def _drain(progress_queue: multiprocessing.Queue, report: Callable[..., None]) -> None:
    """Pass every progress event queued so far (a tuple of ``report``'s arguments) on to ``report``."""
    try:
        while True:
            report(*progress_queue.get_nowait())
    except queue.Empty:
        return


def _in_pool(
    jobs_list: Sequence[tuple[int, Path]], workers: int, cache: ExtractionCache | None, report: Report,
    terms: TermCache | None,
) -> dict[int, Outcome]:
    progress_queue: multiprocessing.Queue = multiprocessing.Queue()
    outcomes: dict[int, Outcome] = {}
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(progress_queue,)) as pool:
        pending: dict[Future[Outcome], tuple[int, Path]] = {
            pool.submit(_work, path, cache, terms): (index, path) for index, path in jobs_list
        }
        while pending:
            finished, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            _drain(progress_queue, report)
            for future in finished:
                index, path = pending.pop(future)
                try:
                    outcomes[index] = future.result()
                except Exception as error:  # the worker itself died (killed, out of memory)
                    message = f"{path.name}: the extraction worker failed ({type(error).__name__}: {error})"
                    outcomes[index] = Outcome(path, error=message, traceback=traceback.format_exc())
    _drain(progress_queue, report)
    progress_queue.close()
    return outcomes
