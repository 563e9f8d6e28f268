"""Both languages of the built sample site: English everywhere but in the documents' own
(marked) text, lang and hreflang, the switcher's targets, and translators' files."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from extract import pipeline
from extract.documents.classify import FORMS
from extract.documents.validity import UNTIL_REPEALED_LABEL
from extract.model import DocType, Status
from extract.paths import TRANSLATIONS_DIR
from extract.site import render
from extract.site.i18n import load_glossary
from extract.site.labels import FORCE_LEVEL_LABELS, TYPE_LABELS
from extract.site.status_labels import STATUS_LABELS
from tests.conftest import AS_OF, REPO, mkdocs_build
from tests.han_scan import unmarked_chinese

DOC_ID = "wzb-2023-42"  # 温政办〔2023〕42号
# Material's own files, not pages of the site.
NOT_PAGES = ("assets", "search")


def is_redirect(page: Path) -> bool:
    """A redirect from an old document URL (tests/test_former_ids.py checks those)."""
    return '<meta http-equiv="refresh"' in page.read_text(encoding="utf-8")


def pages(site: Path, with_404: bool = True) -> list[Path]:
    """The site's HTML pages, redirects left out; the 404 page (served at any path, so its
    links are root-absolute) only when ``with_404``."""
    found = [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in NOT_PAGES and not is_redirect(p)]
    return [p for p in found if with_404 or p.name != "404.html"]


def english_pages(built_site: Path, with_404: bool = True) -> list[Path]:
    return pages(built_site / "site" / "en", with_404)


def chinese_pages(built_site: Path, with_404: bool = True) -> list[Path]:
    site = built_site / "site"
    return [p for p in pages(site, with_404) if p.relative_to(site).parts[0] != "en"]


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def resolve(page: Path, site: Path, href: str) -> Path:
    """The file a relative link on ``page`` leads to (directory URLs -> index.html)."""
    path = href.split("#")[0].split("?")[0]
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), path))
    file = site / target
    return file / "index.html" if file.is_dir() else file


def test_both_languages_are_built(built_site):
    assert len(english_pages(built_site)) == len(chinese_pages(built_site)) > 20


def test_no_untranslated_interface_string_on_english_pages(built_site):
    found = {str(p.relative_to(built_site)): unmarked_chinese(p.read_text(encoding="utf-8")) for p in english_pages(built_site)}
    assert {page: texts for page, texts in found.items() if texts} == {}


def test_html_lang_on_both_sides(built_site):
    assert {html_lang(p.read_text(encoding="utf-8")) for p in english_pages(built_site)} == {"en"}
    assert {html_lang(p.read_text(encoding="utf-8")) for p in chinese_pages(built_site)} == {"zh"}


def test_hreflang_alternates_name_the_same_page_in_each_language(built_site):
    site = built_site / "site"
    for page in [*chinese_pages(built_site, with_404=False), *english_pages(built_site, with_404=False)]:
        links = hreflangs(page.read_text(encoding="utf-8"))
        zh, en = resolve(page, site, links["zh"]), resolve(page, site, links["en"])
        assert resolve(page, site, links["x-default"]) == zh
        assert en.relative_to(site / "en") == zh.relative_to(site), page
        assert zh.exists() and en.exists() and page in (zh, en)


def test_links_resolve_in_both_languages(built_site):
    """English pages reach the shared PDFs and API by HTML links, which mkdocs does not check;
    so do the type and year pages' document tables (``partials/doc_list.html.j2``), in both
    languages."""
    site = built_site / "site"
    broken = []
    for page in [*chinese_pages(built_site, with_404=False), *english_pages(built_site, with_404=False)]:
        for href in re.findall(r'href="(?![a-z]+:)([^"#]+)', page.read_text(encoding="utf-8")):
            if not resolve(page, site, href).exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert broken == []


def test_untranslated_document_page_marks_the_chinese_original(built_site):
    html = (built_site / "site/en/doc" / DOC_ID / "index.html").read_text(encoding="utf-8")
    assert "Not yet translated" in html
    assert '<div class="gz-original" lang="zh">' in html
    assert "Document No." in html and "Date Signed" in html and "10 May 2023" in html


def test_english_listings_label_untranslated_documents(built_site):
    """Without a translator's title, an English listing shows a label generated from the
    文种, issuer and 文号 (the fixture's 温政办〔2023〕42号: 办法 of the General Office), marked
    as generated, beside the Chinese title marked lang="zh"."""
    html = (built_site / "site/en/issues/2023-04/index.html").read_text(encoding="utf-8")
    label = ("Measures — General Office of Wenzhou Municipal People&#39;s Government, "
             '<span lang="zh">温政办〔2023〕42号</span><span class="gz-generated__mark"> (generated)</span></span> '
             '<span lang="zh">温州市人民政府办公室关于印发温州市区公共租赁住房保障管理办法的通知</span>')
    assert label in html


def test_glossary_covers_every_type_status_issuer_and_section_of_the_archive(built_site):
    glossary = load_glossary(TRANSLATIONS_DIR / "glossary.en.yml").sections
    documents = json.loads((built_site / "docs/api/documents.json").read_text(encoding="utf-8"))["documents"]
    assert documents
    missing = {
        "types": {TYPE_LABELS[DocType(d["type"])] for d in documents} - set(glossary["types"]),
        "statuses": {STATUS_LABELS[Status(d["status"])] for d in documents if d["status"]} - set(glossary["statuses"]),
        "issuers": {d["issuer"] for d in documents if d["issuer"]} - set(glossary["issuers"]),
        "sections": {d["section"] for d in documents if d["section"]} - set(glossary["sections"]) - set(glossary["types"]),
        "forms": {d["form"] for d in documents if d["form"]} - set(glossary["forms"]),
    }
    assert missing == {"types": set(), "statuses": set(), "issuers": set(), "sections": set(), "forms": set()}


def test_glossary_covers_every_form_and_force_level_the_extractor_can_give():
    glossary = load_glossary(TRANSLATIONS_DIR / "glossary.en.yml").sections
    assert set(FORMS) - set(glossary["forms"]) == set()
    assert set(FORCE_LEVEL_LABELS.values()) - set(glossary["force_levels"]) == set()
    assert any(UNTIL_REPEALED_LABEL in entries for entries in glossary.values())


def test_api_carries_title_en(built_site):
    documents = json.loads((built_site / "docs/api/documents.json").read_text(encoding="utf-8"))["documents"]
    assert all("title_en" in d for d in documents)


# --------------------------------------------------------------------------- translators' files


@pytest.fixture(scope="module")
def one_document_issue(sample_pdf_issue):
    """The sample issue holding only ``DOC_ID``: a translator's file concerns one document's
    pages, and rendering the whole archive for it would only make the test slower."""
    (document,) = [d for d in sample_pdf_issue.documents if d.id == DOC_ID]
    return pipeline.check_archive([dataclasses.replace(sample_pdf_issue, documents=(document,))])


def test_adding_and_removing_a_translation_file_needs_no_code(one_document_issue, tmp_path):
    translations = tmp_path / "translations"
    translations.mkdir()
    shutil.copy(TRANSLATIONS_DIR / "glossary.en.yml", translations)
    slot = translations / "en" / f"{DOC_ID}.md"
    slot.parent.mkdir()
    slot.write_text(
        "---\ntitle: Measures for the Administration of Public Rental Housing in Urban Wenzhou\n"
        "summary: Who may rent public housing or receive a rent subsidy, and how.\n---\n\n"
        "## Chapter I General Provisions\n\nArticle 1 These Measures are formulated …\n",
        encoding="utf-8",
    )
    docs, site = tmp_path / "docs", tmp_path / "site"
    render.render_site(one_document_issue, docs, AS_OF, REPO / "source_pdfs", translations_dir=translations)
    mkdocs_build(docs, site, languages=("en",))
    html = (site / "en/doc" / DOC_ID / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Measures for the Administration of Public Rental Housing in Urban Wenzhou<", html)
    assert "Who may rent public housing" in html and "Chapter I General Provisions" in html
    # Title and summary are English; the citation that follows quotes the 文号, marked Chinese.
    assert "Not yet translated" not in html and 'lang="zh">' not in html.split('<div class="md-content"')[1].split("gz-citation")[0]
    assert re.search(r"<cite>Measures for the Administration of Public Rental Housing in Urban Wenzhou</cite>", html)
    titles = {d["id"]: d["title_en"] for d in json.loads((docs / "api/documents.json").read_text(encoding="utf-8"))["documents"]}
    assert titles[DOC_ID].startswith("Measures for the Administration")

    slot.unlink()
    render.render_site(one_document_issue, docs, AS_OF, REPO / "source_pdfs", translations_dir=translations)
    page = (docs / "en/doc" / DOC_ID / "index.md").read_text(encoding="utf-8")
    assert "Not yet translated" in page and '<div class="gz-original" lang="zh">' in page
    assert json.loads((docs / "api/documents.json").read_text(encoding="utf-8"))["documents"][0]["title_en"] is None


def test_no_python_none_leaks_into_pages(built_site):
    leaks = [p.relative_to(built_site) for p in pages(built_site / "site", with_404=False) if ">None<" in p.read_text(encoding="utf-8")]
    assert leaks == []
