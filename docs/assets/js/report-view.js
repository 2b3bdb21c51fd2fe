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

  /**
   * Says whose answers the report shows: one's own ("self"), a share link's ("shared") or an
   * imported file's ("imported", with the file's label if it has one). Someone else's answers
   * never read as "Ditt resultat", and the notice stands at the top of the report. `mine`: how
   * many answers of one's own are kept (none: the way back starts one's own assessment).
   */
  owner(kind, label = null, file = "", mine = 0) {
    const heading = this.section.querySelector("#resultat-rubrik");
    const notice = this.section.querySelector("#sk-report-owner");
    heading.dataset.owner = kind;
    if (kind === "self") {
      heading.textContent = "Ditt resultat";
      notice.hidden = true;
      return;
    }
    const whose = label ? `${genitive(label)} svar` : kind === "shared" ? "delade svar" : "svar från en fil";
    heading.textContent = `Resultat för ${whose}`;
    const from = kind === "shared" ? "en delningslänk" : `filen ${file}`;
    notice.querySelector("p").textContent =
      `Det här är inte dina egna svar: de kommer från ${from}${label ? ` och är märkta ”${label}”` : ""}. ` +
      (mine ? "Dina egna svar i den här webbläsaren är orörda." : "Du har inga egna svar i den här webbläsaren.");
    notice.querySelector("button").textContent = mine ? "Visa mina egna svar" : "Gör en egen självskattning";
    notice.hidden = false;
  }

  /** Whether the address asks for the report. */
  static requested() {
    return location.hash === HASH;
  }
}

/** A name in the Swedish genitive: "Annas", but "Lars" and "Max" as they are. */
export function genitive(name) {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
