"""Tools some tests need beyond Python (chromium, node, axe-core): found, or else the test
fails in CI (``CI=true``) and is skipped in a local run with one notice line at the end of
the run (``pytest_terminal_summary`` in ``tests/conftest.py``), never silently.

``.ci/run`` installs them; ``make`` installs axe-core (``npm ci``) where npm exists.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

PREFIX = "not installed: "  # starts every skip reason given here, for the closing notice


def in_ci() -> bool:
    """True when the run is CI's (``CI`` set to anything but empty, 0 or false)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(what: str, install: str) -> NoReturn:
    """Stop the calling test for want of ``what``: ``pytest.fail`` in CI, else ``pytest.skip``
    (recorded for the closing notice). ``install`` says how to get it."""
    message = f"{PREFIX}{what} ({install})"
    if in_ci():
        pytest.fail(f"{message}: CI must run these tests", pytrace=False)
    pytest.skip(message)


def executable(name: str, install: str) -> str:
    """Path of the program ``name`` on PATH; else ``unavailable``."""
    found = shutil.which(name)
    if found is None:
        unavailable(name, install)
    return found


def file(path: Path, what: str, install: str) -> Path:
    """``path`` if it exists; else ``unavailable`` (e.g. axe-core from ``npm ci``)."""
    if not path.exists():
        unavailable(what, install)
    return path


def notice(skip_reasons: list[str]) -> str | None:
    """The one line a local run ends with when tests were skipped for a missing tool, from
    the run's skip reasons (``Skipped: not installed: node (…)``); None when there were none."""
    missing = sorted({reason.split(PREFIX, 1)[1] for reason in skip_reasons if PREFIX in reason})
    if not missing:
        return None
    return f"notice: tests were skipped because these are not installed: {'; '.join(missing)}. CI (CI=true) fails on them."
