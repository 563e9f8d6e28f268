"""Which issues' pages a build need not render again: the inputs of an issue's pages and
files, fingerprinted, and the files they gave last time.

An issue's pages (``pages.issue_pages``) and files (``pages.issue_files``) are a function
of the whole issue (``IssueSummary.digest``) under its checked ids, the build's date, the
archive's statuses and links of its documents and of the documents they link, its 记事
months (and whether their pages are its), and the code, templates and translations
(``site_version``). When those hash to what they hashed to in the last build and each
file it wrote then is still in ``docs/`` as written (same size and modification time),
the files are kept as they are (``Staging.keep``) instead of rendering the issue again. Anything else — a new template,
glossary entry or translator's file, another ``AS_OF``, a file touched in ``docs/`` —
renders it again. The record lives beside ``docs/`` (``.<docs>.render-memo.json``), out of
mkdocs' way. It also lists every file the build left under the generated names, so that the
next build knows which of them it no longer writes without walking ``docs/``
(``staging.sync_tree``); it is deleted before ``docs/`` changes and written again after, so a
record on disk always describes ``docs/`` as the build it names left it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from extract.model import Document
from extract.paths import PACKAGE_DIR, TEMPLATES_DIR
from extract.site.archive import Archive
from extract.site.doclinks import DocumentLinks
from extract.site.summary import IssueSummary

MEMO_VERSION = 1


def site_version(translations_dir: Path, templates_dir: Path = TEMPLATES_DIR) -> str:
    """Hex SHA-256 over the ``extract`` package's sources, the templates and the
    translations (each file's path and bytes, in path order)."""
    digest = hashlib.sha256(f"memo {MEMO_VERSION}".encode())
    for root, pattern in ((PACKAGE_DIR, "*.py"), (templates_dir, "*"), (translations_dir, "*")):
        for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _linked(links: DocumentLinks) -> list[Document]:
    """The documents a page links to (their titles and statuses may show on it)."""
    found = [links.previous, links.next, *links.interpreted_by, *links.cited_by]
    found += [ref.target for ref in (links.interprets, *links.repeals, *links.cites) if ref is not None]
    return [doc for doc in found if doc is not None]


def issue_fingerprint(archive: Archive, summary: IssueSummary, version: str) -> str:
    """Hex SHA-256 of everything the issue's pages and files are made from (module
    docstring); ``version`` is ``site_version``."""
    per_document = []
    for doc in summary.issue.documents:
        links = archive.links[doc.id]
        per_document.append((archive.status.of(doc), links, [archive.status.of(other) for other in _linked(links)],
                             archive.calendar_of.get(doc.id), archive.month_page_of(doc) is not None))
    inputs = (version, archive.as_of, summary.digest, summary.issue, per_document)
    return hashlib.sha256(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


@dataclass(frozen=True)
class Written:
    """What an issue's files were made from (``fingerprint``) and each file as it was left
    in ``docs/``: ``{relative path: [size, modification time in ns]}``."""

    fingerprint: str
    files: dict[str, list[int]]


class RenderMemo:
    """The last build's ``Written`` per issue id, for ``docs_dir``, and ``site_files``: the
    relative paths of every file it left under the generated names (None when unknown).
    With ``read=False`` neither (every issue is rendered, every generated file looked at;
    the record is still saved for the next build)."""

    def __init__(self, docs_dir: Path, read: bool = True):
        self.docs_dir = docs_dir
        self.path = docs_dir.parent / f".{docs_dir.name}.render-memo.json"
        self.last: dict[str, Written] = {}
        self.site_files: list[str] | None = None
        if not read:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == MEMO_VERSION:
                self.last = {issue: Written(**entry) for issue, entry in data["issues"].items()}
                # A record written before site files were listed has none: walk docs/ once.
                self.site_files = list(data["site_files"]) if "site_files" in data else None
        except (OSError, ValueError, KeyError, TypeError):  # none yet, or unreadable: render everything
            self.last, self.site_files = {}, None

    def unchanged(self, issue_id: str, fingerprint: str) -> list[str] | None:
        """The files issue ``issue_id`` wrote last time when its ``fingerprint`` is the same
        and every one of them is in ``docs_dir`` as it was left; else None (render it)."""
        written = self.last.get(issue_id)
        if written is None or written.fingerprint != fingerprint:
            return None
        docs = os.fspath(self.docs_dir)
        for relative, (size, mtime) in written.files.items():
            try:
                stat = os.stat(os.path.join(docs, relative))
            except OSError:
                return None
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
                return None
        return list(written.files)

    def forget(self) -> None:
        """Delete the record, before ``docs_dir`` changes: a build stopped before ``save``
        leaves none, and the next one looks at everything."""
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def save(self, fingerprints: Mapping[str, str], files: Mapping[str, Iterable[str]],
             site_files: Iterable[str], kept: Iterable[str] = ()) -> None:
        """Record, after the build has synced ``docs_dir``, each issue's ``fingerprint`` and
        its ``files`` as they now are, and the ``site_files`` (every file the build left
        under the generated names). The issues in ``kept`` were found unchanged
        (``unchanged``): their files' sizes and times are those read then. An unwritable
        record is ignored: the next build renders everything."""
        kept = set(kept)
        docs = os.fspath(self.docs_dir)
        issues = {}
        for issue_id, fingerprint in fingerprints.items():
            if issue_id in kept and self.last[issue_id].fingerprint == fingerprint:
                stats = self.last[issue_id].files
            else:
                stats = {}
                for relative in files[issue_id]:
                    stat = os.stat(os.path.join(docs, relative))
                    stats[relative] = [stat.st_size, stat.st_mtime_ns]
            issues[issue_id] = {"fingerprint": fingerprint, "files": stats}
        record = {"version": MEMO_VERSION, "issues": issues, "site_files": sorted(site_files)}
        try:
            self.path.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
        except OSError:
            pass
