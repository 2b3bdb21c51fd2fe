// Säljkompetens: the visitor's answers as data, and the checks every untrusted copy
// (storage, import, share link) goes through. Pure: no DOM, no storage. The format names
// come from the page (scoring_py owns them).

import { readFileText } from "./file-text.js";
import { parseJsonText } from "./json-text.js";

/**
 * What valid answers look like, read from the static form.
 * @typedef {{answers: string, export: string, version: number, team: string, not_applicable: string,
 *   raters: {self: string, manager: string}, selftest_key: string, former_selftest_key: string,
 *   label_max: number, label_hidden: string[], label_space: string, import_max_bytes: number,
 *   file_max_bytes: number, json_max_depth: number, share_key?: string}} Formats
 * Every name and limit of the formats, as scoring_py.formats.page_formats gives them to the
 * page (the form's `data-formats`); the page has none of its own.
 * @typedef {{itemIds: string[], roleSlugs: Set<string>, scaleMin: number, scaleMax: number,
 *   formats: Formats, rater?: "self"|"manager", selftest?: string|null, selftestTitle?: string}} Model
 * An answer is a scale value, or formats.not_applicable ("Ej aktuellt i min roll").
 * `rater` says who answers on this page: the seller (default) or the seller's manager.
 * `selftest` is the slug of the self-test the page asks (null: the competency assessment);
 * answers to a self-test carry it, and are refused on any other page.
 * @typedef {{answers: Map<string, number|string>, role: string|null, label?: string|null}} State
 * `label` is the name or initials put on an export (for a manager's team view).
 */

/** The model of a page that shows only some statements: every statement and role of the
 * assessment's definition (`bedomning.json`), so that stored answers to the others are kept;
 * a self-test's definition names its self-test. */
export function modelFromDefinition(definition, formats) {
  return {
    itemIds: definition.competencies.flatMap((competency) => competency.items.map((item) => item.id)),
    roleSlugs: new Set(definition.roles.map((role) => role.slug)),
    scaleMin: definition.scale.min,
    scaleMax: definition.scale.max,
    formats,
    selftest: definition.selftest?.slug ?? null,
    selftestTitle: definition.selftest?.title ?? "",
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
  const { raters, selftest_key } = model.formats;
  if (state.label) data.label = state.label;
  if (model.rater === raters.manager) data.rater = raters.manager;
  if (model.selftest) data[selftest_key] = model.selftest;
  return data;
}

/** A label as typed, by scoring_py's rule (formats.read_label): its ends trimmed of
 * `formats.label_space`, NFC, at most `formats.label_max` code points (an emoji is one),
 * none of the Unicode categories `formats.label_hidden`; "" is none. Throws with a Swedish
 * message otherwise. */
export function checkLabel(value, formats, where = "Märkningen") {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`${where} ("label") måste vara text.`);
  const label = trimmed(value, formats.label_space).normalize("NFC");
  const max = formats.label_max;
  if ([...label].length > max) throw new Error(`${where} får vara högst ${max} tecken.`);
  const hidden = new RegExp(`[${formats.label_hidden.map((category) => `\\p{${category}}`).join("")}]`, "u");
  if (hidden.test(label)) throw new Error(`${where} innehåller ett osynligt tecken.`);
  return label || null;
}

/** `text` without the characters of `space` at either end (they are all single UTF-16 units). */
function trimmed(text, space) {
  let start = 0;
  let end = text.length;
  while (start < end && space.includes(text[start])) start++;
  while (end > start && space.includes(text[end - 1])) end--;
  return text.slice(start, end);
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
  matchSelftest(answeredSelftest(data, formats), model, where);
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
  const { raters } = formats;
  const rater = data.rater ?? raters.self;
  if (rater !== raters.self && rater !== raters.manager) {
    throw new Error(`${where}: "rater" ska vara "${raters.self}" eller "${raters.manager}".`);
  }
  if (rater !== (model.rater ?? raters.self)) {
    throw new Error(
      rater === raters.manager
        ? `${where} är en chefs skattning av en säljare, inte dina egna svar. Lägg den i teamvyn.`
        : `${where} är en säljares egna svar, inte en chefs skattning.`,
    );
  }
  let label = null;
  try {
    label = checkLabel(data.label, formats, `${where}: märkningen`);
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
export function answeredSelftest(data, formats) {
  if (!isPlainObject(data)) return null;
  const key = Object.hasOwn(data, formats.selftest_key) ? formats.selftest_key : formats.former_selftest_key;
  return data[key] ?? null;
}

/** Which self-test a file says it answers, whether it holds answers or an export of them. */
export function fileSelftest(data, formats) {
  const inner = isPlainObject(data) && data.format === formats.export ? data.answers : data;
  return answeredSelftest(inner, formats);
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

/** Reads a chosen file (at most formats.import_max_bytes; UTF-8, or UTF-16 with a BOM, as
 * file-text.js reads it) as imported answers; throws with a Swedish reason. */
export async function readImportFile(file, model) {
  const max = model.formats.import_max_bytes;
  if (file.size > max) {
    throw new Error(`Filen är för stor (${Math.ceil(file.size / 1024)} kB); högst ${Math.floor(max / 1024)} kB.`);
  }
  return parseImport(await readFileText(file), model);
}

/** Reads an imported file's text: the page's export or a plain answers file. */
export function parseImport(text, model) {
  const { inner, where } = readAnswersFile(text, model);
  return validateAnswers(inner, model, where);
}

/** An answers or export file's JSON (`data`) and its answers object (`inner`): the file itself,
 * or the one in the page's export (scoring_py.formats.answers_object), still to be validated;
 * `where` names it in messages. Throws with a Swedish message. */
export function readAnswersFile(text, model) {
  const data = parseJsonText(text, model.formats, "Filen");
  if (!isPlainObject(data) || data.format !== model.formats.export) return { data, inner: data, where: "Filen" };
  if (data.version !== model.formats.version) {
    throw new Error(`Exportfilen har en version som inte stöds (ska vara ${model.formats.version}).`);
  }
  return { data, inner: data.answers, where: "Svaren i exportfilen" };
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
