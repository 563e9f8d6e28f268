"""`make serve`: the target uses mkdocs.serve.yml, whose hook re-extracts when templates or
PDFs are newer than the last extraction."""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace

import yaml

from extract.build import serve_hook

REPO = Path(__file__).resolve().parent.parent


def test_make_serve_uses_the_live_reload_config():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^serve:.*\n\t.*mkdocs serve -f mkdocs\.serve\.yml", makefile, re.MULTILINE)
    config = yaml.safe_load((REPO / "mkdocs.serve.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == "mkdocs.yml"
    assert (REPO / config["hooks"][0]).is_file()
    assert set(config["watch"]) == set(serve_hook.WATCHED)


def _project(tmp_path: Path) -> tuple[Path, Path]:
    root, docs = tmp_path / "project", tmp_path / "project" / "docs"
    (root / "templates").mkdir(parents=True)
    (root / "templates" / "home.md.j2").write_text("x", encoding="utf-8")
    (docs / "api").mkdir(parents=True)
    return root, docs


def test_extraction_is_stale_without_stamp_or_after_a_template_edit(tmp_path):
    root, docs = _project(tmp_path)
    assert serve_hook.extraction_stale(root, docs)
    stamp = docs / serve_hook.STAMP
    stamp.write_text("{}", encoding="utf-8")
    os.utime(stamp, (2_000_000_000, 2_000_000_000))
    assert not serve_hook.extraction_stale(root, docs)
    os.utime(root / "templates" / "home.md.j2", (2_000_000_100, 2_000_000_100))
    assert serve_hook.extraction_stale(root, docs)


def test_pre_build_runs_the_extractor_only_when_stale(tmp_path, monkeypatch):
    root, docs = _project(tmp_path)
    calls = []
    monkeypatch.setattr(serve_hook.cli, "main", lambda argv: calls.append(argv) or 0)
    config = SimpleNamespace(config_file_path=str(root / "mkdocs.serve.yml"), docs_dir=str(docs))
    serve_hook.on_pre_build(config)
    assert calls == [["build", str(root / "source_pdfs"), "--docs", str(docs)]]
    (docs / serve_hook.STAMP).write_text("{}", encoding="utf-8")
    os.utime(docs / serve_hook.STAMP, (2_000_000_000, 2_000_000_000))
    serve_hook.on_pre_build(config)
    assert len(calls) == 1
