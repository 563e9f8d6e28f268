// The browser script's rules, with "today" fixed: the same boundaries as tests/test_validity.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { statusOn, expiringSoon, localISO, matches, compareKeys, refresh } =
  require("../../templates/assets/validity.js");

const EFFECTIVE = "2023-05-10";
const EXPIRY = "2028-05-09";

test("status on every boundary of effective and expiry dates", () => {
  const cases = [
    ["2023-05-09", "not_yet_in_force"],
    ["2023-05-10", "in_force"],
    ["2023-05-11", "in_force"],
    ["2028-05-08", "in_force"],
    ["2028-05-09", "in_force"], // the expiry day itself is still in force
    ["2028-05-10", "expired"],
  ];
  for (const [today, expected] of cases) {
    assert.equal(statusOn(EFFECTIVE, EXPIRY, today, ""), expected, today);
  }
});

test("leap day 2024-02-29 + 1 year runs to 2025-02-27", () => {
  assert.equal(statusOn("2024-02-29", "2025-02-27", "2024-02-28", ""), "not_yet_in_force");
  assert.equal(statusOn("2024-02-29", "2025-02-27", "2024-02-29", ""), "in_force");
  assert.equal(statusOn("2024-02-29", "2025-02-27", "2025-02-27", ""), "in_force");
  assert.equal(statusOn("2024-02-29", "2025-02-27", "2025-02-28", ""), "expired");
});

test("one date, no date", () => {
  assert.equal(statusOn("", "", "2026-11-29", ""), null);
  assert.equal(statusOn(EFFECTIVE, "", "2099-01-01", ""), "in_force");
  assert.equal(statusOn("", "2027-12-31", "2027-12-31", ""), "in_force");
  assert.equal(statusOn("", "2027-12-31", "2028-01-01", ""), "expired");
});

test("a repeal wins from the day it takes effect", () => {
  assert.equal(statusOn(EFFECTIVE, EXPIRY, "2025-01-01", "true"), "repealed");
  assert.equal(statusOn(EFFECTIVE, EXPIRY, "2025-01-01", true), "repealed");
  assert.equal(statusOn("", "", "2025-01-01", "true"), "repealed");
  assert.equal(statusOn(EFFECTIVE, EXPIRY, "2025-05-09", "2025-05-10"), "in_force");
  assert.equal(statusOn(EFFECTIVE, EXPIRY, "2025-05-10", "2025-05-10"), "repealed");
  assert.equal(statusOn(EFFECTIVE, EXPIRY, "2030-01-01", "2025-05-10"), "repealed");
});

test("expiring soon: 0 to 180 days ahead, inclusive", () => {
  assert.equal(expiringSoon(EXPIRY, "2027-11-10"), false); // 181 days
  assert.equal(expiringSoon(EXPIRY, "2027-11-11"), true); // 180 days
  assert.equal(expiringSoon(EXPIRY, "2028-05-09"), true);
  assert.equal(expiringSoon(EXPIRY, "2028-05-10"), false);
  assert.equal(expiringSoon(EXPIRY, "2028-04-09", 30), true);
  assert.equal(expiringSoon(EXPIRY, "2028-04-08", 30), false);
  assert.equal(expiringSoon("", "2028-04-08"), false);
});

test("expiring soon across a daylight-saving change", () => {
  // Dates parse as UTC, so a local clock change cannot shift the count by a day.
  assert.equal(expiringSoon("2024-09-27", "2024-03-31"), true); // 180 days
  assert.equal(expiringSoon("2024-09-28", "2024-03-31"), false);
});

test("today is the reader's calendar date", () => {
  assert.equal(localISO(new Date(2026, 10, 29, 23, 59)), "2026-11-29");
  assert.equal(localISO(new Date(2027, 0, 1, 0, 0)), "2027-01-01");
});

test("filters", () => {
  const row = { status: "in_force", issuer: "温州市人民政府办公室", year: "2023", expiry: "2028-05-09" };
  const today = "2028-04-01";
  assert.equal(matches(row, {}, today), true);
  assert.equal(matches(row, { status: "expired" }, today), false);
  assert.equal(matches(row, { issuer: "温州市人民政府" }, today), false);
  assert.equal(matches(row, { year: "2023", issuer: "温州市人民政府办公室" }, today), true);
  assert.equal(matches(row, { within: "30" }, today), false); // 38 days
  assert.equal(matches(row, { within: "90" }, today), true);
  assert.equal(matches({ ...row, status: "expired" }, { within: "180" }, today), false);
});

test("sort keys: ISO dates in order, empty values last both ways", () => {
  const keys = ["2028-05-09", "", "2025-05-14", "2033-05-14"];
  assert.deepEqual([...keys].sort((a, b) => compareKeys(a, b, false)),
    ["2025-05-14", "2028-05-09", "2033-05-14", ""]);
  assert.deepEqual([...keys].sort((a, b) => compareKeys(a, b, true)),
    ["2033-05-14", "2028-05-09", "2025-05-14", ""]);
});

/* Just enough of the DOM for refresh(): an element carrying the dates, its status label and
 * its 即将失效 flag, as the validity page's rows and the document panel render them. */
function fakeValidityElement(dates) {
  const label = { dataset: { status: "in_force" }, textContent: "现行有效" };
  const soon = { hidden: true };
  const parts = { ".validity-status": label, "[data-validity-soon]": soon };
  return { dataset: { ...dates }, label, soon, querySelector: (selector) => parts[selector] || null };
}

function fakeDocument(elements, today) {
  const lists = { "[data-expiry]": elements, "[data-validity-today]": [today] };
  return { querySelectorAll: (selector) => lists[selector] || [], querySelector: () => null };
}

test("refresh rewrites a page built earlier with today's status", () => {
  const built = { effective: "2023-05-15", expiry: "2033-05-14", repealed: "" };
  const row = fakeValidityElement(built);
  const today = { hidden: true, textContent: "" };
  refresh(fakeDocument([row], today), "2033-01-01");
  assert.equal(row.dataset.status, "in_force");
  assert.equal(row.soon.hidden, false); // 133 days left
  assert.equal(today.hidden, false);
  assert.match(today.textContent, /2033-01-01/);

  refresh(fakeDocument([row], today), "2033-05-15");
  assert.equal(row.label.textContent, "已失效");
  assert.equal(row.label.dataset.status, "expired");
  assert.equal(row.soon.hidden, true);

  const repealed = fakeValidityElement({ ...built, repealed: "2030-01-01" });
  refresh(fakeDocument([repealed], today), "2030-01-01");
  assert.equal(repealed.label.textContent, "已废止");
});
