// Säljkompetens: the result region kept up to date with the answers shown. It asks the
// scoring client (and nothing else) for a result, shows the latest one only, and tells
// the visitor when Python cannot start.

import { toObject } from "./answers.js";
import { clearResult, renderResult } from "./assessment-result.js";

export class LiveResult {
  /**
   * @param {{section: HTMLElement, status: HTMLElement, message: {show: Function}}} parts
   * @param {import("./scoring-client.js").ScoringClient} client
   * @param {object} model the answers model (answers.js)
   * @param {URL} siteRoot where the result's site-relative links start
   */
  constructor(parts, client, model, siteRoot) {
    Object.assign(this, parts, { client, model, siteRoot });
    this.shown = null; // {key, result} last rendered
    this.pending = null; // {key, promise} being computed
    this.state = null;
    client.ready.then(
      (seconds) => {
        this.setStatus("ready", "Poängräkningen är klar. Resultatet uppdateras medan du svarar.");
        this.onReady?.(seconds);
        if (this.state) this.update(this.state);
      },
      (error) => {
        this.setStatus(
          "error",
          `Resultatet kan inte räknas fram just nu. ${error.message} Formuläret fungerar ändå och ` +
            "dina svar sparas i den här webbläsaren; exportera dem och försök igen senare.",
        );
        if (this.section.dataset.state === "updating") this.section.dataset.state = this.shown ? "ready" : "empty";
      },
    );
  }

  setStatus(kind, text) {
    this.status.textContent = text;
    this.status.dataset.state = kind;
  }

  /** Shows the result of `state` (or nothing for no answers); resolves with it or null. */
  async update(state) {
    this.state = state;
    const answers = toObject(state, this.model);
    const key = JSON.stringify(answers);
    this.wanted = key;
    if (state.answers.size === 0) {
      this.shown = null;
      clearResult(this.section);
      return null;
    }
    if (this.shown?.key === key) return this.shown.result;
    if (this.pending?.key === key) return this.pending.promise; // asked twice for one state
    if (this.client.state === "error") return null;
    const promise = this.compute(answers, key);
    this.pending = { key, promise };
    return promise.finally(() => {
      if (this.pending?.promise === promise) this.pending = null;
    });
  }

  /** Scores `answers` and shows the result, unless other answers were asked for meanwhile. */
  async compute(answers, key) {
    this.section.dataset.state = "updating";
    try {
      const result = JSON.parse(await this.client.score(answers));
      if (key !== this.wanted) return null; // the answers changed meanwhile
      this.shown = { key, result };
      renderResult(this.section, result, this.siteRoot);
      return result;
    } catch (error) {
      if (this.client.state !== "error")
        this.message.show(`Resultatet kunde inte räknas fram: ${error.message}`, "error");
      this.section.dataset.state = this.shown ? "ready" : "empty";
      return null;
    }
  }
}
