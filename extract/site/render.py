"""Render the archive as the site's sources under ``docs/`` for mkdocs: the stage list.

``render_site`` builds the archive view (:class:`extract.site.archive.Archive`, from the
issues' summaries: no document bodies) and each language's complete jinja2 environment
once, then stages what every writer returns — ``{relative path: bytes}``, nothing written
behind its back — and copies the assets and PDFs; the staging step
(:func:`extract.site.staging.staged`) replaces only changed files in ``docs/``. The
archive-wide writers read the summaries; then each whole issue is loaded, its pages and
files written, and dropped, so memory holds one issue's bodies at a time — or, when
nothing its pages are made from has changed since the last build, its files are kept
as they are (:mod:`extract.site.memo`). Written (paths relative to ``docs_dir``)::

    <pages>                   each language's pages (:mod:`extract.site.pages`): Chinese at
                              the root, English under en/ (mkdocs.en.yml builds site/en/)
    doc/<id>/table-<n>.csv|svg, calendar/<YYYY-MM>/<YYYY-MM>.ics, feeds/*.xml
                              files beside the pages (:mod:`extract.site.pages`)
    search/...                the search index (:mod:`extract.site.search`): shards and
                              manifest from the summaries (the last build's shards extended
                              when issues were only added: :mod:`extract.site.search_memo`),
                              meta and text per issue
    api/*.json                the static API (:mod:`extract.site.api`)
    api/validity.csv|json, validity.ics   validity exports (:mod:`extract.site.validity_view`)
    pdf/<name>.pdf            the issue PDFs, copied from the source folder
    assets/...                styles and scripts (``ASSETS``), copied from templates/assets/

Every page template is rendered once per language (:mod:`extract.site.i18n`) with the same
relative path under the language's folder, so the language switcher can link a page to its
twin. Language-independent files (PDFs, API, assets, validity exports) are written once, at
the Chinese root; English pages reach them through the ``shared`` prefix (``../``), written
as HTML links because mkdocs only validates links inside its own docs folder.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Sequence
from pathlib import Path

from extract.model import Issue
from extract.paths import TEMPLATES_DIR, TRANSLATIONS_DIR
from extract.site.api import api_files
from extract.site.archive import Archive, issue_label, publication_key
from extract.site.environment import site_environment
from extract.site.feeds import FEED_DIR
from extract.site.i18n import LANGUAGE_ROOTS, SOURCE_LANGUAGE, language
from extract.site.markup import site_path
from extract.site.memo import RenderMemo, issue_fingerprint, site_version
from extract.site.pages import archive_pages, feed_files, issue_files, issue_pages
from extract.site.search import TermCache, search_index_files
from extract.site.search_memo import ShardMemo
from extract.site.staging import SyncCounts, staged
from extract.site.summary import StoredIssue, held, whole_issue
from extract.site.translations import load_translations
from extract.site.validity_view import validity_exports

# What render_site owns under docs_dir: files there that a build no longer writes are removed.
GENERATED_PATHS = (
    "index.md", "report.md", "issues", "doc", "types", "years", "api", "pdf", "calendar", "search", FEED_DIR,
    *filter(None, LANGUAGE_ROOTS.values()),
)
# Copied from templates/assets/ to assets/: the site's styles, the reader script (citation
# copy button, calendar filter), the validity page's script and the status rules it imports,
# and the search page's script and styles.
ASSETS = ("gazette.css", "reader.js", "validity.js", "status.js", "status-labels.js", "search.js", "search.css")


def asset_files(templates_dir: Path = TEMPLATES_DIR) -> dict[str, Path]:
    """``{"assets/<name>": templates_dir/assets/<name>}`` for the ``ASSETS``."""
    return {f"assets/{name}": templates_dir / "assets" / name for name in ASSETS}


def copied_files(archive: Archive, source_dir: Path) -> dict[str, Path]:
    """``{relative path: source file}`` of the files copied as they are: the assets and
    every issue's PDF (``pdf/<Issue.pdf_name>``, from ``source_dir``)."""
    return asset_files() | {site_path("pdf", issue.pdf_name): source_dir / issue.pdf_name for issue in archive.issues}


def render_site(
    issues: Sequence[Issue | StoredIssue],
    docs_dir: Path,
    as_of: dt.date,
    source_dir: Path,
    failures: Sequence[str] = (),
    translations_dir: Path = TRANSLATIONS_DIR,
    term_cache: TermCache | None = None,
    reuse: bool = True,
) -> SyncCounts:
    """Write the markdown site in every language, PDFs and static API for ``issues`` into ``docs_dir``.

    ``issues`` are whole issues or, from a build, ``StoredIssue`` (a summary and how to load
    the whole issue: :mod:`extract.site.summary`), in any order.

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
    With ``reuse`` False every issue is rendered and every search shard made, none kept
    from the last build (:mod:`extract.site.memo`, :mod:`extract.site.search_memo`).
    """
    stored = sorted((item if isinstance(item, StoredIssue) else held(item) for item in issues),
                    key=lambda item: publication_key(item.summary.issue))
    archive = Archive(tuple(item.summary for item in stored), as_of, tuple(failures))
    translations = {code: load_translations(translations_dir, code) for code in LANGUAGE_ROOTS}
    envs = {code: site_environment(archive, language(code, translations_dir), translations[code]) for code in LANGUAGE_ROOTS}
    titles_en = {doc_id: translation.title for doc_id, translation in translations["en"].items()}
    source_env = envs[SOURCE_LANGUAGE]
    memo, version = RenderMemo(docs_dir, read=reuse), site_version(translations_dir)
    shards = ShardMemo(docs_dir, read=reuse)
    fingerprints: dict[str, str] = {}
    files: dict[str, list[str] | None] = {}
    kept: list[str] = []  # issues whose files were kept as the last build left them
    with staged(docs_dir, GENERATED_PATHS, previous=memo.site_files) as staging:
        staging.copy(copied_files(archive, source_dir))
        for code, env in envs.items():
            staging.write(archive_pages(archive, env), under=LANGUAGE_ROOTS[code])
        staging.write(feed_files(archive))
        staging.write(validity_exports(archive.validity_rows, archive.consistency, archive.as_of))
        staging.write(api_files(archive.issues, archive.status, archive.failures, titles_en, archive.texts()))
        index = search_index_files(archive.issues, issue_label, archive.status, cache=term_cache, texts=archive.texts,
                                   previous=shards.previous())
        staging.write(index.encoded())
        for item in stored:  # one whole issue in memory at a time, and only when its inputs changed
            issue_id = item.summary.issue.id
            fingerprints[issue_id] = issue_fingerprint(archive, item.summary, version)
            files[issue_id] = memo.unchanged(issue_id, fingerprints[issue_id])
            if files[issue_id] is not None:
                staging.keep(files[issue_id])
                kept.append(issue_id)
                continue
            issue = whole_issue(item.summary, item.load())
            written = {posixpath.join(LANGUAGE_ROOTS[code], path): page
                       for code, env in envs.items() for path, page in issue_pages(archive, env, issue).items()}
            written |= issue_files(archive, source_env, issue)
            staging.write(written)
            files[issue_id] = list(written)
        memo.forget()  # docs/ is about to change
    memo.save(fingerprints, files, staging.files(), kept)
    shards.save(index.state)
    assert staging.counts is not None
    return staging.counts
