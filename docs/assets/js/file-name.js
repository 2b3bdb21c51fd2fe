// Säljkompetens: the names of the files the site saves (the answers' exports, the manager's
// rating, the team's CSV): what the file is, the name the visitor gave it (its letters kept as
// written, å, ä and ö too) and the day, e.g. "saljkompetens-svar-Björn-2026-11-25.json". Pure.

const MAX_PART = 60; // characters of one part (a label has at most 40, a self-test's slug fewer): a safety net

/** `text` as part of a file name: letters of any script and digits as they are (composed, so
 * "ö" is one character also where it was typed as "o" + "¨"); every other run of characters
 * (spaces, punctuation, / \ : * ? " < > |, invisible marks) one "-"; none at either end. */
export function namePart(text) {
  const kept = String(text ?? "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return Array.from(kept).slice(0, MAX_PART).join("").replace(/-+$/, "");
}

/** The local date as YYYY-MM-DD. */
export function dayText(date) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A file name: the parts that are not empty after namePart, the day, the extension. */
export function fileName(parts, extension, date = new Date()) {
  const named = parts.map(namePart).filter(Boolean);
  return `${[...named, dayText(date)].join("-")}.${extension}`;
}
