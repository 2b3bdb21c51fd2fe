import assert from "node:assert/strict";
import { test } from "node:test";
import { dayText, fileName, namePart } from "../../docs/assets/js/file-name.js";

const DAY = new Date(2026, 10, 5); // 5 November 2026, local time

test("a label keeps å, ä and ö as written, composed, in every export's name", () => {
  assert.equal(fileName(["saljkompetens-svar", "Björn"], "json", DAY), "saljkompetens-svar-Björn-2026-11-05.json");
  // "ö" typed as "o" + combining diaeresis (as macOS may give it) is one "ö" in the name
  assert.equal(namePart("Bjo\u0308rn Åsa-Ängel"), "Björn-Åsa-Ängel");
  assert.equal(namePart("Bjo\u0308rn").length, 5);
  assert.equal(fileName(["chefsskattning", "Åsa Öberg"], "json", DAY), "chefsskattning-Åsa-Öberg-2026-11-05.json");
  assert.equal(
    fileName(["saljkompetens-larande-eller-bara-resultat", "AB"], "json", DAY), // 41 characters, kept
    "saljkompetens-larande-eller-bara-resultat-AB-2026-11-05.json",
  );
  assert.equal(
    fileName(["saljkompetens-team", "nykundsjagare"], "csv", DAY),
    "saljkompetens-team-nykundsjagare-2026-11-05.csv",
  );
});

test("no label, or one with nothing to keep, leaves it out", () => {
  assert.equal(fileName(["saljkompetens-svar", null], "json", DAY), "saljkompetens-svar-2026-11-05.json");
  assert.equal(fileName(["saljkompetens-svar", ""], "json", DAY), "saljkompetens-svar-2026-11-05.json");
  assert.equal(fileName(["saljkompetens-team", undefined], "csv", DAY), "saljkompetens-team-2026-11-05.csv");
  assert.equal(fileName(["chefsskattning", " ../ "], "json", DAY), "chefsskattning-2026-11-05.json");
});

test("what a file system or a mail program would choke on becomes one dash", () => {
  assert.equal(namePart('A/B\\C:D*E?F"G<H>I|J'), "A-B-C-D-E-F-G-H-I-J");
  assert.equal(namePart("..hemlig"), "hemlig"); // never a hidden file or a path
  assert.equal(namePart("Anna\u202eredlaH"), "Anna-redlaH"); // a bidi override is not kept
  assert.equal(namePart("  Per  Olsson  "), "Per-Olsson");
  assert.equal(namePart("Анна 山田"), "Анна-山田"); // letters of every script are letters
  assert.equal(namePart(`${"x".repeat(59)} y`), "x".repeat(59)); // 60 characters, no dash at the end
  assert.equal(namePart("😀 😀"), ""); // no letters or digits: nothing
  // 60 characters, not 60 UTF-16 units: a letter outside the BMP is never cut in half
  assert.equal(namePart("𝒜".repeat(70)), "𝒜".repeat(60));
});

test("the day is the local date, zero-padded", () => {
  assert.equal(dayText(new Date(2027, 0, 9, 23, 59)), "2027-01-09");
  assert.equal(dayText(new Date(2026, 11, 31, 0, 0)), "2026-12-31");
});
