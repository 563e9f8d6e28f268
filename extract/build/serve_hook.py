"""mkdocs hook for ``make serve`` (``mkdocs.serve.yml``): re-extract when templates or PDFs change.

``mkdocs serve`` watches ``docs/`` and, through the ``watch:`` list of mkdocs.serve.yml,
``templates/`` and ``source_pdfs/``. Before each rebuild this hook runs the extractor
(``python -m extract build source_pdfs --docs docs``, honouring ``$AS_OF``) when a file
there is newer than the last extraction, so an edited template or a new PDF shows up in the
browser without a manual ``make build``. Plain ``mkdocs build`` does not load this hook.
"""

from __future__ import annotations

import logging
from pathlib import Path

from extract.build import cli

log = logging.getLogger("mkdocs.hooks.serve")
WATCHED = ("templates", "source_pdfs")
STAMP = Path("api") / "documents.json"  # written by every extraction


def newest_change(folders: list[Path]) -> float:
    """The latest modification time (seconds since the epoch) of any file under ``folders``."""
    return max((p.stat().st_mtime for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()),
               default=0.0)


def extraction_stale(root: Path, docs_dir: Path) -> bool:
    """True when ``docs_dir`` has no extraction or a watched file is newer than it."""
    stamp = docs_dir / STAMP
    return not stamp.exists() or newest_change([root / name for name in WATCHED]) > stamp.stat().st_mtime


def on_pre_build(config) -> None:
    """mkdocs event: re-extract into ``docs_dir`` if templates or PDFs changed."""
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir)
    if not extraction_stale(root, docs_dir):
        return
    log.info("templates or PDFs changed: re-extracting into %s", docs_dir)
    status = cli.main(["build", str(root / "source_pdfs"), "--docs", str(docs_dir)])
    if status:
        log.warning("extraction finished with status %s (see the messages above)", status)
