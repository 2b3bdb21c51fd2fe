// Säljkompetens: the team view's files: naming the chosen ones at once (size, a unique name),
// reading each (size limit, the one encoding rule of file-text.js), a file given up on for
// taking too long, and each file's state in the list, from the moment it is dropped to its
// result: being read, waiting for the scoring, being scored, done (whose answers, notes), or
// why not.

import { el } from "./dom.js";
import { readFileText } from "./file-text.js";

export const FILE_BUDGET_MS = 15_000; // the default time a file may take without progress

/** The chosen files as entries to list at once, before any is read: {name, size, file,
 * reading: true}. Each gets a name not in `taken` ("name (2)" for a second export). */
export function namedEntries(chosen, taken) {
  return chosen.map((file) => ({ name: unique(file.name, taken), size: file.size, file, reading: true }));
}

/** An entry once read: {name, size, text}, or {name, size, error} for one refused unread (over
 * `maxBytes`: formats.file_max_bytes, as scoring_py reads at most). */
export async function readEntry({ name, size, file }, maxBytes) {
  if (size > maxBytes) {
    const limit = `${Math.floor(maxBytes / 1_000_000)} MB`;
    return { name, size, error: `Filen är för stor (${Math.ceil(size / 1024)} kB); högst ${limit}.` };
  }
  try {
    return { name, size, text: await readFileText(file) };
  } catch (error) {
    return { name, size, error: error.message || "Filen kunde inte läsas." };
  }
}

/** The chosen files, named and read (the entries of namedEntries, then readEntry). */
export async function readChosen(chosen, taken, maxBytes) {
  const entries = [];
  for (const entry of namedEntries(chosen, taken)) entries.push(await readEntry(entry, maxBytes));
  return entries;
}

/** A file's entry once it has been given up on after `budgetMs` without progress. */
export function stoppedEntry(name, budgetMs, size) {
  const seconds = String(Math.round(budgetMs / 100) / 10).replace(".", ",");
  return {
    name,
    size,
    stopped: true,
    error:
      `poängräkningen kom inte vidare med den på ${seconds} sekunder, så de andra filerna visas ` +
      "utan den. Är den mycket stor eller ovanligt uppbyggd, be om en ny export.",
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

/** A file's size as a Swedish reader writes it: "812 byte", "2,4 kB", "312 kB". */
export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} byte`;
  const kilo = bytes / 1024;
  return `${kilo < 10 ? String(Math.round(kilo * 10) / 10).replace(".", ",") : Math.round(kilo)} kB`;
}

/** Where a file is: {state, text}. `report` is its line in team_json's result, if there is
 * one; `scoring` whether the worker has begun on the files (Python is running). */
export function fileState(entry, report, scoring) {
  if (entry.reading) return { state: "reading", text: "läses …" };
  if (entry.stopped) return { state: "stopped", text: `stoppad: ${entry.error}` };
  if (entry.error) return { state: "error", text: `kunde inte läsas: ${entry.error}` };
  if (report?.error) return { state: "unused", text: `används inte: ${report.error}` };
  if (report) return { state: "done", text: "klar" };
  if (!scoring || !("text" in entry)) return { state: "waiting", text: "väntar på poängräkningen" };
  return { state: "scoring", text: "räknas …" };
}

/** The file's line in the list: name, size, state; once done, whose answers it holds and
 * its notes. `manager`: the rater name of a manager's rating (scoring_py.formats). */
export function fileItem(entry, report, scoring, manager) {
  const { state, text } = fileState(entry, report, scoring);
  const attributes = { "data-file": entry.name, "data-file-state": state };
  if (state === "error" || state === "unused" || state === "stopped") attributes["data-file-error"] = "";
  if (state === "stopped") attributes["data-file-stopped"] = "";
  const size = entry.size === undefined ? "" : ` (${sizeText(entry.size)})`;
  const line = [el("strong", {}, entry.name), size, el("span", { class: "sk-file-state" }, `: ${text}`)];
  if (state !== "done") return el("li", attributes, ...line);
  const who = report.rater === manager ? `chefens skattning av ${report.label}` : report.label;
  const notes = [report.note, ...(report.label_notes ?? []).map((note) => note.message)].filter(Boolean);
  if (report.note) attributes["data-file-note"] = "";
  if (report.label_notes?.length) attributes["data-label-notes"] = report.label_notes.map((n) => n.code).join(" ");
  return el(
    "li",
    attributes,
    ...line,
    who ? ` – ${who}` : "",
    ...notes.map((note) => el("span", { class: "sk-file-note" }, ` ${note}`)),
  );
}

/** The list under the drop zone: a line per file, in the order they were added; a line is
 * replaced only when its file's state changes (cheap enough for every progress report). */
export class FileList {
  /** `manager`: the rater's name for a manager's rating (formats.raters.manager). */
  constructor(list, manager) {
    this.list = list;
    this.manager = manager;
    this.items = new Map(); // file name → its line
    this.frame = null; // the next frame's refresh, if one is asked for
  }

  /** Every line anew. `scoring`: whether the worker has begun on the files. */
  show(files, reports, scoring) {
    this.items.clear();
    this.list.replaceChildren(...files.map((file) => this.#line(file, reports, scoring)));
  }

  /** New files appended, lines whose state changed replaced, the rest kept as they are. */
  refresh(files, reports, scoring) {
    for (const file of files) {
      const before = this.items.get(file.name);
      if (before?.dataset.fileState === fileState(file, reports.get(file.name), scoring).state) continue;
      const line = this.#line(file, reports, scoring);
      if (before) before.replaceWith(line);
      else this.list.append(line);
    }
  }

  /** refresh(...current()) at the next frame, once however often asked. */
  refreshSoon(current) {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.refresh(...current());
    });
  }

  #line(file, reports, scoring) {
    const line = fileItem(file, reports.get(file.name), scoring, this.manager);
    this.items.set(file.name, line);
    return line;
  }
}
