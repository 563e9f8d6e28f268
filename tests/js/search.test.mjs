// The search page's pure functions (templates/assets/search.js): query parsing, term shards,
// ranking and excerpts. Expected values are worked out by hand from the rules in the
// script's header; tests/test_js.py checks the terms and shards against the Python index.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  bigrams, characterTerms, corpusOf, decodePostings, excerptHtml, fold, parseQuery, rankHits, termScores,
  termShard, titleHtml, titleRerank, words,
} from "../../templates/assets/search.js";

const RANKING = {
  b: 0.5, coverage_exponent: 2, k1: 1.2, partial_from: 4, partial_share: 0.75, rerank_depth: 30, score_scale: 10,
  tf_scale: 2, title_bonus: 1,
};
const PREFIXES = ["温州市人民政府", "温政办", "温政发"];
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

test("fold: NFKC then lower case", () => {
  assert.equal(fold("［２０２３］ＡＢ（温）"), "[2023]ab(温)");
});

test("bigrams of a run; a lone character is its own term", () => {
  assert.deepEqual(bigrams("人民政府"), ["人民", "民政", "政府"]);
  assert.deepEqual(bigrams("市"), ["市"]);
  assert.deepEqual(characterTerms("人民政府 ZJCC01，市"), ["人民", "民政", "政府", "市", "zjcc01"]);
});

test("term shard is FNV-1a 32 over UTF-16 code units", () => {
  // Published FNV-1a test vectors: "" -> 0x811c9dc5, "a" -> 0xe40c292c.
  assert.equal(termShard("", 2 ** 32), 0x811c9dc5);
  assert.equal(termShard("a", 2 ** 32), 0xe40c292c);
  assert.equal(termShard("a", 16), 0xe40c292c % 16);
});

test("a 文号 in every spelling becomes the printed number's key", () => {
  const full = "#温政办〔2023〕42号";
  for (const typed of ["温政办〔2023〕42号", "温政办[2023]42号", "温政办［2023］42号", "温政办（2023）第42号",
    "温政办【2023】42号", "温政办2023-42", "温政办2023年42号", "依据温政办〔2023〕42号"]) {
    const parsed = parseQuery(typed, PREFIXES, segmenter);
    assert.deepEqual([...parsed.required], [full], typed);
    assert.deepEqual([...parsed.marks], ["温政办〔2023〕42号"], typed);
  }
  assert.deepEqual([...parseQuery("温政办42号", PREFIXES, null).required], ["#温政办42号"]);
  assert.deepEqual([...parseQuery("42号文", PREFIXES, null).required], ["#42号"]);
  assert.deepEqual([...parseQuery("温州市人民政府令第147号", PREFIXES, null).required], ["#温州市人民政府令第147号"]);
  assert.deepEqual([...parseQuery("ZJCC01-2023-0008", PREFIXES, null).required], ["#ZJCC01-2023-0008"]);
  assert.deepEqual([...parseQuery("zjcc0120230008", PREFIXES, null).required], ["#ZJCC01-2023-0008"]);
});

test("a 文号's own characters are the fallback terms", () => {
  const parsed = parseQuery("温政办42号", PREFIXES, null);
  assert.deepEqual([...parsed.fallback], ["温政", "政办"]);
});

test("Chinese words give required bigrams and, from three characters, an optional word", () => {
  const parsed = parseQuery("公共租赁住房", PREFIXES, null);
  assert.deepEqual([...parsed.required], ["公共", "共租", "租赁", "赁住", "住房"]);
  assert.deepEqual([...parsed.optional], ["公共租赁住房"]);
  const latin = parseQuery("S2 线 415x", PREFIXES, null);
  assert.deepEqual([...latin.required], ["s2", "415x", "线"]);
});

test("one-character segments are joined into one word", () => {
  const fake = { segment: (run) => [...run].map((segment, index) => ({ segment, index })) };
  assert.deepEqual(words("张振丰", fake), ["张振丰"]);
  const mixed = { segment: () => [{ segment: "会议", index: 0 }, { segment: "在", index: 2 }, { segment: "温州", index: 3 }] };
  assert.deepEqual(words("会议在温州", mixed), ["会议", "在温", "温州"]);
  assert.deepEqual(words("会议在温州", null), ["会议在温州"]);
});

test("delta-coded postings decode to doc -> score", () => {
  assert.deepEqual(decodePostings([3, 10, 2, 5]), new Map([[3, 10], [5, 5]]));
});

test("term scores: BM25 of the stored frequency, idf from the posting count; identifier keys as stored", () => {
  const corpus = corpusOf({ lengths: [4, 12] });
  assert.deepEqual([corpus.count, corpus.average], [2, 8]);
  // Doc 0: tf 4 / 2 = 2, length 4 of mean 8: norm 1.2 × (0.5 + 0.5 × 0.5) = 0.9; df 1 of
  // N 2: idf ln(1 + 1.5 / 1.5) = ln 2. Score 10 × ln 2 × 2 × 2.2 / (2 + 0.9).
  const scores = termScores("住房", new Map([[0, 4]]), corpus, RANKING);
  assert.ok(Math.abs(scores.get(0) - (10 * Math.LN2 * 2 * 2.2) / 2.9) < 1e-12, String(scores.get(0)));
  const ids = new Map([[1, 100000]]);
  assert.equal(termScores("#42号", ids, corpus, RANKING), ids);
  assert.equal(corpusOf({ lengths: [] }).average, 1);
});

const postings = (table) => new Map(Object.entries(table).map(([term, docs]) => [term, new Map(docs)]));

test("ranking: summed scores times coverage squared; ties to the later document", () => {
  const parsed = { required: new Set(["租赁", "住房"]), optional: new Set(), fallback: new Set() };
  const hits = rankHits(parsed, postings({ 租赁: [[1, 10], [2, 30], [3, 10]], 住房: [[1, 10], [3, 10]] }), RANKING);
  // Doc 2 matches one of two terms: below the floor of two, it is dropped.
  assert.deepEqual(hits.map((h) => [h.doc, h.score]), [[3, 20], [1, 20]]);
});

test("ranking: from four required terms a document may miss a quarter", () => {
  const parsed = { required: new Set(["a", "b", "c", "d"]), optional: new Set(), fallback: new Set() };
  const table = { a: [[1, 1], [2, 1], [3, 1]], b: [[1, 1], [2, 1], [3, 1]], c: [[1, 1], [2, 1]], d: [[1, 1]] };
  const hits = rankHits(parsed, postings(table), RANKING);
  // ceil(4 × 0.75) = 3 terms needed: docs 1 (4 of 4) and 2 (3 of 4), not 3 (2 of 4).
  assert.deepEqual(hits.map((h) => [h.doc, h.score]), [[1, 4], [2, 3 * (3 / 4) ** 2]]);
});

test("ranking: terms absent from the index leave the requirement; else the fallback counts", () => {
  const parsed = { required: new Set(["#温政办42号"]), optional: new Set(["温政办"]), fallback: new Set(["温政", "政办"]) };
  const hits = rankHits(parsed, postings({ 温政: [[4, 3]], 政办: [[4, 2], [5, 2]] }), RANKING);
  // The 文号 key is in no document: its two bigrams are required instead; doc 5 has one.
  assert.deepEqual(hits.map((h) => [h.doc, h.score]), [[4, 5]]);
  assert.deepEqual(rankHits({ required: new Set(["x"]), optional: new Set(), fallback: new Set() }, new Map(), RANKING), []);
});

test("ranking: an optional word adds only to documents already matched", () => {
  const parsed = { required: new Set(["租赁"]), optional: new Set(["租赁补贴"]), fallback: new Set() };
  const hits = rankHits(parsed, postings({ 租赁: [[1, 5], [2, 5]], 租赁补贴: [[2, 7], [3, 9]] }), RANKING);
  assert.deepEqual(hits.map((h) => [h.doc, h.score, h.terms]), [[2, 12, ["租赁", "租赁补贴"]], [1, 5, ["租赁"]]]);
});

test("title re-ranking: query words in the title multiply the score up to ×2", () => {
  const parsed = { required: new Set(["租赁", "#42号"]) };
  const hits = [{ doc: 1, score: 15, terms: [] }, { doc: 2, score: 10, terms: [] }];
  const titles = new Map([[1, "关于住房的通知"], [2, "公共租赁住房管理办法"]]);
  assert.deepEqual(titleRerank(hits, titles, parsed, RANKING).map((h) => [h.doc, h.score]), [[2, 20], [1, 15]]);
  // Only identifiers typed: no title words, the order stays.
  assert.equal(titleRerank(hits, titles, { required: new Set(["#42号"]) }, RANKING), hits);
});

test("excerpts: marked, escaped, cut with an ellipsis around the most varied match", () => {
  const text = "甲".repeat(50) + "<b>住房</b>和租赁" + "乙".repeat(50);
  const html = excerptHtml(text, ["住房", "租赁"], 30);
  assert.ok(html.startsWith("…"), html);
  assert.ok(html.endsWith("…"), html);
  assert.ok(html.includes("&#60;b&#62;<mark>住房</mark>&#60;/b&#62;和<mark>租赁</mark>"), html);
  // 30 code points shown, from 15 before the first match: 12 甲, the 12 of the match, 6 乙.
  const shown = html.replace(/<\/?mark>/g, "").replace(/&#\d+;/g, "x").replace(/…/g, "");
  assert.equal(shown, "甲".repeat(12) + "xbx住房x/bx和租赁" + "乙".repeat(6));
});

test("titles: every occurrence marked, folded matching keeps the printed characters", () => {
  assert.equal(titleHtml("ＺＪＣＣ住房和住房", ["住房", "zjcc"]), "<mark>ＺＪＣＣ住房</mark>和<mark>住房</mark>");
});
