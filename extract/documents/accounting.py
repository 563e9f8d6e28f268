"""Accounting: every page of an issue PDF, and every document, ends up somewhere an editor
can see.

A page is in a document (within some document's page range), in the front matter that
``split`` found (cover, 目录), or unassigned — and then it gets an ``unassigned-page``
warning, so no page is lost silently. (Ids distinct across the archive, so that no page
overwrites another's, are ``pipeline.distinct_ids``.)
"""

from __future__ import annotations

from dataclasses import replace

from extract.model import Issue, PageAccounting, Warning_


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
        Warning_("unassigned-page", "本页不属于任何文件，也不是封面或目录，请对照 PDF 检查。", page, english="page belongs to no document nor the front matter; check it in the PDF")
        for page in accounting.unassigned
    )
    return replace(issue, accounting=accounting, warnings=issue.warnings + warnings)
