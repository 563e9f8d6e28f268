"""The site's pages in one language, and the files beside them, as writers that return
``{relative path: bytes}`` (paths relative to the language's root, built by
:func:`extract.site.markup.site_path`).

Pages (relative to the language's root; English pages go under ``en/``)::

    index.md                    home: latest issue, browse links
    issues/index.md             all issues
    issues/<issue-id>/index.md  one issue: table of contents in gazette order, PDF link
    doc/<doc-id>/index.md       one document: metadata panel, body, link to its first PDF page
    doc/<former-id>/index.html  redirect from the id the previous release gave a document
                                (:mod:`extract.site.former_ids`) to its page
    calendar/index.md, calendar/<YYYY-MM>/index.md   政府记事 month by month
    types/index.md, types/<type>.md    documents by type
    years/index.md, years/<year>.md    issues and documents by year
    report.md                   extraction report: failures, warnings per issue by kind
    search/index.md             full-text search (``search/?q=…``)
    validity/index.md           规范性文件有效期 (:mod:`extract.site.validity_view`)

``archive_pages`` writes the pages that list the archive, ``issue_pages`` those of one
issue (its documents, and the month pages of its 政府记事); both take a language's
environment (:func:`extract.site.environment.site_environment`). ``issue_files`` writes an
issue's language-independent files beside the pages (statistics tables as CSV and SVG
charts, its months' .ics, its search files), ``feed_files`` the Atom feeds.
Rendering only presents what the pipeline extracted; it never derives facts from text.
"""

from __future__ import annotations

from dataclasses import replace

from jinja2 import Environment
from markupsafe import Markup

from extract.model import DocType, ForceLevel, Issue, Status
from extract.site.archive import Archive, issue_label, sections_of
from extract.site.feeds import FEED_DIR, atom_xml, site_feeds
from extract.site.former_ids import former_ids
from extract.site.gov_calendar import calendar_ics
from extract.site.i18n import SOURCE_LANGUAGE, Language
from extract.site.labels import TYPE_LABELS
from extract.site.markup import displayed_outline, site_path
from extract.site.search import search_issue_files
from extract.site.statistics import table_exports
from extract.site.validity_view import validity_page

Files = dict[str, bytes]


def _renderer(env: Environment, **common: object):
    """``render(template, **context)`` -> the page's UTF-8 bytes; every page also gets
    ``common`` (``as_of``; ``site``, the archive, for pages that list it)."""

    def render(template: str, **context: object) -> bytes:
        return env.get_template(template).render(**common, **context).encode()

    return render


def search_labels(archive: Archive, env: Environment, root: str) -> dict[str, object]:
    """What ``search.js`` shows, in ``env``'s language: types, statuses and 效力级别 by
    their API codes, interface strings, and — in a language other than Chinese — issuer and
    issue names and 文种 (plain text) and a note linking the Chinese search page (``root``:
    from the search page to this language's root)."""
    names = env.globals
    t, name = names["t"], names["name"]
    labels: dict[str, object] = {
        "issuers": {},
        "issues": {},
        "types": {doc_type.value: t(names["type_label"](doc_type)) for doc_type in DocType},
        "statuses": {status.value: t(names["status_label"](status)) for status in Status},
        "forms": {},
        "force_levels": {level.value: names["force_level_label"](level) for level in ForceLevel},
        "ui": {
            "type": t("类型"),
            "year": t("年份"),
            "issuer": t("发文机关"),
            "status": t("时效性"),
            "form": t("文种"),
            "force_level": t("效力级别"),
            "date": t("成文日期 {date}"),
            "found": t("找到 {count} 篇"),
            "none": t("没有找到匹配的文件。可换用更短的词，或检查文号的写法。"),
            "searching": t("正在检索…"),
            "unavailable": t("检索索引无法加载，请稍后再试。"),
        },
    }
    if names["lang"] != "zh":
        # Issuer and issue names and 文种 in this page's language, where they differ.
        labels["forms"] = {doc.form: Markup(name(doc.form)).striptags() for doc in archive.documents if doc.form}
        labels["issuers"] = {doc.issuer: Markup(t(doc.issuer)).striptags() for doc in archive.documents if doc.issuer}
        labels["issues"] = {issue.id: Markup(names["issue_label"](issue)).striptags() for issue in archive.issues}
        # A search without hits explains that documents are searched in their Chinese
        # text, and links the Chinese search page with the same words.
        labels["chinese"] = {"note": t("文件按中文原文检索。"), "link": t("在中文检索页检索"),
                             "href": root + names["shared"] + "search/"}
    return labels


def search_page(archive: Archive, env: Environment) -> Files:
    """``{"search/index.md": the search page}`` in ``env``'s language; its index is
    :func:`extract.site.search.search_files`'."""
    page = env.get_template("search.md.j2").render(site=archive, as_of=archive.as_of, root="../", labels=search_labels(archive, env, "../"))
    return {"search/index.md": page.encode()}


def archive_pages(archive: Archive, env: Environment) -> Files:
    """The pages of ``env``'s language that list the whole archive (home, indexes, report,
    search, validity)."""
    render = _renderer(env, site=archive, as_of=archive.as_of)
    files = {
        "index.md": render("home.md.j2", root=""),
        "issues/index.md": render("issues_index.md.j2", root="../"),
        "calendar/index.md": render("calendar_index.md.j2", root="../", calendars=archive.calendars),
        "types/index.md": render("types_index.md.j2", root="../"),
        "years/index.md": render("years_index.md.j2", root="../"),
        "report.md": render("report.md.j2", root="", failures=archive.failures),
        **search_page(archive, env),
        **validity_page(archive.validity_rows, archive.consistency, env, archive.as_of),
    }
    # Each document is listed on its type's page and its year's: its row is rendered once,
    # with links relative to those pages' URLs (types/<type>/, years/<year>/).
    doc_row = env.get_template("partials/doc_list.html.j2").module.doc_row  # type: ignore[attr-defined]
    rows = {doc.id: doc_row(doc, "../../") for doc in archive.documents}
    for doc_type, documents in archive.by_type():
        files[site_path("types", f"{doc_type.value}.md")] = render("type.md.j2", root="../", doc_type=doc_type, documents=documents, rows=rows)
    for year, issues in archive.by_year():
        files[site_path("years", f"{year}.md")] = render("year.md.j2", root="../", year=year, issues=issues, rows=rows)
    return files


def issue_pages(archive: Archive, env: Environment, issue: Issue) -> Files:
    """The pages of one issue in ``env``'s language: its table of contents, each document's
    page (body, metadata panel, links) and redirects from its documents' former ids.
    What they show of the rest of the archive comes only through ``archive.links``,
    ``archive.status`` and ``archive.calendar_of`` (``extract.site.memo`` relies on it):
    they get no ``site``."""
    render = _renderer(env, as_of=archive.as_of)
    files = {site_path("issues", issue.id, "index.md"): render("issue.md.j2", root="../../", issue=issue, sections=sections_of(issue))}
    for doc in issue.documents:
        shown = replace(doc, blocks=displayed_outline(doc.blocks))
        files[site_path("doc", doc.id, "index.md")] = render(
            "document.md.j2", root="../../", doc=shown, issue=issue, links=archive.links[doc.id],
            tables=table_exports(doc), calendar=archive.calendar_of.get(doc.id))
        month = archive.month_page_of(doc)
        if month is not None:
            files[site_path("calendar", month.id, "index.md")] = render("calendar.md.j2", root="../../", calendar=month)
    current = {doc.id: doc for doc in issue.documents}
    for former, doc_id in former_ids(issue).items():
        files[site_path("doc", former, "index.html")] = render("redirect.html.j2", doc=current[doc_id])
    return files


def issue_files(archive: Archive, env: Environment, issue: Issue) -> Files:
    """The language-independent files of one issue: its statistics tables as CSV (UTF-8
    with BOM) and year-on-year SVG charts next to their document's page
    (``doc/<id>/table-<n>.csv|svg``; ``env`` is the source language's: chart notes are
    Chinese in every language), the .ics of its 政府记事 months
    (``calendar/<YYYY-MM>/<YYYY-MM>.ics``) and its search files (``search_issue_files``)."""
    chart = env.get_template("partials/chart.svg.j2")
    files = search_issue_files(issue).encoded()
    for doc in issue.documents:
        month = archive.month_page_of(doc)
        if month is not None:
            name = f"温州市人民政府记事 {Language(SOURCE_LANGUAGE).year_month(month.month)}"
            files[site_path("calendar", month.id, month.ics_name)] = calendar_ics(month, name)
        for table in table_exports(doc):
            files[site_path("doc", doc.id, table.csv_name)] = ("\ufeff" + table.csv).encode()
            if table.chart and table.svg_name:
                note = env.globals["t"]("数据见《{title}》表 {number}。").format(title=doc.title, number=table.number)
                files[site_path("doc", doc.id, table.svg_name)] = chart.render(layout=table.chart, table_note=note).encode()
    return files


def feed_files(archive: Archive) -> Files:
    """The Atom feeds (``feeds/<name>.xml``, :mod:`extract.site.feeds`)."""
    return {site_path(FEED_DIR, f"{feed.name}.xml"): atom_xml(feed)
            for feed in site_feeds(archive.texts(), issue_label, lambda t: TYPE_LABELS[t], archive.status)}
