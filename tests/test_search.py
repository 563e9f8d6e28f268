"""Unit tests of ``extract.site.search``: terms, the user dictionary, 文号 keys, scoring and the
shard files (format, UTF-8, determinism)."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from extract.documents.validity import archive_status
from extract.model import Issue, IssueIdentity
from extract.site import search
from extract.site.archive import issue_label
from extract.site.search import (
    SearchSettings,
    TermCache,
    character_terms,
    doc_number_keys,
    encode_postings,
    identifier_scores,
    registration_key,
    search_files,
    term_shard,
    user_dictionary,
    word_terms,
)
from extract.site.search_memo import ShardMemo
from extract.site.staging import staged
from tests.conftest import AS_OF
from tests.search_reference import decode_postings


def test_bad_settings():
    with pytest.raises(ValueError, match="shard_bytes"):
        SearchSettings(shard_bytes=10)


def test_bigrams_make_sub_words_findable():
    # 政府 must find a page that only says 人民政府.
    assert character_terms("人民政府") == ["人民", "民政", "政府"]


def test_terms_fold_fullwidth_and_case_and_keep_lone_characters():
    assert character_terms("Ｓ２线，省级“415X”") == ["线", "省级", "s2", "415x"]


def test_user_dictionary_comes_from_the_archive(sample_issue):
    words = user_dictionary([sample_issue])
    assert "温州市人民政府办公室" in words  # issuer
    assert "温州市住房和城乡建设局" in words  # issuer
    assert "温政办" in words  # 文号 prefix
    assert "温州市示例管理办法" in words  # defined term in 《》
    assert words == sorted(words)


def test_quoted_programme_names_join_the_dictionary(make_issue, dated_measure):
    doc = replace(dated_measure, text="深化“凤凰行动”，推进“七优享”工程。")
    words = user_dictionary([make_issue(doc)])
    assert {"凤凰行动", "七优享"} <= set(words)


def test_words_from_the_user_dictionary_stay_whole():
    text = "关于温州市示例管理办法的解读"
    assert "温州市示例管理办法" not in word_terms(text, [])
    assert "温州市示例管理办法" in word_terms(text, ["温州市示例管理办法"])


def test_word_terms_are_three_characters_or_more():
    assert all(len(word) >= 3 for word in word_terms("温州市人民政府办公室关于印发通知", []))


def test_doc_number_keys_cover_the_ways_readers_shorten_it():
    assert doc_number_keys("温政办〔2023〕42号") == ["#温政办〔2023〕42号", "#温政办42号", "#42号"]
    assert doc_number_keys("温州市人民政府令第147号") == ["#温州市人民政府令第147号"]


def test_registration_key_is_canonical_for_any_dash():
    assert registration_key("ZJCC01–2023–0008") == registration_key("ZJCC01-2023-0008") == "#ZJCC01-2023-0008"


def test_own_number_outranks_the_interpreted_and_the_cited(dated_measure, undated_interpretation):
    citing = replace(dated_measure, id="citing", doc_number=None, registration_number=None, references=("温政办〔2023〕42号",))
    key = "#温政办〔2023〕42号"
    settings = SearchSettings()
    own = identifier_scores(dated_measure, settings)[key]
    interpreted = identifier_scores(undated_interpretation, settings)[key]
    cited = identifier_scores(citing, settings)[key]
    assert own > interpreted > cited > 0
    assert identifier_scores(dated_measure, settings)["#ZJCC01-2023-0008"] == own
    assert identifier_scores(dated_measure, settings)["#温州市人民政府令第147号"] == cited  # repealed


def test_term_shard_is_fnv1a_over_utf16_units():
    # FNV-1a 32-bit test vectors: "" -> 0x811c9dc5, "a" -> 0xe40c292c (one unit = one byte).
    assert term_shard("", 2**32) == 0x811C9DC5
    assert term_shard("a", 2**32) == 0xE40C292C
    assert 0 <= term_shard("人民", 16) < 16


def test_postings_are_delta_coded_in_doc_order():
    assert encode_postings({7: 3, 2: 5, 10: 1}) == [2, 5, 5, 3, 3, 1]
    assert decode_postings(encode_postings({7: 3, 2: 5, 10: 1})) == {2: 5, 7: 3, 10: 1}


@pytest.fixture
def files(sample_issue):
    return search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), SearchSettings(shard_bytes=200)).files


def test_search_files_are_deterministic(sample_issue, files):
    again = search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), SearchSettings(shard_bytes=200)).files
    assert again == files
    assert list(files) == sorted(files)


def test_json_is_utf8_without_escapes(files):
    manifest = files[("search", "manifest.json")]
    assert "温州市人民政府办公室" in manifest
    assert not any("\\u" in text for path, text in files.items() if path[-1].endswith(".json"))


def test_every_term_sits_in_its_hash_shard(files):
    manifest = json.loads(files[("search", "manifest.json")])
    count = manifest["shard_count"]
    assert count > 1  # small shard_bytes forces several shards
    shards = {path: json.loads(text) for path, text in files.items() if path[:2] == ("search", "shards")}
    assert len(shards) == count
    for (_, _, name), shard in shards.items():
        assert all(term_shard(term, count) == int(name.removesuffix(".json")) for term in shard)


def test_a_query_finds_its_document_through_the_files(files, sample_issue):
    manifest = json.loads(files[("search", "manifest.json")])
    count = manifest["shard_count"]

    def lookup(term: str) -> dict[int, int]:
        shard = json.loads(files[("search", "shards", f"{term_shard(term, count)}.json")])
        return decode_postings(shard.get(term, []))

    ids = [doc.id for doc in sample_issue.documents]
    # A sub-word of the title, the 文号 spelled short, the issuer of the interpretation.
    assert ids.index("measure-dated") in lookup("示例")
    assert set(lookup("#温政办42号")) == {ids.index("measure-dated"), ids.index("interp-undated")}
    assert ids.index("interp-undated") in lookup("建设")
    meta = json.loads(files[("search", "meta", "2023-04.json")])
    assert meta[ids.index("measure-dated")][:3] == ["measure-dated", "温州市示例管理办法", "温政办〔2023〕42号"]
    assert manifest["prefixes"] == ["温政办"]
    assert len(manifest["docs"]) == len(ids)
    # facets: 文种 and 效力级别 of each document, by index (-1: none)
    row = manifest["docs"][ids.index("measure-dated")]
    assert (manifest["forms"][row[4]], manifest["force_levels"][row[5]]) == ("办法", "normative_document")


def test_document_text_is_written_for_excerpts(files, dated_measure):
    assert files[("search", "text", "measure-dated.txt")] == dated_measure.text


def test_term_cache_gives_the_same_files_and_is_used(sample_issue, tmp_path, monkeypatch):
    settings = SearchSettings(shard_bytes=200)
    uncached = search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), settings).files
    cache = TermCache(tmp_path / "terms")
    assert search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), settings, cache).files == uncached  # fills it
    assert len(list((tmp_path / "terms").glob("*.json"))) == 1

    def no_segmentation(*args, **kwargs):
        raise AssertionError("an issue in the cache is not segmented again")

    monkeypatch.setattr(search, "issue_frequencies", no_segmentation)
    assert search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), settings, cache).files == uncached


def test_an_unreadable_term_cache_entry_is_recomputed(sample_issue, tmp_path):
    settings = SearchSettings(shard_bytes=200)
    cache = TermCache(tmp_path / "terms")
    expected = search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), settings, cache).files
    for entry in (tmp_path / "terms").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert search_files([sample_issue], issue_label, archive_status(sample_issue.documents, AS_OF), settings, cache).files == expected


@pytest.mark.parametrize("term", ["政府", "#温政办〔2023〕42号", 'a"b\\c', "tab\there\u2028", "\x00"])
@pytest.mark.parametrize("docs", [{}, {0: 7}, {3: 12, 40: 5, 1000: 123}, [2, 9, 17, 10]])
def test_entry_length_is_the_length_of_the_terms_json(term, docs):
    # shard_files sizes the shards with entry_length; the JSON it writes is to_json's.
    assert search.entry_length(term, docs) == len(search.to_json({term: search.encode_postings(docs)}))


def test_tf_scale_must_make_every_boost_whole():
    with pytest.raises(ValueError, match="tf_scale"):
        SearchSettings(tf_scale=1)  # word_boost 1.5: a body word adds 1.5
    assert SearchSettings(tf_scale=4).boosts()[-1] * 4 == 6


def test_shards_store_weighted_frequencies_and_the_manifest_lengths(make_issue, dated_measure):
    # Latin terms only (no CJK words): "ab" once in the title (×8), twice in the body (×1);
    # "cd" once in the body. Stored ×2: 20 and 2; length (8 + 2 + 1) × 2 = 22.
    doc = replace(dated_measure, title="AB", issuer=None, text="ab ab cd", doc_number=None, registration_number=None,
                  references=(), repeals=(), interprets=None)
    files = search_files([make_issue(doc)], issue_label, archive_status([doc], AS_OF)).files
    manifest = json.loads(files[("search", "manifest.json")])
    shards = {term: flat for path, text in files.items() if path[:2] == ("search", "shards") for term, flat in json.loads(text).items()}
    assert shards == {"ab": [0, 20], "cd": [0, 2]}
    assert manifest["lengths"] == [22]
    assert {key: manifest["ranking"][key] for key in ("k1", "b", "tf_scale", "score_scale")} == {"k1": 1.2, "b": 0.5, "tf_scale": 2, "score_scale": 10}


# --------------------------------------------------------------------------- adding issues

SMALL_SHARDS = SearchSettings(shard_bytes=300)


def numbered(issue: Issue, number: int) -> Issue:
    """The sample issue as 2023's issue ``number``: ids of its own and a sentence of its own
    (new terms, and new postings of the sample's terms)."""
    identity = IssueIdentity("温州市人民政府公报", 2023, number, 244 + number)
    extra = f"\n第{number}期增补条款{'甲乙丙丁戊己庚辛壬癸'[number % 10]}{number}号"
    documents = tuple(replace(doc, id=f"{doc.id}-{number}", issue=identity.id, text=doc.text + extra) for doc in issue.documents)
    return replace(issue, id=identity.id, identity=identity, documents=documents)


def index_files(issues: list[Issue], settings=SMALL_SHARDS, previous=None) -> search.SearchFiles:
    status = archive_status([doc for issue in issues for doc in issue.documents], AS_OF)
    return search.search_index_files(issues, issue_label, status, settings, texts=lambda: issues, previous=previous)


def build(issues: list[Issue], docs, settings=SMALL_SHARDS) -> dict:
    """A build's share of the index: the last build's shards offered (``ShardMemo``), the
    files synced into ``docs`` and recorded, as ``render_site`` does. Returns the files."""
    memo = ShardMemo(docs)
    result = index_files(issues, settings, memo.previous())
    with staged(docs, ("search",)) as staging:
        staging.write(result.encoded())
    memo.save(result.state)
    return result.files


@pytest.fixture
def issues(sample_issue) -> list[Issue]:
    return [numbered(sample_issue, number) for number in range(1, 8)]


def cold(issues: list[Issue], settings=SMALL_SHARDS) -> dict:
    """The files of a build with no last build to extend."""
    return index_files(issues, settings).files


@pytest.fixture
def cold_calls(monkeypatch) -> list[int]:
    """How many issues each build that made every shard read (from here on)."""
    calls: list[int] = []
    made = search.cold_shards

    def counted(texts, *args):
        texts = list(texts)
        calls.append(len(texts))
        return made(texts, *args)

    monkeypatch.setattr(search, "cold_shards", counted)
    return calls


def shard_count(files) -> int:
    return json.loads(files[("search", "manifest.json")])["shard_count"]


def test_adding_issues_extends_the_shards_to_what_a_cold_build_writes(issues, tmp_path, monkeypatch):
    expected = {count: cold(issues[:count]) for count in (6, 7)}
    assert shard_count(expected[6]) == shard_count(expected[7]) >= 16
    state = index_files(issues).state
    docs = tmp_path / "docs"
    build(issues[:5], docs)
    monkeypatch.setattr(search, "cold_shards", None)  # from here on, every shard is extended
    assert build(issues[:6], docs) == expected[6]
    assert build(issues, docs) == expected[7]
    on_disk = {path.relative_to(docs).parts: path.read_text(encoding="utf-8") for path in (docs / "search").rglob("*.json")}
    assert on_disk == expected[7]
    recorded = ShardMemo(docs).previous()
    assert recorded is not None and recorded.state == state  # keys, lengths, entry total
    assert build(issues, docs) == expected[7]  # nothing added: the same files


def test_another_archive_makes_every_shard(issues, tmp_path, cold_calls):
    changed = replace(issues[1], documents=tuple(replace(doc, text=doc.text + "修订") for doc in issues[1].documents))
    # an issue changed, the first removed, one inserted before the last build's last, the last removed
    for n, archive in enumerate(([issues[0], changed, *issues[2:6]], issues[1:6], [*issues[:2], issues[6], *issues[2:5]], issues[:4])):
        expected = cold(archive)
        docs = tmp_path / str(n)
        build(issues[:5], docs)
        cold_calls.clear()
        assert build(archive, docs) == expected
        assert cold_calls == [len(archive)], [issue.id for issue in archive]


@pytest.mark.parametrize("damage", ["touched", "missing", "record"])
def test_shard_files_not_as_left_are_made_again(issues, tmp_path, cold_calls, damage):
    expected = cold(issues[:6])
    docs = tmp_path / "docs"
    build(issues[:5], docs)
    shard = docs / "search" / "shards" / "3.json"
    if damage == "touched":
        os.utime(shard, ns=(shard.stat().st_atime_ns, shard.stat().st_mtime_ns + 1))
    elif damage == "missing":
        shard.unlink()
    else:
        (tmp_path / ".docs.search-memo.json").write_text("{", encoding="utf-8")
    cold_calls.clear()
    assert build(issues[:6], docs) == expected
    assert cold_calls == [6]


def test_a_new_shard_count_or_other_settings_make_every_shard(issues, tmp_path, cold_calls):
    other = SearchSettings(shard_bytes=300, title_boost=9.0)
    expected, expected_other = cold(issues), cold(issues, other)
    assert shard_count(cold(issues[:1])) < shard_count(expected)
    docs = tmp_path / "docs"
    build(issues[:1], docs)
    cold_calls.clear()
    assert build(issues, docs) == expected
    assert build(issues, docs, other) == expected_other
    assert cold_calls == [7, 7]


@pytest.mark.parametrize("before", [{}, {"m": [0, 1]}, {"ab": [0, 2, 3, 4], "abc": [1, 1], 'x"ab': [2, 2], "a\\": [0, 1], "z": [3, 3]}])
def test_an_extended_shard_is_the_merged_shard_written_again(before):
    # New terms before the first key, between keys, after the last; keys that hold another
    # key, a quote or a backslash; postings added to terms already there.
    additions = {"ab": [5, 1, 9, 2], "a": [6, 1], "aa": [7, 1], "zz": [8, 3], "zy": [8, 1], 'x"ab': [9, 4], "m": [10, 1], "\\": [6, 6]}
    merged = dict(before)
    for term, docs in additions.items():
        old = merged.get(term, [])
        merged[term] = old + encode_postings(docs, sum(old[::2]))
    assert search.extended_shard(search.to_json(before), additions) == (search.to_json(merged), len(before), len(merged))
