// Säljkompetens: the visitor's own answers in localStorage, kept safe across tabs and
// failures. Each save reads what is stored, applies only this tab's change and writes
// the result back, so answers given in two tabs merge instead of one tab's replacing the
// other's. Other tabs' writes and erasures arrive as `storage` events. A failed write
// (storage full, disabled, private mode) is returned, never swallowed.

export const STORAGE_KEY = "saljkompetens.svar.v1";

/** Why storage failed, in Swedish, for the page to show. */
export function failureText(error) {
  const name = error && error.name;
  if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED") {
    return "webbläsarens lagring för den här webbplatsen är full";
  }
  if (name === "SecurityError") return "webbläsaren tillåter inte att webbplatsen sparar något";
  return "webbläsaren kunde inte spara";
}

export class AnswerStore {
  /**
   * @param {string} key the localStorage key
   * @param {() => Storage} getStorage returns the Storage (may throw when it is disabled)
   */
  constructor(key = STORAGE_KEY, getStorage = () => globalThis.localStorage) {
    this.key = key;
    this.getStorage = getStorage;
  }

  /** {ok, text} with the stored JSON text (null if none), or {ok: false, error}. */
  read() {
    try {
      return { ok: true, text: this.getStorage().getItem(this.key) };
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

  /** Removes the stored answers; {ok} or {ok: false, error}. */
  erase() {
    try {
      this.getStorage().removeItem(this.key);
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
