// Säljkompetens: the report as a view of its own, at its own address (#resultat): it opens
// at its top after the last answer, from "Visa resultat" and from a share link, and the
// browser's back button (or "Tillbaka till påståendena") returns to the statements.

const HASH = "#resultat";

export class ReportView {
  /** @param {{section: HTMLElement, form: HTMLElement, actions: HTMLElement, back: HTMLElement, print: HTMLElement}} parts
   * `form` is what the report replaces (the statements); the role choice stays. */
  constructor(parts) {
    Object.assign(this, parts);
    this.isOpen = false;
    this.pushed = false;
    this.section.hidden = true;
    this.back.addEventListener("click", () => (this.pushed ? history.back() : this.close()));
    this.print.addEventListener("click", () => window.print());
    window.addEventListener("popstate", () => {
      if (this.isOpen && location.hash !== HASH) this.close();
    });
  }

  /** Shows the report instead of the form; `push` gives it an entry in the history. */
  open({ push = true } = {}) {
    if (push && location.hash !== HASH) {
      history.pushState(null, "", HASH);
      this.pushed = true;
    }
    this.isOpen = true;
    this.form.hidden = true;
    this.section.hidden = false;
    this.actions.hidden = false;
    this.section.scrollIntoView({ block: "start" });
    this.section.focus({ preventScroll: true });
  }

  close() {
    this.isOpen = false;
    this.pushed = false;
    if (location.hash === HASH) history.replaceState(null, "", location.pathname + location.search);
    this.section.hidden = true;
    this.actions.hidden = true;
    this.form.hidden = false;
    this.form.scrollIntoView({ block: "start" });
  }

  /** Whether the address asks for the report. */
  static requested() {
    return location.hash === HASH;
  }
}
