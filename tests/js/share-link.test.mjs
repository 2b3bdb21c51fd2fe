import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeShare, encodeShare, isShareFragment } from "../../docs/assets/js/share-link.js";
import { model } from "./model.mjs";

test("a state survives the share link, unanswered items and role included", () => {
  const state = {
    answers: new Map([
      ["a-1", 5],
      ["b-2", 1],
    ]),
    role: "saljare",
  };
  const fragment = encodeShare(state, model.itemIds);
  // One digit per item in the form's order: "5001", base64url → "NTAwMQ".
  assert.equal(fragment, "svar=NTAwMQ&roll=saljare");
  assert.deepEqual(decodeShare(`#${fragment}`, model), {
    format: "saljkompetens-svar",
    version: 1,
    answers: { "a-1": 5, "b-2": 1 },
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
