/* Full-text search page of the gazette site (copied to assets/search.js by the build).
 *
 * Reads the term-sharded index that extract/site/search.py writes; that module's docstring
 * gives the file formats and the term rules, which the query side below mirrors:
 *   - Chinese text: the query is segmented with Intl.Segmenter("zh") (ICU's dictionary); each
 *     word contributes its character bigrams (required) and, from three characters on, the
 *     word itself (a bonus when jieba indexed it whole). Runs of one-character segments are
 *     joined first, so names ICU does not know (张振丰) still form bigrams. Bigrams absent
 *     from the whole index are dropped from the requirement: the index vocabulary is the
 *     fallback when the two segmenters disagree.
 *   - 文号 in any spelling (〔〕 [] ［］ () 【】, 2023-42, 42号, 42号文) and ZJCC registration
 *     numbers become the same "#…" keys the build gives each document.
 *   - A term's score on a document is BM25 of the shard's field-weighted term frequency
 *     (the formula is in extract/site/search.py's docstring): the posting count is the
 *     term's document frequency, the manifest's lengths give the length normalisation;
 *     "#…" identifier keys keep the fixed scores the shard gives them.
 *   - A document's score is the sum of its term scores times (matched / required) to the
 *     power ranking.coverage_exponent; from ranking.partial_from required terms on, a
 *     document may miss a share of them. The first ranking.rerank_depth hits are then
 *     re-ordered with a bonus for query words in their titles. The ranking settings come
 *     from the manifest (extract/site/search.py's SearchSettings), not from this file.
 *
 * An ES module (loaded with type="module"): the pure functions — query parsing, term shards,
 * ranking, excerpts — are exported and tested under node (tests/js/search.test.mjs); the
 * page is set up only where a document has a .gz-search box. The page gives the manifest URL
 * and the site root in data attributes, so the script works wherever the page is (a
 * translated copy lives elsewhere). No dependencies.
 */

// ------------------------------------------------------------------ terms

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_RUN = /[0-9a-z]+/g;
const BRACKETS = "[〔\\[(【]";
const CLOSERS = "[〕\\])】]";
// Identifier spellings, tried in this order on the NFKC-folded, lower-cased query.
const IDENTIFIERS = [
  // zjcc01-2023-0008, with any dashes or none
  { re: /zjcc\s*(\d{2})\s*[-–—－]?\s*(\d{4})\s*[-–—－]?\s*(\d{4})/g, key: (m) => `#ZJCC${m[1]}-${m[2]}-${m[3]}` },
  // 温政办〔2023〕42号, 温政办[2023]42号, 温政办(2023)第42号
  {
    re: new RegExp(`([\\u4e00-\\u9fff]{1,12}?)\\s*${BRACKETS}\\s*((?:19|20)\\d{2})\\s*${CLOSERS}\\s*第?\\s*(\\d{1,4})\\s*号?文?`, "g"),
    key: (m, prefix) => `#${prefix(m[1])}〔${m[2]}〕${Number(m[3])}号`,
  },
  // 温政办2023-42, 温政办2023年42号
  {
    re: /([\u4e00-\u9fff]{1,12}?)\s*((?:19|20)\d{2})\s*[-–—－年/]\s*第?\s*(\d{1,4})\s*号?文?/g,
    key: (m, prefix) => `#${prefix(m[1])}〔${m[2]}〕${Number(m[3])}号`,
  },
  // 温政办42号; 温州市人民政府令第147号 (a 令 number, keyed as printed)
  {
    re: /([\u4e00-\u9fff]{1,12}?)\s*第?\s*(\d{1,4})\s*号文?/g,
    key: (m, prefix) => (m[1].endsWith("令") ? `#${m[1]}第${Number(m[2])}号` : `#${prefix(m[1])}${Number(m[2])}号`),
  },
  // 42号文, 42号
  { re: /(?<![0-9])(\d{1,4})\s*号文?/g, key: (m) => `#${Number(m[1])}号` },
];

/** NFKC (fullwidth ［］１２ → []12) and lower case: how index and query see text. */
export const fold = (text) => text.normalize("NFKC").toLowerCase();

/** Adjacent character pairs of a CJK run; a single character stands for itself. */
export function bigrams(run) {
  if (run.length === 1) return [run];
  const out = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** The bigrams of a text in text order, then its latin terms: extract/site/search.py's
 *  character_terms, which tests/test_js.py compares with this. */
export function characterTerms(text) {
  const folded = fold(text);
  const terms = [];
  for (const run of folded.match(CJK_RUN) || []) terms.push(...bigrams(run));
  terms.push(...(folded.match(LATIN_RUN) || []));
  return terms;
}

/** The shard of a term: FNV-1a (32 bit) over its UTF-16 code units, modulo count
 *  (extract/site/search.py's term_shard). */
export function termShard(term, count) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Known 文号 prefix that ends the captured text (drops 依据/关于 … in front). */
function prefixResolver(prefixes) {
  return (captured) => prefixes.find((p) => captured.endsWith(p)) || captured;
}

/** A lone character paired with the following (else preceding) CJK character. */
function stickTo(text, at) {
  if (CJK.test(text[at + 1] || "")) return text.slice(at, at + 2);
  if (CJK.test(text[at - 1] || "")) return text.slice(at - 1, at + 1);
  return text[at];
}

/** Words of a CJK run: the segmenter's segments, consecutive one-character segments
 *  joined; the whole run without a segmenter. */
export function words(run, segmenter) {
  if (!segmenter) return [run];
  const groups = [];
  for (const seg of segmenter.segment(run)) {
    const last = groups[groups.length - 1];
    const single = seg.segment.length === 1;
    if (single && last && last.single) last.text += seg.segment;
    else groups.push({ text: seg.segment, single, start: seg.index });
  }
  return groups.map((g) => (g.text.length === 1 ? stickTo(run, g.start) : g.text));
}

/** {required, optional, fallback, marks} (Sets): the index terms of a query (see the
 *  header). prefixes: the archive's 文号 prefixes, longest first (the manifest's);
 *  segmenter: an Intl.Segmenter("zh", {granularity: "word"}) or null. */
export function parseQuery(query, prefixes, segmenter) {
  let text = fold(query);
  const required = new Set();
  const optional = new Set();
  const fallback = new Set();
  const marks = new Set();
  const prefix = prefixResolver(prefixes);
  for (const { re, key } of IDENTIFIERS) {
    text = text.replace(re, (...m) => {
      const id = key(m, prefix);
      required.add(id);
      if (/〔/.test(id)) marks.add(id.slice(1));
      for (const run of m[0].match(CJK_RUN) || []) if (run.length > 1) bigrams(run).forEach((t) => fallback.add(t));
      return " ";
    });
  }
  for (const latin of text.match(LATIN_RUN) || []) required.add(latin);
  for (const run of text.match(CJK_RUN) || []) {
    for (const word of words(run, segmenter)) {
      for (const piece of word.match(CJK_RUN) || []) {
        bigrams(piece).forEach((t) => required.add(t));
        if (piece.length >= 3) optional.add(piece);
      }
    }
  }
  return { required, optional, fallback, marks };
}

// ------------------------------------------------------------------ scoring

/** Map doc -> value from a shard's flat, delta-coded postings [doc, value, Δdoc, value, …]
 *  (a text term's value: its field-weighted frequency × ranking.tf_scale; a "#…" key's: its score). */
export function decodePostings(flat) {
  const docs = new Map();
  let doc = 0;
  for (let i = 0; i < flat.length; i += 2) {
    doc += flat[i];
    docs.set(doc, flat[i + 1]);
  }
  return docs;
}

/** {lengths, count, average}: the manifest's document lengths (× tf_scale), their number
 *  and mean (1 for an empty archive), which BM25 scores against. */
export function corpusOf(manifest) {
  const lengths = manifest.lengths || [];
  const sum = lengths.reduce((total, length) => total + length, 0);
  return { lengths, count: lengths.length, average: sum / lengths.length || 1 };
}

/** Map doc -> score of a term from its decoded postings (decodePostings): BM25 × ranking.score_scale
 *  for a text term, idf from its posting count (the whole list is in its shard); a "#…"
 *  identifier key's stored score as it is. corpus: corpusOf(manifest). */
export function termScores(term, values, corpus, ranking) {
  if (term.startsWith("#")) return values;
  const { k1, b, tf_scale: tfScale, score_scale: scale } = ranking;
  const df = values.size;
  const idf = Math.log(1 + (corpus.count - df + 0.5) / (df + 0.5));
  const scores = new Map();
  for (const [doc, value] of values) {
    const tf = value / tfScale;
    const norm = k1 * (1 - b + (b * corpus.lengths[doc]) / corpus.average);
    scores.set(doc, (scale * idf * tf * (k1 + 1)) / (tf + norm));
  }
  return scores;
}

/** Documents matching a parsed query, best first: [{doc, score, terms}].
 *  postings: Map term -> Map doc -> score (terms absent from the index absent here);
 *  ranking: the manifest's ranking settings. Ties go to the later document (newer). */
export function rankHits(parsed, postings, ranking) {
  let required = [...parsed.required].filter((t) => postings.has(t));
  if (!required.length) required = [...parsed.fallback].filter((t) => postings.has(t));
  if (!required.length) return [];
  const bonus = [...parsed.optional].filter((t) => postings.has(t));
  const tally = new Map();
  for (const term of required) {
    for (const [doc, score] of postings.get(term)) {
      const entry = tally.get(doc) || { doc, sum: 0, matched: 0, terms: [] };
      entry.sum += score;
      entry.matched += 1;
      entry.terms.push(term);
      tally.set(doc, entry);
    }
  }
  for (const term of bonus) {
    for (const [doc, score] of postings.get(term)) {
      const entry = tally.get(doc);
      if (entry) {
        entry.sum += score;
        entry.terms.push(term);
      }
    }
  }
  const best = Math.max(...[...tally.values()].map((e) => e.matched));
  // Longer queries tolerate a missing bigram (one spanning two words, 管廊|有偿): the
  // coverage factor still ranks complete matches first.
  const share = ranking.partial_share;
  const need = required.length < ranking.partial_from ? required.length : Math.ceil(required.length * share);
  const floor = best >= need ? need : Math.max(1, Math.ceil(best * share));
  return [...tally.values()]
    .filter((e) => e.matched >= floor)
    .map((e) => ({ doc: e.doc, terms: e.terms, score: e.sum * (e.matched / required.length) ** ranking.coverage_exponent }))
    .sort((a, b) => b.score - a.score || b.doc - a.doc);
}

/** Query words (required terms, identifiers left out) that a title bonus counts. */
export const titleWords = (parsed) => [...parsed.required].filter((t) => !t.startsWith("#"));

/** hits with the first ranking.rerank_depth re-ordered by a bonus for query words in the
 *  title (up to ×(1 + ranking.title_bonus)): a reader's words in a title say more than the
 *  same words spread over a long text. titles: Map doc -> title of (at least) those hits. */
export function titleRerank(hits, titles, parsed, ranking) {
  const words = titleWords(parsed);
  if (!words.length) return hits;
  const head = hits.slice(0, ranking.rerank_depth).map((hit) => {
    const title = fold(titles.get(hit.doc) || "");
    return { ...hit, score: hit.score * (1 + (ranking.title_bonus * words.filter((t) => title.includes(t)).length) / words.length) };
  });
  head.sort((a, b) => b.score - a.score || b.doc - a.doc);
  return head.concat(hits.slice(ranking.rerank_depth));
}

// ------------------------------------------------------------------ excerpts

export const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The text's code points, and which of them the terms cover (matching on folded text). */
function coverage(text, terms) {
  const points = Array.from(text);
  let folded = "";
  const owner = [];
  points.forEach((point, i) => {
    const f = fold(point);
    folded += f;
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const covered = new Uint8Array(points.length);
  const hits = [];
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at !== -1) {
      const first = owner[at];
      const last = owner[at + term.length - 1];
      for (let i = first; i <= last; i++) covered[i] = 1;
      hits.push({ first, term });
      at = folded.indexOf(term, at + 1);
    }
  }
  return { points, covered, hits };
}

function markedHtml(points, covered, from, to) {
  let html = "";
  let open = false;
  for (let i = from; i < to; i++) {
    if (covered[i] && !open) html += "<mark>";
    if (!covered[i] && open) html += "</mark>";
    open = Boolean(covered[i]);
    html += escapeHtml(points[i]);
  }
  return html + (open ? "</mark>" : "");
}

/** Terms to highlight in a hit: its matched terms but identifiers, and the 文号 typed. */
export const highlightTerms = (hit, parsed) => [...hit.terms.filter((t) => !t.startsWith("#")), ...parsed.marks];

/** HTML of an excerpt of about `length` code points around the most varied match (15
 *  code points of context before it), terms in <mark>, "…" where text is cut. */
export function excerptHtml(text, terms, length) {
  const { points, covered, hits } = coverage(text, terms);
  let start = 0;
  let bestVariety = -1;
  for (const hit of hits) {
    const from = Math.max(0, hit.first - 15);
    const variety = new Set(hits.filter((h) => h.first >= from && h.first < from + length).map((h) => h.term)).size;
    if (variety > bestVariety) {
      bestVariety = variety;
      start = from;
    }
  }
  const end = Math.min(points.length, start + length);
  return (start > 0 ? "…" : "") + markedHtml(points, covered, start, end) + (end < points.length ? "…" : "");
}

/** HTML of a whole title, terms in <mark>. */
export function titleHtml(title, terms) {
  const { points, covered } = coverage(title, terms);
  return markedHtml(points, covered, 0, points.length);
}

// ------------------------------------------------------------------ page

function startSearchPage(box) {
  const PAGE_SIZE = 10;
  const EXCERPT_LENGTH = 90; // code points shown around the best match

  const labels = JSON.parse(box.dataset.labels);
  // On a page in another language: issuer and issue names in that language, where the page
  // gives them, and the documents' own (Chinese) titles and text marked as Chinese.
  const names = { issuers: labels.issuers || {}, issues: labels.issues || {} };
  const documentLang = document.documentElement.lang.startsWith("zh") ? "" : ' lang="zh"';
  const indexUrl = new URL(box.dataset.index, location.href);
  const siteRoot = new URL(box.dataset.siteRoot, location.href);
  const form = box.querySelector(".gz-search__form");
  const input = box.querySelector(".gz-search__input");
  const status = box.querySelector(".gz-search__status");
  const facetsBox = box.querySelector(".gz-search__facets");
  const list = box.querySelector(".gz-search__results");
  const more = box.querySelector(".gz-search__more");
  const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

  const cache = new Map();
  function fetchJson(path) {
    if (!cache.has(path)) cache.set(path, fetch(new URL(path, indexUrl)).then((r) => (r.ok ? r.json() : {})));
    return cache.get(path);
  }
  function fetchText(path) {
    if (!cache.has(path)) cache.set(path, fetch(new URL(path, indexUrl)).then((r) => (r.ok ? r.text() : "")));
    return cache.get(path);
  }
  const manifestReady = fetchJson(indexUrl.href).then(restateStatuses);

  /* 时效性 for the reader's today by status.js's rules (the same as every page's): each
   * dated document's facts come with the manifest, and the status facet and the results
   * show the restated status. Without the module the statuses stay as built. */
  async function restateStatuses(manifest) {
    const facts = manifest.status_facts || {};
    try {
      const { statusOn, localISO } = await import(new URL("../assets/status.js", indexUrl).href);
      const today = localISO(new Date());
      for (const [doc, [effective, expiry, repealedOn]] of Object.entries(facts)) {
        const value = statusOn({ effective, expiry, repealedOn }, today);
        let index = value ? manifest.statuses.indexOf(value) : -1;
        if (value && index < 0) index = manifest.statuses.push(value) - 1;
        manifest.docs[doc][3] = index;
      }
    } catch (error) {
      /* keep the statuses as built */
    }
    return manifest;
  }

  let corpus = null;
  /** Map term -> Map doc -> score of the terms found in the index. */
  async function postingsOf(terms, manifest) {
    corpus = corpus || corpusOf(manifest);
    const found = new Map();
    await Promise.all(
      [...terms].map(async (term) => {
        const shard = await fetchJson(`shards/${termShard(term, manifest.shard_count)}.json`);
        if (shard[term]) found.set(term, termScores(term, decodePostings(shard[term]), corpus, manifest.ranking));
      }),
    );
    return found;
  }

  /** [id, title, 文号, 登记号, date] of a document, from its issue's meta file. */
  async function metaOf(manifest, doc) {
    const [issueId, , , firstDoc] = manifest.issues[manifest.docs[doc][0]];
    const meta = await fetchJson(`meta/${issueId}.json`);
    return meta[doc - firstDoc];
  }

  /** Documents matching the query, best first, after the title re-ranking. */
  async function rank(query, manifest) {
    const parsed = parseQuery(query, manifest.prefixes, segmenter);
    const all = new Set([...parsed.required, ...parsed.optional, ...parsed.fallback]);
    const hits = rankHits(parsed, await postingsOf(all, manifest), manifest.ranking);
    const titles = new Map();
    if (titleWords(parsed).length) {
      const head = hits.slice(0, manifest.ranking.rerank_depth);
      await Promise.all(head.map(async (hit) => titles.set(hit.doc, (await metaOf(manifest, hit.doc))[1])));
    }
    return { hits: titleRerank(hits, titles, parsed, manifest.ranking), parsed };
  }

  // ---------------------------------------------------------------- facets

  const FACETS = [
    { name: "type", label: labels.ui.type, value: (m, d) => m.types[d[1]], show: (v) => labels.types[v] || v },
    { name: "year", label: labels.ui.year, value: (m, d) => String(m.issues[d[0]][2] || ""), show: (v) => v, byValue: true },
    { name: "issuer", label: labels.ui.issuer, value: (m, d) => m.issuers[d[2]] || "", show: (v) => names.issuers[v] || v },
    { name: "status", label: labels.ui.status, value: (m, d) => m.statuses[d[3]] || "", show: (v) => labels.statuses[v] || v },
    { name: "form", label: labels.ui.form, value: (m, d) => (m.forms || [])[d[4]] || "", show: (v) => labels.forms[v] || v },
    { name: "force_level", label: labels.ui.force_level, value: (m, d) => (m.force_levels || [])[d[5]] || "", show: (v) => labels.force_levels[v] || v },
  ];

  function facetCounts(manifest, hits) {
    return FACETS.map((facet) => {
      const counts = new Map();
      for (const hit of hits) {
        const value = facet.value(manifest, manifest.docs[hit.doc]);
        if (value) counts.set(value, (counts.get(value) || 0) + 1);
      }
      // Years newest first; other values by count, then by name.
      const order = facet.byValue ? (a, b) => (a[0] < b[0] ? 1 : -1) : (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
      return { facet, counts: [...counts].sort(order) };
    });
  }

  const state = { query: "", filters: {}, shown: PAGE_SIZE, run: 0 };

  function readUrl() {
    const params = new URLSearchParams(location.search);
    state.query = params.get("q") || "";
    state.filters = Object.fromEntries(FACETS.map((f) => [f.name, params.get(f.name) || ""]).filter(([, v]) => v));
  }

  function writeUrl() {
    const params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    for (const [name, value] of Object.entries(state.filters)) params.set(name, value);
    history.replaceState(null, "", `${location.pathname}${params.toString() ? "?" + params : ""}`);
  }

  const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);

  function renderFacets(manifest, hits) {
    facetsBox.replaceChildren();
    for (const { facet, counts } of facetCounts(manifest, hits)) {
      if (!counts.length) continue;
      const section = document.createElement("section");
      section.className = "gz-facet";
      section.dataset.facet = facet.name;
      const heading = document.createElement("h2");
      heading.textContent = facet.label;
      section.append(heading);
      for (const [value, count] of counts) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "gz-facet__value";
        button.dataset.value = value;
        button.setAttribute("aria-pressed", String(state.filters[facet.name] === value));
        button.textContent = `${facet.show(value)} (${count})`;
        button.addEventListener("click", () => {
          if (state.filters[facet.name] === value) delete state.filters[facet.name];
          else state.filters[facet.name] = value;
          state.shown = PAGE_SIZE;
          writeUrl();
          run();
        });
        section.append(button);
      }
      facetsBox.append(section);
    }
  }

  async function resultItem(manifest, hit, parsed) {
    const row = manifest.docs[hit.doc];
    const [issueId, issueName] = manifest.issues[row[0]];
    const issueLabel = names.issues[issueId] || issueName;
    const [id, title, docNumber, registration, date] = await metaOf(manifest, hit.doc);
    const terms = highlightTerms(hit, parsed);
    const item = document.createElement("li");
    item.className = "gz-result";
    item.dataset.doc = id;
    // [text, the document's own Chinese?]: a 文号 and an untranslated issue name stay Chinese.
    const facts = [
      [labels.types[manifest.types[row[1]]] || manifest.types[row[1]], false],
      [docNumber, true],
      [registration, false],
      [issueLabel, !names.issues[issueId]],
      [date && format(labels.ui.date, { date }), false],
      [labels.statuses[manifest.statuses[row[3]]], false, ` data-status-of="${escapeHtml(id)}" data-status="${escapeHtml(manifest.statuses[row[3]] || "")}"`],
    ].filter(([text]) => text);
    item.innerHTML =
      `<a class="gz-result__title"${documentLang} href="${escapeHtml(new URL(`doc/${id}/`, siteRoot).href)}">${titleHtml(title, terms)}</a>` +
      `<p class="gz-result__facts">${facts.map(([f, own, attributes = ""]) => `<span${own ? documentLang : ""}${attributes}>${escapeHtml(f)}</span>`).join("")}</p>` +
      `<p class="gz-result__excerpt"${documentLang}></p>`;
    fetchText(`text/${id}.txt`).then((text) => {
      item.querySelector(".gz-result__excerpt").innerHTML = excerptHtml(text, terms, EXCERPT_LENGTH);
    });
    return item;
  }

  async function run() {
    const ticket = ++state.run;
    const query = state.query.trim();
    if (!query) {
      list.replaceChildren();
      facetsBox.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      box.dataset.state = "idle";
      return;
    }
    box.dataset.state = "searching";
    status.textContent = labels.ui.searching;
    const manifest = await manifestReady.catch(() => ({}));
    if (!manifest.shard_count) {
      status.textContent = labels.ui.unavailable;
      box.dataset.state = "failed";
      return;
    }
    const { hits, parsed } = await rank(query, manifest);
    if (ticket !== state.run) return;
    const filtered = hits.filter((hit) =>
      FACETS.every((f) => !state.filters[f.name] || f.value(manifest, manifest.docs[hit.doc]) === state.filters[f.name]),
    );
    const items = await Promise.all(filtered.slice(0, state.shown).map((hit) => resultItem(manifest, hit, parsed)));
    if (ticket !== state.run) return;
    list.replaceChildren(...items);
    renderFacets(manifest, hits);
    status.textContent = filtered.length ? format(labels.ui.found, { count: filtered.length }) : labels.ui.none;
    if (!filtered.length && labels.chinese) {
      const chinese = document.createElement("a");
      chinese.href = `${labels.chinese.href}?q=${encodeURIComponent(query)}`;
      chinese.hreflang = "zh";
      chinese.textContent = labels.chinese.link;
      status.append(" ", labels.chinese.note, " ", chinese);
    }
    more.hidden = filtered.length <= state.shown;
    box.dataset.query = query;
    box.dataset.state = "done";
    if (items.length && !performance.getEntriesByName("gz-first-result").length) performance.mark("gz-first-result");
  }

  let typing = 0;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.query = input.value;
      state.shown = PAGE_SIZE;
      writeUrl();
      run();
    }, 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state.query = input.value;
    state.shown = PAGE_SIZE;
    writeUrl();
    run();
  });
  more.addEventListener("click", () => {
    state.shown += PAGE_SIZE;
    run();
  });

  readUrl();
  input.value = state.query;
  run();
}

if (typeof document !== "undefined") {
  const box = document.querySelector(".gz-search");
  if (box) startSearchPage(box);
}
