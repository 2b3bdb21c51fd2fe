// Säljkompetens: the self-assessment page's wiring (ES module). The static form works on
// its own; this script keeps the visitor's own answers (storage.js), shows shared ones
// without touching them (shared-view.js), and shows the result that scoring_py computes
// in a worker (scoring-client.js, live-result.js). Nothing leaves the browser.

import { emptyState } from "./answers.js";
import { FormView, Message, readModel } from "./form-view.js";
import { keepControls } from "./keep-controls.js";
import { LiveResult } from "./live-result.js";
import { ReportView } from "./report-view.js";
import { ScoringClient } from "./scoring-client.js";
import { isShareFragment } from "./share-link.js";
import { SharedView } from "./shared-view.js";
import { Steps } from "./steps.js";
import { answerStore, droppedText, failureText, OwnAnswers } from "./storage.js";

const $ = (id) => document.getElementById(id);
const root = $("sk-assessment");
if (root) main();

function main() {
  const client = ScoringClient.fromElement(root);
  if (isShareFragment(location.hash)) client.start(); // a result to show: Python at once
  const form = $("sk-form");
  const selftest = root.dataset.selftest || null; // a self-test's page: its own answers and definition
  const model = readModel(form, $("sk-role"), JSON.parse(root.dataset.formats), selftest, root.dataset.selftestTitle);
  const total = model.itemIds.length;
  const view = new FormView(
    {
      form,
      roleSelect: $("sk-role"),
      progress: $("sk-progress"),
      progressText: $("sk-progress-text"),
      timeLeft: $("sk-time-left"),
    },
    Number(root.dataset.secondsPerItem),
  );
  const steps = new Steps(form);
  const report = new ReportView({
    section: $("resultat"),
    form: $("sk-questions"),
    actions: $("sk-report-actions"),
    back: $("sk-back"),
    print: $("sk-print"),
  });
  const message = new Message($("sk-message"));
  const live = new LiveResult(
    { section: $("resultat"), status: $("sk-status"), message },
    client,
    model,
    new URL(root.dataset.root, document.baseURI),
  );
  live.onReady = (seconds) => {
    root.dataset.pythonSeconds = seconds.toFixed(2);
  };
  const own = new OwnAnswers(model, answerStore(selftest));
  let state = emptyState(); // what the form shows: one's own answers, or shared ones

  function show(next) {
    state = next;
    view.show(state);
    if (document.activeElement !== $("sk-label")) $("sk-label").value = state.label ?? "";
    return live.update(state);
  }

  /** After a change to one's own answers: show them, and say if they could not be kept. */
  function keep({ state: next, failure }) {
    $("sk-storage-warning").hidden = !failure;
    if (failure) {
      $("sk-storage-text").textContent =
        `Dina svar kunde inte sparas: ${failureText(failure)}. De finns kvar på sidan tills du stänger ` +
        "eller laddar om den. Exportera dem nu för att behålla dem.";
    }
    if (!shared.open) show(next);
  }

  const shared = new SharedView(
    { region: $("sk-shared"), text: $("sk-shared-text"), keep: $("sk-keep-shared"), back: $("sk-own") },
    model,
    own,
    {
      show,
      keep,
      lock: (locked) => view.lock(locked),
      message,
      owner: (kind, label, file, mine) => report.owner(kind, label, file, mine),
    },
  );
  $("sk-own-report").addEventListener("click", () => $("sk-own").click());

  const announce = (result) => {
    if (result) $("sk-announce").textContent = `Resultatet är klart: ${result.answered} av ${result.items} besvarade.`;
  };

  form.addEventListener("change", (event) => {
    const change = view.change(event.target, model);
    if (!change) return;
    if (shared.open) return shared.setRole(change.role ?? state.role);
    const wasComplete = state.answers.size === total;
    keep(
      own.change((base) => {
        const answers = new Map(base.answers);
        if ("id" in change) answers.set(change.id, change.value);
        return { answers, role: "role" in change ? change.role : base.role, label: base.label };
      }),
    );
    if (!wasComplete && state.answers.size === total) {
      report.open(); // the last answer: the report, at its top
      live.update(state).then(announce);
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (state.answers.size === 0) message.show("Svara på några påståenden först, så visas ditt resultat här.");
    else if (client.state === "error") {
      message.show(
        "Resultatet kan inte visas eftersom poängräkningen inte gick att starta (se ovan). Dina svar är sparade.",
        "error",
      );
    } // while the scoring starts, the report itself says so (live-result.js)
    report.open();
    announce(await live.update(state));
  });
  own.watch(window, (next, erased) => {
    if (shared.open) return shared.describe();
    if (erased) message.show("Dina svar raderades i en annan flik.", "warning");
    show(next);
  });
  window.addEventListener("hashchange", () => {
    if (isShareFragment(location.hash) && shared.show(location.hash)) report.open({ push: false });
  });

  keepControls({ model, own, shared, client, live, message, keep, current: () => state });

  form.reset(); // the browser may restore form state on its own; storage is the source
  const loaded = own.load();
  if (loaded.unreadable)
    message.show("De sparade svaren i den här webbläsaren kunde inte läsas och används inte.", "error");
  if (loaded.dropped) {
    message.show(droppedText(loaded.dropped, loaded.state.answers.size), "warning");
  }
  keep(loaded);
  steps.resume(state);
  if (isShareFragment(location.hash) ? shared.show(location.hash) : ReportView.requested()) {
    report.open({ push: false });
  }
  document.documentElement.classList.remove("sk-report-requested"); // see theme-head.js
  root.dataset.enhanced = "true";
}
