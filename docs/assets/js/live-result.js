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
    this.waiting = null; // {timer, count} while answers wait for the scoring to start
    client.ready.then(
      (seconds) => {
        this.stopWaiting();
        this.setStatus("ready", "Poängräkningen är klar. Resultatet uppdateras medan du svarar.");
        this.onReady?.(seconds);
        if (this.state) this.update(this.state);
      },
      (error) => {
        this.stopWaiting();
        this.setStatus(
          "error",
          `Resultatet kan inte räknas fram just nu. ${error.message} Formuläret fungerar ändå och ` +
            "dina svar sparas i den här webbläsaren; exportera dem och försök igen senare.",
        );
        if (["updating", "waiting"].includes(this.section.dataset.state)) {
          this.section.dataset.state = this.shown ? "ready" : "empty";
          const note = this.section.querySelector("#sk-result-state");
          if (!this.shown && note) {
            note.textContent = "Resultatet kan inte räknas fram just nu (se ovan). Dina svar är sparade.";
          }
        }
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
    const key = `${this.voice()} ${JSON.stringify(answers)}`;
    this.wanted = key;
    if (state.answers.size === 0) {
      this.shown = null;
      this.stopWaiting();
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

  /** While the scoring starts, the report region says so, where the visitor looks: how many
   * answers are kept and how long it has taken so far (updated every second). */
  showWaiting(count) {
    const note = this.section.querySelector("#sk-result-state");
    const total = this.model.itemIds.length;
    const started = performance.now();
    const tick = () => {
      const seconds = Math.round((performance.now() - started) / 1000);
      note.textContent =
        `${count} av ${total} påståenden är besvarade. Resultatet räknas fram här, i din webbläsare, så ` +
        `snart poängräkningen har startat – första gången tar det några sekunder (${seconds} s hittills).`;
    };
    this.stopWaiting();
    tick();
    note.hidden = false;
    this.waiting = { timer: setInterval(tick, 1000) };
    this.section.dataset.state = "waiting";
  }

  stopWaiting() {
    if (!this.waiting) return;
    clearInterval(this.waiting.timer);
    this.waiting = null;
  }

  /** Whom the sentences speak to: the person who answered, or (a share link's or an imported
   * file's answers, see report-view.js owner) another reader. */
  voice() {
    const owner = this.section.querySelector("#resultat-rubrik")?.dataset.owner;
    return owner && owner !== "self" ? "other" : "self";
  }

  /** Scores `answers` and shows the result, unless other answers were asked for meanwhile. */
  async compute(answers, key) {
    if (this.client.state === "loading") this.showWaiting(Object.keys(answers.answers).length);
    else this.section.dataset.state = "updating";
    try {
      const result = JSON.parse(await this.client.score(answers, this.voice()));
      if (key !== this.wanted) return null; // the answers changed meanwhile
      this.shown = { key, result };
      this.stopWaiting();
      renderResult(this.section, result, this.siteRoot);
      // A testing hook for the benchmarks: when a result was first shown (ms since load).
      this.section.dataset.firstResultMs ??= String(Math.round(performance.now()));
      return result;
    } catch (error) {
      if (this.client.state !== "error")
        this.message.show(`Resultatet kunde inte räknas fram: ${error.message}`, "error");
      this.section.dataset.state = this.shown ? "ready" : "empty";
      return null;
    }
  }
}
