// The validity page's script with "today" fixed: filters, counts, sort keys, URL state and
// the restating of rows. Its status rules are status.js's, tested on the cases shared with
// the Python rules in status.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  matches, countByStatus, compareKeys, refresh, readState, writeState,
} from "../../templates/assets/validity.js";

const EXPIRY = "2028-05-09";

test("filters", () => {
  const row = { status: "in_force", issuer: "温州市人民政府办公室", year: "2023", expiry: "2028-05-09" };
  const today = "2028-04-01";
  assert.equal(matches(row, {}, today), true);
  assert.equal(matches(row, { status: "expired" }, today), false);
  assert.equal(matches(row, { issuer: "温州市人民政府" }, today), false);
  assert.equal(matches(row, { year: "2023", issuer: "温州市人民政府办公室" }, today), true);
  const measures = { ...row, level: "normative_document", form: "办法" };
  assert.equal(matches(measures, { level: "normative_document", form: "办法" }, today), true);
  assert.equal(matches(measures, { level: "policy_document" }, today), false);
  assert.equal(matches(measures, { form: "方案" }, today), false);
  assert.equal(matches(row, { within: "30" }, today), false); // 38 days
  assert.equal(matches(row, { within: "90" }, today), true);
  assert.equal(matches({ ...row, status: "expired" }, { within: "180" }, today), false);
  assert.equal(matches(row, { within: "" }, today), true); // an empty field filters nothing
});

test("free text: every word, anywhere in the row, any case", () => {
  const row = { status: "in_force", issuer: "", year: "2023", expiry: "",
    text: "温政办〔2023〕42号 温州市区公共租赁住房保障管理办法 General Office" };
  assert.equal(matches(row, { q: "42号" }, "2026-01-01"), true);
  assert.equal(matches(row, { q: "租赁住房 温政办" }, "2026-01-01"), true);
  assert.equal(matches(row, { q: "general office" }, "2026-01-01"), true);
  assert.equal(matches(row, { q: "租赁 消防" }, "2026-01-01"), false);
});

test("counts per status ignore the status filter, keep the others", () => {
  const docs = [
    { status: "in_force", issuer: "A", year: "2023", expiry: "", text: "" },
    { status: "in_force", issuer: "B", year: "2023", expiry: "", text: "" },
    { status: "expired", issuer: "A", year: "2022", expiry: "", text: "" },
    { status: null, issuer: "A", year: "2023", expiry: "", text: "" },
  ];
  assert.deepEqual(countByStatus(docs, { status: "expired" }, "2026-01-01"),
    { not_yet_in_force: 0, in_force: 2, expired: 1, repealed: 0 });
  assert.deepEqual(countByStatus(docs, { issuer: "A" }, "2026-01-01"),
    { not_yet_in_force: 0, in_force: 1, expired: 1, repealed: 0 });
});

test("URL state: read back what was written; the default view is no query", () => {
  const state = { as_of: "2024-03-01", status: "in_force", level: "normative_document", form: "办法",
    issuer: "温州市人民政府", year: "2023",
    within: "90", q: "住房 42号", sort: "title", order: "desc" };
  assert.deepEqual(readState(writeState(state)), state);
  assert.equal(writeState(readState("")), "");
  assert.deepEqual(readState("?as_of=2024-13&within=soon&order=up"),
    { as_of: "", status: "", level: "", form: "", issuer: "", year: "", within: "", q: "", sort: "expiry", order: "asc" });
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
  const parts = { "[data-status-of]": label, "[data-validity-soon]": soon };
  return { dataset: { ...dates }, label, soon, querySelector: (selector) => parts[selector] || null };
}

function fakeDocument(elements, today) {
  const lists = { "[data-expiry]:not([data-status-of])": elements, "[data-validity-today]": [today] };
  return { querySelectorAll: (selector) => lists[selector] || [], querySelector: () => null };
}

test("refresh rewrites a page built earlier with today's status", () => {
  const built = { effective: "2023-05-15", expiry: "2033-05-14", repealedOn: "" };
  const row = fakeValidityElement(built);
  const today = { hidden: true, textContent: "" };
  refresh(fakeDocument([row], today), {}, "2033-01-01");
  assert.equal(row.dataset.status, "in_force");
  assert.equal(row.soon.hidden, false); // 133 days left
  assert.match(today.textContent, /2033-01-01/);

  refresh(fakeDocument([row], today), {}, "2033-05-15");
  assert.equal(row.label.textContent, "已失效");
  assert.equal(row.label.dataset.status, "expired");
  assert.equal(row.soon.hidden, true);

  const repealed = fakeValidityElement({ ...built, repealedOn: "2030-01-01" });
  refresh(fakeDocument([repealed], today), {}, "2030-01-01");
  assert.equal(repealed.label.textContent, "已废止");
});
