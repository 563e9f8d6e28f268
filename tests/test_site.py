"""Incremental site builds: a dirty build only when it equals a full one, and the search
index still covers every page after it."""

from __future__ import annotations

import json
import os

import pytest

from extract import site

OLD = 1_000_000_000


def test_page_locations():
    assert site.page_location("index.md", True) == ""
    assert site.page_location("doc/x/index.md", True) == "doc/x/"
    assert site.page_location("types/brief.md", True) == "types/brief/"
    assert site.page_location("types/brief.md", False) == "types/brief.html"


def test_merged_index_keeps_pages_not_rebuilt_and_drops_removed_ones():
    previous = {"docs": [
        {"location": "doc/a/", "title": "A", "text": "old a"},
        {"location": "doc/a/#part", "title": "A part", "text": "old a part"},
        {"location": "doc/b/", "title": "B", "text": "b"},
        {"location": "doc/gone/", "title": "Gone", "text": "gone"},
    ]}
    rebuilt = {"config": {"lang": ["zh"]}, "docs": [{"location": "doc/a/", "title": "A", "text": "new a"}]}
    merged = site.merge_search_index(previous, rebuilt, ["doc/a/index.md", "doc/b/index.md"], True)
    assert merged["config"] == {"lang": ["zh"]}
    assert sorted((e["location"], e["text"]) for e in merged["docs"]) == [("doc/a/", "new a"), ("doc/b/", "b")]


@pytest.fixture
def project(tmp_path):
    """A two-page mkdocs project with the search plugin and a fixed nav."""
    docs = tmp_path / "docs"
    (docs / "doc").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\n[one](doc/one.md)\n", encoding="utf-8")
    (docs / "doc/one.md").write_text("# One\n\nfirst words\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\nplugins: [search]\nnav:\n  - Home: index.md\n",
        encoding="utf-8",
    )
    return config, docs, tmp_path / "site"


def index_texts(site_dir):
    data = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    return " ".join(entry["text"] for entry in data["docs"])


def test_dirty_only_when_equal_to_full(project):
    config, docs, site_dir = project
    assert site.build_site(config) is False, "no earlier build: full"
    for path in docs.rglob("*.md"):  # sources older than their pages, as after a build
        os.utime(path, (OLD, OLD))
    built = os.stat(site_dir / "doc/one/index.html").st_mtime_ns
    (docs / "doc/two.md").write_text("# Two\n\nsecond words\n", encoding="utf-8")
    assert site.build_site(config) is True
    assert (site_dir / "doc/two/index.html").is_file()
    assert os.stat(site_dir / "doc/one/index.html").st_mtime_ns == built, "unchanged page not rebuilt"
    assert "first words" in index_texts(site_dir) and "second words" in index_texts(site_dir)
    (docs / "doc/two.md").unlink()
    assert site.build_site(config) is False, "a page was removed: full"
    assert not (site_dir / "doc/two").exists()
    config.write_text(config.read_text(encoding="utf-8") + "  - One: doc/one.md\n", encoding="utf-8")
    assert site.build_site(config) is False, "the nav changed: full"
