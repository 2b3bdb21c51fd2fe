import assert from "node:assert/strict";
import { test } from "node:test";
import {
  emptyState,
  exportObject,
  fileSelftest,
  modelFromDefinition,
  parseImport,
  readImportFile,
  toObject,
  validateAnswers,
} from "../../docs/assets/js/answers.js";
import { ENCODING_REFUSED } from "../../docs/assets/js/file-text.js";
import { answersObject, formats, model } from "./model.mjs";

test("not applicable is an answer of its own; anything else off the scale is refused", () => {
  const state = validateAnswers(answersObject({ "a-1": "ej-aktuellt" }), model, "Filen");
  assert.equal(state.answers.get("a-1"), "ej-aktuellt");
  assert.throws(
    () => validateAnswers(answersObject({ "a-1": "ej aktuellt" }), model, "Filen"),
    /heltal från 1 till 5 eller "ej-aktuellt"/,
  );
});

test("valid answers become a state, in any key order; null is unanswered", () => {
  const state = validateAnswers(answersObject({ "b-1": 2, "a-1": 5, "a-2": null }, "saljare"), model, "Filen");
  assert.deepEqual(
    [...state.answers],
    [
      ["b-1", 2],
      ["a-1", 5],
    ],
  );
  assert.equal(state.role, "saljare");
  assert.deepEqual(toObject(state, model), answersObject({ "a-1": 5, "b-1": 2 }, "saljare"));
});

test("every kind of invalid answers is refused with a Swedish message", () => {
  const cases = [
    [null, /Filen är inte ett JSON-objekt/],
    [[1, 2], /Filen är inte ett JSON-objekt/],
    [
      { ...answersObject({}), format: "x" },
      /fel format \(ska vara "saljkompetens-svar" eller "saljkompetens-export"\)/,
    ],
    [{ ...answersObject({}), version: 2 }, /version som inte stöds \(ska vara 1\)/],
    [{ ...answersObject({}), answers: [] }, /"answers" ska vara ett objekt/],
    [answersObject({ "x-9": 3 }), /okänt påstående: "x-9"/],
    [answersObject({ "a-1": 6 }), /heltal från 1 till 5/],
    [answersObject({ "a-1": 2.5 }), /heltal från 1 till 5/],
    [answersObject({ "a-1": "4" }), /heltal från 1 till 5/],
    [
      JSON.parse('{"format":"saljkompetens-svar","version":1,"answers":{"__proto__":1}}'),
      /okänt påstående: "__proto__"/,
    ],
    [answersObject({}, "vd"), /okänd roll: "vd"/],
    [answersObject({}, 7), /okänd roll\./],
    [answersObject({ "a-1": 1, "a-2": 1, "b-1": 1, "b-2": 1, c: 1 }), /fler svar \(5\) än det finns påståenden \(4\)/],
  ];
  for (const [data, message] of cases) {
    assert.throws(() => validateAnswers(data, model, "Filen"), message, JSON.stringify(data));
  }
});

test("an import is the page's export or plain answers; anything else is refused", () => {
  const plain = answersObject({ "a-1": 4 });
  assert.deepEqual([...parseImport(JSON.stringify(plain), model).answers], [["a-1", 4]]);
  const exported = exportObject(validateAnswers(plain, model, "x"), model, { overall: 1 });
  assert.equal(exported.format, "saljkompetens-export");
  assert.deepEqual([...parseImport(JSON.stringify(exported), model).answers], [["a-1", 4]]);
  assert.throws(() => parseImport("{nej", model), /inte giltig JSON/);
  assert.throws(() => parseImport(JSON.stringify({ ...exported, version: 9 }), model), /Exportfilen har en version/);
  assert.throws(
    () => parseImport(JSON.stringify({ ...exported, answers: {} }), model),
    /Svaren i exportfilen har fel format/,
  );
});

test("an empty state has no answers and no role", () => {
  assert.deepEqual(toObject(emptyState(), model), answersObject({}));
});

test("a chosen file over 100 kB is refused before it is read; one under it is parsed", async () => {
  const big = new Blob(["x".repeat(100 * 1024 + 1)]); // formats.import_max_bytes is 100 kB
  await assert.rejects(readImportFile(big, model), /Filen är för stor \(101 kB\); högst 100 kB\./);
  const small = new Blob([JSON.stringify(answersObject({ "a-1": 3 }))]);
  const state = await readImportFile(small, model);
  assert.equal(state.answers.get("a-1"), 3);
});

test("an imported file is read by the command line's encoding rule: UTF-16 with a BOM, not without", async () => {
  const text = JSON.stringify(answersObject({ "a-1": 3 }));
  const utf16le = (bom) => {
    const bytes = new Uint8Array(bom.length + text.length * 2);
    bytes.set(bom);
    for (let i = 0; i < text.length; i++) bytes[bom.length + 2 * i] = text.charCodeAt(i); // ASCII text
    return new Blob([bytes]);
  };
  const state = await readImportFile(utf16le([0xff, 0xfe]), model);
  assert.equal(state.answers.get("a-1"), 3);
  await assert.rejects(readImportFile(utf16le([]), model), { message: ENCODING_REFUSED });
  await assert.rejects(readImportFile(new Blob([new Uint8Array([0x7b, 0xe5, 0x7d])]), model), {
    message: ENCODING_REFUSED,
  });
});

test("a page with only some statements knows every statement and role of the definition", () => {
  const definition = {
    scale: { min: 1, max: 5 },
    competencies: [{ items: [{ id: "a-1" }, { id: "a-2" }] }, { items: [{ id: "b-1" }] }],
    roles: [{ slug: "saljare" }],
  };
  const derived = modelFromDefinition(definition, model.formats);
  assert.deepEqual(derived.itemIds, ["a-1", "a-2", "b-1"]);
  assert.deepEqual([...derived.roleSlugs], ["saljare"]);
  assert.equal(derived.scaleMin, 1);
  assert.equal(derived.scaleMax, 5);
  // stored answers to the other competencies are valid, so a change here keeps them
  const state = validateAnswers(answersObject({ "b-1": 4 }, "saljare"), derived, "Svaren");
  assert.equal(state.answers.get("b-1"), 4);
});

test("answers to a self-test carry its slug and belong on its page only", () => {
  const selftest = { ...model, selftest: "larande", selftestTitle: "Lärande eller bara resultat?" };
  const state = validateAnswers({ ...answersObject({ "a-1": 4 }), selftest: "larande" }, selftest, "Filen");
  assert.equal(toObject(state, selftest).selftest, "larande");
  assert.equal(toObject(state, model).selftest, undefined);
  // Another self-test's file, the assessment's on a self-test's page, a self-test's on the assessment's.
  assert.throws(
    () => validateAnswers({ ...answersObject({ "a-1": 4 }), selftest: "sju" }, selftest, "Filen"),
    /^Error: Filen innehåller svar på självtestet "sju", inte på självtestet Lärande eller bara resultat\?\. Öppna den på det självtestets egen sida\.$/,
  );
  assert.throws(
    () => validateAnswers(answersObject({ "a-1": 4 }), selftest, "Filen"),
    /svar på kompetensskattningen, inte på självtestet Lärande/,
  );
  assert.throws(
    () => parseImport(JSON.stringify({ ...answersObject({ "a-1": 4 }), selftest: "larande" }), model),
    /inte på kompetensskattningen\. Öppna den på det självtestets egen sida/,
  );
  assert.throws(
    () => validateAnswers({ ...answersObject({}), selftest: 7 }, selftest, "Filen"),
    /"selftest" ska vara text/,
  );
});

test("answers saved before the field was renamed name their self-test `check`: read, never written", () => {
  const selftest = { ...model, selftest: "larande", selftestTitle: "Lärande eller bara resultat?" };
  const old = { ...answersObject({ "a-1": 4, "b-2": 1 }), check: "larande" };
  const state = validateAnswers(old, selftest, "Filen");
  assert.deepEqual(Object.fromEntries(state.answers), { "a-1": 4, "b-2": 1 });
  const written = toObject(state, selftest);
  assert.equal(written.selftest, "larande");
  assert.equal("check" in written, false);
  // an old export, as the page exported it, imports as before
  const exported = { format: "saljkompetens-export", version: 1, answers: old, result: { check: { slug: "larande" } } };
  assert.deepEqual(Object.fromEntries(parseImport(JSON.stringify(exported), selftest).answers), {
    "a-1": 4,
    "b-2": 1,
  });
  // and is refused where it does not belong, as a new one is
  assert.throws(
    () => validateAnswers(old, model, "Filen"),
    /svar på självtestet "larande", inte på kompetensskattningen/,
  );
  assert.throws(
    () => validateAnswers({ ...old, check: "sju" }, selftest, "Filen"),
    /svar på självtestet "sju", inte på självtestet Lärande/,
  );
  // `selftest` wins when a file somehow has both
  assert.equal(validateAnswers({ ...old, selftest: "larande", check: "sju" }, selftest, "Filen").answers.size, 2);
});

test("a file says which self-test it answers, whether answers or an export", () => {
  const plain = { ...answersObject({ "a-1": 4 }), selftest: "larande" };
  assert.equal(fileSelftest(plain, formats), "larande");
  assert.equal(fileSelftest({ format: "saljkompetens-export", version: 1, answers: plain }, formats), "larande");
  assert.equal(fileSelftest({ ...answersObject({ "a-1": 4 }), check: "sju" }, formats), "sju");
  assert.equal(fileSelftest(answersObject({ "a-1": 4 }), formats), null);
  assert.equal(fileSelftest(null, formats), null);
  assert.equal(fileSelftest([1, 2], formats), null);
  // only the export format is unwrapped: answers inside anything else are not the file's
  assert.equal(fileSelftest({ format: "x", answers: plain }, formats), null);
});
