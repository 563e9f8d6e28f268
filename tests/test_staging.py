"""Incremental writing of docs/: unchanged pages keep their modification time, changed
ones are replaced, pages no longer generated are removed, other files are left alone."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from extract.site import render
from extract.site.staging import staged, sync_tree

OLD = 1_000_000_000  # a modification time long before any build


def age(folder):
    """Set every file below ``folder`` to the old modification time."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def test_rerender_keeps_unchanged_pages_and_removes_dropped_ones(
    tmp_path, source_dir, dated_measure, hostile_brief, make_issue, as_of
):
    docs = tmp_path / "docs"
    render.render_site([make_issue(dated_measure, hostile_brief)], docs, as_of, source_dir)
    age(docs)
    retitled = replace(dated_measure, title="温州市示例管理办法（修订）")
    counts = render.render_site([make_issue(retitled)], docs, as_of, source_dir)
    assert not (docs / "doc/brief-hostile").exists()
    assert (docs / "doc/measure-dated/index.md").stat().st_mtime > OLD
    assert "（修订）" in (docs / "doc/measure-dated/index.md").read_text(encoding="utf-8")
    assert (docs / "pdf/sample.pdf").stat().st_mtime == OLD
    assert (docs / "assets/gazette.css").stat().st_mtime == OLD
    assert counts.removed >= 1 and counts.written >= 1 and counts.unchanged >= 2
    assert not (tmp_path / ".docs.staging").exists()


def test_same_input_rewrites_nothing(tmp_path, source_dir, sample_issue, as_of):
    docs = tmp_path / "docs"
    render.render_site([sample_issue], docs, as_of, source_dir)
    age(docs)
    counts = render.render_site([sample_issue], docs, as_of, source_dir)
    assert counts.written == 0 and counts.removed == 0
    assert all(p.stat().st_mtime == OLD for p in docs.rglob("*") if p.is_file())


def test_files_outside_the_generated_paths_are_kept(tmp_path):
    target, staging = tmp_path / "docs", tmp_path / "staging"
    (target / "en").mkdir(parents=True)
    (target / "en/index.md").write_text("English side", encoding="utf-8")
    (target / "doc/gone").mkdir(parents=True)
    (target / "doc/gone/index.md").write_text("old", encoding="utf-8")
    (target / "types").mkdir()
    (target / "types/brief.md").write_text("old", encoding="utf-8")
    (staging / "doc/kept").mkdir(parents=True)
    (staging / "doc/kept/index.md").write_text("new", encoding="utf-8")
    counts = sync_tree(staging, target, owned=("types",))
    assert (target / "en/index.md").is_file()
    assert not (target / "doc/gone").exists() and not (target / "types").exists()
    assert (target / "doc/kept/index.md").read_text(encoding="utf-8") == "new"
    assert (counts.written, counts.unchanged, counts.removed) == (1, 0, 2)


def test_failed_render_leaves_docs_untouched(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("as built before", encoding="utf-8")
    with pytest.raises(ValueError), staged(docs, ("index.md",)) as staging:
        (staging.folder / "index.md").write_text("half", encoding="utf-8")
        raise ValueError("render failed")
    assert (docs / "index.md").read_text(encoding="utf-8") == "as built before"
    assert not staging.folder.exists()
