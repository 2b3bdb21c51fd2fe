// Säljkompetens: the static form as the page script sees it: what it asks (the model),
// what it shows (a state), progress, and the page's message areas. DOM only, no storage.

/** The model of valid answers, read from the form (same order as the definition) and the
 * format names the page carries in `data-formats`. */
export function readModel(form, roleSelect, formats, selftest = null, selftestTitle = "") {
  const itemIds = Array.from(form.querySelectorAll("fieldset.sk-item[data-item]"), (el) => el.dataset.item);
  const first = itemIds.length ? form.querySelectorAll(`input[type="radio"][name="${CSS.escape(itemIds[0])}"]`) : [];
  const scale = Array.from(first, (input) => Number(input.value)).filter(Number.isInteger);
  return {
    itemIds,
    roleSlugs: new Set(Array.from(roleSelect?.options ?? [], (o) => o.value).filter(Boolean)),
    scaleMin: Math.min(...scale),
    scaleMax: Math.max(...scale),
    formats,
    selftest,
    selftestTitle,
  };
}

export class FormView {
  /**
   * @param {{form, roleSelect, progress, progressText, timeLeft}} parts the form's elements
   * @param {number} secondsPerItem about how long one statement takes
   */
  constructor(parts, secondsPerItem) {
    Object.assign(this, parts, { secondsPerItem });
  }

  /** The single change an input event stands for: {id, value} or {role}. */
  change(target, model) {
    if (this.roleSelect && target === this.roleSelect)
      return { role: model.roleSlugs.has(target.value) ? target.value : null };
    if (target instanceof HTMLInputElement && target.type === "radio" && target.checked) {
      const value = target.value === model.formats.not_applicable ? target.value : Number(target.value);
      return { id: target.name, value };
    }
    return null;
  }

  show(state) {
    for (const input of this.form.querySelectorAll('input[type="radio"]')) {
      input.checked = String(state.answers.get(input.name)) === input.value;
    }
    if (this.roleSelect) this.roleSelect.value = state.role || "";
    const total = this.progress.max;
    const left = total - state.answers.size;
    this.progress.value = state.answers.size;
    this.progressText.textContent = `${state.answers.size} av ${total}`;
    const minutes = Math.ceil((left * this.secondsPerItem) / 60);
    this.timeLeft.textContent = left === 0 ? "klart" : `ungefär ${minutes} ${minutes === 1 ? "minut" : "minuter"} kvar`;
    for (const fieldset of this.form.querySelectorAll("fieldset.sk-item")) {
      fieldset.classList.toggle("sk-answered", state.answers.has(fieldset.dataset.item));
    }
    this.showSubmit(state.answers.size, total);
  }

  /** "Visa resultat" when everything is answered; before that a plainly partial "Visa
   * delresultat (n av N)", styled apart from "Nästa del" so the two are never confused. */
  showSubmit(answered, total) {
    const button = this.form.querySelector('button[type="submit"]');
    if (!button) return;
    const complete = answered === total;
    button.textContent = complete ? "Visa resultat" : `Visa delresultat (${answered} av ${total} besvarade)`;
    button.classList.remove("md-button--primary");
    button.classList.toggle("sk-show-result", complete);
    button.dataset.partial = String(!complete);
    button.hidden = answered === 0; // nothing to show yet
  }

  /** Locks the statements (e.g. while shared answers are shown); the role stays free. */
  lock(locked) {
    for (const fieldset of this.form.querySelectorAll("fieldset.sk-item")) fieldset.disabled = locked;
  }
}

/** A message area: text and a kind (info | warning | error), or empty. */
export class Message {
  constructor(element) {
    this.element = element;
  }

  show(text, kind = "info") {
    this.element.textContent = text;
    this.element.dataset.kind = kind;
    this.element.hidden = false;
  }

  clear() {
    this.element.textContent = "";
    delete this.element.dataset.kind;
  }
}

/** A button that asks for a second click within 8 s before it acts (unless `needed()` says
 * nothing would be lost). */
export function confirmingButton(button, question, act, needed = () => true) {
  const label = button.textContent;
  let timer = null;
  const reset = () => {
    clearTimeout(timer);
    button.textContent = label;
    delete button.dataset.confirm;
  };
  button.addEventListener("click", () => {
    if (!needed()) return act(); // nothing would be lost: no need to ask
    if (button.dataset.confirm !== "1") {
      button.dataset.confirm = "1";
      button.textContent = question();
      timer = setTimeout(reset, 8000);
      return;
    }
    reset();
    act();
  });
  button.addEventListener("blur", reset);
  return reset;
}

/** Saves `data` (a Blob, or an object as JSON) as a file through the browser's download
 * (nothing is sent anywhere). */
export function download(filename, data) {
  const blob =
    data instanceof Blob ? data : new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  Object.assign(anchor, { href, download: filename, className: "sk-visually-hidden" });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
