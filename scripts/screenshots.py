"""Screenshots of the built site at phone and desktop width, for review in the repository.

Usage: ``python scripts/screenshots.py [--site site] [--out screenshots]`` after
``make build`` (``make screenshots`` does both). Writes ``<page>-<width>.png`` for the home,
an issue, a document, the statistics, validity (both languages) and report pages at
390 px (phone) and 1280 px (desktop),
full page up to 2400 px, with Debian's chromium driven by playwright (never a downloaded browser).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

PAGES = {
    "home": "",
    "issue": "issues/2023-04/",
    "document": "doc/wzb-2023-42/",
    "statistics": "doc/2023-04-item-19/",
    "validity": "validity/",
    "validity-en": "en/validity/",
    "report": "report/",
}
WIDTHS = (390, 1280)
HEIGHT = {390: 844, 1280: 900}
MAX_HEIGHT = 2400  # long documents are cut here: the top shows title, citation and metadata


def take(site: Path, out: Path) -> list[Path]:
    """Write every page at every width into ``out``; returns the files written."""
    executable = chromium_path()
    if executable is None:
        raise SystemExit("screenshots: chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    if not (site / "index.html").exists():
        raise SystemExit(f"screenshots: {site}/index.html not found; run `make build` first")
    out.mkdir(parents=True, exist_ok=True)
    server, url = serve(site)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": HEIGHT[width]}, locale="zh-CN")
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{width}.png"
                    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                    page.screenshot(path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
                    written.append(target)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="built site folder (default: site)")
    parser.add_argument("--out", type=Path, default=REPO / "screenshots", help="output folder (default: screenshots)")
    args = parser.parse_args(argv)
    for path in take(args.site, args.out):
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
