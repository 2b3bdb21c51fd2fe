// Säljkompetens: the visitor's answers as data, and the checks every untrusted copy
// (storage, import, share link) goes through. Pure: no DOM, no storage. The format names
// come from the page (scoring_py owns them).

import { readFileText } from "./file-text.js";

/**
 * What valid answers look like, read from the static form.
 * @typedef {{answers: string, export: string, version: number, not_applicable: string}} Formats
 * @typedef {{itemIds: string[], roleSlugs: Set<string>, scaleMin: number, scaleMax: number,
 *   formats: Formats, rater?: "self"|"manager", selftest?: string|null, selftestTitle?: string}} Model
 * An answer is a scale value, or formats.not_applicable ("Ej aktuellt i min roll").
 * `rater` says who answers on this page: the seller (default) or the seller's manager.
 * `selftest` is the slug of the self-test the page asks (null: the competency assessment);
 * answers to a self-test carry it, and are refused on any other page.
 * @typedef {{answers: Map<string, number|string>, role: string|null, label?: string|null}} State
 * `label` is the name or initials put on an export (for a manager's team view).
 */

export const LABEL_MAX = 40;
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The model of a page that shows only some statements: every statement and role of the
 * assessment's definition (`bedomning.json`), so that stored answers to the others are kept. */
export function modelFromDefinition(definition, formats) {
  return {
    itemIds: definition.competencies.flatMap((competency) => competency.items.map((item) => item.id)),
    roleSlugs: new Set(definition.roles.map((role) => role.slug)),
    scaleMin: definition.scale.min,
    scaleMax: definition.scale.max,
    formats,
  };
}

/** An empty state: nothing answered, no role. */
export function emptyState() {
  return { answers: new Map(), role: null };
}

/** The state as a "saljkompetens-svar" object, answers in the form's order; the label and a
 * manager's `rater` only when there are any. */
export function toObject(state, model) {
  const values = {};
  for (const id of model.itemIds) if (state.answers.has(id)) values[id] = state.answers.get(id);
  const data = { format: model.formats.answers, version: model.formats.version, answers: values, role: state.role };
  if (state.label) data.label = state.label;
  if (model.rater === "manager") data.rater = "manager";
  if (model.selftest) data.selftest = model.selftest;
  return data;
}

/** A label as typed: trimmed, at most LABEL_MAX characters, no invisible characters; "" is
 * none. Throws with a Swedish message otherwise. */
export function checkLabel(value, where = "Märkningen") {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`${where} ("label") måste vara text.`);
  const label = value.trim().normalize("NFC");
  if (label.length > LABEL_MAX) throw new Error(`${where} får vara högst ${LABEL_MAX} tecken.`);
  if (HIDDEN_CHARACTER.test(label)) throw new Error(`${where} innehåller ett osynligt tecken.`);
  return label || null;
}

/**
 * Checks an untrusted answers object; returns a new State or throws an Error whose
 * message is Swedish and starts with `where`. With `{ dropUnknown: true }` (the visitor's
 * own older answers), answers to statements that are no longer asked are left out and
 * counted in `state.dropped` instead of refusing everything.
 */
export function validateAnswers(data, model, where, { dropUnknown = false } = {}) {
  const { formats } = model;
  if (!isPlainObject(data)) throw new Error(`${where} är inte ett JSON-objekt.`);
  if (data.format !== formats.answers) {
    throw new Error(`${where} har fel format (ska vara "${formats.answers}" eller "${formats.export}").`);
  }
  if (data.version !== formats.version) {
    throw new Error(`${where} har en version som inte stöds (ska vara ${formats.version}).`);
  }
  matchSelftest(answeredSelftest(data), model, where);
  const raw = data.answers;
  if (!isPlainObject(raw)) throw new Error(`${where} saknar svar: "answers" ska vara ett objekt.`);
  const keys = Object.keys(raw);
  const total = model.itemIds.length;
  if (keys.length > total && !dropUnknown) {
    throw new Error(`${where} innehåller fler svar (${keys.length}) än det finns påståenden (${total}).`);
  }
  const known = new Set(model.itemIds);
  const answers = new Map();
  let dropped = 0;
  for (const key of keys) {
    if (!known.has(key) && dropUnknown) {
      dropped += raw[key] === null ? 0 : 1;
      continue;
    }
    if (!known.has(key)) throw new Error(`${where} innehåller ett okänt påstående: "${shorten(key)}".`);
    const value = raw[key];
    if (value === null) continue;
    const onScale = Number.isInteger(value) && value >= model.scaleMin && value <= model.scaleMax;
    if (!onScale && value !== formats.not_applicable) {
      throw new Error(
        `${where}: svaret på "${key}" måste vara ett heltal från ${model.scaleMin} till ${model.scaleMax} ` +
          `eller "${formats.not_applicable}".`,
      );
    }
    answers.set(key, value);
  }
  const rater = data.rater ?? "self";
  if (rater !== (model.rater ?? "self")) {
    throw new Error(
      rater === "manager"
        ? `${where} är en chefs skattning av en säljare, inte dina egna svar. Lägg den i teamvyn.`
        : `${where} är en säljares egna svar, inte en chefs skattning.`,
    );
  }
  let label = null;
  try {
    label = checkLabel(data.label, `${where}: märkningen`);
  } catch (error) {
    if (!dropUnknown) throw error;
  }
  let role = data.role === undefined ? null : data.role;
  if (role !== null && (typeof role !== "string" || !model.roleSlugs.has(role))) {
    if (!dropUnknown) {
      throw new Error(`${where} anger en okänd roll${typeof role === "string" ? `: "${shorten(role)}"` : ""}.`);
    }
    role = null;
  }
  const state = label ? { answers, role, label } : { answers, role };
  return dropped ? { ...state, dropped } : state;
}

/** What answers say they are for: their `selftest`, or in a file written before the field
 * had that name, their `check` (read, never written); null for the competency assessment. */
export function answeredSelftest(data) {
  if (!isPlainObject(data)) return null;
  return (Object.hasOwn(data, "selftest") ? data.selftest : data.check) ?? null;
}

/** Which self-test a file says it answers, whether it holds answers or an export of them. */
export function fileSelftest(data) {
  return answeredSelftest(data) ?? answeredSelftest(data?.answers);
}

/** Answers to one self-test (or to the competency assessment) belong on that page only. */
function matchSelftest(selftest, model, where) {
  const wanted = model.selftest ?? null;
  if (selftest === wanted) return;
  if (selftest !== null && typeof selftest !== "string") throw new Error(`${where}: "selftest" ska vara text.`);
  const mine = wanted ? `självtestet ${model.selftestTitle || wanted}` : "kompetensskattningen";
  const theirs = selftest ? `självtestet "${shorten(selftest)}"` : "kompetensskattningen";
  const page = selftest ? "på det självtestets egen sida" : "på sidan Självskattning";
  throw new Error(`${where} innehåller svar på ${theirs}, inte på ${mine}. Öppna den ${page}.`);
}

export const MAX_IMPORT_BYTES = 100 * 1024;

/** Reads a chosen file (at most 100 kB; UTF-8, or UTF-16 with a BOM, as file-text.js reads
 * it) as imported answers; throws with a Swedish reason. */
export async function readImportFile(file, model) {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`Filen är för stor (${Math.ceil(file.size / 1024)} kB); högst ${MAX_IMPORT_BYTES / 1024} kB.`);
  }
  return parseImport(await readFileText(file), model);
}

/** Reads an imported file's text: the page's export or a plain answers file. */
export function parseImport(text, model) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("Filen är inte giltig JSON.");
  }
  if (isPlainObject(data) && data.format === model.formats.export) {
    if (data.version !== model.formats.version) {
      throw new Error(`Exportfilen har en version som inte stöds (ska vara ${model.formats.version}).`);
    }
    return validateAnswers(data.answers, model, "Svaren i exportfilen");
  }
  return validateAnswers(data, model, "Filen");
}

/** The page's export file: the answers, and the result shown with them (or null). */
export function exportObject(state, model, result) {
  const { formats } = model;
  return { format: formats.export, version: formats.version, answers: toObject(state, model), result: result || null };
}

export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function shorten(text, limit = 40) {
  const value = String(text);
  return value.length <= limit ? value : `${value.slice(0, limit)}…`;
}
