// Säljkompetens: "Skatta dig på den här kompetensen" on a competency page (ES module). Its
// statements share the visitor's stored answers with the full self-assessment (storage.js:
// an answer given here is there, and back), and the competency's value comes from the same
// scoring_py in the same worker. Which answers are valid comes from the definition
// (bedomning.json, the same file the worker reads), so the page stays small however many
// statements there are. Python starts only when there is something to score and the
// statements are in view. Nothing leaves the browser.

import { emptyState, modelFromDefinition, toObject } from "./answers.js";
import { el } from "./dom.js";
import { ScoringClient } from "./scoring-client.js";
import { droppedText, failureText, OwnAnswers } from "./storage.js";

const root = document.getElementById("sk-rating");
if (root) start();

async function start() {
  const message = document.getElementById("sk-rating-message");
  const form = document.getElementById("sk-rating-form");
  const items = form.querySelectorAll("fieldset.sk-item");
  for (const item of items) item.disabled = true; // until answers can be kept
  let definition;
  try {
    const response = await fetch(new URL(root.dataset.definition, document.baseURI));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    definition = await response.json();
  } catch (error) {
    message.textContent =
      `Självskattningen kunde inte laddas (${error.message}), så svar här kan inte sparas just nu. ` +
      "Ladda om sidan eller gör hela självskattningen.";
    message.dataset.kind = "error";
    message.hidden = false;
    return;
  }
  main(modelFromDefinition(definition, JSON.parse(root.dataset.formats)), form, message);
}

/** @param {import("./answers.js").Model} model every statement of the test, not only these */
function main(model, form, message) {
  const slug = root.dataset.competency;
  const minAnswers = Number(root.dataset.minAnswers);
  const box = document.getElementById("sk-rating-result");
  const ids = Array.from(form.querySelectorAll("fieldset.sk-item"), (item) => item.dataset.item);
  const own = new OwnAnswers(model);
  let state = emptyState();
  let client = null; // started on demand
  let inView = false;
  let wanted = ""; // the answers whose value should be shown

  const say = (text, kind = "info") => {
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = !text;
  };

  function show(next) {
    state = next;
    for (const input of form.querySelectorAll('input[type="radio"]')) {
      input.checked = String(state.answers.get(input.name)) === input.value;
    }
    for (const item of form.querySelectorAll("fieldset.sk-item")) {
      item.classList.toggle("sk-answered", state.answers.has(item.dataset.item));
    }
    if (ids.some((id) => state.answers.has(id))) score();
    else showValue(null);
  }

  async function score() {
    if (!inView) return;
    const answers = toObject(state, model);
    const key = JSON.stringify(answers);
    if (key === wanted) return;
    wanted = key;
    client ??= ScoringClient.fromElement(root);
    box.dataset.state = "updating";
    if (client.state === "loading") waiting();
    try {
      const result = JSON.parse(await client.score(answers));
      if (key !== wanted) return; // newer answers are on their way
      stopWaiting();
      showValue(result.competencies.find((row) => row.slug === slug));
    } catch (error) {
      if (key !== wanted) return;
      stopWaiting();
      wanted = "";
      box.dataset.state = "error";
      box.replaceChildren(el("p", {}, `Värdet kan inte räknas fram just nu. ${error.message} Dina svar är sparade.`));
    }
  }

  /** While the scoring starts: how many of these statements are answered now, and how long
   * it has taken since the first answer asked for a value, updated every second. One timer for
   * the page: a newer answer only changes what it counts. */
  let waitingTimer = null;
  let waitingSince = 0;
  function waiting() {
    box.dataset.state = "waiting";
    if (waitingTimer) return;
    waitingSince = performance.now();
    const tick = () => {
      const answered = ids.filter((id) => state.answers.has(id)).length;
      const seconds = Math.round((performance.now() - waitingSince) / 1000);
      box.replaceChildren(
        el(
          "p",
          {},
          `Du har svarat på ${answered} av ${ids.length}. Värdet räknas fram här, i din webbläsare, så snart ` +
            `poängräkningen har startat – första gången tar det några sekunder (${seconds} s hittills).`,
        ),
      );
    };
    tick();
    waitingTimer = setInterval(tick, 1000);
  }

  function stopWaiting() {
    clearInterval(waitingTimer);
    waitingTimer = null;
  }

  /** The competency's row of the result, or null for nothing answered here. */
  function showValue(row) {
    for (const key of ["score", "low", "high", "answered"]) delete box.dataset[key];
    if (!row || row.score === null) {
      const answered = row ? row.answered : 0;
      box.dataset.state = row ? "ready" : "empty";
      if (row) box.dataset.answered = String(answered);
      box.replaceChildren(
        el(
          "p",
          {},
          `Du har svarat på ${answered} av ${ids.length}. Svara på minst ${minAnswers} så visas ditt värde här` +
            " (”Ej aktuellt i min roll” räknas inte).",
        ),
      );
      return;
    }
    Object.assign(box.dataset, { score: row.score, low: row.low, high: row.high, answered: row.answered });
    const track = el(
      "span",
      { class: "sk-track", "aria-hidden": "true" },
      el("span", { class: "sk-range", style: `left: ${row.low}%; width: ${row.high - row.low}%` }),
      el("span", { class: `sk-bar sk-level-${row.band.level}`, style: `width: ${Math.max(row.score, 1)}%` }),
    );
    box.replaceChildren(
      el(
        "p",
        { class: "sk-rating-value" },
        el("strong", {}, `${row.score} av 100`),
        ` (intervall ${row.low}–${row.high}, ${row.answered} av ${row.items} påståenden besvarade): ${row.band.label}.`,
      ),
      track,
      el("p", {}, row.band.text),
    );
    box.dataset.state = "ready";
  }

  function keep({ state: next, failure }) {
    if (failure) {
      say(
        `Svaren kunde inte sparas: ${failureText(failure)}. De finns kvar tills du lämnar sidan. ` +
          "Gör hela självskattningen i stället, där du kan exportera svaren till en fil.",
        "warning",
      );
    }
    show(next);
  }

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio" || !input.checked) return;
    const value = input.value === model.formats.not_applicable ? input.value : Number(input.value);
    inView = true;
    keep(own.change((base) => ({ ...base, answers: new Map(base.answers).set(input.name, value) })));
  });
  own.watch(window, (next, erased) => {
    if (erased) say("Dina svar raderades i en annan flik.", "warning");
    show(next);
  });
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    inView = true;
    show(state);
  }).observe(form);

  form.reset(); // the browser may restore form state on its own; storage is the source
  const loaded = own.load();
  if (loaded.unreadable) say("De sparade svaren i den här webbläsaren kunde inte läsas och används inte.", "error");
  else if (loaded.dropped) say(droppedText(loaded.dropped, loaded.state.answers.size), "warning");
  keep(loaded);
  for (const item of form.querySelectorAll("fieldset.sk-item")) item.disabled = false;
  root.dataset.enhanced = "true";
}
