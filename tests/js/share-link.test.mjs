import assert from "node:assert/strict";
import { test } from "node:test";
import { validateAnswers } from "../../docs/assets/js/answers.js";
import { decodeShare, encodeShare, isShareFragment } from "../../docs/assets/js/share-link.js";
import { model } from "./model.mjs";

test("a state survives the share link, unanswered, not applicable and role included", () => {
  const answers = new Map([
    ["a-1", 5],
    ["b-1", "ej-aktuellt"],
    ["b-2", 1],
  ]);
  const fragment = encodeShare({ answers, role: "saljare" }, model);
  // One character per item in sorted id order (a-1 a-2 b-1 b-2): "50x1", base64url → "NTB4MQ".
  assert.equal(fragment, "svar=NTB4MQ&v=e4cbb64d8199&roll=saljare");
  assert.deepEqual(decodeShare(`#${fragment}`, model), {
    format: "saljkompetens-svar",
    version: 1,
    answers: { "a-1": 5, "b-1": "ej-aktuellt", "b-2": 1 },
    role: "saljare",
  });
});

test("on a self-test's page, a link's answers are answers to that self-test", () => {
  const selftest = { ...model, selftest: "larande", selftestTitle: "Lärande" };
  const fragment = encodeShare({ answers: new Map([["a-2", 3]]), role: null }, selftest);
  const data = decodeShare(`#${fragment}`, selftest);
  assert.equal(data.selftest, "larande");
  assert.deepEqual(Object.fromEntries(validateAnswers(data, selftest, "Länken").answers), { "a-2": 3 });
  assert.equal("selftest" in decodeShare(`#${fragment}`, model), false); // the assessment's page
});

test("a link made before the form was reordered puts every answer on its own statement", () => {
  const reordered = { ...model, itemIds: ["b-2", "a-1", "b-1", "a-2"] }; // e.g. a title changed
  const answers = new Map([
    ["a-1", 5],
    ["a-2", 2],
    ["b-2", 1],
  ]);
  const fragment = encodeShare({ answers, role: null }, model);
  assert.deepEqual(decodeShare(`#${fragment}`, reordered).answers, { "a-1": 5, "a-2": 2, "b-2": 1 });
});

test("a link made for other statements is refused, never read onto the wrong ones", () => {
  const other = { ...model, itemIds: ["a-1", "a-2", "b-1", "c-1"] };
  const otherKey = { ...other, formats: { ...model.formats, share_key: "0123456789ab" } };
  const fragment = encodeShare({ answers: new Map([["a-1", 4]]), role: null }, otherKey);
  assert.throws(() => decodeShare(`#${fragment}`, model), /gjordes för andra påståenden än dagens/);
  // A link of the same length from before links said what they were for: refused too.
  assert.throws(() => decodeShare("#svar=NTB4MQ", model), /äldre version av webbplatsen/);
});

test("an ordinary anchor is not a share link", () => {
  assert.equal(isShareFragment("#resultat"), false);
  assert.equal(decodeShare("#resultat", model), null);
  assert.equal(isShareFragment("#svar=abc"), true);
});

test("broken share links are refused with a Swedish message", () => {
  const v = model.formats.share_key;
  assert.throws(() => decodeShare(`#svar=!!!&v=${v}`, model), /kunde inte avkodas/);
  assert.throws(() => decodeShare(`#svar=MTIz&v=${v}`, model), /innehåller 3 svar men det finns 4 påståenden/);
  assert.throws(() => decodeShare(`#svar=${"A".repeat(5000)}&v=${v}`, model), /för lång/);
  assert.throws(() => decodeShare(`#svar=OTExMQ&v=${v}`, model), /ogiltiga svar/); // "9111": 9 > 5
});
