// The same vectors as tests/test_format_vectors.py: the page's import (answers.js parseImport)
// accepts and refuses what scoring_py.formats.read_answers does, with the names and limits the
// page gets from scoring_py (formats.json is page_formats(), as pytest checks).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { modelFromDefinition, parseImport } from "../../docs/assets/js/answers.js";
import { formats } from "./model.mjs";

const fixture = async (path) => JSON.parse(await readFile(new URL(`../fixtures/${path}`, import.meta.url), "utf8"));
const { vectors, selftest } = await fixture("answers/vectors.json");
const definition = await fixture("scoring/definition.json");
const models = {
  assessment: modelFromDefinition(definition, formats),
  selftest: modelFromDefinition({ ...definition, selftest }, formats),
};
const raters = Object.values(formats.raters);

for (const vector of vectors) {
  test(`answers: ${vector.name}`, () => {
    const model = models[vector.definition ?? "assessment"];
    const text = vector.text ?? JSON.stringify(vector.data);
    const on = (rater) => ({ ...model, rater });
    if (vector.refused) {
      for (const rater of raters) assert.throws(() => parseImport(text, on(rater)), Error, `${rater}: accepted`);
      return;
    }
    const expected = { role: null, label: null, rater: formats.raters.self, ...vector.yields };
    const state = parseImport(text, on(expected.rater));
    assert.deepEqual(Object.fromEntries(state.answers), expected.answers);
    assert.equal(state.role, expected.role);
    assert.equal(state.label ?? null, expected.label);
    assert.equal(model.selftest, expected.selftest ?? null);
    // a file by one rater is refused on the other rater's page
    for (const other of raters.filter((rater) => rater !== expected.rater)) {
      assert.throws(() => parseImport(text, on(other)), /chefs skattning|säljares egna svar/);
    }
  });
}
