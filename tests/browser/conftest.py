"""Headless Chromium over the built site: an HTTP server on ``built_site/site`` and a page.

Uses Debian's ``chromium`` through playwright with an explicit executable path, so
playwright never downloads a browser. Without chromium the tests fail in CI and are skipped
with a closing notice in a local run (``tests/needs.py``; ``.ci/run`` installs it). Every
test here is marked ``browser`` (``make test-fast`` leaves them out).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import needs

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """``$CHROMIUM`` if set, else the first of chromium / chromium-browser on PATH."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A page closed or navigated away while a file was still being sent (the search
        # probes stop at the first result): not an error of the site, so no traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free localhost port; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in ``/``) of the built sample site."""
    server, url = serve(built_site / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium for the whole session."""
    executable = chromium_path() or needs.unavailable("chromium", "apt-get install chromium fonts-noto-cjk")
    from playwright import sync_api  # a test dependency (pyproject's [test] extra)

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page at desktop width; closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()
