"""The browser scripts under node: their own unit tests (``tests/js/*.test.mjs``, pure
functions of ``templates/assets/*.js`` imported as ES modules), and the search script
against the Python index on the same inputs — the terms a text gives, the shard a term
is in, the terms a query asks for, and the key a 文号 or 登记号 spelling becomes.

Inputs are the sample issue's ground truth (manuscript titles and text, the expected
文号 and 登记号) and hand-written edge cases, never the program's own output.
"""

from __future__ import annotations

import json
import math
import subprocess

import pytest

from extract.documents.validity import archive_status
from extract.grammar.identifiers import DocNumber, DocNumberQuery
from extract.site.search import (
    SearchSettings,
    character_terms,
    doc_number_keys,
    registration_key,
    search_files,
    term_shard,
)
from tests import needs
from tests.conftest import AS_OF, REPO
from tests.golden import EXPECTED, MANUSCRIPT
from tests.search_reference import decode_postings, term_scores
from tests.test_grammar_identifiers import TYPED_DOC_NUMBERS

SEARCH_JS = REPO / "templates" / "assets" / "search.js"

# Reads {"texts", "shards": [[term, count]], "queries", "prefixes", "manifest", "postings":
# [[term, flat postings]]} on stdin and answers with search.js's characterTerms, termShard,
# parseQuery (ICU segmenter, as in Chromium) and termScores ([[doc, score]] per term).
PROBE = """
import { readFileSync } from "node:fs";
import { characterTerms, corpusOf, decodePostings, parseQuery, termScores, termShard } from "%s";
const input = JSON.parse(readFileSync(0, "utf8"));
const corpus = input.manifest && corpusOf(input.manifest);
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const parsed = (q) => {
  const p = parseQuery(q, input.prefixes, segmenter);
  return { required: [...p.required], optional: [...p.optional] };
};
console.log(JSON.stringify({
  terms: input.texts.map(characterTerms),
  shards: input.shards.map(([term, count]) => termShard(term, count)),
  queries: input.queries.map(parsed),
  scores: input.postings.map(([term, flat]) => [...termScores(term, decodePostings(flat), corpus, input.manifest.ranking)]),
}));
"""

EDGE_TEXTS = [
    "",
    "ＺＪＣＣ０１－２０２３－０００８",  # fullwidth: NFKC first
    "S2线 415X 第3.6% R&D",
    "温政办〔2023〕42号",
    "㐀丽𠮷乙",  # Extension A and a compatibility ideograph are CJK here; 𠮷 (Extension B) is not
    "⼈⺠政府",  # Kangxi radicals fold to 人 under NFKC, the supplement's ⺠ does not
    "一",
    "，一，",
]


def node_probe(texts=(), shards=(), queries=(), prefixes=(), manifest=None, postings=()) -> dict:
    node = needs.executable("node", "apt-get install nodejs")
    script = PROBE % SEARCH_JS.as_uri()
    request = json.dumps({"texts": list(texts), "shards": list(shards), "queries": list(queries), "prefixes": list(prefixes),
                          "manifest": manifest, "postings": list(postings)})
    result = subprocess.run([node, "--input-type=module", "-e", script], input=request, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def manuscript_texts() -> list[str]:
    texts = []
    for item in MANUSCRIPT["items"]:
        texts.append(item["title"])
        texts.extend(block.get("text") or "" for block in item["blocks"])
    return texts


def test_browser_scripts_pass_their_node_tests():
    node = needs.executable("node", "apt-get install nodejs")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout


def test_text_terms_are_the_same_in_python_and_js():
    texts = manuscript_texts() + EDGE_TEXTS
    assert node_probe(texts=texts)["terms"] == [character_terms(text) for text in texts]


def test_every_index_term_is_in_the_shard_js_reads(sample_issue):
    """Every term of an index (the hand-made sample issue, small shards so there are many)
    is found by search.js in the shard file the build put it in."""
    status = archive_status(sample_issue.documents, AS_OF)
    files = search_files([sample_issue], lambda issue: issue.id, status, SearchSettings(shard_bytes=100))
    shard_count = json.loads(files.files[("search", "manifest.json")])["shard_count"]
    placed = [(term, int(path[-1].removesuffix(".json")))
              for path, text in files.files.items() if path[:2] == ("search", "shards") for term in json.loads(text)]
    assert shard_count >= 8 and len(placed) > 50
    shards = node_probe(shards=[(term, shard_count) for term, _ in placed])["shards"]
    assert [(term, shard) for (term, _), shard in zip(placed, shards)] == placed


def test_term_scores_are_the_same_in_python_and_js(sample_issue):
    """Every term of the sample issue's index scored by search.js equals the Python
    reference of the formula (BM25 from the shard's frequencies and the manifest's lengths;
    identifier keys' fixed scores), to rounding."""
    status = archive_status(sample_issue.documents, AS_OF)
    files = search_files([sample_issue], lambda issue: issue.id, status, SearchSettings(shard_bytes=100))
    manifest = json.loads(files.files[("search", "manifest.json")])
    postings = [(term, flat) for path, text in files.files.items() if path[:2] == ("search", "shards")
                for term, flat in json.loads(text).items()]
    assert any(term.startswith("#") for term, _ in postings) and len(postings) > 50
    answers = node_probe(manifest=manifest, postings=postings)["scores"]
    for (term, flat), answer in zip(postings, answers, strict=True):
        expected = term_scores(term, decode_postings(flat), manifest)
        assert dict(answer).keys() == expected.keys(), term
        assert all(math.isclose(score, expected[doc], rel_tol=1e-12) for doc, score in answer), term


def test_shards_of_the_sample_issues_terms_are_the_same_in_python_and_js():
    terms = sorted({term for text in manuscript_texts() + EDGE_TEXTS for term in character_terms(text)}) + ["𠮷", "#温政办42号"]
    counts = [(term, count) for term in terms for count in (1, 7, 64, 2**31)]
    assert node_probe(shards=counts)["shards"] == [term_shard(term, count) for term, count in counts]


def test_query_terms_are_index_terms_of_the_same_text():
    """A title typed as a query asks only for terms the index gives that title: whatever
    the browser's segmenter does, the document holding the text is found."""
    titles = [item["title"] for item in MANUSCRIPT["items"]]
    answers = node_probe(queries=titles)["queries"]
    for title, parsed in zip(titles, answers):
        asked = {term for term in parsed["required"] if not term.startswith("#")}
        assert asked and asked <= set(character_terms(title)), title


# The grammar's own table of typed spellings (how readers type 温政办〔2023〕42号).
SPELLINGS = [typed for typed, _, _ in TYPED_DOC_NUMBERS]


def query_key(typed: str) -> str:
    """The index key the Python grammar gives a typed 文号: the most specific of the keys
    of the number it names (doc_number_keys: full, prefix + sequence, sequence alone)."""
    query = DocNumberQuery.parse(typed)
    keys = doc_number_keys(str(DocNumber(query.prefix or "温", query.year or 2000, query.seq)))
    return keys[0] if query.year and query.prefix else keys[1] if query.prefix else keys[2]


@pytest.fixture(scope="module")
def parsed_spellings() -> dict[str, dict]:
    """search.js's parse of every spelling in ``SPELLINGS``, from one node run (queries are
    parsed one by one, so one run answers for each as its own would)."""
    return dict(zip(SPELLINGS, node_probe(queries=SPELLINGS, prefixes=["温政办"])["queries"]))


@pytest.mark.parametrize("typed", SPELLINGS)
def test_a_typed_doc_number_gives_the_key_python_indexes(typed, parsed_spellings):
    assert parsed_spellings[typed]["required"] == [query_key(typed)]


def test_printed_numbers_of_the_sample_issue_give_their_own_keys():
    wanted = EXPECTED["documents"].values()
    numbers = sorted({d["doc_number"] for d in wanted if d.get("doc_number")})
    registrations = sorted({d["registration_number"] for d in wanted if d.get("registration_number")})
    prefixes = sorted({DocNumber.parse(n).prefix for n in numbers}, key=lambda p: (-len(p), p))
    answers = node_probe(queries=numbers + registrations, prefixes=prefixes)["queries"]
    keys = [doc_number_keys(n)[0] for n in numbers] + [registration_key(r) for r in registrations]
    assert [a["required"] for a in answers] == [[key] for key in keys]
    assert len(numbers) >= 5 and len(registrations) >= 3
