"""Atom feeds: valid per feedparser, stable ids, dates from the documents, never the clock."""

from __future__ import annotations

import feedparser
import pytest

from extract.site import render


@pytest.fixture
def feeds(tmp_path, sample_issue, source_dir, as_of):
    docs_dir = tmp_path / "docs"
    render.render_site([sample_issue], docs_dir, as_of, source_dir)
    return docs_dir / "feeds"


def test_issues_feed_is_valid_atom_with_one_entry_per_issue(feeds):
    feed = feedparser.parse((feeds / "issues.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.id for e in feed.entries] == ["tag:wzgb.gazette-site,2023:issues/2023-04"]
    entry = feed.entries[0]
    assert entry.title == "2023年第4期（总第248期）"
    assert entry.link == "../issues/2023-04/"
    assert entry.updated.startswith("2023-04-06")  # the latest 成文日期 in the issue


def test_type_feeds_list_documents_with_their_signed_date(feeds, dated_measure):
    assert sorted(p.name for p in feeds.iterdir()) == ["brief.xml", "interpretation.xml", "issues.xml", "measure.xml"]
    feed = feedparser.parse((feeds / "measure.xml").read_bytes())
    assert feed.bozo == 0
    entry = feed.entries[0]
    assert entry.id == f"tag:wzgb.gazette-site,2023:doc/{dated_measure.id}"
    assert entry.updated.startswith(dated_measure.signed_date.value.isoformat())
    assert entry.author == dated_measure.issuer
    assert dated_measure.doc_number in entry.summary


def test_feeds_are_byte_identical_across_builds(tmp_path, sample_issue, source_dir, as_of, feeds):
    again = tmp_path / "again"
    render.render_site([sample_issue], again, as_of, source_dir)
    for path in feeds.iterdir():
        assert (again / "feeds" / path.name).read_bytes() == path.read_bytes(), path.name
