"""Where the project's non-Python sources are: the one definition every module uses."""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_DIR / "templates"  # jinja2 page templates and assets/
TRANSLATIONS_DIR = PROJECT_DIR / "translations"  # glossaries and translators' files
PACKAGE_DIR = PROJECT_DIR / "extract"  # the extract package's sources (cache key, import checks)
