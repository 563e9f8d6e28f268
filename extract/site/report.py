"""What the extraction report says about an issue, beyond its list of warnings: where its
pages went, which documents lack which fields, which items the split had to guess.

Shared by the report page (``templates/report.md.j2``) and ``report.json`` so both say the
same. Everything is read from the ``Issue``: the rules that raise the warnings live in the
stages (``tag._missing_fields``, ``split``), never here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extract.documents.accounting import page_accounting
from extract.model import Document, Issue, PageAccounting, Warning_
from extract.site.i18n import Language

# Warning kinds naming a field a document lacks (raised by ``tag``), with the field's name.
MISSING_FIELD_KINDS = {
    "missing-doc-number": "文号",
    "missing-signed-date": "成文日期",
    "missing-validity": "施行日期/有效期",
}
LOW_CONFIDENCE_KIND = "low-confidence-split"
# What each warning kind is called in the report and the console: Chinese here, other
# languages through their glossary (section warning_kinds). A kind raised anywhere in
# extract/ must be named here (tests/test_report.py checks).
KIND_NAMES = {
    "duplicate-id": "编号重复",
    "effective-before-signed": "施行日期早于成文日期",
    "interpretation-unlinked": "解读未找到对应文件",
    "low-confidence-split": "分篇存疑",
    "missing-doc-number": "缺少文号",
    "missing-signed-date": "缺少成文日期",
    "missing-validity": "缺少施行日期或有效期",
    "no-text": "无文字层",
    "repealed-cited": "引用已废止文件",
    "text-quality": "文字存疑",
    "text-repaired": "文字已修复",
    "toc-entry-not-found": "目录条目未找到",
    "trial-validity-too-long": "试行期限过长",
    "unassigned-page": "页面未归属",
    "validity-conflict": "有效期说法不一致",
    "not-a-gazette-issue": "不是公报期刊",
    "font-bbox-unreadable": "字体边框不可读",
}


@dataclass(frozen=True)
class MissingFields:
    """A document and the warning kinds (keys of ``MISSING_FIELD_KINDS``) it was given."""

    document: Document
    kinds: tuple[str, ...]


def accounting_of(issue: Issue) -> PageAccounting:
    """The issue's page accounting, computed when the issue was made without one."""
    return issue.accounting or page_accounting(issue)


def missing_fields(issue: Issue) -> list[MissingFields]:
    """Documents in gazette order that lack a 文号, 成文日期 or validity period."""
    kinds: dict[str, list[str]] = {}
    for warning in issue.warnings:
        if warning.kind in MISSING_FIELD_KINDS and warning.item:
            kinds.setdefault(warning.item, []).append(warning.kind)
    order = list(MISSING_FIELD_KINDS)
    return [
        MissingFields(doc, tuple(sorted(set(kinds[doc.id]), key=order.index)))
        for doc in sorted(issue.documents, key=lambda d: d.position)
        if doc.id in kinds
    ]


def low_confidence_splits(issue: Issue) -> list[Warning_]:
    """Items the split found without a 目录 entry (a guess), by page."""
    return sorted((w for w in issue.warnings if w.kind == LOW_CONFIDENCE_KIND), key=lambda w: w.page or 0)


def warning_counts(issue: Issue) -> dict[str, int]:
    """Number of warnings per kind, kinds sorted."""
    return dict(sorted(Counter(w.kind for w in issue.warnings).items()))


def kind_name(kind: str, lang: Language) -> str:
    """A warning kind in ``lang``'s words (``KIND_NAMES``); a kind without a name stays its code."""
    chinese = KIND_NAMES.get(kind)
    return (lang.lookup(chinese) or chinese) if chinese else kind


def page_ranges(pages: Iterable[int]) -> str:
    """1-based pages as ranges: (1, 2, 3, 5) -> ``1–3, 5``; none -> ``—``."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs) or "—"
