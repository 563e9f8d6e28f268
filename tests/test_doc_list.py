"""The type and year pages' document tables, written as HTML (``templates/partials/
doc_list.html.j2``) so that the raw-HTML hook passes them through: each equals Python-Markdown's
conversion of the markdown table the template wrote before, with links as mkdocs resolves
them (``use_directory_urls``). The oracle is Python-Markdown itself, on the sample's pages in
both languages and on tricky titles and 文号. That every link of the built pages reaches a
file is ``tests/test_i18n_site.py::test_links_resolve_in_both_languages``."""

from __future__ import annotations

import dataclasses
import posixpath
import re
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup

from extract.build.raw_html_hook import plain_html_page, put_back
from extract.paths import TRANSLATIONS_DIR
from extract.site.archive import Archive
from extract.site.environment import site_environment
from extract.site.i18n import language
from extract.site.markup import md_escape
from extract.site.pages import archive_pages
from extract.site.summary import summarise
from extract.site.translations import load_translations
from tests.conftest import AS_OF, REPO

HEADERS = ("标题", "文号", "成文日期", "时效性", "期")
HREF = re.compile(r'href="([^"]*)"')


def markdown_table(env, documents) -> str:
    """The markdown table ``doc_table`` wrote before it was HTML (cells as the old
    ``doc_row``: links to the documents' and issues' ``index.md`` from a page one folder deep)."""
    g = env.globals
    lines = ["| " + " | ".join(str(g["t"](header)) for header in HEADERS) + " |", "| --- | --- | --- | --- | --- |"]
    for doc in documents:
        number = env.filters["mark_zh"](md_escape(doc.doc_number, inline=True)) or "—"
        signed = g["date"](doc.signed_date.value if doc.signed_date else None)
        lines.append(f"| [{g['doc_title'](doc)}](../doc/{Markup.escape(doc.id)}/index.md) | {number} | {signed} "
                     f"| {g['status_badge'](doc)} | [{Markup.escape(doc.issue)}](../issues/{Markup.escape(doc.issue)}/index.md) |")
    return "\n".join(lines) + "\n"


def as_mkdocs_resolves(html: str, page: str) -> str:
    """``html`` with each link to a page's ``index.md`` (relative to the page ``page``, a path
    under docs/) as mkdocs writes it with ``use_directory_urls``: relative to the page's URL,
    ``<folder>/`` for ``<folder>/index.md`` (mkdocs' ``File.url_relative_to``)."""
    page_url = page.removesuffix(".md") + "/"

    def resolve(match: re.Match) -> str:
        if not match[1].endswith("/index.md"):
            return match[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match[1]))
        return f'href="{posixpath.relpath(target.removesuffix("index.md"), page_url)}/"'

    return HREF.sub(resolve, html)


def python_markdown(body: str) -> str:
    """``body`` through Python-Markdown with the site's extensions (mkdocs.yml and mkdocs' own)."""
    return markdown.Markdown(extensions=["toc", "tables", "fenced_code"], extension_configs={"toc": {"permalink": True}}).convert(body)


def expected_tables(archive: Archive, path: str) -> list[list]:
    """The documents of each table of the page ``path``: one on a type page, one per issue
    (newest first) on a year page."""
    kind, name = path.removesuffix(".md").split("/")
    if kind == "types":
        return [documents for doc_type, documents in archive.by_type() if doc_type.value == name]
    return [list(issue.documents) for year, issues in archive.by_year() if str(year) == name for issue in reversed(issues)]


@pytest.fixture(scope="module", name="sample_archive")
def sample_archive_fixture(extracted) -> Archive:
    """The sample build's archive (``source_pdfs/``)."""
    return Archive(tuple(summarise(extracted(pdf)) for pdf in sorted((REPO / "source_pdfs").glob("*.pdf"))), AS_OF)


@pytest.fixture(name="tricky_archive")
def tricky_archive_fixture(sample_issue, hostile_brief, dated_measure) -> Archive:
    """The fixtures' issue plus titles and 文号 with every markdown- and HTML-active
    character, Han in English pages, no 文号 (shown "—") and no date."""
    active = '* _ < > & " \\ ` [ ] | ~ ! # { } \' 标题'
    tricky = (
        dataclasses.replace(hostile_brief, id="tricky-brief", position=4, title=f"1. {active}", doc_number=None, signed_date=None),
        dataclasses.replace(dated_measure, id="tricky-measure", position=5, title=f"- {active}\n第二行", doc_number=f"温政发〔2023〕1号 {active}"),
    )
    issue = dataclasses.replace(sample_issue, documents=(*sample_issue.documents, *tricky))
    return Archive((summarise(issue),), AS_OF)


@pytest.mark.parametrize("code", ["zh", "en"])
@pytest.mark.parametrize("which", ["sample_archive", "tricky_archive"])
def test_tables_equal_python_markdown_of_the_markdown_tables(request, which: str, code: str):
    archive: Archive = request.getfixturevalue(which)
    env = site_environment(archive, language(code, TRANSLATIONS_DIR), load_translations(TRANSLATIONS_DIR, code))
    pages = {path: page for path, page in archive_pages(archive, env).items() if path.startswith(("types/", "years/")) and path.count("/") == 1 and not path.endswith("index.md")}
    assert {path.split("/")[0] for path in pages} == {"types", "years"}
    for path, page in pages.items():
        passed = plain_html_page(page.decode() if isinstance(page, bytes) else page)
        assert passed is not None, path
        expected = [as_mkdocs_resolves(python_markdown(markdown_table(env, documents)), path) for documents in expected_tables(archive, path)]
        assert passed[1] == expected, path


def test_a_table_without_documents_equals_python_markdown(tricky_archive):
    """Python-Markdown gives a markdown table without rows one row of empty cells."""
    env = site_environment(tricky_archive, language("zh", TRANSLATIONS_DIR), {})
    doc_table = env.get_template("partials/doc_list.html.j2").module.doc_table  # type: ignore[attr-defined]
    assert doc_table([], {}).strip("\n") == python_markdown(markdown_table(env, []))


def test_a_year_of_several_issues_equals_python_markdown_of_the_markdown_page(tricky_archive, sample_issue):
    """A year page with several issues (headings between tables) through the hook: the same
    HTML as Python-Markdown's conversion of the page the old templates wrote (a markdown table
    under each issue's heading), in both languages."""
    later = dataclasses.replace(sample_issue, id="2023-05", identity=dataclasses.replace(sample_issue.identity, number=5),
                                documents=tuple(dataclasses.replace(doc, id=f"{doc.id}-05", issue="2023-05") for doc in sample_issue.documents))
    archive = Archive((*tricky_archive.summaries, summarise(later)), AS_OF)
    for code in ("zh", "en"):
        env = site_environment(archive, language(code, TRANSLATIONS_DIR), {})
        [(year, issues)] = archive.by_year()
        old_page = f"# {env.globals['t']('{year} 年', year=year)}\n\n" + "".join(
            f"## [{env.globals['issue_label'](issue)}](../issues/{issue.id}/index.md)\n\n{markdown_table(env, issue.documents)}\n"
            for issue in reversed(issues))
        page = archive_pages(archive, env)[f"years/{year}.md"]
        hooked, blocks, _ = plain_html_page(page.decode() if isinstance(page, bytes) else page)
        assert len(blocks) == 2
        path = f"years/{year}.md"
        assert as_mkdocs_resolves(put_back(python_markdown(hooked), blocks), path) == as_mkdocs_resolves(python_markdown(old_page), path)
