"""Reader features on the real sample issue (the built site): feeds, statistics downloads,
calendar (and finding it through the site's search), document relations."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import feedparser
import icalendar

from extract.site.search import character_terms, term_shard
from tests.golden import FIXTURES
from tests.search_reference import decode_postings, term_scores

REPO = Path(__file__).resolve().parent.parent


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
    # the ground truth's measures of the issues in source_pdfs/ (five in 2023-04; four
    # regulations and an order in 2021-12)
    built = {p.stem.removeprefix("wzgb-") for p in (REPO / "source_pdfs").glob("wzgb-*.pdf")}
    wanted = sum(1 for f in FIXTURES.values() if f.name in built for doc in f.expected["documents"].values() if doc["type"] == "measure")
    assert len(measures.entries) == wanted


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


def search_hits(search: Path, query: str) -> list[str]:
    """Document ids holding every bigram and latin term of ``query``, best first, read from
    the site's search files the way assets/search.js reads them (a query's terms, each in
    the shard its hash names; each term's scores as search.js computes them, summed)."""
    manifest = json.loads((search / "manifest.json").read_text(encoding="utf-8"))
    ids = [row[0] for issue in manifest["issues"] for row in json.loads((search / "meta" / f"{issue[0]}.json").read_text(encoding="utf-8"))]
    terms = set(character_terms(query))
    scores: Counter[int] = Counter()
    matched: Counter[int] = Counter()
    for term in terms:
        shard = json.loads((search / "shards" / f"{term_shard(term, manifest['shard_count'])}.json").read_text(encoding="utf-8"))
        for doc, score in term_scores(term, decode_postings(shard.get(term, [])), manifest).items():
            scores[doc] += score
            matched[doc] += 1
    return [ids[doc] for doc, _ in scores.most_common() if matched[doc] == len(terms)]


def test_a_calendar_entry_typed_into_the_site_search_finds_the_calendar(built_site):
    items = json.loads((REPO / "tests/data/wzgb-2023-04.manuscript.json").read_text(encoding="utf-8"))["items"]
    position, calendar = next((n, item) for n, item in enumerate(items, start=1) if item["id"] == "calendar")
    entry = next(block["text"] for block in calendar["blocks"] if "毛伟平" in block["text"])
    query = " ".join(re.findall(r"[\u4e00-\u9fff]+", entry)[:3])  # its opening words: 副市长毛伟平参加 致敬 缅怀
    assert search_hits(built_site / "site" / "search", query)[0] == f"2023-04-item-{position}"
    # That document's page leads to the day-by-day view, where the entry is.
    document = (built_site / "site" / "doc" / f"2023-04-item-{position}" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../calendar/2023-04/"' in document


def test_measure_links_to_its_interpretation_and_neighbours(built_site):
    page = (built_site / "site" / "doc" / "wzb-2023-42" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../doc/jd-wzb-2023-42/"' in page
    assert 'rel="prev" href="../../doc/wzb-2023-40/"' in page
    assert 'rel="next" href="../../doc/wzb-2023-44/"' in page
    citation = re.search(r'<span class="gz-citation-text" id="gz-citation-wzb-2023-42">(.*?)</span> <button', page).group(1)
    assert re.sub(r"<[^>]+>", "", citation) == (
        "温州市人民政府办公室：《温州市人民政府办公室关于印发温州市区公共租赁住房保障管理办法的通知》（温政办〔2023〕42号），"
        "载《温州市人民政府公报》2023年第4期（总第248期），第 14–18 页。"
    )


def test_english_citation_is_english_around_the_marked_chinese_title_and_number(built_site):
    page = (built_site / "site" / "en" / "doc" / "wzb-2023-42" / "index.html").read_text(encoding="utf-8")
    citation = re.search(r'<span class="gz-citation-text" id="gz-citation-wzb-2023-42">(.*?)</span> <button', page).group(1)
    assert citation == (
        "General Office of Wenzhou Municipal People&#39;s Government, "
        '<cite><span lang="zh">《温州市人民政府办公室关于印发温州市区公共租赁住房保障管理办法的通知》</span></cite> '
        '(<span lang="zh">温政办〔2023〕42号</span>), Wenzhou Municipal Government Gazette 2023, No. 4 (Serial No. 248), pp. 14–18.'
    )
    interpretation = (built_site / "site" / "doc" / "jd-wzb-2023-42" / "index.html").read_text(encoding="utf-8")
    assert '<dd data-rel="interprets"><a href="../../doc/wzb-2023-42/">' in interpretation


def test_every_page_head_links_the_issues_feed_in_its_language(built_site):
    site = built_site / "site"
    for page, title in (("doc/wzb-2023-42/index.html", "温州市人民政府公报：各期"), ("index.html", "温州市人民政府公报：各期"),
                        ("en/doc/wzb-2023-42/index.html", "Wenzhou Municipal Government Gazette: issues"),
                        ("en/index.html", "Wenzhou Municipal Government Gazette: issues")):
        head = (site / page).read_text(encoding="utf-8").split("</head>")[0]
        href = re.search(rf'<link rel="alternate" type="application/atom\+xml" title="{title}" href="([^"]+)">', head).group(1)
        assert ((site / page).parent / href).resolve() == (site / "feeds" / "issues.xml").resolve(), page
