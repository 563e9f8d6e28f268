"""Accounting: every page of an issue PDF, and every document, ends up somewhere an editor
can see.

A page is in a document (within some document's page range), in the front matter that
``split`` found (cover, 目录), or unassigned — and then it gets an ``unassigned-page``
warning, so no page is lost silently. Across the archive, ids are made distinct so that no
issue or document page overwrites another's (the same 文号 in two PDFs, one issue twice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .model import Issue, PageAccounting, Warning_


def page_accounting(issue: Issue) -> PageAccounting:
    """Sort pages 1..``issue.page_count`` into documents, front matter and unassigned.

    A page shared by two documents counts once; a front-matter page that a document also
    covers counts as the document's.
    """
    in_documents = {p for doc in issue.documents for p in range(doc.pages[0], doc.pages[1] + 1)}
    every = set(range(1, issue.page_count + 1))
    in_documents &= every
    front = (set(issue.front_pages) & every) - in_documents
    return PageAccounting(
        page_count=issue.page_count,
        in_documents=tuple(sorted(in_documents)),
        front_matter=tuple(sorted(front)),
        unassigned=tuple(sorted(every - in_documents - front)),
    )


def account_pages(issue: Issue) -> Issue:
    """``issue`` with its ``accounting`` set and a warning per unassigned page."""
    accounting = page_accounting(issue)
    warnings = tuple(
        Warning_("unassigned-page", "page belongs to no document nor the front matter; check it in the PDF", page)
        for page in accounting.unassigned
    )
    return replace(issue, accounting=accounting, warnings=issue.warnings + warnings)


def distinct_ids(issues: Sequence[Issue]) -> list[Issue]:
    """``issues`` with every issue id and document id unique across the archive.

    The first holder of an id keeps it; a later one gets ``-2``, ``-3`` … appended, a
    ``duplicate-id`` warning, and its warnings follow the document's new id.
    """
    seen_issues: set[str] = set()
    seen_documents: set[str] = set()
    result = []
    for issue in issues:
        issue_id = _first_free(issue.id, seen_issues)
        renamed = {doc.id: _first_free(doc.id, seen_documents) for doc in issue.documents}
        notes = [(issue.id, issue_id, "issue")] if issue_id != issue.id else []
        notes += [(old, new, "document") for old, new in renamed.items() if old != new]
        if not notes:
            result.append(issue)
            continue
        documents = tuple(replace(doc, id=renamed[doc.id], issue=issue_id) for doc in issue.documents)
        warnings = tuple(replace(w, item=renamed.get(w.item, w.item)) if w.item else w for w in issue.warnings)
        warnings += tuple(
            Warning_("duplicate-id", f"{what} id {old} is taken by an earlier PDF; published as {new}", None, new)
            for old, new, what in notes
        )
        result.append(replace(issue, id=issue_id, documents=documents, warnings=warnings))
    return result


def _first_free(wanted: str, taken: set[str]) -> str:
    """``wanted``, else ``wanted-2``, ``wanted-3`` …, the first not in ``taken`` (then taken)."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate
