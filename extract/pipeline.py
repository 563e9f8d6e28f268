"""The pipeline, read top to bottom as its stage list: read -> lay out -> split -> tag ->
check (text quality, page accounting), then the checks across all issues of the archive.

``extract_pdf`` is what the command line calls for each PDF; each stage reports progress
as ``progress(stage, done, total)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .accounting import account_pages, distinct_ids
from .errors import ExtractionError
from .layout import lay_out
from .model import Issue, Warning_
from .quality import check_text_quality
from .read import read_pdf
from .split import split_items
from .tag import tag_issue
from .validity import consistency_checks

__all__ = ["ExtractionError", "check_archive", "extract_pdf"]

StageProgress = Callable[[str, int, int], None]


def extract_pdf(path: Path, as_of: dt.date, progress: StageProgress | None = None) -> Issue:
    """Extract one issue PDF into an ``Issue`` whose statuses hold as of ``as_of``.

    Raises ``ExtractionError`` naming the file (and page) when the PDF cannot be read or
    has no text layer at all.
    """
    report = progress or (lambda stage, done, total: None)
    source = read_pdf(path, progress=lambda done, total: report("read", done, total))
    if not any(page.glyphs or page.tables for page in source.pages):
        raise ExtractionError(path, 1, "no text layer on any page (a scan?); run OCR first or supply the text PDF")
    laid = lay_out(source)
    report("layout", 1, 1)
    split = split_items(laid)
    report("split", 1, 1)
    issue = tag_issue(split, as_of)
    report("tag", 1, 1)
    issue = account_pages(check_text_quality(issue, source.pages))
    report("check", 1, 1)
    return issue


def check_archive(issues: Sequence[Issue]) -> list[Issue]:
    """Make issue and document ids distinct across the archive (``accounting.distinct_ids``),
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
