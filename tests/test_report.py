"""The extraction report's parts (``extract.site.report``) and how the report page and
``report.json`` show them: page accounting, flagged pages, documents missing fields, items
split without the 目录."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.documents.accounting import account_pages
from extract.model import PageQuality, Warning_
from extract.site import api, render
from extract.site.report import low_confidence_splits, missing_fields, page_ranges, warning_counts


@pytest.fixture
def checked_issue(make_issue, dated_measure, hostile_brief):
    """Pages 1–3 the measure's, 4 the brief's (its text flagged), 5 unassigned; the brief
    lacks a 文号 and was split without the 目录."""
    issue = make_issue(replace(dated_measure, signed_date=None), hostile_brief)
    quality = PageQuality(page=4, chars=40, cid=10, verdict="uncertain")
    extra = (
        Warning_("missing-signed-date", "no 成文日期 found in the signature", 1, "measure-dated"),
        Warning_("low-confidence-split", "item 「简讯」 was found without the 目录", 4, "简讯"),
    )
    return account_pages(replace(issue, page_quality=(quality,), warnings=issue.warnings + extra))


@pytest.mark.parametrize("pages, text", [((), "—"), ((3,), "3"), ((1, 2, 3, 5, 7, 8), "1–3, 5, 7–8"), ((2, 1), "1–2")])
def test_page_ranges(pages, text):
    assert page_ranges(pages) == text


def test_missing_fields_by_document_in_gazette_order(checked_issue):
    found = [(m.document.id, m.kinds) for m in missing_fields(checked_issue)]
    assert found == [("measure-dated", ("missing-signed-date",)), ("brief-hostile", ("missing-doc-number",))]


def test_low_confidence_splits_and_counts(checked_issue):
    assert [w.item for w in low_confidence_splits(checked_issue)] == ["简讯"]
    assert warning_counts(checked_issue) == {
        "low-confidence-split": 1, "missing-doc-number": 1, "missing-signed-date": 1, "mojibake": 1, "unassigned-page": 1,
    }


def test_report_json_is_additive(checked_issue):
    record = api.report_record(checked_issue)
    assert {"id", "pdf", "page_count", "front_pages", "warnings"} <= record.keys()
    assert record["accounting"] == {"page_count": 5, "in_documents": [1, 2, 3, 4], "front_matter": [], "unassigned": [5]}
    assert record["page_quality"] == [
        {"page": 4, "chars": 40, "cid": 10, "replacement": 0, "private_use": 0, "latin1": 0, "compat": 0, "ocr_noise": 0,
         "verdict": "uncertain"}
    ]
    assert record["uncertain_documents"] == ["brief-hostile"]
    assert record["missing_fields"][1] == {"id": "brief-hostile", "title": checked_issue.documents[1].title, "pages": [4, 4], "missing": ["missing-doc-number"]}
    assert record["low_confidence_splits"] == [{"title": "简讯", "page": 4, "message": "item 「简讯」 was found without the 目录"}]


def test_report_page_shows_accounting_flagged_pages_missing_fields_and_guessed_items(checked_issue, tmp_path, source_dir, as_of):
    render.render_site([checked_issue], tmp_path / "docs", as_of, source_dir)
    page = (tmp_path / "docs" / "report.md").read_text(encoding="utf-8")
    assert "| 属于文件 | 4 | 1–4 |" in page
    assert "| 未归属 | 1 | 5 |" in page
    assert "| 4 | 40 | 10 | 10 | 0 | 0 | 0 | 0 | 0 | 文字存疑 |" in page
    assert "(doc/measure-dated/index.md) | 1–3 | 成文日期 |" in page
    assert "(doc/brief-hostile/index.md) | 4 | 文号 |" in page
    assert "| 4 | 简讯 |" in page


def test_document_page_names_its_flagged_pages(checked_issue, tmp_path, source_dir, as_of):
    render.render_site([checked_issue], tmp_path / "docs", as_of, source_dir)
    page = (tmp_path / "docs" / "doc" / "brief-hostile" / "index.md").read_text(encoding="utf-8")
    assert "存疑的页：4。" in page
    assert "sample.pdf#page=4" in page


def test_report_speaks_the_pages_language(checked_issue, tmp_path, source_dir, as_of):
    """Kinds by name and a message in the page's language; no raw codes as headings (a kind
    without a name, mojibake here, is the only code left)."""
    extra = Warning_("unassigned-page", "本页不属于任何文件。", 5, english="page belongs to no document")
    render.render_site([replace(checked_issue, warnings=checked_issue.warnings + (extra,))], tmp_path / "docs", as_of, source_dir)
    chinese = (tmp_path / "docs" / "report.md").read_text(encoding="utf-8")
    english = (tmp_path / "docs" / "en" / "report.md").read_text(encoding="utf-8")
    assert "### 页面未归属（" in chinese and "### Page not assigned (" in english
    assert "本页不属于任何文件。" in chinese and "page belongs to no document" not in chinese
    assert "page belongs to no document" in english and "本页不属于任何文件" not in english
    headings = [line for line in chinese.splitlines() + english.splitlines() if line.startswith("### ")]
    assert not [h for h in headings if "-" in h and "mojibake" not in h], headings


def test_every_warning_kind_raised_has_a_name_in_both_languages():
    """Kinds raised anywhere in extract/ (``Warning_("kind", …`` or ``kind="kind"``) are named
    in ``KIND_NAMES`` and the English glossary, so no report heading is a raw code."""
    import re
    from pathlib import Path

    from extract.paths import TRANSLATIONS_DIR
    from extract.site.i18n import language
    from extract.site.report import KIND_NAMES

    source = "".join(path.read_text(encoding="utf-8") for path in Path("extract").rglob("*.py"))
    raised = set(re.findall(r'Warning_\(\s*"([a-z-]+)"', source)) | set(re.findall(r'kind="([a-z-]+)"', source))
    assert len(raised) >= 15 and raised <= set(KIND_NAMES), raised - set(KIND_NAMES)
    english = language("en", TRANSLATIONS_DIR)
    assert all(english.lookup(name) for name in KIND_NAMES.values())
