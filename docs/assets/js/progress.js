// Säljkompetens: the page "Din utveckling" (ES module): the visitor's saved attempts
// (attempts.js), an older export added as an attempt, two of them compared and all of them
// over time. Both are computed by scoring_py in the self-assessment's worker
// (scoring-client.js: compare, timeline); nothing leaves the browser, and nothing is stored
// but what the visitor adds.

import { modelFromDefinition } from "./answers.js";
import { ATTEMPTS_KEY, AttemptStore, answeredCount, byDate, fileAttempt, localDate } from "./attempts.js";
import { comparisonNodes } from "./compare-view.js";
import { el } from "./dom.js";
import { readFileText } from "./file-text.js";
import { confirmingButton, Message } from "./form-view.js";
import { attemptNames, timelineChart } from "./progress-chart.js";
import { ScoringClient } from "./scoring-client.js";
import { failureText } from "./storage.js";

const $ = (id) => document.getElementById(id);
const root = $("sk-progress-page");
if (root) main();

function main() {
  const message = new Message($("sk-attempts-message"));
  const status = $("sk-attempts-status");
  const list = $("sk-attempt-list");
  const [before, after] = [$("sk-before"), $("sk-after")];
  const comparison = $("sk-comparison");
  const chart = $("sk-timeline");
  const siteRoot = new URL(root.dataset.root, document.baseURI);
  const formats = JSON.parse(root.dataset.formats);
  const store = new AttemptStore();
  const client = ScoringClient.fromElement(root);
  let attempts = []; // oldest first
  let names = [];
  let model = null; // every statement of today's definition, to read a file (fetched once)
  const runs = { chart: 0, comparison: 0 };

  client.ready.then(
    () => setStatus("ready", "Poängräkningen är klar."),
    (error) =>
      setStatus("error", `Jämförelsen kan inte räknas fram just nu. ${error.message} Dina sparade försök finns kvar.`),
  );

  function setStatus(kind, text) {
    status.textContent = text;
    status.dataset.state = kind;
  }

  function load(keepChoice = true) {
    const chosen = keepChoice ? [before.value, after.value].map((v) => attempts[Number(v)]) : [];
    const read = store.read();
    if (!read.ok) message.show(`De sparade försöken kunde inte läsas: ${failureText(read.error)}.`, "error");
    attempts = byDate(read.attempts);
    names = attemptNames(attempts);
    showList();
    showChoice(chosen);
    updateChart();
    updateComparison();
  }

  function showList() {
    $("sk-attempts-empty").hidden = attempts.length > 0;
    list.replaceChildren(
      ...attempts.map((attempt, index) => {
        const origin =
          attempt.key === null
            ? "från en fil"
            : attempt.key === formats.share_key
              ? "sparat i självskattningen"
              : "sparat med en tidigare version av påståendena";
        const remove = el("button", { type: "button", class: "md-button sk-remove", "data-remove": index }, "Ta bort");
        remove.append(el("span", { class: "sk-visually-hidden" }, ` försöket ${names[index]}`));
        return el(
          "li",
          { "data-attempt": index, "data-attempt-date": attempt.date },
          el("strong", {}, names[index]),
          ` – ${answeredCount(attempt)} svar, ${origin} `,
          remove,
        );
      }),
    );
    root.dataset.attempts = String(attempts.length);
  }

  function showChoice(chosen) {
    const options = () => attempts.map((_, index) => el("option", { value: index }, names[index]));
    before.replaceChildren(...options());
    after.replaceChildren(...options());
    const at = (attempt, fallback) => (attempt && attempts.includes(attempt) ? attempts.indexOf(attempt) : fallback);
    before.value = String(at(chosen[0], Math.max(0, attempts.length - 2)));
    after.value = String(at(chosen[1], attempts.length - 1));
    $("sk-choose").hidden = attempts.length < 2;
  }

  const payload = (attempt) => ({ ...attempt.answers, date: attempt.date });

  async function updateChart() {
    const run = ++runs.chart;
    if (!attempts.length) {
      chart.replaceChildren();
      chart.dataset.state = "empty";
      return;
    }
    chart.dataset.state = "updating";
    try {
      const timeline = JSON.parse(await client.timeline(attempts.map(payload)));
      if (run !== runs.chart) return;
      chart.replaceChildren(timelineChart(timeline, names));
      chart.dataset.state = "ready";
    } catch (error) {
      if (run !== runs.chart) return;
      chart.dataset.state = "error";
      chart.replaceChildren(el("p", { class: "sk-muted" }, `Försöken kunde inte räknas fram: ${error.message}`));
    }
  }

  async function updateComparison() {
    const run = ++runs.comparison;
    const [first, second] = [Number(before.value), Number(after.value)].sort((a, b) => a - b);
    if (attempts.length < 2 || first === second) {
      comparison.dataset.state = "empty";
      comparison.replaceChildren(
        el(
          "p",
          { class: "sk-result-empty" },
          attempts.length < 2
            ? "Jämförelsen visas här när det finns två försök."
            : "Välj två olika försök att jämföra.",
        ),
      );
      return;
    }
    comparison.dataset.state = "updating";
    try {
      const result = JSON.parse(await client.compare(payload(attempts[first]), payload(attempts[second])));
      if (run !== runs.comparison) return;
      comparison.replaceChildren(...comparisonNodes(result, siteRoot));
      comparison.dataset.state = "ready";
      comparison.dataset.before = names[first];
      comparison.dataset.after = names[second];
    } catch (error) {
      if (run !== runs.comparison) return;
      comparison.dataset.state = "error";
      comparison.replaceChildren(
        el("p", { class: "sk-muted" }, `Jämförelsen kunde inte räknas fram: ${error.message}`),
      );
    }
  }

  /** The definition's statements, fetched once (the first time a file is added). */
  async function fileModel() {
    if (model) return model;
    const response = await fetch(new URL(root.dataset.definition, document.baseURI), { credentials: "same-origin" });
    if (!response.ok) throw new Error(`självskattningens påståenden kunde inte hämtas (HTTP ${response.status}).`);
    model = modelFromDefinition(await response.json(), formats);
    return model;
  }

  const fileInput = $("sk-attempt-file");
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const given = $("sk-attempt-date").value;
    const fallback = given || localDate(new Date(file.lastModified || Date.now()));
    let read;
    try {
      const max = formats.import_max_bytes;
      if (file.size > max) {
        throw new Error(`Filen är för stor (${Math.ceil(file.size / 1024)} kB); högst ${Math.floor(max / 1024)} kB.`);
      }
      read = fileAttempt(await readFileText(file), await fileModel(), fallback);
    } catch (error) {
      return message.show(`Filen kunde inte läggas till: ${error.message}`, "error");
    }
    const saved = store.add(read.attempt);
    if (!saved.ok) {
      return message.show(`Försöket kunde inte sparas: ${failureText(saved.error)}.`, "error");
    }
    if (!saved.added) return message.show(`Försöket ${read.attempt.date} från filen finns redan bland dina försök.`);
    const when = read.dated
      ? `daterat ${read.attempt.date} i filen`
      : given
        ? `daterat ${read.attempt.date}, som du angav`
        : `daterat ${read.attempt.date}: filen saknar datum, så försöket har fått filens ändringsdatum (ange ett annat ovanför och lägg till filen igen om det är fel)`;
    const retired = read.retired
      ? ` ${read.retired} av svaren gäller påståenden som inte längre finns och jämförs inte.`
      : "";
    message.show(`Försöket från filen ${file.name} är sparat i den här webbläsaren, ${when}.${retired}`);
    load(false);
  });

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-remove]");
    if (!button) return;
    const attempt = attempts[Number(button.dataset.remove)];
    const removed = store.remove(attempt);
    if (!removed.ok) return message.show(`Försöket kunde inte tas bort: ${failureText(removed.error)}.`, "error");
    message.show(`Försöket ${names[Number(button.dataset.remove)]} är borttaget från den här webbläsaren.`);
    load(false);
  });
  before.addEventListener("change", updateComparison);
  after.addEventListener("change", updateComparison);
  confirmingButton(
    $("sk-attempts-erase"),
    () => "Klicka igen för att radera alla sparade försök",
    () => {
      const erased = store.erase();
      message.show(
        erased.ok
          ? "De sparade försöken är raderade från den här webbläsaren."
          : `Försöken kunde inte raderas: ${failureText(erased.error)}.`,
        erased.ok ? "info" : "error",
      );
      load(false);
    },
    () => attempts.length > 0,
  );
  window.addEventListener("storage", (event) => {
    if (event.key === ATTEMPTS_KEY || event.key === null) load();
  });

  load(false);
  root.dataset.enhanced = "true";
}
