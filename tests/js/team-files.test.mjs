import assert from "node:assert/strict";
import { test } from "node:test";
import { ENCODING_REFUSED } from "../../docs/assets/js/file-text.js";
import { FILE_BUDGET_MS, fileBudget, readChosen, stoppedEntry } from "../../docs/assets/js/team-files.js";

test("chosen files are read by the encoding rule, refused over 1 MB, and named uniquely", async () => {
  const taken = new Set(["a.json"]);
  const chosen = [
    new File(["{}"], "a.json"),
    new File([new Uint8Array([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d])], "b.json"),
    new File([new Uint8Array([0x7b, 0x00, 0x7d, 0x00])], "c.json"),
    new File(["x".repeat(1_000_001)], "d.json"),
    new File(["x".repeat(1_000_000)], "e.json"),
  ];
  const entries = await readChosen(chosen, taken);
  assert.deepEqual(entries.slice(0, 3), [
    { name: "a.json (2)", text: "{}" },
    { name: "b.json", text: "{}" },
    { name: "c.json", error: ENCODING_REFUSED },
  ]);
  assert.deepEqual(entries[3], { name: "d.json", error: "Filen är för stor (977 kB); högst 1 MB." });
  assert.equal(entries[4].text.length, 1_000_000); // 1 000 000 bytes: as python -m scoring_py
});

test("the budget per file comes from the page, else 15 s; a stopped file says why", () => {
  assert.equal(fileBudget({ dataset: { fileBudgetMs: "250" } }), 250);
  assert.equal(fileBudget({ dataset: {} }), FILE_BUDGET_MS);
  assert.equal(fileBudget({ dataset: { fileBudgetMs: "inte ett tal" } }), 15_000);
  assert.deepEqual(stoppedEntry("stor.json", 15_000), {
    name: "stor.json",
    stopped: true,
    error:
      "Filen stoppades: poängräkningen kom inte vidare med den på 15 sekunder, så de andra filerna visas " +
      "utan den. Är den mycket stor eller ovanligt uppbyggd, be om en ny export.",
  });
  assert.match(stoppedEntry("x", 250).error, / på 0,3 sekunder/);
});
