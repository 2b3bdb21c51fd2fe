import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AnswerStore,
  answerStore,
  failureText,
  formerStorageKey,
  OwnAnswers,
  STORAGE_KEY,
  storageKey,
} from "../../docs/assets/js/storage.js";
import { FakeStorage } from "./fake-storage.mjs";
import { answersObject, model } from "./model.mjs";

const tab = (storage) => new OwnAnswers(model, new AnswerStore("k", () => storage));
const set = (id, value) => (base) => ({ ...base, answers: new Map([...base.answers, [id, value]]) });
const answers = (result) => Object.fromEntries(result.state.answers);

test("two tabs that answer different items both keep their answers", () => {
  const storage = new FakeStorage();
  const first = tab(storage);
  const second = tab(storage);
  first.load();
  second.load(); // both opened before either answered
  first.change(set("a-1", 5));
  const merged = second.change(set("b-1", 2)); // reads what the first tab stored
  assert.deepEqual(answers(merged), { "a-1": 5, "b-1": 2 });
  assert.deepEqual(JSON.parse(storage.getItem("k")).answers, { "a-1": 5, "b-1": 2 });
});

test("an erase in one tab holds: the other tab does not write old answers back", () => {
  const storage = new FakeStorage();
  const first = tab(storage);
  const second = tab(storage);
  first.change(set("a-1", 5));
  second.load();
  first.erase();
  const after = second.change(set("b-2", 3)); // before the storage event arrived
  assert.deepEqual(answers(after), { "b-2": 3 });
});

test("a full storage is reported, and the answers stay in the page", () => {
  const storage = new FakeStorage();
  const own = tab(storage);
  own.change(set("a-1", 4));
  storage.full = true;
  const result = own.change(set("a-2", 1));
  assert.equal(result.failure.name, "QuotaExceededError");
  assert.equal(failureText(result.failure), "webbläsarens lagring för den här webbplatsen är full");
  assert.deepEqual(answers(result), { "a-1": 4, "a-2": 1 });
  storage.full = false;
  const saved = own.change(set("b-1", 5)); // room again: everything is kept
  assert.equal(saved.failure, null);
  assert.deepEqual(JSON.parse(storage.getItem("k")).answers, { "a-1": 4, "a-2": 1, "b-1": 5 });
});

test("disabled storage is reported on load and on change", () => {
  const denied = () => {
    throw Object.assign(new Error("nej"), { name: "SecurityError" });
  };
  const own = new OwnAnswers(model, new AnswerStore("k", denied));
  assert.equal(own.load().failure.name, "SecurityError");
  const result = own.change(set("a-1", 3));
  assert.equal(failureText(result.failure), "webbläsaren tillåter inte att webbplatsen sparar något");
  assert.deepEqual(answers(result), { "a-1": 3 });
});

test("stored answers this page cannot read are reported and not used", () => {
  const storage = new FakeStorage();
  storage.setItem("k", '{"format":"annat"}');
  const loaded = tab(storage).load();
  assert.equal(loaded.unreadable, true);
  assert.deepEqual(answers(loaded), {});
});

test("another tab's changes and erasures arrive as storage events", () => {
  const storage = new FakeStorage();
  const own = tab(storage);
  const target = new EventTarget();
  const seen = [];
  own.watch(target, (state, erased) => seen.push([Object.fromEntries(state.answers), erased]));
  const event = (key, newValue) => Object.assign(new Event("storage"), { key, newValue });
  target.dispatchEvent(event("k", JSON.stringify({ format: "saljkompetens-svar", version: 1, answers: { "a-1": 2 } })));
  target.dispatchEvent(event("annan-nyckel", "x"));
  target.dispatchEvent(event("k", null));
  assert.deepEqual(seen, [
    [{ "a-1": 2 }, false],
    [{}, true],
  ]);
});

test("stored answers to statements no longer asked are left out, counted, and the rest kept", () => {
  const storage = new FakeStorage();
  const old = { format: "saljkompetens-svar", version: 1, answers: { "a-1": 4, "gammal-1": 2, "gammal-2": null } };
  storage.setItem("k", JSON.stringify({ ...old, role: "borttagen-roll" }));
  const loaded = tab(storage).load();
  assert.equal(loaded.dropped, 1);
  assert.deepEqual(answers(loaded), { "a-1": 4 });
  assert.equal(loaded.state.role, null);
});

test("each self-test keeps its answers under its own key, apart from the self-assessment's", () => {
  assert.equal(storageKey(null), STORAGE_KEY);
  assert.equal(storageKey("larande"), "saljkompetens.sjalvtest.larande.v1");
  assert.notEqual(storageKey("larande"), storageKey("sju"));
  assert.equal(formerStorageKey("larande"), "saljkompetens.test.larande.v1");
  assert.equal(formerStorageKey(null), null); // the assessment's key never changed
});

const selftest = { ...model, selftest: "larande", selftestTitle: "Lärande" };
const NEW = "saljkompetens.sjalvtest.larande.v1";
const FORMER = "saljkompetens.test.larande.v1";
const formerText = JSON.stringify({ ...answersObject({ "a-1": 4, "b-2": 1 }), check: "larande" });

test("answers kept under the former key move to the new one on load, validated as usual", () => {
  const storage = new FakeStorage();
  storage.setItem(FORMER, formerText);
  const loaded = new OwnAnswers(
    selftest,
    answerStore("larande", () => storage),
  ).load();
  assert.deepEqual(answers(loaded), { "a-1": 4, "b-2": 1 });
  assert.equal(loaded.unreadable, false);
  assert.equal(storage.getItem(NEW), formerText); // copied as it was: nothing lost
  assert.equal(storage.getItem(FORMER), null);
  // the next change writes the new field only
  const changed = new OwnAnswers(
    selftest,
    answerStore("larande", () => storage),
  ).change(set("a-2", 5));
  assert.deepEqual(answers(changed), { "a-1": 4, "a-2": 5, "b-2": 1 });
  const written = JSON.parse(storage.getItem(NEW));
  assert.equal(written.selftest, "larande");
  assert.equal("check" in written, false);
});

test("the former key is left alone when the new one holds answers, and when the copy fails", () => {
  const storage = new FakeStorage();
  const current = JSON.stringify({ ...answersObject({ "b-1": 2 }), selftest: "larande" });
  storage.setItem(NEW, current);
  storage.setItem(FORMER, formerText);
  const own = new OwnAnswers(
    selftest,
    answerStore("larande", () => storage),
  );
  assert.deepEqual(answers(own.load()), { "b-1": 2 });
  assert.equal(storage.getItem(FORMER), formerText);

  const full = new FakeStorage();
  full.setItem(FORMER, formerText);
  full.full = true;
  const failed = new OwnAnswers(
    selftest,
    answerStore("larande", () => full),
  ).load();
  assert.equal(failed.failure.name, "QuotaExceededError");
  assert.equal(full.getItem(FORMER), formerText); // still there, to be moved once there is room
  assert.equal(full.getItem(NEW), null);
  full.full = false;
  assert.deepEqual(
    answers(
      new OwnAnswers(
        selftest,
        answerStore("larande", () => full),
      ).load(),
    ),
    {
      "a-1": 4,
      "b-2": 1,
    },
  );
});

test("unreadable answers under the former key move too, and are reported as usual", () => {
  const storage = new FakeStorage();
  storage.setItem(FORMER, "{inte json");
  const loaded = new OwnAnswers(
    selftest,
    answerStore("larande", () => storage),
  ).load();
  assert.equal(loaded.unreadable, true);
  assert.deepEqual(answers(loaded), {});
  assert.equal(storage.getItem(NEW), "{inte json");
  assert.equal(storage.getItem(FORMER), null);
});

test("erasing a self-test's answers erases them under the former key too; the assessment has none", () => {
  const storage = new FakeStorage();
  storage.setItem(NEW, formerText);
  storage.setItem(FORMER, formerText);
  new OwnAnswers(
    selftest,
    answerStore("larande", () => storage),
  ).erase();
  assert.deepEqual([...storage.items.keys()], []);
  storage.setItem(FORMER, formerText);
  const assessment = new OwnAnswers(
    model,
    answerStore(null, () => storage),
  );
  assert.deepEqual(answers(assessment.load()), {});
  assert.equal(storage.getItem(FORMER), formerText); // another page's answers: not the assessment's
});
