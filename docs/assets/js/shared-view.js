// Säljkompetens: answers opened from a share link or an imported file, shown beside the
// visitor's own answers, which stay as they are until the visitor chooses to replace them.

import { validateAnswers } from "./answers.js";
import { confirmingButton } from "./form-view.js";
import { decodeShare } from "./share-link.js";

export class SharedView {
  /**
   * @param {{region: HTMLElement, text: HTMLElement, keep: HTMLButtonElement, back: HTMLButtonElement}} parts
   * @param {object} model the answers model
   * @param {import("./storage.js").OwnAnswers} own the visitor's own answers
   * @param {{show: Function, lock: Function, message: {show: Function}}} page how to show a state
   */
  constructor(parts, model, own, page) {
    Object.assign(this, parts, { model, own, page });
    this.open = false;
    this.state = null;
    this.source = null; // {kind: "link"} or {kind: "file", name}
    confirmingButton(
      this.keep,
      () => `Ersätt mina ${own.state.answers.size} sparade svar`,
      () => {
        const replaced = own.state.answers.size;
        const shared = this.state;
        this.close();
        page.keep(own.replace(shared));
        const which = this.source?.kind === "file" ? "importerade" : "delade";
        page.message.show(
          `De ${which} svaren är nu dina sparade svar${replaced ? ` (de ersatte dina ${replaced} tidigare svar)` : ""}.`,
        );
      },
      () => own.state.answers.size > 0,
    );
    this.back.addEventListener("click", () => {
      this.close();
      page.message.show("Du ser nu dina egna svar.");
    });
  }

  /** Shows the answers of a share link; false (and a message) when the link is broken. */
  show(hash) {
    try {
      this.state = validateAnswers(decodeShare(hash, this.model), this.model, "Delningslänken");
    } catch (error) {
      this.page.message.show(`${error.message} Dina egna svar används i stället.`, "error");
      return false;
    }
    this.source = { kind: "link" };
    this.display();
    return true;
  }

  /** Shows answers imported from a file; they replace one's own only when asked. */
  showImported(state, name) {
    this.state = state;
    this.source = { kind: "file", name };
    this.display();
  }

  display() {
    this.open = true;
    this.page.lock(true);
    this.region.hidden = false;
    const mine = this.own.state.answers.size;
    this.page.owner?.(this.source.kind === "file" ? "imported" : "shared", this.state.label, this.source.name, mine);
    this.back.textContent = mine ? "Visa mina egna svar" : "Gör en egen självskattning";
    this.page.show(this.state);
    this.describe();
  }

  /** Another role chosen while viewing: shown, not saved. */
  setRole(role) {
    this.state = { ...this.state, role };
    this.page.show(this.state);
  }

  describe() {
    const from = this.source?.kind === "file" ? `filen ${this.source.name}` : "en delningslänk";
    this.text.textContent =
      `Du ser svar från ${from} (${this.state.answers.size} av ${this.model.itemIds.length} besvarade). ` +
      (this.own.state.answers.size
        ? `Dina egna svar i den här webbläsaren (${this.own.state.answers.size} besvarade) är orörda.`
        : "Du har inga egna svar i den här webbläsaren.");
  }

  close() {
    this.open = false;
    if (this.source?.kind === "link") history.replaceState(null, "", location.pathname + location.search);
    this.page.lock(false);
    this.region.hidden = true;
    this.page.owner?.("self");
    this.page.show(this.own.state);
  }
}
