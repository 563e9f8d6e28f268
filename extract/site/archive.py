"""The archive view every site writer reads: the issues' summaries in publication order
and what is derived from all of them once per build (statuses, cross-document links,
calendars).

``Archive`` is built once by :func:`extract.site.render.render_site` and shared by both
languages' pages and the language-independent files; nothing in it depends on the
language. It holds no document's body (:mod:`extract.site.summary`), so its size follows
the archive's metadata, not its text. The functions below name and group issues the way
every page does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from extract.documents.validity import ArchiveStatus, archive_status, consistency_checks
from extract.model import DocType, Document, Issue, Warning_
from extract.site.api import pdf_url
from extract.site.doclinks import DocumentLinks, document_links
from extract.site.gov_calendar import MonthCalendar, calendar_month, month_order
from extract.site.summary import IssueSummary
from extract.site.validity_view import ValidityRow, validity_rows


@dataclass(frozen=True)
class Archive:
    """What the site is built from: the issues' ``summaries`` oldest first
    (``publication_key``), the date statuses refer to (``as_of``) and one-line messages
    for PDFs that could not be extracted (``failures``, listed in the report).

    ``issues`` and ``documents`` carry metadata only (no blocks, no text); ``texts()``
    gives the issues with their documents' texts one at a time. The archive-wide lookups
    are computed once (``cached_property``).
    """

    summaries: tuple[IssueSummary, ...]
    as_of: dt.date
    failures: tuple[str, ...] = ()

    @cached_property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(summary.issue for summary in self.summaries)

    def texts(self) -> Iterator[Issue]:
        """The issues in order, each with its documents' texts (``IssueSummary.with_texts``),
        made one at a time as they are read."""
        return (summary.with_texts() for summary in self.summaries)

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        return tuple(doc for issue in self.issues for doc in issue.documents)

    @property
    def latest(self) -> Issue | None:
        return self.issues[-1] if self.issues else None

    @cached_property
    def _issues_by_id(self) -> dict[str, Issue]:
        return {issue.id: issue for issue in self.issues}

    def issue_of(self, doc: Document) -> Issue:
        return self._issues_by_id[doc.issue]

    def pdf_of(self, doc: Document) -> str:
        """The site-relative URL of the PDF of ``doc``'s issue (``pdf/<name>.pdf``)."""
        return pdf_url(self.issue_of(doc).pdf_name)

    @cached_property
    def status(self) -> ArchiveStatus:
        """Every document's 时效性 on ``as_of``: what every page, feed and API file shows
        (:func:`extract.documents.validity.archive_status`)."""
        return archive_status(self.documents, self.as_of)

    @cached_property
    def validity_rows(self) -> list[ValidityRow]:
        """The rows of the validity page and its exports, with PDF links
        (:func:`extract.site.validity_view.validity_rows`): made once, shown in every language."""
        return validity_rows(self.documents, self.status, self.pdf_of)

    @cached_property
    def consistency(self) -> tuple[Warning_, ...]:
        """The archive's validity consistency warnings (:func:`extract.documents.validity.consistency_checks`)."""
        return consistency_checks(self.documents)

    @cached_property
    def links(self) -> dict[str, DocumentLinks]:
        """``{document id: DocumentLinks}`` (:func:`extract.site.doclinks.document_links`)."""
        return document_links(self.documents)

    @cached_property
    def calendars(self) -> tuple[MonthCalendar, ...]:
        """The 政府记事 months of the archive, oldest first (:mod:`extract.site.gov_calendar`)."""
        months = []
        for summary in self.summaries:
            for index, days in summary.calendar_days:
                doc = summary.issue.documents[index]
                month = calendar_month(doc, summary.issue)
                assert month is not None, "summarise keeps the days of dated 记事 only"
                months.append(MonthCalendar(doc, summary.issue, month, days))
        return month_order(months)

    @cached_property
    def calendar_of(self) -> dict[str, MonthCalendar]:
        """``{document id: its month}`` for the 记事 documents with a known month."""
        return {month.doc.id: month for month in self.calendars}

    @cached_property
    def month_pages(self) -> dict[str, MonthCalendar]:
        """``{YYYY-MM: the month its calendar page and .ics show}``: of two 记事 of one month
        (two PDFs of one issue), the later in ``calendars`` order."""
        return {month.id: month for month in self.calendars}

    def month_page_of(self, doc: Document) -> MonthCalendar | None:
        """``doc``'s month when ``doc`` is the one its month's page and .ics show."""
        month = self.calendar_of.get(doc.id)
        return month if month is not None and self.month_pages[month.id] is month else None

    def by_type(self) -> list[tuple[DocType, tuple[Document, ...]]]:
        """Document types in enum order with their documents; types with none left out."""
        documents = self.documents
        pairs = [(t, tuple(d for d in documents if d.type is t)) for t in DocType]
        return [(t, docs) for t, docs in pairs if docs]

    def by_year(self) -> list[tuple[int, tuple[Issue, ...]]]:
        """Issue years, newest first, with their issues; issues of unknown year left out."""
        dated = [issue for issue in self.issues if issue.identity.year]
        years = sorted({issue.identity.year for issue in dated}, reverse=True)
        return [(y, tuple(i for i in dated if i.identity.year == y)) for y in years]


def publication_key(issue: Issue) -> tuple[int, int, str]:
    """Issues sort oldest first by (year, number), then id, so the last one is the latest."""
    return issue.identity.year or 0, issue.identity.number or 0, issue.id


def sections_of(issue: Issue) -> list[tuple[str, list[Document]]]:
    """The issue's documents grouped by consecutive section, in gazette order."""
    ordered = sorted(issue.documents, key=lambda d: d.position)
    return [(section, list(docs)) for section, docs in groupby(ordered, key=lambda d: d.section)]


def issue_label(issue: Issue) -> str:
    """How the site names an issue: 2023年第4期（总第248期）, else its title or PDF name."""
    identity = issue.identity
    if not (identity.year and identity.number):
        return identity.title or issue.pdf_name
    serial = f"（总第{identity.serial}期）" if identity.serial else ""
    return f"{identity.year}年第{identity.number}期{serial}"


def warnings_by_kind(issue: Issue) -> list[tuple[str, list[Warning_]]]:
    """The issue's warnings grouped by kind (sorted), each group by page, pageless last."""
    ordered = sorted(issue.warnings, key=lambda w: (w.kind, w.page is None, w.page or 0))
    return [(kind, list(group)) for kind, group in groupby(ordered, key=lambda w: w.kind)]
