"""Pages of an issue whose inputs have not changed are kept, not rendered again, and a
build that keeps them writes the same docs/ as a build from nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from extract.model import IssueIdentity
from extract.site import render


def tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fresh(tmp_path, issues, as_of, source_dir, name="fresh"):
    """``docs/`` built from nothing (no earlier build, no memo): the expected bytes."""
    render.render_site(issues, tmp_path / name, as_of, source_dir)
    return tree(tmp_path / name)


@pytest.fixture
def second_issue(source_dir, dated_measure):
    """Issue 2023-05 holding the measure (the sample's 温政办〔2023〕42号), and its PDF."""
    (source_dir / "b.pdf").write_bytes(b"%PDF-1.4\n% stand-in b\n")
    identity = IssueIdentity("温州市人民政府公报", 2023, 5, 249)
    measure = replace(dated_measure, issue=identity.id)
    return lambda make_issue: replace(make_issue(measure, pdf_name="b.pdf"), id=identity.id, identity=identity, warnings=())


def test_unchanged_issue_is_kept_without_rendering(tmp_path, source_dir, sample_issue, as_of, monkeypatch):
    docs = tmp_path / "docs"
    render.render_site([sample_issue], docs, as_of, source_dir)
    before = tree(docs)

    def not_again(*args):
        raise AssertionError("an unchanged issue was rendered again")

    monkeypatch.setattr(render, "issue_pages", not_again)
    counts = render.render_site([sample_issue], docs, as_of, source_dir)
    assert counts.written == 0 and counts.removed == 0
    assert tree(docs) == before


def test_a_page_changed_in_docs_is_rendered_again(tmp_path, source_dir, sample_issue, as_of):
    docs = tmp_path / "docs"
    render.render_site([sample_issue], docs, as_of, source_dir)
    (docs / "doc/measure-dated/index.md").write_text("edited by hand", encoding="utf-8")
    render.render_site([sample_issue], docs, as_of, source_dir)
    assert tree(docs) == fresh(tmp_path, [sample_issue], as_of, source_dir)


def test_another_date_renders_again(tmp_path, source_dir, sample_issue, as_of):
    """The measure runs to 2028-05-09: its page says 已失效 as of 2030."""
    docs, later = tmp_path / "docs", dt.date(2030, 1, 1)
    render.render_site([sample_issue], docs, as_of, source_dir)
    render.render_site([sample_issue], docs, later, source_dir)
    assert "已失效" in (docs / "doc/measure-dated/index.md").read_text(encoding="utf-8")
    assert tree(docs) == fresh(tmp_path, [sample_issue], later, source_dir)


def test_an_added_issue_reaches_the_pages_that_link_it(tmp_path, source_dir, make_issue, hostile_brief, second_issue, as_of):
    """A brief citing 温政办〔2023〕42号 links it once the issue holding it is added."""
    citing = make_issue(replace(hostile_brief, references=("温政办〔2023〕42号",)))
    docs = tmp_path / "docs"
    render.render_site([citing], docs, as_of, source_dir)
    assert "doc/measure-dated/" not in (docs / "doc/brief-hostile/index.md").read_text(encoding="utf-8")
    render.render_site([citing, second_issue(make_issue)], docs, as_of, source_dir)
    assert "doc/measure-dated/" in (docs / "doc/brief-hostile/index.md").read_text(encoding="utf-8")
    assert tree(docs) == fresh(tmp_path, [citing, second_issue(make_issue)], as_of, source_dir)


def test_without_reuse_every_issue_is_rendered(tmp_path, source_dir, sample_issue, as_of, monkeypatch):
    """``--no-cache`` builds render every issue again (``reuse=False``)."""
    docs = tmp_path / "docs"
    render.render_site([sample_issue], docs, as_of, source_dir)
    calls = []
    real = render.issue_pages
    monkeypatch.setattr(render, "issue_pages", lambda *args: calls.append(args[2].id) or real(*args))
    render.render_site([sample_issue], docs, as_of, source_dir, reuse=False)
    assert calls == ["2023-04", "2023-04"]  # once per language
    assert tree(docs) == fresh(tmp_path, [sample_issue], as_of, source_dir)


def test_dropped_pages_are_removed_with_and_without_the_record(tmp_path, source_dir, make_issue, hostile_brief, second_issue, as_of):
    """With the record, the pages the last build listed and this one does not write are
    removed without walking docs/; without it (deleted, as a stopped build leaves it),
    every file under the generated names is looked at."""
    both = [make_issue(hostile_brief), second_issue(make_issue)]
    for record in (True, False):
        docs = tmp_path / f"docs-{record}"
        render.render_site(both, docs, as_of, source_dir)
        assert (docs / "doc/measure-dated/index.md").is_file()
        if not record:
            (tmp_path / f".docs-{record}.render-memo.json").unlink()
        counts = render.render_site(both[:1], docs, as_of, source_dir)
        assert not (docs / "doc/measure-dated").exists() and not (docs / "en/doc/measure-dated").exists()
        assert counts.removed > 0
        assert tree(docs) == fresh(tmp_path, both[:1], as_of, source_dir, name=f"fresh-{record}")
