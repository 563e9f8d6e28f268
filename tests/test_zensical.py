"""The sample site builds under Zensical too (PyPI ``zensical``: Material for MkDocs' successor,
which reads the same ``mkdocs.yml``), so that moving over is one setting (``BUILDER=zensical
make build``) when material's support ends; README "Site builders" lists what differs.

Zensical is a test dependency: when it is missing or fails, this test fails, it never skips.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def zensical_build(docs: Path, root: Path) -> Path:
    """Build ``docs`` (both languages) with Zensical in ``root``, a project folder holding copies
    of the configurations and overrides (Zensical wants the docs folder inside the project);
    returns the site folder."""
    shutil.copytree(docs, root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(REPO / config, root / config)
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    assert zensical, "zensical is not installed: pip install -e '.[test]' (make .venv/.installed)"
    for config in ("mkdocs.yml", "mkdocs.en.yml"):  # Chinese first: it empties site/
        done = subprocess.run([zensical, "build", "-f", config], cwd=root, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"zensical build -f {config} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return root / "site"


@pytest.fixture(scope="module")
def zensical_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's docs built by Zensical (both languages), once for this module."""
    return zensical_build(built_site / "docs", tmp_path_factory.mktemp("zensical"))


def test_sample_site_builds_under_zensical_with_the_same_pages_and_language_links(built_site: Path, zensical_site: Path):
    site = zensical_site
    mkdocs_site = built_site / "site"
    pages = {path.relative_to(mkdocs_site) for path in mkdocs_site.rglob("*.html")}
    assert {path.relative_to(site) for path in site.rglob("*.html")} == pages
    # The overrides work without mkdocs' jinja2: the language switcher and hreflang links lead
    # to the same page in the other language; the header's search box opens the site's search.
    english = (site / "en" / "issues" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../issues/" hreflang="zh"' in english
    assert '<link rel="alternate" hreflang="en" href="../../en/issues/">' in english
    chinese = (site / "issues" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="../en/issues/">' in chinese
    assert 'href="../feeds/issues.xml"' in chinese
    assert 'class="gz-header-search"' in chinese


def test_the_validity_table_is_left_out_of_zensicals_search_index(zensical_site: Path):
    # Zensical refuses a page whose search field passes 32,768 token positions, which the
    # validity table does at 240 issues (bench/results/scale.md); the page's front matter
    # (search: exclude) keeps it out, and the documents it lists are indexed on their pages.
    for index in (zensical_site / "search.json", zensical_site / "en" / "search.json"):
        locations = {item["location"].split("#")[0] for item in json.loads(index.read_text(encoding="utf-8"))["items"]}
        assert "validity/" not in locations
        assert "issues/" in locations and any(location.startswith("doc/") for location in locations)
