/*
 * 时效性 in the browser: recompute each document's status from today's date, so a page built
 * months ago still shows today's status, and filter and sort the validity table.
 *
 * Elements carrying data-effective, data-expiry and data-repealed (ISO dates YYYY-MM-DD, or
 * "" when unknown; data-repealed may also be "true" for a repeal of unknown date) are the
 * validity table's rows and the document pages' panels. The rules match
 * extract/validity.py: the expiry day itself is still in force, a repeal wins.
 *
 * Loaded on every page through mkdocs.yml's extra_javascript; under node the functions are
 * exported for tests. Texts come from the page's <script type="application/json"
 * data-validity-labels> (rendered in the page's language), else the Chinese ones below.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    api.install(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var LABELS = {
    not_yet_in_force: "尚未生效",
    in_force: "现行有效",
    expired: "已失效",
    repealed: "已废止",
    count: "{count} 件",
    today: "已按今日 {date} 重新计算。"
  };
  var EXPIRING_SOON_DAYS = 180;
  var DAY_MS = 86400000;

  /* ISO dates of one calendar compare correctly as strings. */
  function isRepealed(repealed, todayISO) {
    if (repealed === true || repealed === "true") return true;
    return typeof repealed === "string" && repealed !== "" && repealed <= todayISO;
  }

  /* Status on todayISO: "repealed" wins; "not_yet_in_force" before the effective date,
   * "expired" after the expiry date, else "in_force"; null when neither date is known. */
  function statusOn(effectiveISO, expiryISO, todayISO, repealed) {
    if (isRepealed(repealed, todayISO)) return "repealed";
    if (!effectiveISO && !expiryISO) return null;
    if (effectiveISO && todayISO < effectiveISO) return "not_yet_in_force";
    if (expiryISO && todayISO > expiryISO) return "expired";
    return "in_force";
  }

  function daysBetween(fromISO, toISO) {
    return Math.round((Date.parse(toISO) - Date.parse(fromISO)) / DAY_MS);
  }

  /* True when expiryISO is 0 to `days` days (default 180) after todayISO. */
  function expiringSoon(expiryISO, todayISO, days) {
    if (!expiryISO) return false;
    var left = daysBetween(todayISO, expiryISO);
    return left >= 0 && left <= (days === undefined ? EXPIRING_SOON_DAYS : days);
  }

  /* The reader's calendar date, not UTC's: a reader in Wenzhou at 07:00 is on today. */
  function localISO(date) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /* Does a row pass the filter form's values ({status, issuer, year, within})? */
  function matches(row, filters, todayISO) {
    if (filters.status && row.status !== filters.status) return false;
    if (filters.issuer && row.issuer !== filters.issuer) return false;
    if (filters.year && row.year !== filters.year) return false;
    if (filters.within) {
      return row.status === "in_force" && expiringSoon(row.expiry, todayISO, Number(filters.within));
    }
    return true;
  }

  /* Sort keys: empty values last in either direction, dates as ISO strings. */
  function compareKeys(a, b, descending) {
    if (a === b) return 0;
    if (a === "") return 1;
    if (b === "") return -1;
    var order = a.localeCompare(b, "zh-Hans-CN", { numeric: true });
    return descending ? -order : order;
  }

  /* ------------------------------------------------------------------ DOM */

  /* The page's labels over the Chinese defaults. */
  function labelsOf(doc) {
    var el = doc.querySelector("script[data-validity-labels]");
    var labels = Object.assign({}, LABELS);
    if (el) {
      try { Object.assign(labels, JSON.parse(el.textContent)); } catch (error) { /* keep defaults */ }
    }
    return labels;
  }

  /* "{count} 件" with {count: 3} -> "3 件". */
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }

  function refreshElement(el, todayISO, labels) {
    var status = statusOn(el.dataset.effective, el.dataset.expiry, todayISO, el.dataset.repealed);
    el.dataset.status = status || "";
    var label = el.querySelector(".validity-status");
    if (label) {
      label.dataset.status = status || "";
      label.textContent = status ? labels[status] : "—";
    }
    var soon = el.querySelector("[data-validity-soon]");
    if (soon) soon.hidden = !(status === "in_force" && expiringSoon(el.dataset.expiry, todayISO));
  }

  function rowFacts(tr) {
    return {
      status: tr.dataset.status,
      issuer: tr.dataset.issuer,
      year: tr.dataset.year,
      expiry: tr.dataset.expiry
    };
  }

  function applyFilters(form, table, todayISO, labels) {
    var filters = {};
    ["status", "issuer", "year", "within"].forEach(function (name) {
      filters[name] = form.elements[name].value;
    });
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      tr.hidden = !matches(rowFacts(tr), filters, todayISO);
      if (!tr.hidden) shown += 1;
    });
    var count = form.querySelector("[data-validity-count]");
    if (count) count.textContent = fill(labels.count, { count: shown });
  }

  function cellKey(tr, index) {
    var cell = tr.cells[index];
    return cell.dataset.sortValue !== undefined ? cell.dataset.sortValue : cell.textContent.trim();
  }

  function sortBy(table, th) {
    var index = th.cellIndex;
    var descending = th.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    Array.prototype.slice.call(body.rows)
      .sort(function (a, b) { return compareKeys(cellKey(a, index), cellKey(b, index), descending); })
      .forEach(function (tr) { body.appendChild(tr); });
  }

  function setUpTable(doc, todayISO, labels) {
    var table = doc.querySelector("[data-validity-table]");
    var form = doc.querySelector("[data-validity-filters]");
    if (!table || table.dataset.ready) return;
    table.dataset.ready = "1";
    table.querySelectorAll("th button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () { sortBy(table, button.parentElement); });
    });
    if (form) {
      form.hidden = false;
      form.addEventListener("change", function () { applyFilters(form, table, todayISO, labels); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      applyFilters(form, table, todayISO, labels);
    }
  }

  function refresh(doc, todayISO) {
    var labels = labelsOf(doc);
    doc.querySelectorAll("[data-expiry]").forEach(function (el) { refreshElement(el, todayISO, labels); });
    doc.querySelectorAll("[data-validity-today]").forEach(function (el) {
      el.textContent = fill(labels.today, { date: todayISO });
      el.hidden = false;
    });
    setUpTable(doc, todayISO, labels);
  }

  /* Run once the page is parsed and, under mkdocs-material's instant navigation, on every
   * page it swaps in: its document$ replays the current page to a new subscriber. */
  function install(win) {
    if (!win || !win.document) return;
    var run = function () { refresh(win.document, localISO(new Date())); };
    var start = function () {
      if (win.document$ && typeof win.document$.subscribe === "function") {
        win.document$.subscribe(run);
      } else {
        run();
      }
    };
    if (win.document.readyState === "loading") {
      win.document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  var api = {
    statusOn: statusOn,
    expiringSoon: expiringSoon,
    localISO: localISO,
    matches: matches,
    compareKeys: compareKeys,
    refresh: refresh,
    install: install
  };
  return api;
});
