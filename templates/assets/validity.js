/*
 * 时效性 in the browser: recompute statuses for the reader's today (or a date the reader
 * picks), and make the validity page's table a working tool — filters, sort, status counts,
 * folded evidence — with all of it kept in the URL so that a view can be shared.
 *
 * Elements carrying data-effective, data-expiry and data-repealed-on (ISO dates YYYY-MM-DD,
 * "undated" for a repeal of unknown date, or "") are the validity table's documents
 * (<tbody>) and the document pages' panels; the status element inside each
 * ([data-status-of], status.js) shows the status for the date in force on the page.
 *
 * An ES module (mkdocs.yml loads it with type: module); node's test runner imports the pure
 * functions (tests/js/validity.test.mjs). Texts come from the page's <script
 * type="application/json" data-validity-labels> (rendered in the page's language), else the
 * Chinese ones below.
 */

/* The status rules and labels are status.js's: one module mirroring
 * extract/documents/validity.py, tested on the same cases as the Python rules. */
import { statusOn, expiringSoon, localISO, factsOf, labelsFor } from "./status.js";

export { statusOn, expiringSoon, localISO };

/* ------------------------------------------------------------------ table state */

/* The filter form's fields, in the order the URL lists them. */
export const FILTERS = ["as_of", "status", "level", "form", "issuer", "year", "within", "q"];
export const SORT_DEFAULT = { sort: "expiry", order: "asc" };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/* The page's state from a query string ("?status=in_force&sort=title"): every filter
 * (missing ones ""), sort and order. A malformed as_of or within is dropped. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = { ...SORT_DEFAULT };
  for (const name of FILTERS) state[name] = (params.get(name) || "").trim();
  if (state.as_of && !ISO_DATE.test(state.as_of)) state.as_of = "";
  if (state.within && !/^\d+$/.test(state.within)) state.within = "";
  if (params.get("sort")) state.sort = params.get("sort");
  if (params.get("order") === "desc") state.order = "desc";
  return state;
}

/* The query string for a state ("" for the default view): filters that are set, then sort
 * and order when they differ from the default. Inverse of readState. */
export function writeState(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  if (state.sort && state.sort !== SORT_DEFAULT.sort) params.set("sort", state.sort);
  if (state.order && state.order !== SORT_DEFAULT.order) params.set("order", state.order);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/* Does a document ({status, level, form, issuer, year, expiry, text}) pass the filters on asOf?
 * `within` keeps documents in force whose expiry falls in the next N days; `q` matches
 * every whitespace-separated word of the query in the document's text, case-insensitive. */
export function matches(doc, state, asOf, { ignoreStatus = false } = {}) {
  if (!ignoreStatus && state.status && doc.status !== state.status) return false;
  if (state.level && doc.level !== state.level) return false;
  if (state.form && doc.form !== state.form) return false;
  if (state.issuer && doc.issuer !== state.issuer) return false;
  if (state.year && doc.year !== state.year) return false;
  if (state.within !== "" && state.within !== undefined) {
    if (doc.status !== "in_force" || !expiringSoon(doc.expiry, asOf, Number(state.within))) return false;
  }
  if (state.q) {
    const text = doc.text.toLowerCase();
    if (!state.q.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word))) return false;
  }
  return true;
}

/* Documents per status among those passing every filter but the status one. */
export function countByStatus(docs, state, asOf) {
  const counts = { not_yet_in_force: 0, in_force: 0, expired: 0, repealed: 0 };
  for (const doc of docs) {
    if (doc.status && matches(doc, state, asOf, { ignoreStatus: true })) counts[doc.status] += 1;
  }
  return counts;
}

/* Status sort order: in force first, then not yet, expired, repealed, unknown. */
const STATUS_ORDER = { in_force: "1", not_yet_in_force: "2", expired: "3", repealed: "4" };

/* Sort keys: empty values last in either direction; numbers inside keys compare as numbers
 * (温政办〔2023〕9号 before 42号), dates as ISO strings. */
export function compareKeys(a, b, descending) {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  const order = a.localeCompare(b, "zh-Hans-CN", { numeric: true });
  return descending ? -order : order;
}

/* ------------------------------------------------------------------ DOM */

const LABELS = {
  count: "{count} 件",
  today: "（按今日 {date} 计算）",
  reader_today: "（今日）",
  picked: "（所选日期）",
};

/* The page's labels over the Chinese defaults; status labels from status.js's table. */
function labelsOf(doc) {
  const el = doc.querySelector("script[data-validity-labels]");
  const labels = { ...LABELS, ...labelsFor(doc.documentElement && doc.documentElement.lang) };
  if (el) {
    try { Object.assign(labels, JSON.parse(el.textContent)); } catch { /* keep defaults */ }
  }
  return labels;
}

/* "{count} 件" with {count: 3} -> "3 件". */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

/* Write el's status on asOf into its status label and 即将失效 flag; returns the status. */
function refreshElement(el, asOf, labels) {
  const status = statusOn(factsOf(el), asOf);
  el.dataset.status = status || "";
  const label = el.querySelector("[data-status-of]");
  if (label) {
    label.dataset.status = status || "";
    label.dataset.statusAsOf = asOf;
    label.textContent = status ? labels[status] : "—";
  }
  const soon = el.querySelector("[data-validity-soon]");
  if (soon) soon.hidden = !(status === "in_force" && expiringSoon(el.dataset.expiry, asOf));
  return status;
}

function docFacts(tbody) {
  return {
    status: tbody.dataset.status,
    level: tbody.dataset.level,
    form: tbody.dataset.form,
    issuer: tbody.dataset.issuer,
    year: tbody.dataset.year,
    expiry: tbody.dataset.expiry,
    text: tbody.rows[0].textContent,
  };
}

class ValidityTable {
  constructor(doc, win, table, form, labels) {
    Object.assign(this, { doc, win, table, form, labels });
    this.today = localISO(new Date());
    this.docs = Array.from(table.tBodies);
  }

  state() {
    const state = {};
    /* A filter the archive gives no choice for (no 效力级别 known) has no field: "". */
    for (const name of [...FILTERS, "sort", "order"]) state[name] = (this.form.elements[name]?.value || "").trim();
    return state;
  }

  setForm(state) {
    for (const name of [...FILTERS, "sort", "order"]) {
      if (this.form.elements[name]) this.form.elements[name].value = state[name] || "";
    }
  }

  /* Statuses on the chosen date, filters, counts, sort, the as-of line and the URL. */
  apply() {
    const state = this.state();
    const asOf = state.as_of || this.today;
    const facts = this.docs.map((tbody) => {
      const status = refreshElement(tbody, asOf, this.labels);
      tbody.rows[0].querySelector(".v-status").dataset.sortValue = STATUS_ORDER[status] || "";
      return docFacts(tbody);
    });
    let shown = 0;
    this.docs.forEach((tbody, i) => {
      tbody.hidden = !matches(facts[i], state, asOf);
      if (!tbody.hidden) shown += 1;
    });
    const counts = countByStatus(facts, state, asOf);
    this.doc.querySelectorAll("[data-count-status]").forEach((button) => {
      button.querySelector("span").textContent = counts[button.dataset.countStatus];
      button.setAttribute("aria-pressed", String(button.dataset.countStatus === state.status));
    });
    const total = this.doc.querySelector("[data-validity-count]");
    if (total) total.textContent = fill(this.labels.count, { count: shown });
    this.sort(state.sort, state.order === "desc");
    this.showAsOf(asOf, Boolean(state.as_of));
    const url = this.win.location.pathname + writeState(state) + this.win.location.hash;
    this.win.history.replaceState(this.win.history.state, "", url);
  }

  sort(key, descending) {
    const th = this.table.querySelector(`th.v-${key}`);
    if (!th) return;
    this.table.querySelectorAll("th[aria-sort]").forEach((other) => other.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    const index = th.cellIndex;
    const keyOf = (tbody) => tbody.rows[0].cells[index].dataset.sortValue || "";
    this.docs
      .slice()
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b), descending) || this.docs.indexOf(a) - this.docs.indexOf(b))
      .forEach((tbody) => this.table.appendChild(tbody));
  }

  /* The line above the table (printed too) names the date the statuses are for. */
  showAsOf(asOf, picked) {
    this.doc.querySelectorAll("[data-validity-as-of]").forEach((time) => {
      time.dateTime = asOf;
      time.textContent = asOf;
    });
    const note = this.doc.querySelector("[data-validity-today]");
    if (note) note.textContent = picked ? this.labels.picked : this.labels.reader_today;
  }

  install() {
    this.setForm(readState(this.win.location.search));
    this.form.hidden = false;
    this.form.addEventListener("input", () => this.apply());
    this.form.addEventListener("change", () => this.apply());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("reset", (event) => {
      event.preventDefault();
      this.setForm({ ...SORT_DEFAULT });
      this.apply();
    });
    this.table.querySelectorAll("th button[data-sort]").forEach((button) => {
      button.addEventListener("click", () => {
        const key = button.dataset.sort;
        const sort = this.form.elements.sort;
        const order = this.form.elements.order;
        order.value = sort.value === key && order.value === "asc" ? "desc" : "asc";
        sort.value = key;
        this.apply();
      });
    });
    this.doc.querySelectorAll("[data-count-status]").forEach((button) => {
      button.addEventListener("click", () => {
        const status = this.form.elements.status;
        status.value = status.value === button.dataset.countStatus ? "" : button.dataset.countStatus;
        this.apply();
      });
    });
    /* Evidence is shown without JavaScript; with it, folded until asked for. */
    this.table.querySelectorAll(".validity-toggle").forEach((button) => {
      const row = this.doc.getElementById(button.getAttribute("aria-controls"));
      const show = (open) => {
        button.setAttribute("aria-expanded", String(open));
        row.hidden = !open;
      };
      show(false);
      button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
    });
    this.apply();
  }
}

/* Panels and rows for the reader's today; then the validity page's table, if any. */
export function refresh(doc, win, today) {
  const labels = labelsOf(doc);
  doc.querySelectorAll("[data-expiry]:not([data-status-of])").forEach((el) => refreshElement(el, today, labels));
  const table = doc.querySelector("[data-validity-table]");
  const form = doc.querySelector("[data-validity-filters]");
  if (table && form && !table.dataset.ready) {
    table.dataset.ready = "1";
    new ValidityTable(doc, win, table, form, labels).install();
  } else {
    doc.querySelectorAll("[data-validity-today]").forEach((el) => {
      el.textContent = fill(labels.today, { date: today });
    });
  }
}

/* Run once the page is parsed and, under mkdocs-material's instant navigation, on every
 * page it swaps in: its document$ replays the current page to a new subscriber. */
function install(win) {
  const run = () => refresh(win.document, win, localISO(new Date()));
  const start = () => {
    if (win.document$ && typeof win.document$.subscribe === "function") win.document$.subscribe(run);
    else run();
  };
  if (win.document.readyState === "loading") win.document.addEventListener("DOMContentLoaded", start);
  else start();
}

if (typeof window !== "undefined" && window.document) install(window);
