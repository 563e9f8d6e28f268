"""Extraction results cached per PDF, so a build re-extracts only new or changed PDFs.

An entry is keyed by the SHA-256 of the PDF's bytes, its file name (the issue id falls back
to it and ``Issue.pdf_name`` names it) and ``pipeline_version()``: a hash of the ``extract``
package's own sources and of the PDF libraries' versions. Any edit to any stage changes the version and so misses every
entry; that is coarser than per-stage versions but cannot forget a bump. Entries live in
``CACHE_DIR/<version>/`` so entries of older versions are never read (delete the folder
to reclaim the space).

Entries are pickles: an ``Issue`` is a tree of frozen dataclasses, enums and dates that
pickle round-trips exactly with no schema code to keep in step with ``model``; the cache
is local to the build machine and written only by this module, so it is not untrusted
input. An entry holds two pickles, the issue's summary (:mod:`extract.site.summary`) and
then the whole issue, so that a build reads every summary but only unpickles a whole issue
when it renders it. A missing, corrupt or unreadable entry is a miss, never an error.

A cached ``Issue`` holds nothing that depends on the date of the build (no 时效性, no as-of
date): the site computes statuses from the archive and ``AS_OF`` (``validity.archive_status``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from extract.model import Issue
from extract.paths import PACKAGE_DIR
from extract.site.summary import IssueSummary, summarise

logger = logging.getLogger(__name__)

DEFAULT_CACHE_DIR = Path(".cache/extract")


# Libraries whose version changes what is extracted from the same bytes.
READER_LIBRARIES = ("pdfplumber", "pdfminer.six")


@cache
def pipeline_version() -> str:
    """Hex SHA-256 over the versions of ``READER_LIBRARIES`` and the ``extract`` package's
    ``*.py`` files (names and bytes), in name order."""
    digest = hashlib.sha256(" ".join(f"{name} {version(name)}" for name in READER_LIBRARIES).encode())
    for source in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """Hex SHA-256 of the file's bytes."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class ExtractionCache:
    """Cached ``Issue`` per PDF under ``root`` (e.g. ``.cache/extract``)."""

    root: Path

    @property
    def folder(self) -> Path:
        return self.root / pipeline_version()[:16]

    def entry(self, pdf: Path) -> Path:
        """Where the entry for ``pdf`` as it is now lives."""
        key = hashlib.sha256(f"{file_digest(pdf)}\0{pdf.name}\0{pipeline_version()}".encode()).hexdigest()
        return self.folder / f"{key}.pickle"

    def _read(self, pdf: Path, whole: bool) -> IssueSummary | Issue | None:
        try:
            entry = self.entry(pdf)
            with entry.open("rb") as handle:
                summary = pickle.load(handle)
                return pickle.load(handle) if whole else summary
        except FileNotFoundError:
            return None
        except Exception as error:  # corrupt or foreign entry: rebuild it
            logger.warning("ignoring unreadable cache entry for %s (%s)", pdf.name, type(error).__name__)
            return None

    def load_summary(self, pdf: Path) -> IssueSummary | None:
        """The cached summary for ``pdf``'s current bytes, or None (a miss)."""
        summary = self._read(pdf, whole=False)
        return summary if isinstance(summary, IssueSummary) else None

    def load(self, pdf: Path) -> Issue | None:
        """The cached whole ``Issue`` for ``pdf``'s current bytes, or None (a miss)."""
        issue = self._read(pdf, whole=True)
        return issue if isinstance(issue, Issue) else None

    def store(self, pdf: Path, issue: Issue, summary: IssueSummary | None = None) -> bool:
        """Save ``issue`` and its summary (``summarise(issue)`` unless given) as the entry for
        ``pdf``; written to a temporary file and renamed, so a concurrent or interrupted build
        never leaves a half-written entry. An unwritable cache is logged and otherwise
        ignored: returns False."""
        summary = summary or summarise(issue)
        try:
            entry = self.entry(pdf)
            entry.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=entry.parent, delete=False, suffix=".tmp") as handle:
                pickle.dump(summary, handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(issue, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, entry)
        except OSError as error:
            logger.warning("cannot write the cache entry for %s (%s)", pdf.name, error)
            return False
        return True
