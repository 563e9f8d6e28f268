"""Translators' files: a document's title, summary and full text in another language.

One file per document and language, ``<translations>/<lang>/<doc-id>.md``::

    ---
    title: Measures of Wenzhou for the Administration of Public Rental Housing
    summary: One paragraph saying what the document is about.   # optional
    ---
    Optional full text in markdown. Without it the page shows the Chinese original.

``title`` is required; title and summary are plain text, the body is markdown written by
the translator (trusted like a template). Adding, editing or removing a file changes the
next build; no code is involved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

FRONT_MATTER = "---"


@dataclass(frozen=True)
class Translation:
    """A document's text in one language; ``body`` is markdown, "" when only the title is given."""

    doc_id: str
    title: str
    summary: str = ""
    body: str = ""


def parse_translation(path: Path) -> Translation:
    """Read one translation file (format in the module docstring); the doc id is the file stem.

    Raises ValueError naming the file when the front matter is missing, is not YAML, or has
    no ``title``.
    """
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER or FRONT_MATTER not in (line.strip() for line in lines[1:]):
        raise ValueError(f"{path}: must start with front matter between '---' lines holding at least 'title:'")
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FRONT_MATTER)
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: front matter is not valid YAML - {error}") from None
    if not isinstance(meta, dict) or not str(meta.get("title") or "").strip():
        raise ValueError(f"{path}: front matter needs a 'title:' with the translated title")
    return Translation(
        doc_id=path.stem,
        title=str(meta["title"]).strip(),
        summary=str(meta.get("summary") or "").strip(),
        body="\n".join(lines[end + 1 :]).strip(),
    )


def load_translations(translations_dir: Path, lang: str) -> dict[str, Translation]:
    """Every ``<translations_dir>/<lang>/*.md`` by document id; {} when the folder is missing.

    Raises ValueError (naming the file) for a malformed file.
    """
    folder = translations_dir / lang
    if not folder.is_dir():
        return {}
    return {path.stem: parse_translation(path) for path in sorted(folder.glob("*.md"))}


def unknown_ids(translations: dict[str, Translation], doc_ids: Iterable[str]) -> list[str]:
    """Translation ids that name no document of the archive (a typo in a file name), sorted."""
    return sorted(set(translations) - set(doc_ids))
