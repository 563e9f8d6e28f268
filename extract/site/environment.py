"""The jinja2 environment of one language of the site, built complete before any page is
rendered.

:func:`make_environment` gives a language's functions and filters (``t``, ``date``,
``name`` …); :func:`site_environment` adds what the archive gives every page (statuses, the
validity rows of the document panel). Both return a new environment; nothing registers
globals on an environment afterwards, so no writer depends on another having run first.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import CodeType
from urllib.parse import quote

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from extract.documents.validity import UNTIL_REPEALED_LABEL, until_repealed
from extract.model import Document, Warning_
from extract.paths import TEMPLATES_DIR
from extract.site.archive import Archive, issue_label, sections_of, warnings_by_kind
from extract.site.i18n import SOURCE_LANGUAGE, Language
from extract.site.labels import FORCE_LEVEL_LABELS, TYPE_LABELS
from extract.site.markup import heading_marks, html_lines, md_escape, table_sections
from extract.site.report import MISSING_FIELD_KINDS, accounting_of, kind_name, low_confidence_splits, missing_fields, page_ranges
from extract.site.status_labels import NO_STATUS, STATUS_LABELS
from extract.site.status_view import status_globals
from extract.site.translations import Translation
from extract.site.validity_view import validity_globals


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
    archive_globals: Mapping[str, object] | None = None,
) -> Environment:
    """A new jinja2 environment for site templates in ``lang`` (default: Chinese, the source).

    Autoescape is on for every template (HTML-safe by default); markdown templates pass
    extracted text through ``md_escape``, which also defuses markdown syntax.
    ``translations`` maps document ids to translators' texts in ``lang``;
    ``archive_globals`` are added to the globals (``site_environment``).

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
        table_sections=table_sections,
        warnings_by_kind=warnings_by_kind,
        warning_kind=lambda kind: kind_name(kind, lang),
        accounting_of=accounting_of,
        missing_fields=missing_fields,
        missing_field_label=MISSING_FIELD_KINDS.get,
        low_confidence_splits=low_confidence_splits,
        page_ranges=page_ranges,
        **(archive_globals or {}),
    )
    return env


def site_environment(archive: Archive, lang: Language, translations: Mapping[str, Translation]) -> Environment:
    """The environment every page of ``lang`` is rendered with: ``make_environment``'s
    language globals plus the archive's statuses (``status_view.status_globals``, labelled
    in ``lang``) and the document panel's validity rows (``validity_view.validity_globals``)."""
    return make_environment(lang, translations, archive_globals={
        **status_globals(archive.status, lang.t),
        **validity_globals(archive.status, archive.pdf_of),
    })
