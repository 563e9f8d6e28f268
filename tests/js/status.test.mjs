// The browser's 时效性 rules (templates/assets/status.js) on the cases the Python rules are
// tested on (tests/data/status_cases.json, read by tests/test_status.py too).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { statusOn, expiringSoon, localISO, labelsFor, STATUS_LABELS } from "../../templates/assets/status.js";

const cases = JSON.parse(readFileSync(new URL("../data/status_cases.json", import.meta.url), "utf-8"));

test("statusOn agrees with status_on on every shared case", () => {
  assert.ok(cases.status_on.length >= 15);
  for (const c of cases.status_on) {
    const facts = { effective: c.facts.effective, expiry: c.facts.expiry, repealedOn: c.facts.repealed_on };
    assert.equal(statusOn(facts, c.as_of), c.status, c.note);
  }
});

test("expiringSoon agrees with expiring_soon on every shared case", () => {
  for (const c of cases.expiring_soon) {
    const got = c.days === null ? expiringSoon(c.expiry, c.as_of) : expiringSoon(c.expiry, c.as_of, c.days);
    assert.equal(got, c.expiring_soon, c.note);
  }
});

test("today is the reader's calendar date", () => {
  assert.equal(localISO(new Date(2026, 10, 29, 23, 59)), "2026-11-29");
  assert.equal(localISO(new Date(2027, 0, 1, 0, 0)), "2027-01-01");
});

test("labels per page language, Chinese when the language has none", () => {
  assert.equal(labelsFor("en").repealed, "Repealed");
  assert.equal(labelsFor("zh-CN").repealed, "已废止");
  assert.equal(labelsFor("fr"), STATUS_LABELS.zh);
});
