"""Build-time full-text search: a term-sharded index under ``docs/search/`` for ``search.js``.

Why not lunr: a serialized lunr index carries a field vector per document and must be loaded
whole, so its first-result download grows with the archive (hundreds of MB for 240 issues).
Here each term's postings (its documents with their field-weighted term frequencies) are
spread over shards by a hash of the term, so a query downloads only the shards of its own
terms: a bounded amount whatever the archive size. The browser scores them with BM25 (idf
from the posting count, which it downloads whole, length normalisation from the manifest's
document lengths) and adds up the scores; it never builds an index. A posting does not
depend on the rest of the archive, so a build that adds issues extends the last build's
shards instead of recomputing them (:mod:`extract.site.search_memo`).

Terms (the browser derives the same from a query):

``bigrams``
    Every pair of adjacent CJK characters of title, issuer, 文号 and body (a lone character
    between punctuation is a term by itself). Any Chinese word a reader types is a sequence
    of bigrams, so 政府 finds 人民政府 and no segmentation disagreement can lose a document.
``words``
    jieba ``cut_for_search`` words (jieba-rs, through ``rjieba``: the segmentation of jieba
    0.42.1, same words on the sample issues, ten times faster and a fifth of the start-up;
    ``bench/profile.md``) of three or more CJK characters (shorter ones are bigrams
    already), with a user dictionary generated from the archive (:func:`user_dictionary`) so
    issuers and defined terms stay whole: each issue's own, so that an issue's terms depend
    on it alone and are cached (:class:`TermCache`) — a new issue segments only itself. They reward documents holding the reader's word
    as a word, not just its bigrams scattered.
``latin``
    Runs of ASCII letters and digits after NFKC folding, lower-cased: 415x, s2, 2023.
``#identifiers``
    ``#`` + a canonical 文号 key (:func:`doc_number_keys`): the full number, prefix with
    sequence (温政办42号) and sequence alone (42号, for 42号文); ZJCC registration numbers.
    A document scores highest for its own number, less for the one it interprets, least for
    numbers it cites or repeals.

Files (paths relative to ``docs/``; JSON is UTF-8 without ``\\u`` escapes, compact, sorted
keys, so builds are byte-identical and gzip well)::

    search/manifest.json        {"version", "shard_count", "prefixes": [文号 prefix, ...],
                                 "ranking": {the browser's ranking settings (SearchSettings)},
                                 "issues": [[id, label, year, first_doc], ...],
                                 "issuers": [...], "types": [...], "statuses": [...],
                                 "forms": [文种, ...], "force_levels": [...],
                                 "docs": [[issue, type, issuer, status, form, force_level], ...],
                                 "lengths": [length, ...],
                                 "status_facts": {doc: [effective, expiry, repealedOn]}}
                                 (indexes; -1 = none). ``status`` is the 时效性 as built;
                                 ``status_facts`` (dated documents only) lets search.js
                                 restate it for the reader's today with status.js's rules.
                                 ``lengths``: each document's field-weighted length (the
                                 sum of its text terms' weighted frequencies), × tf_scale.
    search/shards/<n>.json      {term: [doc, value, doc_delta, value, ...]}  docs ascending,
                                 delta-coded; for a text term the value is the field-weighted
                                 term frequency × ``ranking.tf_scale`` (an integer: the boosts
                                 are multiples of 1 / tf_scale), for a ``#`` key its fixed
                                 score (``SearchSettings.id_scores``)

Scores (search.js, with the manifest's ``ranking``): a text term with posting count ``df``
scores ``score_scale × idf × tf × (k1 + 1) / (tf + k1 × (1 - b + b × dl / avgdl))`` on a
document, where ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))``, ``N`` is the number of
documents, ``tf`` and ``dl`` the stored frequency and length ÷ tf_scale and ``avgdl`` the
mean length ÷ tf_scale (BM25, Robertson and Zaragoza 2009, with Lucene's non-negative idf);
``score_scale`` puts text scores on the scale of the identifier scores.
    search/meta/<issue-id>.json [[id, title, doc_number, registration_number, date], ...]
                                 the issue's documents in index order (date: 成文日期 or "")
    search/text/<doc-id>.txt    the document's plain text, for excerpts

The search page's script and styles (``assets/search.js``, ``assets/search.css``) are copied
with the site's other assets (``extract.site.render``).

Document indexes are positions in ``docs`` (issues oldest first, documents in gazette
order). ``term_shard`` (FNV-1a over UTF-16 code units, modulo ``shard_count``) and
``character_terms`` are implemented identically in ``templates/assets/search.js``
(``tests/test_js.py`` runs both on the same inputs).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from json.encoder import encode_basestring  # json.dumps' quoting when ensure_ascii=False
from pathlib import Path
from typing import TYPE_CHECKING

from extract.documents.validity import ArchiveStatus
from extract.grammar.identifiers import DocNumber, RegistrationNumber

if TYPE_CHECKING:
    import rjieba
from extract.model import Document, Issue
from extract.site.status_view import browser_facts

# Changes whenever how terms are derived from a document changes (cache keys, TermCache).
TERMS_VERSION = 1
# Changes whenever what a shard holds changes (settings_key: older shards are not extended).
SHARDS_VERSION = 2

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_RUN = re.compile(r"[0-9a-z]+")
# Defined terms: 《温州市区公共租赁住房保障管理办法》, “七优享”.
BOOK_TITLE = re.compile(r"《([^《》\n]{2,40})》")
QUOTED_TERM = re.compile(r"[“\"]([\u4e00-\u9fff0-9A-Za-z]{2,12})[”\"]")


@dataclass(frozen=True)
class SearchSettings:
    """Scoring and sharding constants.

    ``boosts`` weigh a term occurrence by field (BM25's field-weighted term frequency);
    shards store that frequency × ``tf_scale``, which must make every boost (and boost ×
    ``word_boost``) whole; ``k1``/``b`` are BM25's saturation and length normalisation and
    ``score_scale`` multiplies a text term's BM25 (search.js scores: module docstring) onto
    the scale of ``id_scores``; ``shard_bytes`` is the
    target size of one shard file (bytes, UTF-8): the shard count is the smallest power of
    two that keeps the average shard under it. ``id_scores`` are the scores of an
    identifier key on its own document, on the one interpreting it, and on one citing it.

    The browser's share of the ranking (``search.js``; written into the manifest as
    ``ranking`` so that it is set here only): a hit's summed score is multiplied by
    (matched / required terms) ** ``coverage_exponent``; from ``partial_from`` required
    terms on a document may match only ``partial_share`` of them; the first
    ``rerank_depth`` hits get up to ×(1 + ``title_bonus``) for query words in their title.
    """

    title_boost: float = 8.0
    issuer_boost: float = 3.0
    body_boost: float = 1.0
    word_boost: float = 1.5  # a whole word also counts its bigrams: a modest extra
    tf_scale: int = 2
    k1: float = 1.2
    b: float = 0.5
    score_scale: int = 10
    shard_bytes: int = 24_000
    id_scores: tuple[int, int, int] = (100_000, 40_000, 5_000)
    coverage_exponent: int = 2
    partial_from: int = 4
    partial_share: float = 0.75
    rerank_depth: int = 30
    title_bonus: float = 1.0

    def __post_init__(self) -> None:
        if self.shard_bytes < 100:
            raise ValueError(f"Invalid shard_bytes: {self.shard_bytes} (at least 100)")
        if not 0 <= self.b <= 1:
            raise ValueError(f"Invalid b: {self.b} (0 to 1)")
        if not 0 < self.partial_share <= 1:
            raise ValueError(f"Invalid partial_share: {self.partial_share} (above 0, at most 1)")
        for boost in self.boosts():
            if boost * self.tf_scale != round(boost * self.tf_scale):
                raise ValueError(f"Invalid tf_scale: {self.tf_scale} (a boost of {boost} times it is not whole)")

    def boosts(self) -> tuple[float, ...]:
        """What one occurrence of a term adds to its field-weighted frequency, in each field,
        as a bigram or latin term and as a word."""
        fields = (self.title_boost, self.issuer_boost, self.body_boost)
        return fields + tuple(boost * self.word_boost for boost in fields)

    def ranking(self) -> dict[str, float]:
        """The settings ``search.js`` ranks with, by the names it reads from the manifest."""
        return {
            "b": self.b,
            "coverage_exponent": self.coverage_exponent,
            "k1": self.k1,
            "partial_from": self.partial_from,
            "partial_share": self.partial_share,
            "rerank_depth": self.rerank_depth,
            "score_scale": self.score_scale,
            "tf_scale": self.tf_scale,
            "title_bonus": self.title_bonus,
        }


@dataclass(frozen=True)
class SearchFiles:
    """The files to write, as ``{relative path segments: text}`` in a stable order, and
    for the index files the ``ShardState`` of their shards."""

    files: dict[tuple[str, ...], str] = field(default_factory=dict)
    state: ShardState | None = None

    def encoded(self) -> dict[str, bytes]:
        """``{"search/…": UTF-8 bytes}``: the files as the site's writers return them."""
        return {"/".join(segments): text.encode() for segments, text in self.files.items()}


# --------------------------------------------------------------------------- terms


def fold(text: str) -> str:
    """NFKC (fullwidth ［］１２ → []12) and lower case: how index and query see text."""
    return unicodedata.normalize("NFKC", text).lower()


def bigrams(run: str) -> list[str]:
    """Adjacent character pairs of a CJK run; a single character stands for itself."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def character_terms(text: str) -> list[str]:
    """The bigrams of ``text`` in text order, then its latin terms (see the module docstring)."""
    folded = fold(text)
    terms: list[str] = []
    for run in CJK_RUN.findall(folded):
        terms.extend(bigrams(run))
    terms.extend(LATIN_RUN.findall(folded))
    return terms


def user_dictionary(issues: Iterable[Issue]) -> list[str]:
    """Gazette vocabulary from the archive itself, sorted: issuers, 文号 prefixes, the
    defined terms written in 《》 and the short ones in “” (names of programmes)."""
    words: set[str] = set()
    for issue in issues:
        for doc in issue.documents:
            if doc.issuer:
                words.update(line.strip() for line in doc.issuer.splitlines() if line.strip())
            for number in (doc.doc_number, doc.interprets, *doc.references):
                prefix = doc_number_prefix(number)
                if prefix:
                    words.add(prefix)
            for text in (doc.title, doc.text):
                words.update(BOOK_TITLE.findall(text))
                words.update(QUOTED_TERM.findall(text))
    return sorted(word for word in words if CJK_RUN.search(word))


_default_jieba_taken = False


def _fresh_jieba() -> rjieba.Jieba:
    """A jieba-rs tokenizer with the default dictionary and no words added.

    rjieba is imported on first use, not with this module: a build whose term frequencies all
    come from the ``TermCache`` segments nothing. Importing it builds a default tokenizer
    (``rjieba._DEFAULT_JIEBA``, ~0.15 s of CPU) that only rjieba's module-level functions use,
    and nothing here calls them: the first call hands that one out rather than building a
    second; later calls build new ones."""
    global _default_jieba_taken
    import rjieba

    if _default_jieba_taken:
        return rjieba.Jieba()
    _default_jieba_taken = True
    return rjieba._DEFAULT_JIEBA


@lru_cache(maxsize=4)
def _tokenizer(vocabulary: tuple[str, ...]) -> rjieba.Jieba:
    # One tokenizer per issue, its own words added (frequency suggested as jieba's add_word
    # does): a fresh jieba-rs dictionary takes ~0.15 s, and added words cannot be removed.
    tokenizer = _fresh_jieba()
    for word in vocabulary:
        tokenizer.add_word(word, None, None)
    return tokenizer


def word_terms(text: str, vocabulary: Sequence[str]) -> list[str]:
    """jieba ``cut_for_search`` words of ``text`` that are three or more CJK characters,
    with ``vocabulary`` added to jieba's dictionary (a private tokenizer, not the global)."""
    tokenizer = _tokenizer(tuple(vocabulary))
    return [w for w in tokenizer.cut_for_search(fold(text), True) if len(w) >= 3 and CJK_RUN.fullmatch(w)]


def doc_number_prefix(number: str | None) -> str | None:
    if not number:
        return None
    try:
        return DocNumber.parse(number).prefix
    except ValueError:
        return None


def doc_number_keys(number: str) -> list[str]:
    """Identifier terms of a 文号, most specific first.

    ``温政办〔2023〕42号`` → ``#温政办〔2023〕42号``, ``#温政办42号``, ``#42号``. A number that
    is not a 文号 (温州市人民政府令第147号) is its own single key, folded.
    """
    try:
        parsed = DocNumber.parse(number)
    except ValueError:
        return [f"#{fold(number)}"]
    return [f"#{parsed}", f"#{parsed.prefix}{parsed.seq}号", f"#{parsed.seq}号"]


def registration_key(number: str) -> str:
    """``#ZJCC01-2023-0008`` for any printed spelling of the registration number."""
    return f"#{RegistrationNumber.parse(number)}"


# --------------------------------------------------------------------------- scoring


def field_frequencies(doc: Document, vocabulary: Sequence[str], settings: SearchSettings) -> Counter[str]:
    """Field-weighted term frequencies of a document's text terms."""
    weighted: Counter[str] = Counter()
    fields = (
        (doc.title, settings.title_boost),
        (doc.issuer or "", settings.issuer_boost),
        (doc.text, settings.body_boost),
    )
    for text, boost in fields:
        for term in character_terms(text):
            weighted[term] += boost
        for term in word_terms(text, vocabulary):
            weighted[term] += boost * settings.word_boost
    return weighted


def identifier_scores(doc: Document, settings: SearchSettings) -> dict[str, int]:
    """Scores of the identifier keys a document answers to (see ``SearchSettings``)."""
    own, interpreted, cited = settings.id_scores
    scores: dict[str, int] = {}

    def give(keys: Iterable[str], score: int) -> None:
        for rank, key in enumerate(keys):
            scores[key] = max(scores.get(key, 0), score // (rank + 1))

    for number in (*doc.references, *doc.repeals):
        give(doc_number_keys(number)[:1], cited)
    if doc.interprets:
        give(doc_number_keys(doc.interprets), interpreted)
    if doc.doc_number:
        give(doc_number_keys(doc.doc_number), own)
    if doc.registration_number:
        give([registration_key(doc.registration_number)], own)
    return scores


def issue_frequencies(issue: Issue, settings: SearchSettings) -> list[Counter[str]]:
    """``field_frequencies`` of each of the issue's documents, in order, segmented with the
    issue's own user dictionary (``user_dictionary([issue])``): what an issue's documents
    are indexed under then depends on that issue alone, so it can be cached, and adding an
    issue never re-segments the archive."""
    vocabulary = user_dictionary([issue])
    return [field_frequencies(doc, vocabulary, settings) for doc in issue.documents]


@dataclass(frozen=True)
class TermCache:
    """``issue_frequencies`` kept on disk under ``root``, one JSON file per issue, named by a
    SHA-256 over what they are computed from: the documents' titles, issuers, texts and the
    fields the dictionary takes (文号, interprets, references), the scoring boosts, the rjieba
    version and ``TERMS_VERSION``. An unreadable entry is recomputed, never an error."""

    root: Path

    def frequencies(self, issue: Issue, settings: SearchSettings) -> list[Counter[str]]:
        entry = self.root / f"{self.key(issue, settings)}.json"
        try:
            return [Counter(freq) for freq in json.loads(entry.read_text(encoding="utf-8"))]
        except (OSError, ValueError):
            pass
        frequencies = issue_frequencies(issue, settings)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            partial = entry.with_suffix(".tmp")
            partial.write_text(json.dumps(frequencies, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            partial.replace(entry)
        except OSError as error:
            logging.getLogger(__name__).warning("cannot write the search term cache %s (%s)", entry, error)
        return frequencies

    @staticmethod
    def key(issue: Issue, settings: SearchSettings) -> str:
        inputs = [
            TERMS_VERSION,
            version("rjieba"),
            [settings.title_boost, settings.issuer_boost, settings.body_boost, settings.word_boost],
            [[d.title, d.issuer, d.text, d.doc_number, d.interprets, list(d.references)] for d in issue.documents],
        ]
        return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()


def issue_key(issue: Issue, settings: SearchSettings) -> str:
    """Hex SHA-256 of everything an issue's postings are made from: its term frequencies'
    inputs (``TermCache.key``), ``tf_scale`` and the identifier keys its documents answer
    to with their scores. Two builds giving an issue the same key give it the same postings."""
    identifiers = [sorted(identifier_scores(doc, settings).items()) for doc in issue.documents]
    inputs = [TermCache.key(issue, settings), settings.tf_scale, identifiers]
    return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()


def add_postings(table: dict[str, array], lengths: array, issue: Issue, settings: SearchSettings,
                 cache: TermCache | None = None) -> None:
    """Append the postings of ``issue``'s documents to ``table`` (``{term: [doc index,
    value, doc index, value, …]}``, an ``array`` of machine integers per term) and their
    weighted lengths to ``lengths``: the documents are numbered on from ``len(lengths)``,
    so docs stay ascending when issues are added in order. A text term's value is its
    field-weighted frequency × ``tf_scale``; an identifier key's, its fixed score.
    ``cache`` keeps each issue's frequencies between builds. A posting costs two integers
    in its term's array, not a dict entry."""
    frequencies = cache.frequencies(issue, settings) if cache else issue_frequencies(issue, settings)
    scale = settings.tf_scale
    for doc, freq in zip(issue.documents, frequencies):
        index = len(lengths)
        # Whole numbers (SearchSettings checks the boosts), so the sum is exact in any order.
        values = {term: round(tf * scale) for term, tf in freq.items()}
        lengths.append(sum(values.values()))
        # Identifier keys start with "#", which no text term holds.
        values.update(identifier_scores(doc, settings))
        for term, value in values.items():
            found = table.get(term)
            if found is None:
                found = table[term] = array("i")
            found.extend((index, value))


# --------------------------------------------------------------------------- shards


def term_shard(term: str, shard_count: int) -> int:
    """FNV-1a (32 bit) over the term's UTF-16 code units, modulo ``shard_count``."""
    value = 0x811C9DC5
    encoded = term.encode("utf-16-le")
    for i in range(0, len(encoded), 2):
        value ^= encoded[i] | (encoded[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shard_count


def encode_postings(docs: Mapping[int, int] | Sequence[int], previous: int = 0) -> list[int]:
    """``{doc: value}``, or ``[doc, value, …]`` with docs ascending (``add_postings``' arrays)
    → ``[doc delta, value, doc delta, value, …]`` with docs ascending, the first delta from
    ``previous`` (0, or the last document of the list these postings continue)."""
    pairs = sorted(docs.items()) if isinstance(docs, Mapping) else zip(docs[::2], docs[1::2])
    flat: list[int] = []
    for doc, score in pairs:
        flat.extend((doc - previous, score))
        previous = doc
    return flat


def to_json(value: object) -> str:
    """Compact, key-sorted UTF-8 JSON (no ``\\u`` escapes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_length(term: str, docs: Mapping[int, int] | Sequence[int]) -> int:
    """``len(to_json({term: encode_postings(docs)}))`` without writing that JSON: the quoted
    term, the integers with their commas, and ``{``, ``:``, ``[``, ``]``, ``}``."""
    return len(encode_basestring(term)) + len(",".join(map(str, encode_postings(docs)))) + 5


def shard_count_for(total: int, settings: SearchSettings) -> int:
    """The smallest power of two that keeps ``total`` (the index's ``entry_length`` sum)
    ÷ shard count at most ``shard_bytes``."""
    shard_count = 1
    while total / shard_count > settings.shard_bytes:
        shard_count *= 2
    return shard_count


def shard_path(n: int) -> tuple[str, str, str]:
    return ("search", "shards", f"{n}.json")


def shard_total(text: str, terms: int) -> int:
    """The ``entry_length`` sum of a shard file's ``terms`` entries, from its JSON ``text``:
    each entry but the first adds a comma, the file's braces are counted in every entry."""
    return len(text) + terms - 1 if terms else 0


def shard_files(table: Mapping[str, Sequence[int]], settings: SearchSettings) -> tuple[int, int, dict[tuple[str, ...], str]]:
    """The shard count, the ``entry_length`` sum and ``{("search", "shards", "<n>.json"):
    json}`` for every shard.

    Postings are delta-coded one term at a time (to size the shards), then one shard at a
    time: only the JSON text is kept for the whole index."""
    total = sum(entry_length(term, docs) for term, docs in table.items())
    shard_count = shard_count_for(total, settings)
    terms: list[list[str]] = [[] for _ in range(shard_count)]
    for term in table:
        terms[term_shard(term, shard_count)].append(term)
    return shard_count, total, {
        shard_path(n): to_json({term: encode_postings(table[term]) for term in shard}) for n, shard in enumerate(terms)
    }


@dataclass(frozen=True)
class ShardState:
    """What a build's shard files hold: ``settings`` (``settings_key``), each issue's
    ``issue_key`` in index order, each document's weighted length (× ``tf_scale``), the
    shard count and the ``entry_length`` sum of all entries (which sets the shard count)."""

    settings: str
    keys: tuple[str, ...]
    lengths: tuple[int, ...]
    shard_count: int
    total: int


@dataclass(frozen=True)
class PreviousShards:
    """The last build's shards: their ``state`` and ``read(n)``, the text of shard ``n``
    as that build wrote it (raises OSError when it cannot be read)."""

    state: ShardState
    read: Callable[[int], str]


def settings_key(settings: SearchSettings) -> str:
    """Hex SHA-256 of the settings and the format version: shards built under another are
    never extended."""
    return hashlib.sha256(repr((SHARDS_VERSION, settings)).encode()).hexdigest()


def _key_at(text: str, quoted: str) -> int:
    """Where the entry of the key ``quoted`` (JSON-quoted) starts in a shard's ``text``.
    Outside keys a shard holds only integers, and inside one every quote is escaped, so an
    unescaped ``"key":[`` after ``{`` or ``,`` is that entry. Raises ValueError if absent."""
    at = text.index(quoted + ":[")
    while text[at - 1] not in "{,":
        at = text.index(quoted + ":[", at + 1)
    return at


def extended_shard(text: str, additions: Mapping[str, Sequence[int]]) -> tuple[str, int, int]:
    """A shard file's ``text`` with ``additions`` (``{term: [doc, value, …]}``, docs after
    any already in the shard) appended, and its term counts before and after: the bytes
    ``to_json`` gives the merged shard, spliced into the text rather than written again
    (encoding every integer of a shard is most of the cost). A term already there gets its
    new postings before its list's closing ``]`` (the first after its key: lists hold
    integers only), delta-coded from its last document; a new term's entry goes before the
    first key sorting after it, as ``sort_keys`` orders them. Raises ValueError on a text
    that is not a shard."""
    shard = json.loads(text)
    keys = list(shard)  # to_json wrote them sorted
    edits: list[tuple[int, str, str]] = []  # (position, term, text to insert there)
    last: list[str] = []  # entries of new terms after every key, in term order
    for term, docs in sorted(additions.items()):
        quoted = encode_basestring(term)
        old = shard.get(term)
        if old is not None:
            close = text.index("]", _key_at(text, quoted))
            edits.append((close, term, "," + ",".join(map(str, encode_postings(docs, sum(old[::2]))))))
            continue
        entry = f"{quoted}:[{','.join(map(str, encode_postings(docs)))}]"
        after = bisect.bisect_right(keys, term)
        if after < len(keys):
            edits.append((_key_at(text, encode_basestring(keys[after])), term, entry + ","))
        else:
            last.append(entry)
    if last:  # before the closing brace
        edits.append((len(text) - 1, "", ("," if keys else "") + ",".join(last)))
    pieces, start = [], 0
    for position, _, insert in sorted(edits):
        pieces += [text[start:position], insert]
        start = position
    pieces.append(text[start:])
    return "".join(pieces), len(keys), len(keys) + sum(term not in shard for term in additions)


def cold_shards(texts: Iterable[Issue], settings: SearchSettings,
                cache: TermCache | None) -> tuple[ShardState, dict[tuple[str, ...], str]]:
    """Every shard from the issues' term frequencies (``texts``: the issues in index order,
    with their texts). One pass, one issue's frequencies at a time: memory follows the
    largest issue plus the postings table, never the archive's frequencies."""
    keys: list[str] = []
    lengths = array("q")
    table: dict[str, array] = {}
    for issue in texts:
        keys.append(issue_key(issue, settings))
        add_postings(table, lengths, issue, settings, cache)
    shard_count, total, files = shard_files(table, settings)
    return ShardState(settings_key(settings), tuple(keys), tuple(lengths), shard_count, total), files


def appended_shards(texts: Iterable[Issue], settings: SearchSettings, cache: TermCache | None,
                    previous: PreviousShards) -> tuple[ShardState, dict[tuple[str, ...], str]] | None:
    """The shards of ``texts`` made by appending their new issues' postings to the last
    build's (``previous``), or None when that cannot give what ``cold_shards`` would: other
    settings, an issue of the last build changed, removed or preceded by a new one, another
    shard count, or a shard file that cannot be read. Only the new issues' frequencies are
    read; shard files are loaded one at a time. Exact: a posting depends on its document
    alone, docs are numbered in index order and the new ones come last, so a term's list
    goes on from its last document (``encode_postings``' ``previous``)."""
    state = previous.state
    if state.settings != settings_key(settings):
        return None
    keys: list[str] = []
    lengths = array("q", state.lengths)
    table: dict[str, array] = {}
    for position, issue in enumerate(texts):
        keys.append(issue_key(issue, settings))
        if position >= len(state.keys):
            add_postings(table, lengths, issue, settings, cache)
        elif keys[-1] != state.keys[position]:
            return None
    if len(keys) < len(state.keys):
        return None
    by_shard: list[list[str]] = [[] for _ in range(state.shard_count)]
    for term in table:
        by_shard[term_shard(term, state.shard_count)].append(term)
    total = state.total
    files: dict[tuple[str, ...], str] = {}
    try:
        for n, terms in enumerate(by_shard):
            text = previous.read(n)
            if terms:
                extended, before, after = extended_shard(text, {term: table[term] for term in terms})
                total += shard_total(extended, after) - shard_total(text, before)
                text = extended
            files[shard_path(n)] = text
    except (OSError, ValueError):
        return None
    if shard_count_for(total, settings) != state.shard_count:
        return None
    return ShardState(state.settings, tuple(keys), tuple(lengths), state.shard_count, total), files


# --------------------------------------------------------------------------- files


def _index_of(values: list[str], value: str | None) -> int:
    if value is None:
        return -1
    if value not in values:
        values.append(value)
    return values.index(value)


def manifest(issues: Sequence[Issue], shards: ShardState, label: Callable[[Issue], str],
             status: ArchiveStatus, settings: SearchSettings) -> dict[str, object]:
    """The manifest record (see the module docstring); shard count and document lengths
    from ``shards``, statuses from ``status`` (``archive_status`` of the issues'
    documents), ranking from ``settings``."""
    issuers: list[str] = []
    types: list[str] = []
    statuses: list[str] = []
    status_facts: dict[str, list[str]] = {}
    forms: list[str] = []
    force_levels: list[str] = []
    docs: list[list[int]] = []
    issue_rows: list[list[object]] = []
    prefixes: set[str] = set()
    for issue_index, issue in enumerate(issues):
        issue_rows.append([issue.id, label(issue), issue.identity.year or 0, len(docs)])
        for doc in issue.documents:
            prefix = doc_number_prefix(doc.doc_number)
            if prefix:
                prefixes.add(prefix)
            facts = browser_facts(status.of(doc).facts)
            if any(facts):
                status_facts[str(len(docs))] = list(facts)
            docs.append(
                [
                    issue_index,
                    _index_of(types, doc.type.value),
                    _index_of(issuers, doc.issuer),
                    _index_of(statuses, status.of(doc).status.value if status.of(doc).status else None),
                    _index_of(forms, doc.form),
                    _index_of(force_levels, doc.force_level.value if doc.force_level else None),
                ]
            )
    return {
        "version": 2,
        "shard_count": shards.shard_count,
        "prefixes": sorted(prefixes, key=lambda p: (-len(p), p)),
        "ranking": settings.ranking(),
        "issues": issue_rows,
        "issuers": issuers,
        "types": types,
        "statuses": statuses,
        "status_facts": status_facts,
        "forms": forms,
        "force_levels": force_levels,
        "docs": docs,
        "lengths": list(shards.lengths),
    }


def search_index_files(
    issues: Sequence[Issue],
    label: Callable[[Issue], str],
    status: ArchiveStatus,
    settings: SearchSettings = SearchSettings(),
    cache: TermCache | None = None,
    texts: Callable[[], Iterable[Issue]] | None = None,
    previous: PreviousShards | None = None,
) -> SearchFiles:
    """The archive-wide search files, shards and manifest, for ``issues`` (oldest first, as
    the site lists them; their documents' metadata is read). ``texts()``: the same issues
    with their documents' texts, read afresh at each call (default: ``issues``).

    ``label`` names an issue for display (e.g. 2023年第4期); ``status`` is the archive's
    ``archive_status`` (the manifest's status facet); ``cache`` keeps the issues'
    term frequencies between builds; ``previous``, the last build's shards, are extended
    when the issues are that build's plus new ones (``appended_shards``), else every shard
    is made again. The result's ``state`` describes the shards for the next build.
    Deterministic: the same issues give the same files, byte for byte, with or without the
    cache or the last build's shards.
    """
    read = texts or (lambda: issues)
    built = appended_shards(read(), settings, cache, previous) if previous else None
    state, files = built or cold_shards(read(), settings, cache)
    files[("search", "manifest.json")] = to_json(manifest(issues, state, label, status, settings))
    return SearchFiles(files, state)


def search_issue_files(issue: Issue) -> SearchFiles:
    """The search files of one issue: ``search/meta/<issue>.json`` and each document's
    ``search/text/<doc>.txt``."""
    rows = [
        [doc.id, doc.title, doc.doc_number or "", doc.registration_number or "", doc.signed_date.value.isoformat() if doc.signed_date else ""]
        for doc in issue.documents
    ]
    files = {("search", "meta", f"{issue.id}.json"): to_json(rows)}
    for doc in issue.documents:
        files[("search", "text", f"{doc.id}.txt")] = doc.text
    return SearchFiles(files)


def search_files(
    issues: Sequence[Issue],
    label: Callable[[Issue], str],
    status: ArchiveStatus,
    settings: SearchSettings = SearchSettings(),
    cache: TermCache | None = None,
) -> SearchFiles:
    """Every search file for ``issues`` (with their texts): ``search_index_files`` and each
    issue's ``search_issue_files``, in path order."""
    files = dict(search_index_files(issues, label, status, settings, cache).files)
    for issue in issues:
        files.update(search_issue_files(issue).files)
    return SearchFiles(dict(sorted(files.items())))
