"""Links between documents across the archive, for the document pages.

A document page links to the previous and next document of its issue (gazette order), to
the document it interprets, to the interpretations of it, to the documents it repeals or
cites, and to the documents that cite it. Relations come from what ``tag`` extracted
(``Document.interprets``, ``repeals``, ``references``: 文号 or 令 numbers, and for repeals
also 《titles》); a number is resolved to the archived document that carries it, a repeal to
the document ``validity.resolve_repeals`` finds (by number or title, as the statuses are
computed), else it stays a plain ``Reference`` without a target, shown as text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from extract.documents.validity import resolve_repeals
from extract.model import Document


@dataclass(frozen=True)
class Reference:
    """A 文号, 令 number or 《title》 one document names, and the archived document it names
    (None if absent)."""

    doc_number: str
    target: Document | None = None


@dataclass(frozen=True)
class DocumentLinks:
    """Everything a document page links to besides its issue and PDF.

    Tuples are in archive order (issues oldest first, then position in the issue).
    """

    previous: Document | None = None  # the document before it in the same issue
    next: Document | None = None
    interprets: Reference | None = None
    interpreted_by: tuple[Document, ...] = ()
    repeals: tuple[Reference, ...] = ()
    cites: tuple[Reference, ...] = ()
    cited_by: tuple[Document, ...] = ()

    @property
    def related(self) -> bool:
        """True when there is any cross-document relation to show."""
        return bool(self.interprets or self.interpreted_by or self.repeals or self.cites or self.cited_by)


def _neighbours(documents: Sequence[Document]) -> dict[str, tuple[Document | None, Document | None]]:
    by_issue: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_issue[doc.issue].append(doc)
    neighbours: dict[str, tuple[Document | None, Document | None]] = {}
    for docs in by_issue.values():
        docs.sort(key=lambda d: d.position)
        for index, doc in enumerate(docs):
            before = docs[index - 1] if index > 0 else None
            after = docs[index + 1] if index + 1 < len(docs) else None
            neighbours[doc.id] = (before, after)
    return neighbours


def document_links(documents: Sequence[Document]) -> dict[str, DocumentLinks]:
    """``{document id: DocumentLinks}`` for every document of the archive.

    ``documents`` in archive order (``Archive.documents``). When two documents carry the same
    文号, references resolve to the first.
    """
    by_number: dict[str, Document] = {}
    for doc in documents:
        if doc.doc_number:
            by_number.setdefault(doc.doc_number, doc)
    by_id = {doc.id: doc for doc in documents}
    repealed = {(r.repealer_id, r.target): by_id[r.target_id] for r in resolve_repeals(documents) if r.target_id}
    interpreted_by: dict[str, list[Document]] = defaultdict(list)
    cited_by: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        if doc.interprets:
            interpreted_by[doc.interprets].append(doc)
        for number in doc.references:
            if number != doc.doc_number:
                cited_by[number].append(doc)

    def refer(number: str) -> Reference:
        return Reference(number, by_number.get(number))

    neighbours = _neighbours(documents)
    links: dict[str, DocumentLinks] = {}
    for doc in documents:
        own = doc.doc_number
        links[doc.id] = DocumentLinks(
            previous=neighbours[doc.id][0],
            next=neighbours[doc.id][1],
            interprets=refer(doc.interprets) if doc.interprets else None,
            interpreted_by=tuple(interpreted_by.get(own, ())) if own else (),
            repeals=tuple(Reference(name, repealed.get((doc.id, name))) for name in doc.repeals),
            cites=tuple(refer(number) for number in doc.references if number != own),
            cited_by=tuple(cited_by.get(own, ())) if own else (),
        )
    return links
