import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeShare, encodeShare, isShareFragment } from "../../docs/assets/js/share-link.js";
import { model } from "./model.mjs";

test("a state survives the share link, unanswered, not applicable and role included", () => {
  const answers = new Map([
    ["a-1", 5],
    ["b-1", "ej-aktuellt"],
    ["b-2", 1],
  ]);
  const fragment = encodeShare({ answers, role: "saljare" }, model);
  // One character per item in the form's order: "50x1", base64url → "NTB4MQ".
  assert.equal(fragment, "svar=NTB4MQ&roll=saljare");
  assert.deepEqual(decodeShare(`#${fragment}`, model), {
    format: "saljkompetens-svar",
    version: 1,
    answers: { "a-1": 5, "b-1": "ej-aktuellt", "b-2": 1 },
    role: "saljare",
  });
});

test("an ordinary anchor is not a share link", () => {
  assert.equal(isShareFragment("#resultat"), false);
  assert.equal(decodeShare("#resultat", model), null);
  assert.equal(isShareFragment("#svar=abc"), true);
});

test("broken share links are refused with a Swedish message", () => {
  assert.throws(() => decodeShare("#svar=!!!", model), /kunde inte avkodas/);
  assert.throws(() => decodeShare("#svar=MTIz", model), /innehåller 3 svar men det finns 4 påståenden/);
  assert.throws(() => decodeShare(`#svar=${"A".repeat(5000)}`, model), /för lång/);
  assert.throws(() => decodeShare("#svar=OTExMQ", model), /ogiltiga svar/); // "9111": 9 > 5
});
