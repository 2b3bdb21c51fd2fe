// Säljkompetens: the team view's files: reading the chosen ones (size limit, the one encoding
// rule of file-text.js), a file given up on for taking too long, and each file's line in the
// list (its error, or whose answers it holds and its notes). DOM APIs only.

import { el } from "./dom.js";
import { readFileText } from "./file-text.js";

export const MAX_FILE_BYTES = 1_000_000; // as python -m scoring_py team (scoring_py.json_text)
export const FILE_BUDGET_MS = 15_000; // the default time a file may take without progress

/** The chosen files as entries: {name, text}, or {name, error} for one refused unread. Each
 * gets a name not in `taken` ("name (2)" for a second export of the same name). */
export async function readChosen(chosen, taken) {
  const entries = [];
  for (const file of chosen) {
    const name = unique(file.name, taken);
    if (file.size > MAX_FILE_BYTES) {
      entries.push({ name, error: `Filen är för stor (${Math.ceil(file.size / 1024)} kB); högst 1 MB.` });
      continue;
    }
    try {
      entries.push({ name, text: await readFileText(file) });
    } catch (error) {
      entries.push({ name, error: error.message || "Filen kunde inte läsas." });
    }
  }
  return entries;
}

/** A file's entry once it has been given up on after `budgetMs` without progress. */
export function stoppedEntry(name, budgetMs) {
  const seconds = String(Math.round(budgetMs / 100) / 10).replace(".", ",");
  return {
    name,
    stopped: true,
    error:
      `Filen stoppades: poängräkningen kom inte vidare med den på ${seconds} sekunder, så de andra ` +
      "filerna visas utan den. Är den mycket stor eller ovanligt uppbyggd, be om en ny export.",
  };
}

/** The budget per file: the root's `data-file-budget-ms`, else FILE_BUDGET_MS. */
export function fileBudget(root) {
  const value = Number(root.dataset.fileBudgetMs);
  return Number.isFinite(value) && value > 0 ? value : FILE_BUDGET_MS;
}

function unique(name, taken) {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

/** The file's line in the list: its error, or whose answers it holds, with its notes. */
export function fileItem(file, report) {
  const error = file.error ?? report?.error;
  if (error) {
    const attributes = { "data-file": file.name, "data-file-error": "" };
    if (file.stopped) attributes["data-file-stopped"] = "";
    return el("li", attributes, el("strong", {}, file.name), `: ${error}`);
  }
  const who = report?.rater === "manager" ? `chefens skattning av ${report.label}` : (report?.label ?? "");
  const notes = [report?.note, ...(report?.label_notes ?? []).map((note) => note.message)].filter(Boolean);
  const attributes = { "data-file": file.name };
  if (report?.note) attributes["data-file-note"] = "";
  if (report?.label_notes?.length) attributes["data-label-notes"] = report.label_notes.map((n) => n.code).join(" ");
  return el(
    "li",
    attributes,
    el("strong", {}, file.name),
    who ? ` – ${who}` : "",
    ...notes.map((note) => el("span", { class: "sk-file-note" }, ` ${note}`)),
  );
}
