import assert from "node:assert/strict";
import { test } from "node:test";
import { decimal, signed } from "../../docs/assets/js/numbers.js";

test("numbers are written with a decimal comma and a true minus sign", () => {
  assert.deepEqual([decimal(3.5), decimal(-7.5), decimal(72), decimal(0)], ["3,5", "−7,5", "72", "0"]);
});

test("a difference carries its sign, zero is ±0 and a missing value a dash", () => {
  assert.deepEqual(
    [signed(13), signed(3.5), signed(-35), signed(-7.5), signed(0), signed(null), signed(undefined)],
    ["+13", "+3,5", "−35", "−7,5", "±0", "–", "–"],
  );
});
