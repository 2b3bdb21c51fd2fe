import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { decodeFile, ENCODING_REFUSED, readFileText } from "../../docs/assets/js/file-text.js";

// The same vectors as tests/test_scoring_encodings.py: the page decides as the command line.
const { refused, vectors } = JSON.parse(
  await readFile(new URL("../fixtures/encodings/vectors.json", import.meta.url), "utf8"),
);
const bytes = (hex) => Uint8Array.from(hex.split(" ").filter(Boolean), (pair) => Number.parseInt(pair, 16));

test("the message is the one scoring_py gives", () => {
  assert.equal(ENCODING_REFUSED, refused);
});

for (const vector of vectors) {
  test(`encoding: ${vector.name}`, () => {
    if (vector.refused) assert.throws(() => decodeFile(bytes(vector.hex)), { message: refused });
    else assert.equal(decodeFile(bytes(vector.hex)), vector.text);
  });
}

test("a File or Blob is read by the same rule", async () => {
  const utf16 = new Blob([bytes("ff fe 7b 00 7d 00")]);
  assert.equal(await readFileText(utf16), "{}");
  await assert.rejects(readFileText(new Blob([bytes("7b 00 7d 00")])), { message: refused });
});
