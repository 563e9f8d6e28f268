"""The pipeline, read top to bottom as its stage list: read -> lay out -> split -> tag ->
check (text quality, page accounting), then the checks across all issues of the archive.

``extract_pdf`` is what the command line calls for each PDF; each stage reports progress
as ``progress(stage, done, total)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from extract.documents.accounting import account_pages
from extract.documents.split import split_items
from extract.documents.tag import tag_issue
from extract.documents.validity import consistency_checks
from extract.errors import ExtractionError
from extract.model import Document, Issue, SourceDocument, Warning_
from extract.pdf.layout import lay_out
from extract.pdf.quality import check_text_quality
from extract.pdf.read import read_pdf

__all__ = ["STAGES_AFTER_READ", "ExtractionError", "check_archive", "distinct_ids", "extract_pdf"]

StageProgress = Callable[[str, int, int], None]
# The stages that report once each (done=1 of 1) after ``read``, which reports per page.
STAGES_AFTER_READ = ("layout", "split", "tag", "check")


def extract_pdf(path: Path, progress: StageProgress | None = None, read: Callable[..., SourceDocument] = read_pdf) -> Issue:
    """Extract one issue PDF into an ``Issue``. Nothing in it depends on the date of the
    build (时效性 is computed for the whole archive by ``validity.archive_status``), so it can
    be cached. ``read(path, progress=...)`` is the read stage (``read_pdf``, or one that
    reads parts of the PDF on several processes and gives the same ``SourceDocument``).

    Raises ``ExtractionError`` naming the file (and page) when the PDF cannot be read or
    has no text layer at all.
    """
    report = progress or (lambda stage, done, total: None)
    source = read(path, progress=lambda done, total: report("read", done, total))
    if not any(page.glyphs or page.tables for page in source.pages):
        raise ExtractionError(path, 1, "no text layer on any page (a scan?); run OCR first or supply the text PDF")
    laid = lay_out(source)
    report("layout", 1, 1)
    split = split_items(laid)
    report("split", 1, 1)
    issue = tag_issue(split)
    report("tag", 1, 1)
    issue = account_pages(check_text_quality(issue, source.pages))
    report("check", 1, 1)
    return issue


def check_archive(issues: Sequence[Issue]) -> list[Issue]:
    """Make issue and document ids distinct across the archive (``distinct_ids``),
    then add the cross-document consistency checks (``validity.consistency_checks``) to the
    warnings of the issue that holds the document each check names."""
    issues = distinct_ids(issues)
    checks = consistency_checks([doc for issue in issues for doc in issue.documents])
    owner = {doc.id: index for index, issue in enumerate(issues) for doc in issue.documents}
    extra: dict[int, list[Warning_]] = {}
    for warning in checks:
        index = owner.get(warning.item or "", len(issues) - 1)
        extra.setdefault(index, []).append(warning)
    return [replace(issue, warnings=issue.warnings + tuple(extra.get(i, ()))) for i, issue in enumerate(issues)]


def distinct_ids(issues: Sequence[Issue]) -> list[Issue]:
    """``issues`` with ids unique across the archive, since ids name pages and API records.

    The first holder of an id (in the given order) keeps it. A later issue with a taken id
    (two PDFs of one issue) becomes ``<id>-2``, ``-3`` …; a later document with a taken id
    (one 文号 in two issues) is qualified by its issue id, ``<issue-id>-<doc-id>``. Each
    renaming adds a ``duplicate-id`` warning to its issue naming the old id.
    """
    taken_issues: set[str] = set()
    taken_docs: set[str] = set()
    renamed: list[Issue] = []
    for issue in issues:
        issue_id = _unused(issue.id, taken_issues)
        warnings = list(issue.warnings)
        if issue_id != issue.id:
            warnings.append(Warning_("duplicate-id", f"第 {issue.id} 期也在另一个 PDF 中，本期编号改为 {issue_id}。", english=f"issue {issue.id} is also in another PDF; this one is {issue_id}"))
        documents: list[Document] = []
        new_ids: dict[str, str] = {}
        for doc in issue.documents:
            doc_id = _unused(doc.id if doc.id not in taken_docs else f"{issue_id}-{doc.id}", taken_docs)
            if doc_id != doc.id:
                new_ids[doc.id] = doc_id
                warnings.append(
                    Warning_("duplicate-id", f"文件编号 {doc.id} 已被另一期使用，本文件改为 {doc_id}。", doc.pages[0], doc_id, english=f"document id {doc.id} is taken by another issue; this one is {doc_id}")
                )
            documents.append(replace(doc, id=doc_id, issue=issue_id))
        warnings = [replace(w, item=new_ids.get(w.item, w.item)) if w.item else w for w in warnings]
        renamed.append(replace(issue, id=issue_id, documents=tuple(documents), warnings=tuple(warnings)))
    return renamed


def _unused(wanted: str, taken: set[str]) -> str:
    """``wanted``, else ``wanted-2``, ``wanted-3`` … whichever is free first; marks it taken."""
    candidate, count = wanted, 1
    while candidate in taken:
        count += 1
        candidate = f"{wanted}-{count}"
    taken.add(candidate)
    return candidate
