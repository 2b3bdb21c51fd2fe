// Säljkompetens: the visitor's saved attempts of the self-assessment, kept in this browser only
// and only on request ("Spara det här försöket", or an older export added on the page
// Din utveckling). One localStorage key holds a list: each attempt its date (the visitor's own
// day, YYYY-MM-DD), the share key of the statements it was made with (formats.share_key) and
// the answers as a "saljkompetens-svar" object. "Radera mina svar" erases the list too.
// Everything but the store is pure (no DOM).

import { isPlainObject, readAnswersFile, toObject, validateAnswers } from "./answers.js";
import { AnswerStore } from "./storage.js";

export const ATTEMPTS_KEY = "saljkompetens.forsok.v1";
export const MAX_ATTEMPTS = 50;

const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/; // as scoring_py.compare reads it

/** A day as YYYY-MM-DD, in the visitor's own time zone (today by default). */
export function localDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `value` is a date as attempts carry it. */
export function isDate(value) {
  return typeof value === "string" && DATE.test(value);
}

/** An attempt of one's own answers, dated `date`. */
export function ownAttempt(state, model, date = localDate()) {
  return { date, key: model.formats.share_key, answers: toObject(state, model) };
}

/** An attempt from a file's text (the page's export, or plain answers), for the competency
 * assessment only. Its date: the file's (`date`, or its answers'), else `fallbackDate`.
 * Answers to statements no longer asked are kept, for scoring_py to set aside and count;
 * `retired` says how many. Throws an Error with a Swedish message. */
export function fileAttempt(text, model, fallbackDate = null) {
  const { data, inner, where } = readAnswersFile(text, model);
  const state = validateAnswers(inner, model, where, { dropUnknown: true });
  const answers = toObject(state, model);
  delete answers.label; // a name on an export is for a manager, never needed here
  const known = new Set(model.itemIds);
  let retired = 0;
  for (const [id, value] of Object.entries(inner.answers)) {
    if (known.has(id) || id.length > 200 || !answerLike(value, model)) continue;
    answers.answers[id] = value;
    retired += 1;
  }
  const own = [data?.date, inner?.date].find(isDate);
  const date = own ?? fallbackDate;
  if (!isDate(date)) throw new Error("Filen saknar datum: ange när försöket gjordes och välj filen igen.");
  return { attempt: { date, key: null, answers }, dated: Boolean(own), retired };
}

function answerLike(value, model) {
  const onScale = Number.isInteger(value) && value >= model.scaleMin && value <= model.scaleMax;
  return onScale || value === model.formats.not_applicable;
}

/** How many statements an attempt answered (not "Ej aktuellt"), counting every id it holds. */
export function answeredCount(attempt) {
  return Object.values(attempt.answers.answers).filter((value) => Number.isInteger(value)).length;
}

/** The stored list, read defensively: anything that does not look like an attempt is left out. */
export function parseAttempts(text) {
  let data;
  try {
    data = JSON.parse(text ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.filter(
    (item) =>
      isPlainObject(item) &&
      isDate(item.date) &&
      isPlainObject(item.answers) &&
      isPlainObject(item.answers.answers) &&
      (item.key === null || typeof item.key === "string"),
  );
}

/** The attempts oldest first (the same day: in the order they were saved). */
export function byDate(attempts) {
  return attempts
    .map((attempt, index) => ({ attempt, index }))
    .sort((a, b) => a.attempt.date.localeCompare(b.attempt.date) || a.index - b.index)
    .map(({ attempt }) => attempt);
}

/** Whether two attempts are the same: the same day and the same answers. */
export function sameAttempt(a, b) {
  const answers = (attempt) => JSON.stringify(Object.entries(attempt.answers.answers).sort());
  return a.date === b.date && answers(a) === answers(b) && (a.answers.role ?? null) === (b.answers.role ?? null);
}

/** The attempts in localStorage (ATTEMPTS_KEY): read, add, remove, erase. Every method
 * returns {ok, attempts} or {ok: false, error, attempts}; a change is applied to what is
 * stored now (another tab's attempts are kept). */
export class AttemptStore {
  constructor(getStorage = () => globalThis.localStorage) {
    this.store = new AnswerStore(ATTEMPTS_KEY, getStorage);
  }

  read() {
    const read = this.store.read();
    return read.ok ? { ok: true, attempts: parseAttempts(read.text) } : { ok: false, error: read.error, attempts: [] };
  }

  /** Adds `attempt` unless the same one is stored; `added` says which. At most MAX_ATTEMPTS
   * are kept: the oldest saved goes first. */
  add(attempt) {
    let added = false;
    const saved = this.store.save((text) => {
      const attempts = parseAttempts(text);
      if (attempts.some((other) => sameAttempt(other, attempt))) return attempts;
      added = true;
      return [...attempts, attempt].slice(-MAX_ATTEMPTS);
    });
    return { ...saved, attempts: saved.data, added };
  }

  /** Removes the stored attempt that is the same as `attempt`. */
  remove(attempt) {
    const saved = this.store.save((text) => parseAttempts(text).filter((other) => !sameAttempt(other, attempt)));
    return { ...saved, attempts: saved.data };
  }

  erase() {
    return { ...this.store.erase(), attempts: [] };
  }
}
