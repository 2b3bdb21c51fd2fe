import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ATTEMPTS_KEY,
  AttemptStore,
  answeredCount,
  byDate,
  fileAttempt,
  isDate,
  localDate,
  MAX_ATTEMPTS,
  ownAttempt,
  parseAttempts,
  sameAttempt,
} from "../../docs/assets/js/attempts.js";
import { decision } from "../../docs/assets/js/compare-view.js";
import { signed } from "../../docs/assets/js/numbers.js";
import { attemptNames } from "../../docs/assets/js/progress-chart.js";
import { FakeStorage } from "./fake-storage.mjs";
import { answersObject, model } from "./model.mjs";

const attempt = (date, answers) => ({ date, key: model.formats.share_key, answers: answersObject(answers) });

test("the visitor's own day, as YYYY-MM-DD in the local time zone", () => {
  assert.equal(localDate(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(localDate(new Date(2026, 10, 28, 0, 1)), "2026-11-28");
  assert.ok(isDate("2026-02-28"));
  for (const bad of ["2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026-01-32", 20260101, null]) {
    assert.equal(isDate(bad), false, String(bad));
  }
});

test("one's own attempt carries the date, the share key and the answers", () => {
  const state = { answers: new Map([["a-1", 4]]), role: "saljare", label: "AB" };
  const own = ownAttempt(state, model, "2026-03-01");
  assert.deepEqual(own, {
    date: "2026-03-01",
    key: "e4cbb64d8199",
    answers: { ...answersObject({ "a-1": 4 }, "saljare"), label: "AB" },
  });
});

test("an export's date comes from the file, then its answers, then the fallback", () => {
  const inner = { ...answersObject({ "a-1": 4, "a-2": 2 }), date: "2025-05-05" };
  const exported = { format: "saljkompetens-export", version: 1, date: "2025-06-01", answers: inner, result: null };
  assert.equal(fileAttempt(JSON.stringify(exported), model, "2026-01-01").attempt.date, "2025-06-01");
  const { date: _, ...undated } = exported;
  const read = fileAttempt(JSON.stringify(undated), model, "2026-01-01");
  assert.deepEqual([read.attempt.date, read.dated], ["2025-05-05", true]);
  const plain = fileAttempt(JSON.stringify(answersObject({ "a-1": 4 })), model, "2026-01-01");
  assert.deepEqual([plain.attempt.date, plain.dated, plain.attempt.key], ["2026-01-01", false, null]);
  assert.throws(() => fileAttempt(JSON.stringify(answersObject({ "a-1": 4 })), model, null), /saknar datum/);
});

test("answers to statements no longer asked are kept for scoring_py and counted; bad ones are not", () => {
  const data = answersObject({ "a-1": 4, "gammal-1": 3, "gammal-2": "ej-aktuellt", "gammal-3": 9, "gammal-4": null });
  const read = fileAttempt(JSON.stringify(data), model, "2025-01-01");
  assert.equal(read.retired, 2);
  assert.deepEqual(read.attempt.answers.answers, { "a-1": 4, "gammal-1": 3, "gammal-2": "ej-aktuellt" });
  assert.equal(answeredCount(read.attempt), 2); // "ej-aktuellt" is no answer on the scale
});

test("a manager's rating, a self-test's answers and a known statement off the scale are refused", () => {
  const manager = { ...answersObject({ "a-1": 4 }), rater: "manager", label: "AB" };
  assert.throws(() => fileAttempt(JSON.stringify(manager), model, "2026-01-01"), /chefs skattning/);
  const selftest = { ...answersObject({ "a-1": 4 }), selftest: "larande" };
  assert.throws(() => fileAttempt(JSON.stringify(selftest), model, "2026-01-01"), /självtestet/);
  assert.throws(() => fileAttempt(JSON.stringify(answersObject({ "a-1": 7 })), model, "2026-01-01"), /heltal/);
  assert.throws(() => fileAttempt("{", model, "2026-01-01"), /JSON/);
});

test("the stored list is read defensively and sorted by date, saving order within a day", () => {
  const good = [attempt("2026-09-01", { "a-1": 1 }), attempt("2026-03-01", { "a-1": 2 })];
  const text = JSON.stringify([...good, { date: "i går", answers: {} }, 7, attempt("2026-03-01", { "a-1": 3 })]);
  const read = parseAttempts(text);
  assert.equal(read.length, 3);
  assert.deepEqual(
    byDate(read).map((a) => [a.date, a.answers.answers["a-1"]]),
    [
      ["2026-03-01", 2],
      ["2026-03-01", 3],
      ["2026-09-01", 1],
    ],
  );
  assert.deepEqual(parseAttempts("inte json"), []);
  assert.deepEqual(parseAttempts('{"date": "2026-01-01"}'), []);
  assert.deepEqual(attemptNames(byDate(read)), ["2026-03-01", "2026-03-01 (2)", "2026-09-01"]);
});

test("the store adds an attempt once, removes one and erases them all", () => {
  const storage = new FakeStorage();
  const store = new AttemptStore(() => storage);
  const first = attempt("2026-03-01", { "a-1": 2, "b-1": 4 });
  assert.deepEqual([store.add(first).added, store.add(first).added], [true, false]);
  const reordered = attempt("2026-03-01", { "b-1": 4, "a-1": 2 }); // the same answers
  assert.equal(sameAttempt(first, reordered), true);
  assert.equal(store.add(reordered).added, false);
  const second = attempt("2026-09-01", { "a-1": 5, "b-1": 4 });
  assert.equal(store.add(second).attempts.length, 2);
  assert.equal(JSON.parse(storage.getItem(ATTEMPTS_KEY)).length, 2);
  assert.deepEqual(store.remove(first).attempts, [second]);
  assert.deepEqual(store.erase(), { ok: true, attempts: [] });
  assert.equal(storage.getItem(ATTEMPTS_KEY), null);
});

test("at most MAX_ATTEMPTS are kept, the oldest saved first to go; a full storage is told", () => {
  const storage = new FakeStorage();
  const store = new AttemptStore(() => storage);
  for (let n = 0; n <= MAX_ATTEMPTS; n += 1) store.add(attempt("2026-01-01", { "a-1": 1 + (n % 5), "a-2": n }));
  const kept = store.read().attempts;
  assert.equal(kept.length, MAX_ATTEMPTS);
  assert.equal(kept[0].answers.answers["a-2"], 1);
  storage.full = true;
  const failed = store.add(attempt("2026-02-02", { "a-1": 3 }));
  assert.equal(failed.ok, false);
  assert.equal(failed.error.name, "QuotaExceededError");
});

test("a change is written with its sign, and the decision in words", () => {
  assert.deepEqual([signed(13), signed(-35), signed(0)], ["+13", "−35", "±0"]);
  assert.deepEqual(
    [decision({ reliable: "up" }), decision({ reliable: "down" }), decision({ reliable: null })],
    ["tydlig förbättring", "tydlig försämring", "ingen säker förändring"],
  );
});
