// Säljkompetens: the visitor's own answers in localStorage, kept safe across tabs and
// failures. Each save reads what is stored, applies only this tab's change and writes
// the result back, so answers given in two tabs merge instead of one tab's replacing the
// other's. Other tabs' writes and erasures arrive as `storage` events. A failed write
// (storage full, disabled, private mode) is returned, never swallowed. Answers kept under a
// key this site used before are moved to the current key the first time they are read.

import { emptyState, toObject, validateAnswers } from "./answers.js";

export const STORAGE_KEY = "saljkompetens.svar.v1";

/** Where the answers to a self-test are kept: one key per self-test, apart from the
 * assessment's. */
export function storageKey(selftest) {
  return selftest ? `saljkompetens.sjalvtest.${selftest}.v1` : STORAGE_KEY;
}

/** Where this site kept a self-test's answers before (null: the assessment's key is unchanged). */
export function formerStorageKey(selftest) {
  return selftest ? `saljkompetens.test.${selftest}.v1` : null;
}

/** The store of the answers to `selftest` (null: the competency assessment's). */
export function answerStore(selftest, getStorage = () => globalThis.localStorage) {
  return new AnswerStore(storageKey(selftest), getStorage, formerStorageKey(selftest));
}

/** Why storage failed, in Swedish, for the page to show. */
export function failureText(error) {
  const name = error?.name;
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED") {
    return "webbläsarens lagring för den här webbplatsen är full";
  }
  if (name === "SecurityError") return "webbläsaren tillåter inte att webbplatsen sparar något";
  return "webbläsaren kunde inte spara";
}

/** What the page says when stored answers to statements no longer asked were left out. */
export function droppedText(dropped, kept) {
  return (
    `${dropped} av dina sparade svar gällde påståenden som har skrivits om eller tagits bort sedan du ` +
    `svarade, och används inte. Dina övriga ${kept} svar finns kvar.`
  );
}

export class AnswerStore {
  /**
   * @param {string} key the localStorage key
   * @param {() => Storage} getStorage returns the Storage (may throw when it is disabled)
   * @param {string|null} formerKey where the same answers were kept before, if anywhere
   */
  constructor(key = STORAGE_KEY, getStorage = () => globalThis.localStorage, formerKey = null) {
    this.key = key;
    this.getStorage = getStorage;
    this.formerKey = formerKey;
  }

  /** {ok, text} with the stored JSON text (null if none), or {ok: false, error}. When `key`
   * holds nothing and `formerKey` does, that text is copied to `key` and then removed from
   * `formerKey` (a failed copy leaves it where it was); the caller validates it as usual. */
  read() {
    try {
      const storage = this.getStorage();
      const text = storage.getItem(this.key);
      if (text !== null || this.formerKey === null) return { ok: true, text };
      const former = storage.getItem(this.formerKey);
      if (former !== null) {
        storage.setItem(this.key, former);
        storage.removeItem(this.formerKey);
      }
      return { ok: true, text: former };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /**
   * Applies `change` to what is stored now and writes the result.
   * @param {(storedText: string|null) => object} change returns the object to store
   * @returns {{ok: true, data: object} | {ok: false, error: Error, data: object}}
   */
  save(change) {
    const current = this.read();
    const data = change(current.ok ? current.text : null);
    if (!current.ok) return { ok: false, error: current.error, data };
    try {
      this.getStorage().setItem(this.key, JSON.stringify(data));
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error, data };
    }
  }

  /** Removes the stored answers (under the former key too); {ok} or {ok: false, error}. */
  erase() {
    try {
      const storage = this.getStorage();
      storage.removeItem(this.key);
      if (this.formerKey !== null) storage.removeItem(this.formerKey);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Calls `listener(newText|null)` when another tab changes or erases the answers. */
  watch(target, listener) {
    target.addEventListener("storage", (event) => {
      if (event.key === this.key || event.key === null) listener(event.key === null ? null : event.newValue);
    });
  }
}

/**
 * The visitor's own answers: read from storage, changed one answer at a time on top of
 * what is stored now (so two tabs merge), erased everywhere at once.
 * Every method returns {state, failure}: the answers as they are now, and the storage
 * error if they could not be kept (they still stay in the page).
 */
export class OwnAnswers {
  constructor(model, store = new AnswerStore()) {
    this.model = model;
    this.store = store;
    this.state = emptyState();
    this.stored = false; // whether `state` was read from or written to storage
    this.unsaved = false; // whether the last save failed (the page holds newer answers)
  }

  /** The stored answers; `unreadable` when what is stored is not valid answers. */
  load() {
    const read = this.store.read();
    if (!read.ok) return { state: this.state, failure: read.error };
    this.stored = read.text !== null;
    let unreadable = false;
    try {
      this.state = read.text === null ? emptyState() : this.parse(read.text);
    } catch {
      this.state = emptyState();
      unreadable = true;
    }
    return { state: this.state, failure: null, unreadable, dropped: this.state.dropped ?? 0 };
  }

  /** Applies `apply(state) → state` to the answers as stored now, and keeps the result. */
  change(apply) {
    const saved = this.store.save((text) => toObject(apply(this.base(text)), this.model));
    this.state = validateAnswers(saved.data, this.model, "Svaren");
    this.unsaved = !saved.ok;
    this.stored = saved.ok || this.stored;
    return { state: this.state, failure: saved.ok ? null : saved.error };
  }

  /** What a change applies to: the stored answers (other tabs' included), plus this page's
   * own answers that an earlier save could not keep. */
  base(text) {
    if (text === null) return this.stored && !this.unsaved ? emptyState() : this.state; // erased elsewhere
    let stored;
    try {
      stored = this.parse(text);
    } catch {
      return this.state;
    }
    if (!this.unsaved) return stored;
    return {
      answers: new Map([...stored.answers, ...this.state.answers]),
      role: this.state.role,
      label: this.state.label ?? stored.label,
    };
  }

  /** Replaces all answers (an import, or shared answers saved as one's own). */
  replace(state) {
    return this.change(() => state);
  }

  erase() {
    const erased = this.store.erase();
    this.stored = false;
    this.state = emptyState();
    return { state: this.state, failure: erased.ok ? null : erased.error };
  }

  /** Calls `listener(state, erased)` when another tab changes or erases the answers. */
  watch(target, listener) {
    this.store.watch(target, (text) => {
      if (text === null) {
        this.stored = false;
        this.state = emptyState();
        listener(this.state, true);
        return;
      }
      try {
        this.state = this.parse(text);
        this.stored = true;
        listener(this.state, false);
      } catch {
        /* another tab wrote something this page cannot read: keep what is shown */
      }
    });
  }

  /** Stored answers; those to statements no longer asked are left out (see `dropped`). */
  parse(text) {
    return validateAnswers(JSON.parse(text), this.model, "De sparade svaren", { dropUnknown: true });
  }
}
