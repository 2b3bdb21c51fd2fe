import assert from "node:assert/strict";
import { test } from "node:test";
import { ENCODING_REFUSED } from "../../docs/assets/js/file-text.js";
import {
  FILE_BUDGET_MS,
  fileBudget,
  fileState,
  namedEntries,
  readChosen,
  sizeText,
  stoppedEntry,
} from "../../docs/assets/js/team-files.js";
import { formats } from "./model.mjs";

test("chosen files are read by the encoding rule, refused over 1 MB, and named uniquely", async () => {
  const taken = new Set(["a.json"]);
  const chosen = [
    new File(["{}"], "a.json"),
    new File([new Uint8Array([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d])], "b.json"),
    new File([new Uint8Array([0x7b, 0x00, 0x7d, 0x00])], "c.json"),
    new File(["x".repeat(1_000_001)], "d.json"),
    new File(["x".repeat(1_000_000)], "e.json"),
  ];
  const entries = await readChosen(chosen, taken, formats.file_max_bytes);
  assert.deepEqual(entries.slice(0, 3), [
    { name: "a.json (2)", size: 2, text: "{}" },
    { name: "b.json", size: 6, text: "{}" },
    { name: "c.json", size: 4, error: ENCODING_REFUSED },
  ]);
  assert.deepEqual(entries[3], { name: "d.json", size: 1_000_001, error: "Filen är för stor (977 kB); högst 1 MB." });
  assert.equal(entries[4].text.length, 1_000_000); // 1 000 000 bytes: as python -m scoring_py
});

test("the budget per file comes from the page, else 15 s; a stopped file says why", () => {
  assert.equal(fileBudget({ dataset: { fileBudgetMs: "250" } }), 250);
  assert.equal(fileBudget({ dataset: {} }), FILE_BUDGET_MS);
  assert.equal(fileBudget({ dataset: { fileBudgetMs: "inte ett tal" } }), 15_000);
  assert.deepEqual(stoppedEntry("stor.json", 15_000, 900_000), {
    name: "stor.json",
    size: 900_000,
    stopped: true,
    error:
      "poängräkningen kom inte vidare med den på 15 sekunder, så de andra filerna visas " +
      "utan den. Är den mycket stor eller ovanligt uppbyggd, be om en ny export.",
  });
  assert.match(stoppedEntry("x", 250).error, / på 0,3 sekunder/);
});

test("chosen files are named at once, before any is read", () => {
  const a = new File(["{}"], "a.json");
  const entries = namedEntries([a, new File(["{ }"], "a.json")], new Set());
  assert.deepEqual(entries, [
    { name: "a.json", size: 2, file: a, reading: true },
    { name: "a.json (2)", size: 3, file: entries[1].file, reading: true },
  ]);
});

test("each file says where it is, from dropped to done", () => {
  const read = { name: "a.json", size: 2, text: "{}" };
  assert.deepEqual(fileState({ name: "a.json", size: 2, reading: true }, undefined, false), {
    state: "reading",
    text: "läses …",
  });
  assert.deepEqual(fileState(read, undefined, false), { state: "waiting", text: "väntar på poängräkningen" });
  // once the worker has begun (Python is running), every readable file is being scored
  assert.deepEqual(fileState(read, undefined, true), { state: "scoring", text: "räknas …" });
  assert.deepEqual(fileState(read, { file: "a.json", error: null, label: "AB" }, true), {
    state: "done",
    text: "klar",
  });
  assert.deepEqual(fileState(read, { file: "a.json", error: "Samma svar som i b.json." }, true), {
    state: "unused",
    text: "används inte: Samma svar som i b.json.",
  });
  assert.deepEqual(fileState({ name: "c.json", size: 4, error: ENCODING_REFUSED }, undefined, true), {
    state: "error",
    text: `kunde inte läsas: ${ENCODING_REFUSED}`,
  });
  const stopped = fileState(stoppedEntry("s.json", 200, 10), undefined, null);
  assert.equal(stopped.state, "stopped");
  assert.match(stopped.text, /^stoppad: poängräkningen kom inte vidare med den på 0,2 sekunder/);
});

test("sizes as a Swedish reader writes them", () => {
  assert.equal(sizeText(812), "812 byte");
  assert.equal(sizeText(1023), "1023 byte");
  assert.equal(sizeText(2560), "2,5 kB"); // 2560 / 1024 = 2.5
  assert.equal(sizeText(3072), "3 kB");
  assert.equal(sizeText(319_488), "312 kB"); // 312 · 1024
});
