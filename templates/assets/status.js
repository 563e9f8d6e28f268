/*
 * 时效性 in the browser: the rules of extract/documents/validity.py (status_on,
 * expiring_soon), so that a page built months ago shows the status on the reader's today.
 *
 * Every place a page shows a status is an element with
 *   data-status-of="<document id>" data-status="<value>"
 *   data-effective="YYYY-MM-DD|" data-expiry="YYYY-MM-DD|" data-repealed-on="YYYY-MM-DD|undated|"
 * (written by extract/site/render.py's status_badge). refreshStatuses() recomputes each one
 * for a date and writes the label in the page's language (<html lang>), from the label
 * table generated from Python's (status-labels.js). The module runs it once on load and on
 * every page mkdocs-material's instant navigation swaps in; validity.js imports the rules.
 *
 * The Python and JS rules are tested on one table of cases, tests/data/status_cases.json
 * (tests/test_status.py and tests/js/status.test.mjs).
 */
import { STATUS_LABELS } from "./status-labels.js";

export { STATUS_LABELS };

/* Days before the 失效日期 from which an in-force document is 即将失效 (EXPIRING_SOON_DAYS). */
export const EXPIRING_SOON_DAYS = 180;
const DAY_MS = 86400000;

/* Has a repeal taken effect on asOf? repealedOn is an ISO date, "undated" (a repeal whose
 * day is unknown counts from any day) or empty. ISO dates compare as strings. */
export function repealedBy(repealedOn, asOf) {
  if (repealedOn === "undated") return true;
  return typeof repealedOn === "string" && repealedOn !== "" && repealedOn <= asOf;
}

/* 时效性 on asOf (ISO date) from {effective, expiry, repealedOn}: "repealed" from the day a
 * repeal takes effect; "not_yet_in_force" before effective; "expired" after expiry (the
 * expiry day itself is in force); else "in_force"; null when neither date is known. */
export function statusOn(facts, asOf) {
  const { effective, expiry, repealedOn } = facts;
  if (repealedBy(repealedOn, asOf)) return "repealed";
  if (!effective && !expiry) return null;
  if (effective && asOf < effective) return "not_yet_in_force";
  if (expiry && asOf > expiry) return "expired";
  return "in_force";
}

/* Days from one ISO date to another; dates parse as UTC, so no clock change shifts them. */
function daysBetween(fromISO, toISO) {
  return Math.round((Date.parse(toISO) - Date.parse(fromISO)) / DAY_MS);
}

/* True when expiry falls 0 to `days` (default 180) days after asOf, inclusive. */
export function expiringSoon(expiry, asOf, days = EXPIRING_SOON_DAYS) {
  if (!expiry) return false;
  const left = daysBetween(asOf, expiry);
  return left >= 0 && left <= days;
}

/* The reader's calendar date, not UTC's: a reader in Wenzhou at 07:00 is on today. */
export function localISO(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/* The facts an element's data attributes carry. */
export function factsOf(el) {
  return {
    effective: el.dataset.effective || "",
    expiry: el.dataset.expiry || "",
    repealedOn: el.dataset.repealedOn || "",
  };
}

/* The label table of a language ("zh", "en", "zh-CN" …), Chinese when there is none. */
export function labelsFor(lang) {
  const code = (lang || "zh").toLowerCase().split("-")[0];
  return STATUS_LABELS[code] || STATUS_LABELS.zh;
}

/* Recompute every status shown under root for asOf; returns the elements updated. Each
 * gets data-status (the value, "" for none) and its label; data-status-as-of records the
 * date used. */
export function refreshStatuses(root, asOf, lang) {
  const labels = labelsFor(lang);
  const shown = Array.from(root.querySelectorAll("[data-status-of]"));
  for (const el of shown) {
    const status = statusOn(factsOf(el), asOf);
    el.dataset.status = status || "";
    el.dataset.statusAsOf = asOf;
    el.textContent = status ? labels[status] : "—";
  }
  return shown;
}

/* On a page: run once now and on every page instant navigation swaps in (document$ replays
 * the current page to a new subscriber). */
function install(win) {
  const run = () => refreshStatuses(win.document, localISO(new Date()), win.document.documentElement.lang);
  if (win.document$ && typeof win.document$.subscribe === "function") {
    win.document$.subscribe(run);
  } else {
    run();
  }
}

if (typeof window !== "undefined" && window.document) {
  install(window);
}
