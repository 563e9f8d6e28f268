"""What the archive-wide pages need of one issue, without its documents' bodies, so that
rendering holds the archive as summaries and only one whole issue at a time.

An ``IssueSummary`` keeps the issue's identity, PDF, warnings, page accounting and its
documents' metadata (``Document`` with no blocks and no text), plus what archive-wide
writers derive from the bodies: the texts, compressed (the API's ``documents.json``, the
feeds' excerpts, the search index's terms read them one issue at a time) and the days of
its 政府记事 (the calendar pages). A ``StoredIssue`` pairs a summary with a way to load the
whole issue again (from the extraction cache, or held in memory), which
:func:`extract.site.render.render_site` does for one issue at a time.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.model import DocType, Issue
from extract.site.gov_calendar import Day, calendar_month, month_days


@dataclass(frozen=True)
class IssueSummary:
    """``issue`` with its documents' blocks and texts left out; ``texts``: the documents'
    texts in document order as zlib-compressed JSON; ``calendar_days``: ``(document index,
    its days)`` for each 记事 document whose month is known (``gov_calendar.month_days``);
    ``digest``: hex SHA-256 of the whole issue as extracted (its pickle), which names its
    bodies (``extract.site.memo``)."""

    issue: Issue
    texts: bytes
    calendar_days: tuple[tuple[int, tuple[Day, ...]], ...] = ()
    digest: str = ""

    def with_texts(self) -> Issue:
        """``issue`` whose documents carry their texts again (still no blocks)."""
        texts = json.loads(zlib.decompress(self.texts))
        return replace(self.issue, documents=tuple(replace(doc, text=text) for doc, text in zip(self.issue.documents, texts)))


def summarise(issue: Issue) -> IssueSummary:
    """The summary of an extracted ``issue``."""
    texts = zlib.compress(json.dumps([doc.text for doc in issue.documents], ensure_ascii=False).encode(), 6)
    days = []
    for index, doc in enumerate(issue.documents):
        month = calendar_month(doc, issue) if doc.type is DocType.CALENDAR else None
        if month is not None:
            days.append((index, month_days(doc, month)))
    metadata = tuple(replace(doc, blocks=(), text="") for doc in issue.documents)
    digest = hashlib.sha256(pickle.dumps(issue, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
    return IssueSummary(replace(issue, documents=metadata), texts, tuple(days), digest)


def whole_issue(summary: IssueSummary, extracted: Issue) -> Issue:
    """``extracted`` (the issue as the pipeline gave it) under ``summary``'s ids and
    warnings, which the archive-wide checks may have changed (``pipeline.check_archive``):
    the summary's issue with each document's blocks and text put back. Raises ValueError
    when ``extracted`` is not the issue summarised (another number of documents)."""
    if len(extracted.documents) != len(summary.issue.documents):
        raise ValueError(f"{extracted.pdf_name}: the stored issue has {len(extracted.documents)} documents, "
                         f"its summary {len(summary.issue.documents)} - build again without the cache (--no-cache)")
    documents = tuple(replace(meta, blocks=doc.blocks, text=doc.text)
                      for meta, doc in zip(summary.issue.documents, extracted.documents))
    return replace(summary.issue, documents=documents)


@dataclass(frozen=True)
class StoredIssue:
    """An issue as rendering takes it: its ``summary`` and ``load()``, which returns the
    whole issue as extracted (``whole_issue`` applies the summary's ids)."""

    summary: IssueSummary
    load: Callable[[], Issue]


def held(issue: Issue) -> StoredIssue:
    """A ``StoredIssue`` for an issue kept in memory."""
    return StoredIssue(summarise(issue), lambda: issue)
