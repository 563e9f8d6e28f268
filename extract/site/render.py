"""Render extracted issues as markdown pages and API files under ``docs/`` for mkdocs.

Pages written (paths relative to ``docs_dir``)::

    index.md                  home: latest issue, browse links
    issues/index.md           all issues
    issues/<issue-id>/index.md  one issue: table of contents in gazette order, PDF link
    doc/<doc-id>/index.md     one document: metadata panel, body, link to its first PDF page
    doc/<former-id>/index.html  redirect from the id the previous release gave a document
                              (:mod:`extract.site.former_ids`) to its page
    types/index.md, types/<type>.md    documents by type
    years/index.md, years/<year>.md    issues and documents by year
    search/index.md           full-text search (``search/?q=…``); its index files are
                              written by :func:`extract.site.search.search_files`
    report.md                 extraction report: failures, warnings per issue by kind
    pdf/<name>.pdf            the issue PDFs, copied from the source folder
    api/*.json                the static API (see :mod:`extract.site.api`)
    assets/gazette.css        the site's styles
    en/...                    the same pages in English (mkdocs.en.yml builds them to site/en/)

Every page template is rendered once per language (:mod:`extract.site.i18n`) with the same
relative path under the language's folder, so the language switcher can link a page to its
twin. Language-independent files (PDFs, API, assets, validity exports) are written once, at
the Chinese root; English pages reach them through the ``shared`` prefix (``../``), written
as HTML links because mkdocs only validates links inside its own docs folder.

The validity page is rendered by :func:`extract.site.validity_view.write_validity`; a
document's 时效性, computed dates and their evidence are rows of its one metadata panel,
``partials/metadata_panel.html.j2``. Rendering only presents what the pipeline
extracted; it never derives facts from text.

All extracted text goes through :func:`md_escape`, so a PDF containing ``<script>`` or
``{{`` shows it as text. Every path written is checked to stay inside ``docs_dir``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import groupby
from pathlib import Path
from types import CodeType
from urllib.parse import quote

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from extract.documents.validity import UNTIL_REPEALED_LABEL, ArchiveStatus, archive_status, until_repealed
from extract.model import Block, BlockKind, DocType, Document, ForceLevel, Issue, Status, TableGrid, Warning_
from extract.paths import TEMPLATES_DIR, TRANSLATIONS_DIR
from extract.site.api import pdf_url, write_api
from extract.site.doclinks import DocumentLinks, document_links
from extract.site.feeds import FEED_DIR, atom_xml, site_feeds
from extract.site.former_ids import former_ids
from extract.site.gov_calendar import MonthCalendar, calendar_ics, calendars
from extract.site.i18n import LANGUAGE_ROOTS, SOURCE_LANGUAGE, Language, language
from extract.site.report import MISSING_FIELD_KINDS, accounting_of, kind_name, low_confidence_splits, missing_fields, page_ranges
from extract.site.search import TermCache, search_files
from extract.site.staging import SyncCounts, staged
from extract.site.statistics import TableExport, table_exports
from extract.site.status_labels import NO_STATUS, STATUS_LABELS
from extract.site.status_view import register_status
from extract.site.translations import Translation, load_translations
from extract.site.labels import FORCE_LEVEL_LABELS
from extract.site.validity_view import validity_page, write_validity

# What render_site owns under docs_dir: files there that a build no longer writes are removed.
GENERATED_PATHS = (
    "index.md", "report.md", "issues", "doc", "types", "years", "api", "pdf", "calendar", "search", FEED_DIR,
    *filter(None, LANGUAGE_ROOTS.values()),
)
STYLESHEET = "assets/gazette.css"
READER_SCRIPT = "assets/reader.js"  # citation copy button, calendar filter

TYPE_LABELS = {
    DocType.NOTICE: "通知",
    DocType.MEASURE: "政策文件",
    DocType.INTERPRETATION: "政策解读",
    DocType.BRIEF: "政务简讯",
    DocType.CALENDAR: "政府记事",
    DocType.STATISTICS: "统计资料",
    DocType.OTHER: "其他",
}

# --------------------------------------------------------------------------- escaping

# Characters that HTML or Python-Markdown would act on anywhere in a line. Numeric
# references render as the character itself in both markdown paragraphs and raw HTML.
_ACTIVE_CHARS = "&<>\"'\\`*_[]{}|~!#"
_ESCAPES = str.maketrans({char: f"&#{ord(char)};" for char in _ACTIVE_CHARS})
# Control characters (but tab) are dropped first: YAML front matter and HTML reject them.
_DROP_CONTROLS = str.maketrans(dict.fromkeys([*range(0x09), *range(0x0A, 0x20), 0x7F]))

# Line starts that open a block: list bullets, setext underlines, ordered lists ("1. ").
_BLOCK_START = re.compile(
    r"""^(?:
        [-+=]               # "- item", "+ item", "===" under a line
      | \d+(?=[.)])         # "1. item", "1) item": escape the delimiter after the digits
    )""",
    re.VERBOSE,
)


def _escape_line(line: str) -> str:
    # Leading spaces would open a code block, two trailing ones a <br>.
    line = line.translate(_DROP_CONTROLS).strip()
    opener = _BLOCK_START.match(line)
    if opener is None:
        return line.translate(_ESCAPES)
    if opener.group().isdigit():
        end = opener.end()
        return line[:end] + f"&#{ord(line[end])};" + line[end + 1 :].translate(_ESCAPES)
    return f"&#{ord(line[0])};" + line[1:].translate(_ESCAPES)


def md_escape(text: str | None, inline: bool = False) -> Markup:
    """Escape extracted text for a markdown page (and for HTML inside it).

    HTML special characters and markdown-active characters become numeric character
    references; a line that would start a list or heading is defused. With ``inline`` the
    lines are joined by spaces (for headings, table cells and links). None gives "".
    """
    if not text:
        return Markup("")
    lines = text.splitlines()
    if inline:
        return Markup(" ".join(_escape_line(line) for line in lines if line.strip()))
    return Markup("\n".join(_escape_line(line) for line in lines))


def html_lines(text: str | None) -> Markup:
    """Escaped text whose line breaks become ``<br>``, for cells and signatures in HTML."""
    if not text:
        return Markup("")
    return Markup("<br>").join(md_escape(line, inline=True) for line in text.splitlines())


# --------------------------------------------------------------------------- paths


def safe_segment(name: str) -> str:
    """Return ``name`` if it can be one path segment under docs/; raise ValueError if not.

    Rejected: empty, ``.``/``..``, separators (``/``, ``\\``) and NUL — ids come from the
    pipeline, but a path built from extracted data must never leave the docs folder.
    """
    if name in ("", ".", "..") or any(bad in name for bad in ("/", "\\", "\0")):
        raise ValueError(f"Invalid path segment: {name!r} (ids must not be empty or contain / \\ NUL or ..)")
    return name


def docs_path(docs_dir: Path, *segments: str) -> Path:
    """``docs_dir/segment/...`` after checking each segment and that the result stays inside."""
    path = docs_dir.joinpath(*(safe_segment(s) for s in segments))
    if not path.resolve().is_relative_to(docs_dir.resolve()):
        raise ValueError(f"Path {path} leaves the docs folder {docs_dir}")
    return path


def write_page(docs_dir: Path, segments: Sequence[str], text: str) -> Path:
    path = docs_path(docs_dir, *segments)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- body blocks


def heading_marks(block: Block) -> str:
    """Markdown ``#`` marks for a heading block: one level below the page's h1, at most h6."""
    level = block.level if block.kind is BlockKind.HEADING else 1
    return "#" * min(max(level, 1) + 1, 6)


def displayed_outline(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` with heading levels as a page shows them: ranked, and never more than one
    deeper than the heading before, so that ``heading_marks`` starts below the page's h1
    and skips no level (WCAG 1.3.1, axe ``heading-order``).

    A document using only 3 = （一） headings gets them at level 1 (h2); levels 2, 3 stay
    2, 3 after a title block. Title blocks count as level 1 and are left as they are.
    """
    levels = [1 if b.kind is BlockKind.TITLE else max(b.level, 1) if b.kind is BlockKind.HEADING else None for b in blocks]
    rank = {level: index + 1 for index, level in enumerate(sorted({lv for lv in levels if lv is not None}))}
    shown: list[Block] = []
    previous = 0
    for block, level in zip(blocks, levels):
        if level is not None:
            previous = min(rank[level], previous + 1)
            if block.kind is BlockKind.HEADING:
                block = replace(block, level=previous)
        shown.append(block)
    return tuple(shown)


def _table_cells(grid: TableGrid, row: int) -> list[tuple[str, int, int]]:
    """``(text, colspan, rowspan)`` for the cells that start in ``row``.

    A ``None`` cell is covered: from above when a rowspan reaches it, else from the left,
    which widens the cell before it.
    """
    rowspans = {(r, c): span for r, c, span in grid.rowspans}
    covered_from_above = {(r + k, c) for (r, c), span in rowspans.items() for k in range(1, span)}
    cells: list[tuple[str, int, int]] = []
    for col, text in enumerate(grid.rows[row]):
        if (row, col) in covered_from_above:
            continue
        if text is None and cells:
            last_text, colspan, rowspan = cells[-1]
            cells[-1] = (last_text, colspan + 1, rowspan)
            continue
        cells.append((text or "", 1, rowspans.get((row, col), 1)))
    return cells


def _cell_html(tag: str, text: str, colspan: int, rowspan: int) -> str:
    spans = "".join(
        f' {name}="{value}"' for name, value in (("colspan", colspan), ("rowspan", rowspan)) if value > 1
    )
    return f"<{tag}{spans}>{html_lines(text)}</{tag}>"


def table_html(grid: TableGrid) -> Markup:
    """A ruled table as HTML: header rows in ``<thead>`` with ``<th>``, merged cells spanned."""
    parts = ['<table class="gz-table">']
    for section, tag, rows in (
        ("thead", "th", range(grid.header_rows)),
        ("tbody", "td", range(grid.header_rows, len(grid.rows))),
    ):
        if not rows:
            continue
        parts.append(f"<{section}>")
        for row in rows:
            cells = "".join(_cell_html(tag, *cell) for cell in _table_cells(grid, row))
            parts.append(f"<tr>{cells}</tr>")
        parts.append(f"</{section}>")
    parts.append("</table>")
    return Markup("\n".join(parts))


# --------------------------------------------------------------------------- site model


@dataclass(frozen=True)
class Site:
    """What the pages are built from: issues oldest first and their documents.

    The archive-wide lookups are computed once per build (``cached_property``) and shared by
    both languages' pages and the language-independent files. ``as_of`` is the date
    statuses refer to.
    """

    issues: tuple[Issue, ...]
    as_of: dt.date

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        return tuple(doc for issue in self.issues for doc in issue.documents)

    @property
    def latest(self) -> Issue | None:
        return self.issues[-1] if self.issues else None

    @cached_property
    def _issues_by_id(self) -> dict[str, Issue]:
        return {issue.id: issue for issue in self.issues}

    def issue_of(self, doc: Document) -> Issue:
        return self._issues_by_id[doc.issue]

    @cached_property
    def status(self) -> ArchiveStatus:
        """Every document's 时效性 on ``as_of``: what every page, feed and API file shows
        (:func:`extract.documents.validity.archive_status`)."""
        return archive_status(self.documents, self.as_of)

    @cached_property
    def links(self) -> dict[str, DocumentLinks]:
        """``{document id: DocumentLinks}`` (:func:`extract.site.doclinks.document_links`)."""
        return document_links(self.documents)

    @cached_property
    def calendars(self) -> tuple[MonthCalendar, ...]:
        """The 政府记事 months of the archive (:func:`extract.site.gov_calendar.calendars`)."""
        return calendars(self.documents, self.issue_of)

    @cached_property
    def tables(self) -> dict[str, tuple[TableExport, ...]]:
        """``{document id: its tables' exports}`` (:func:`extract.site.statistics.table_exports`)."""
        return {doc.id: table_exports(doc) for doc in self.documents}

    def by_type(self) -> list[tuple[DocType, tuple[Document, ...]]]:
        """Document types in enum order with their documents; types with none left out."""
        documents = self.documents
        pairs = [(t, tuple(d for d in documents if d.type is t)) for t in DocType]
        return [(t, docs) for t, docs in pairs if docs]

    def by_year(self) -> list[tuple[int, tuple[Issue, ...]]]:
        """Issue years, newest first, with their issues; issues of unknown year left out."""
        dated = [issue for issue in self.issues if issue.identity.year]
        years = sorted({issue.identity.year for issue in dated}, reverse=True)
        return [(y, tuple(i for i in dated if i.identity.year == y)) for y in years]


def publication_order(issues: Iterable[Issue]) -> tuple[Issue, ...]:
    """Issues oldest first by (year, number), then id, so the last one is the latest."""
    return tuple(sorted(issues, key=lambda i: (i.identity.year or 0, i.identity.number or 0, i.id)))


def sections_of(issue: Issue) -> list[tuple[str, list[Document]]]:
    """The issue's documents grouped by consecutive section, in gazette order."""
    ordered = sorted(issue.documents, key=lambda d: d.position)
    return [(section, list(docs)) for section, docs in groupby(ordered, key=lambda d: d.section)]


def issue_label(issue: Issue) -> str:
    """How the site names an issue: 2023年第4期（总第248期）, else its title or PDF name."""
    identity = issue.identity
    if not (identity.year and identity.number):
        return identity.title or issue.pdf_name
    serial = f"（总第{identity.serial}期）" if identity.serial else ""
    return f"{identity.year}年第{identity.number}期{serial}"


def warnings_by_kind(issue: Issue) -> list[tuple[str, list[Warning_]]]:
    """The issue's warnings grouped by kind (sorted), each group by page, pageless last."""
    ordered = sorted(issue.warnings, key=lambda w: (w.kind, w.page is None, w.page or 0))
    return [(kind, list(group)) for kind, group in groupby(ordered, key=lambda w: w.kind)]


# --------------------------------------------------------------------------- environment


class CompiledTemplates(BytecodeCache):
    """Compiled template code kept in memory, shared by every environment of the process.

    Why: each language has its own environment (its own ``t``, ``date`` … globals), and
    jinja2 compiles a template once per environment; compiling is most of the rendering time
    of one issue (``bench/profile.md``). Code objects depend only on the template source
    (jinja2's checksum) and the compile options, which ``make_environment`` sets the same
    for every environment; globals are bound when a template is loaded, not compiled.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], CodeType | None] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self._code.get((bucket.key, bucket.checksum))  # None: compile

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.code


_COMPILED = CompiledTemplates()


def make_environment(
    lang: Language | None = None,
    translations: Mapping[str, Translation] | None = None,
    templates_dir: Path = TEMPLATES_DIR,
) -> Environment:
    """The jinja2 environment for site templates in ``lang`` (default: Chinese, the source).

    Autoescape is on for every template (HTML-safe by default); markdown templates pass
    extracted text through ``md_escape``, which also defuses markdown syntax.
    ``translations`` maps document ids to translators' texts in ``lang``.

    Language globals: ``t(text, **values)`` (interface strings, also a filter), ``date(day)``,
    ``name(text)`` (an issuer or section name from the data), ``doc_title(doc)`` (in a
    language other than Chinese, without a translator's title: a label generated from the
    document's 文种 (else type), issuer and 文号, marked as generated, beside the Chinese title; not
    with ``label=False``, where columns show those facts) and
    ``doc_page_title(doc)`` (front matter), ``translation_of(doc_id)``, ``message(text)``
    (the English half of a bilingual warning), ``lang`` (the HTML language code), ``shared``
    (prefix from this language's root to the language-independent files), the filter
    ``mark_zh`` (Chinese runs get ``lang="zh"`` on a page in another language) and the
    date filters ``month_day``, ``year_month``, ``weekday`` (:class:`extract.site.i18n.Language`).
    """
    lang = lang or Language(SOURCE_LANGUAGE)
    translations = translations or {}
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_COMPILED,
    )

    def name(text: str | None) -> Markup:
        if not text:
            return Markup("—")
        translated = lang.lookup(text)
        if translated is None:
            return lang.mark_chinese(md_escape(text, inline=True))
        return md_escape(translated, inline=True)

    def generated_label(doc: Document) -> Markup:
        # What is known of an untranslated document, in the page's language: its 文种 (else
        # its type), issuer and 文号 ("Measures — General Office of …, 温政办〔2023〕42号").
        who = [name(doc.issuer)] if doc.issuer else []
        if doc.doc_number:
            who.append(lang.mark_chinese(md_escape(doc.doc_number, inline=True)))
        kind = name(doc.form) if doc.form else lang.t(TYPE_LABELS[doc.type])
        return kind + Markup(" — ") + Markup(", ").join(who) if who else kind

    def doc_title(doc: Document, label: bool = True) -> Markup:
        translation = translations.get(doc.id)
        if translation:
            return md_escape(translation.title, inline=True)
        title = lang.mark_chinese(md_escape(doc.title, inline=True))
        if lang.is_source or not label:
            return title
        return Markup('<span class="gz-generated" title="{}">{}<span class="gz-generated__mark">{}</span></span> {}').format(
            lang.t("英文标签由文种、发文机关和文号生成，不是译文。"), generated_label(doc), lang.t("（生成）"), title)

    def doc_page_title(doc: Document) -> Markup:
        translation = translations.get(doc.id)
        if lang.is_source or translation:
            return md_escape(translation.title if translation else doc.title, inline=True)
        return lang.t("{type} {id}（未翻译）", type=lang.t(TYPE_LABELS[doc.type]), id=doc.id)

    def message(item: Warning_ | str) -> Markup:
        """A warning's message in the page's language, or a one-line failure as it is."""
        shown = item.text(english=not lang.is_source) if isinstance(item, Warning_) else item
        return lang.mark_chinese(md_escape(shown, inline=True))

    env.filters.update(
        md_escape=md_escape,
        html_lines=html_lines,
        table_html=table_html,
        heading_marks=heading_marks,
        urlquote=lambda value: quote(str(value)),
        month_day=lang.month_day,
        year_month=lang.year_month,
        weekday=lang.weekday,
        t=lang.t,
        mark_zh=lang.mark_chinese,
    )
    # tojson (the search page's labels) writes UTF-8 rather than \u escapes.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(
        # Interface strings are written in Chinese and wrapped in t(): the site's source
        # language; other languages look them up in translations/glossary.<lang>.yml.
        t=lang.t,
        date=lang.date,
        lang=lang.code,
        shared="../" * len(Path(lang.root).parts),
        name=name,
        doc_title=doc_title,
        doc_page_title=doc_page_title,
        translation_of=translations.get,
        message=message,
        type_label=lambda doc_type: lang.t(TYPE_LABELS[doc_type]),
        status_label=lambda status: lang.t(STATUS_LABELS[status.value]) if status else NO_STATUS,
        force_level_label=lambda level: lang.t(FORCE_LEVEL_LABELS[level]) if level else "—",
        until_repealed=until_repealed,
        until_repealed_label=UNTIL_REPEALED_LABEL,
        issue_label=lambda issue: name(issue_label(issue)),
        sections_of=sections_of,
        warnings_by_kind=warnings_by_kind,
        warning_kind=lambda kind: kind_name(kind, lang),
        accounting_of=accounting_of,
        missing_fields=missing_fields,
        missing_field_label=MISSING_FIELD_KINDS.get,
        low_confidence_splits=low_confidence_splits,
        page_ranges=page_ranges,
    )
    return env


# --------------------------------------------------------------------------- render


def copy_pdfs(issues: Sequence[Issue], source_dir: Path, docs_dir: Path) -> None:
    for issue in issues:
        target = docs_path(docs_dir, "pdf", issue.pdf_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_dir / issue.pdf_name, target)


def copy_assets(templates_dir: Path, docs_dir: Path) -> None:
    """Copy the stylesheet and reader script; both languages' pages load these copies."""
    for asset in (STYLESHEET, READER_SCRIPT):
        target = docs_path(docs_dir, *asset.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates_dir / asset, target)


def write_reader_files(site: Site, env: Environment, docs_dir: Path, as_of: dt.date) -> None:
    """Write the files beside the pages: statistics tables as CSV and SVG charts next to
    their document page, each calendar month's .ics, and the Atom feeds."""
    chart = env.get_template("partials/chart.svg.j2")
    for doc in site.documents:
        for table in site.tables[doc.id]:
            write_page(docs_dir, ["doc", doc.id, table.csv_name], "\ufeff" + table.csv)
            if table.chart and table.svg_name:
                note = env.globals["t"]("数据见《{title}》表 {number}。").format(title=doc.title, number=table.number)
                write_page(docs_dir, ["doc", doc.id, table.svg_name], chart.render(layout=table.chart, table_note=note))
    for month in site.calendars:
        path = docs_path(docs_dir, "calendar", month.id, month.ics_name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(calendar_ics(month, f"温州市人民政府记事 {Language(SOURCE_LANGUAGE).year_month(month.month)}"))
    for feed in site_feeds(site.issues, issue_label, lambda t: TYPE_LABELS[t], site.status):
        path = docs_path(docs_dir, FEED_DIR, f"{feed.name}.xml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(atom_xml(feed))


def render_pages(site: Site, env: Environment, docs_dir: Path, as_of: dt.date, failures: Sequence[str]) -> None:
    """Write every markdown page of the site."""
    common = {"site": site, "as_of": as_of}

    def page(segments: Sequence[str], template: str, **context: object) -> None:
        write_page(docs_dir, segments, env.get_template(template).render(**common, **context))

    page(["index.md"], "home.md.j2", root="")
    page(["issues", "index.md"], "issues_index.md.j2", root="../")
    for issue in site.issues:
        page(["issues", issue.id, "index.md"], "issue.md.j2", root="../../", issue=issue, sections=sections_of(issue))
    month_of = {month.doc.id: month for month in site.calendars}
    for doc in site.documents:
        shown = replace(doc, blocks=displayed_outline(doc.blocks))
        page(["doc", doc.id, "index.md"], "document.md.j2", root="../../", doc=shown, issue=site.issue_of(doc),
             links=site.links[doc.id], tables=site.tables[doc.id], calendar=month_of.get(doc.id))
    current = {doc.id: doc for doc in site.documents}
    for issue in site.issues:
        for former, doc_id in former_ids(issue).items():
            page(["doc", former, "index.html"], "redirect.html.j2", doc=current[doc_id])
    page(["calendar", "index.md"], "calendar_index.md.j2", root="../", calendars=site.calendars)
    for month in site.calendars:
        page(["calendar", month.id, "index.md"], "calendar.md.j2", root="../../", calendar=month)
    page(["types", "index.md"], "types_index.md.j2", root="../")
    for doc_type, documents in site.by_type():
        page(["types", f"{doc_type.value}.md"], "type.md.j2", root="../", doc_type=doc_type, documents=documents)
    page(["years", "index.md"], "years_index.md.j2", root="../")
    for year, issues in site.by_year():
        page(["years", f"{year}.md"], "year.md.j2", root="../", year=year, issues=issues)
    page(["report.md"], "report.md.j2", root="", failures=failures)
    page(["search", "index.md"], "search.md.j2", root="../", doc_types=list(DocType), statuses=list(Status), force_levels=list(ForceLevel))


def render_site(
    issues: Sequence[Issue],
    docs_dir: Path,
    as_of: dt.date,
    source_dir: Path,
    failures: Sequence[str] = (),
    translations_dir: Path = TRANSLATIONS_DIR,
    term_cache: TermCache | None = None,
) -> SyncCounts:
    """Write the markdown site in every language, PDFs and static API for ``issues`` into ``docs_dir``.

    ``source_dir`` holds the issue PDFs (``Issue.pdf_name``), copied to ``docs/pdf/``.
    ``as_of`` is the date statuses refer to; ``failures`` are one-line messages for PDFs
    that could not be extracted, listed in the report. ``translations_dir`` holds the
    glossaries and translators' files (:mod:`extract.site.translations`); Chinese pages go to
    ``docs_dir``, English ones to ``docs_dir/en``. The site is rendered into a staging
    folder and only changed files replace those in ``docs_dir`` (unchanged ones keep their
    modification time; pages no longer generated are removed): returns those counts.
    Raises ValueError when an id would make a path outside ``docs_dir`` or a translation
    file is malformed; OSError when a PDF cannot be copied. ``term_cache`` keeps the search
    index's per-issue term frequencies between builds (:class:`extract.site.search.TermCache`).
    """
    site = Site(publication_order(issues), as_of)
    issue_pdf = lambda doc: pdf_url(site.issue_of(doc).pdf_name)  # noqa: E731 - one-line adapter
    translations = {code: load_translations(translations_dir, code) for code in LANGUAGE_ROOTS}
    envs = {
        code: make_environment(language(code, translations_dir), translations[code]) for code in LANGUAGE_ROOTS
    }
    for code, env in envs.items():
        register_status(env, site.status)
    with staged(docs_dir, GENERATED_PATHS) as staging:
        out = staging.folder
        copy_pdfs(site.issues, source_dir, out)
        copy_assets(TEMPLATES_DIR, out)
        # First: it also registers the globals that the document pages' validity panel uses.
        write_validity(site.documents, site.status, out, envs[SOURCE_LANGUAGE], issue_pdf)
        for code, root in LANGUAGE_ROOTS.items():
            pages_dir = docs_path(out, root) if root else out
            if root:
                write_page(pages_dir, ["validity", "index.md"], validity_page(site.documents, site.status, envs[code], issue_pdf))
            render_pages(site, envs[code], pages_dir, as_of, failures)
        # Language-independent, like the PDFs: pages of both languages link these.
        write_reader_files(site, envs[SOURCE_LANGUAGE], out, as_of)
        titles_en = {doc_id: translation.title for doc_id, translation in translations["en"].items()}
        write_api(site.issues, docs_path(out, "api"), site.status, failures, titles_en=titles_en)
        for segments, text in search_files(site.issues, issue_label, site.status, cache=term_cache).files.items():
            write_page(out, segments, text)
    assert staging.counts is not None
    return staging.counts
