"""mkdocs hook (``hooks:`` in mkdocs.yml): ``t()`` for the theme's templates in ``overrides/``.

Theme templates are rendered by mkdocs, not by :mod:`extract.site.render`, so they get the same
glossary lookup here, in the language of the build (``theme.language``): an override writes
``{{ t("搜索") }}`` and the English site shows the glossary's English.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2

PROJECT = Path(__file__).resolve().parents[2]
if str(PROJECT) not in sys.path:  # mkdocs loads a hook by its path, not as part of the package
    sys.path.insert(0, str(PROJECT))

from extract.paths import TRANSLATIONS_DIR  # noqa: E402
from extract.site.i18n import language  # noqa: E402


def on_env(env: jinja2.Environment, config, files) -> jinja2.Environment:
    """Register ``t`` (global and filter) for ``config.theme.language``; raises ValueError
    for a language the site has no folder for."""
    lang = language(config.theme["language"], TRANSLATIONS_DIR)
    env.globals["t"] = lang.t
    env.filters["t"] = lang.t
    return env
