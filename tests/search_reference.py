"""A Python reference of how ``templates/assets/search.js`` scores a term (``corpusOf``,
``termScores``): BM25 as ``extract/site/search.py``'s module docstring gives it, from a
shard's postings and the manifest. ``tests/test_js.py`` checks search.js against it on the
sample index; ``tests/test_reader_site.py`` reads the built site's index with it."""

from __future__ import annotations

import math
from collections.abc import Mapping


def decode_postings(flat: list[int]) -> dict[int, int]:
    """``{doc: value}`` of a shard's delta-coded ``[doc delta, value, …]``."""
    docs, doc = {}, 0
    for delta, value in zip(flat[::2], flat[1::2]):
        doc += delta
        docs[doc] = value
    return docs


def term_scores(term: str, values: Mapping[int, int], manifest: Mapping) -> dict[int, float]:
    """``{doc: score}`` of ``term`` from its decoded postings: a ``#`` key's stored scores,
    else BM25 × score_scale with df = the number of postings, N and avgdl from the
    manifest's ``lengths``."""
    if term.startswith("#"):
        return dict(values)
    ranking, lengths = manifest["ranking"], manifest["lengths"]
    k1, b = ranking["k1"], ranking["b"]
    average = (sum(lengths) / len(lengths) if lengths else 0) or 1
    df = len(values)
    idf = math.log(1 + (len(lengths) - df + 0.5) / (df + 0.5))
    scores = {}
    for doc, value in values.items():
        tf = value / ranking["tf_scale"]
        norm = k1 * (1 - b + b * lengths[doc] / average)
        scores[doc] = ranking["score_scale"] * idf * tf * (k1 + 1) / (tf + norm)
    return scores
