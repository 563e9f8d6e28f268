"""Reader features on the real sample issue (the built site): feeds, statistics downloads,
calendar, document relations; and every interface string of these pages has English."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import icalendar
import yaml

REPO = Path(__file__).resolve().parent.parent
READER_TEMPLATES = [
    "document.md.j2", "calendar.md.j2", "calendar_index.md.j2", "partials/citation.html.j2", "partials/doc_nav.html.j2",
    "partials/related.html.j2", "partials/statistics.html.j2", "partials/chart.svg.j2", "partials/home_reader.md.j2",
]


def test_every_feed_is_valid_atom_with_entries(built_site):
    feeds = sorted((built_site / "site" / "feeds").glob("*.xml"))
    assert {"issues.xml", "measure.xml", "statistics.xml"} <= {p.name for p in feeds}
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, (path.name, feed.get("bozo_exception"))
        assert feed.entries, path.name
        assert all(entry.updated_parsed and entry.id.startswith("tag:") for entry in feed.entries)
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="feeds/issues.xml"' in home and 'href="calendar/"' in home
    measures = feedparser.parse((built_site / "site" / "feeds" / "measure.xml").read_bytes())
    assert len(measures.entries) == 5  # the ground truth's five measures


def test_statistics_table_downloads_match_the_page(built_site):
    folder = built_site / "site" / "doc" / "2023-04-item-19"
    rows = list(csv.reader(io.StringIO((folder / "table-1.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["指标", "单位", "当月", "同比±%", "累计", "同比±%"]
    assert ["三、财政总收入", "亿元", "94.80", "353.6", "448.02", "29.9"] in rows
    svg = (folder / "table-1.svg").read_text(encoding="utf-8")
    assert "<title" in svg and "<desc" in svg and "+353.6" in svg


def test_calendar_month_has_the_days_of_the_sample_and_an_ics(built_site):
    page = (built_site / "site" / "calendar" / "2023-04" / "index.html").read_text(encoding="utf-8")
    days = re.findall(r'<time datetime="(2023-04-\d\d)">', page)
    assert days[0] == "2023-04-03" and days == sorted(set(days))
    events = icalendar.Calendar.from_ical((built_site / "site" / "calendar" / "2023-04" / "2023-04.ics").read_bytes()).walk("VEVENT")
    assert len(events) == page.count("<li>")
    assert any("毛伟平" in str(event["summary"]) for event in events)
    document = (built_site / "site" / "doc" / "2023-04-item-17" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../calendar/2023-04/"' in document


def test_calendar_days_are_sections_of_the_site_search(built_site):
    index = json.loads((built_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    days = [doc for doc in index["docs"] if doc["location"].startswith("calendar/2023-04/#h2023-04-")]
    assert days and any("毛伟平" in doc["text"].replace("\u200b", "") for doc in days)


def test_measure_links_to_its_interpretation_and_neighbours(built_site):
    page = (built_site / "site" / "doc" / "wzb-2023-42" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../doc/jd-wzb-2023-42/"' in page
    assert 'rel="prev" href="../../doc/wzb-2023-40/"' in page
    assert 'rel="next" href="../../doc/wzb-2023-44/"' in page
    assert "温政办〔2023〕42号" in re.search(r"<cite[^>]*>(.*?)</cite>", page).group(1)
    interpretation = (built_site / "site" / "doc" / "jd-wzb-2023-42" / "index.html").read_text(encoding="utf-8")
    assert '<dd data-rel="interprets"><a href="../../doc/wzb-2023-42/">' in interpretation


def test_reader_interface_strings_have_english():
    glossary = yaml.safe_load((REPO / "translations" / "glossary.en.yml").read_text(encoding="utf-8"))
    for name in READER_TEMPLATES:
        text = (REPO / "templates" / name).read_text(encoding="utf-8")
        for key in re.findall(r"""\bt\((?:"([^"]+)"|'([^']+)')\)""", text):
            assert "".join(key) in glossary, (name, key)
