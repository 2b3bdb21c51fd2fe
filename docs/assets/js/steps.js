// Säljkompetens: the form in steps of about ten statements, one step on the screen at a
// time, with the way back and forward. The page arrives with every step but the first
// hidden, so no script lays out all the statements; without JavaScript every step shows
// (a <noscript> style in the form's template).

export class Steps {
  constructor(form) {
    this.steps = [...form.querySelectorAll("fieldset.sk-step")];
    this.index = 0;
    form.classList.add("sk-stepped");
    for (const nav of form.querySelectorAll(".sk-step-nav")) nav.hidden = false;
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-nav]");
      if (button) this.show(this.index + (button.dataset.nav === "next" ? 1 : -1), true);
    });
  }

  /** Shows step `index` (0-based); with `focus`, moves there as a keyboard user would expect. */
  show(index, focus = false) {
    this.index = Math.max(0, Math.min(index, this.steps.length - 1));
    this.steps.forEach((step, i) => {
      step.hidden = i !== this.index;
    });
    if (!focus) return;
    const step = this.steps[this.index];
    step.scrollIntoView({ block: "start" });
    const next = step.querySelector("fieldset.sk-item:not(.sk-answered) input") ?? step.querySelector("input");
    next?.focus({ preventScroll: true });
  }

  /** Opens the first step with an unanswered statement: where the visitor stopped. */
  resume(state) {
    const open = this.steps.findIndex((step) =>
      [...step.querySelectorAll("fieldset.sk-item")].some((item) => !state.answers.has(item.dataset.item)),
    );
    this.show(open === -1 ? this.steps.length - 1 : open);
  }
}
