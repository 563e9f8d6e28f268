"""Atom feeds (RFC 4287) of new issues and of new documents by type, via ``feedgen``.

Files, relative to the site root::

    feeds/issues.xml        one entry per issue, newest first
    feeds/<type>.xml        one entry per document of that type (``DocType`` value)

Entry ids are tag URIs (RFC 4151) built from issue and document ids, which are the site's
permanent URLs, so an entry keeps its id across builds. Links are relative to the feed
(``../doc/<id>/``), resolved by readers against the feed's own URL. Timestamps come from
the documents (成文日期) or the build's as-of date, never the clock: the same archive
and as-of date give byte-identical feeds. A document entry's summary gives its 时效性 as of
that date, from :func:`extract.documents.validity.archive_status` like every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from extract.documents.validity import ArchiveStatus
from extract.model import DocType, Document, Issue
from extract.site.status_labels import STATUS_LABELS

FEED_DIR = "feeds"
TAG_PREFIX = "tag:wzgb.gazette-site,2023:"  # authority and date are fixed: ids must never change
PUBLISHER = "温州市人民政府公报"
IssueLabel = Callable[[Issue], str]  # names an issue: archive.issue_label
TypeLabel = Callable[[DocType], str]
SUMMARY_CHARS = 200


@dataclass(frozen=True)
class FeedEntry:
    """What a feed entry says: ``link`` relative to the feeds folder, ``updated`` a date."""

    id: str
    title: str
    link: str
    updated: dt.date
    summary: str
    author: str


@dataclass(frozen=True)
class Feed:
    """A feed: ``name`` is its file name without ``.xml``; entries newest first."""

    name: str
    title: str
    entries: tuple[FeedEntry, ...]
    as_of: dt.date

    @property
    def updated(self) -> dt.date:
        """The newest entry's date (an empty feed: the as-of date)."""
        return max((e.updated for e in self.entries), default=self.as_of)


def issue_date(issue: Issue, as_of: dt.date) -> dt.date:
    """The date an issue is dated by in feeds: its latest 成文日期, else the build's as-of date."""
    signed = [doc.signed_date.value for doc in issue.documents if doc.signed_date]
    return max(signed, default=as_of)


def _newest_first(entries: Sequence[FeedEntry]) -> tuple[FeedEntry, ...]:
    return tuple(sorted(entries, key=lambda e: (e.updated, e.id), reverse=True))


def issue_entry(issue: Issue, label: IssueLabel, as_of: dt.date) -> FeedEntry:
    """The issues feed's entry of ``issue``; ``label(issue)`` names it (``archive.issue_label``)."""
    return FeedEntry(
        id=f"{TAG_PREFIX}issues/{issue.id}",
        title=label(issue),
        link=f"../issues/{issue.id}/",
        updated=issue_date(issue, as_of),
        summary="；".join(doc.title for doc in sorted(issue.documents, key=lambda d: d.position)),
        author=PUBLISHER,
    )


def document_entry(doc: Document, issue: Issue, label: IssueLabel, status: ArchiveStatus) -> FeedEntry:
    """The entry of ``doc`` (of ``issue``) in its type's feed, dated by 成文日期 or issue; the
    summary opens with 文号, issue and 时效性 (as of ``status.as_of``), then the text's start."""
    own = status.of(doc).status
    stated = f"{STATUS_LABELS[own.value]}（截至{status.as_of.isoformat()}）" if own else None
    source = "，".join(filter(None, (doc.doc_number, label(issue), stated)))
    return FeedEntry(
        id=f"{TAG_PREFIX}doc/{doc.id}",
        title=doc.title,
        link=f"../doc/{doc.id}/",
        updated=doc.signed_date.value if doc.signed_date else issue_date(issue, status.as_of),
        summary=f"{source}。{_excerpt(doc)}",
        author=doc.issuer or PUBLISHER,
    )


def _excerpt(doc: Document) -> str:
    text = " ".join(doc.text.split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "…"


def _timestamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


def atom_xml(feed: Feed) -> bytes:
    """The feed as Atom 1.0 XML (UTF-8, pretty-printed)."""
    generator = FeedGenerator()
    generator.id(f"{TAG_PREFIX}feeds/{feed.name}")
    generator.title(feed.title)
    generator.link(href=f"{feed.name}.xml", rel="self", type="application/atom+xml")
    generator.link(href="../", rel="alternate", type="text/html")
    generator.language("zh")
    generator.author(name=PUBLISHER)
    generator.updated(_timestamp(feed.updated))
    for item in feed.entries:
        entry = generator.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.updated(_timestamp(item.updated))
        entry.summary(item.summary)
        entry.author(name=item.author)
    return generator.atom_str(pretty=True)


def site_feeds(issues: Iterable[Issue], label: IssueLabel, type_label: TypeLabel, status: ArchiveStatus) -> tuple[Feed, ...]:
    """The issues feed, then one feed per document type that has documents (enum order).

    ``issues`` (oldest first, their documents with text) are read once, in one pass.
    ``label`` names an issue, ``type_label`` a ``DocType`` (``archive.issue_label``,
    ``labels.TYPE_LABELS``); ``status`` is the archive's ``archive_status``.
    """
    issue_entries: list[FeedEntry] = []
    by_type: dict[DocType, list[FeedEntry]] = {}
    for issue in issues:
        issue_entries.append(issue_entry(issue, label, status.as_of))
        for doc in issue.documents:
            by_type.setdefault(doc.type, []).append(document_entry(doc, issue, label, status))
    as_of = status.as_of
    return (Feed("issues", f"{PUBLISHER}：各期", _newest_first(issue_entries), as_of),
            *(Feed(t.value, f"{PUBLISHER}：{type_label(t)}", _newest_first(by_type[t]), as_of) for t in DocType if t in by_type))
