// Säljkompetens: a manager rates a seller with the same statements, worded about the seller
// (ES module). The rating is kept in this browser under its own key (never mixed with the
// manager's own self-assessment) until it is exported, marked with the seller's label and as
// a manager's rating, for the team view. Nothing leaves the browser.

import { checkLabel, emptyState, exportObject } from "./answers.js";
import { fileName } from "./file-name.js";
import { confirmingButton, download, FormView, Message, readModel } from "./form-view.js";
import { Steps } from "./steps.js";
import { AnswerStore, droppedText, failureText, OwnAnswers } from "./storage.js";

export const MANAGER_KEY = "saljkompetens.chefsskattning.v1";
const $ = (id) => document.getElementById(id);
const root = $("sk-manager");
if (root) main();

function main() {
  const form = $("sk-form");
  const label = $("sk-label");
  const formats = JSON.parse(root.dataset.formats);
  const model = { ...readModel(form, null, formats), rater: formats.raters.manager };
  const parts = { form, roleSelect: null, progress: $("sk-progress"), progressText: $("sk-progress-text") };
  const view = new FormView({ ...parts, timeLeft: $("sk-time-left") }, Number(root.dataset.secondsPerItem));
  const steps = new Steps(form);
  const message = new Message($("sk-message"));
  const own = new OwnAnswers(model, new AnswerStore(MANAGER_KEY));
  let state = emptyState();

  function keep({ state: next, failure }) {
    if (failure) {
      message.show(
        `Skattningen kunde inte sparas: ${failureText(failure)}. Den finns kvar tills du stänger sidan; ` +
          "exportera den nu för att behålla den.",
        "warning",
      );
    }
    state = next;
    view.show(state);
    if (document.activeElement !== label) label.value = state.label ?? "";
  }

  form.addEventListener("change", (event) => {
    const change = view.change(event.target, model);
    if (change && "id" in change) {
      const before = state.answers.size;
      keep(own.change((base) => ({ ...base, answers: new Map(base.answers).set(change.id, change.value) })));
      const total = model.itemIds.length;
      if (before < total && state.answers.size === total) {
        message.show(
          `Alla ${total} påståenden är besvarade. Skriv säljarens namn om det saknas och exportera ` +
            "skattningen nedan (Exportera chefsskattningen).",
        );
      }
    }
  });
  label.addEventListener("change", () => {
    try {
      const chosen = checkLabel(label.value, formats, "Säljarens namn");
      keep(own.change((base) => ({ ...base, label: chosen })));
    } catch (error) {
      message.show(`${error.message} Det sparades inte.`, "error");
    }
  });
  $("sk-export").addEventListener("click", () => {
    if (!state.label) {
      message.show("Skriv säljarens namn eller initialer först, så att teamvyn vet vem skattningen gäller.", "error");
      return label.focus();
    }
    if (state.answers.size === 0) return message.show("Svara på några påståenden först.", "error");
    download(fileName(["chefsskattning", state.label], "json"), exportObject(state, model, null));
    message.show(
      `Chefsskattningen av "${state.label}" är exporterad (${state.answers.size} av ${model.itemIds.length} ` +
        "besvarade). Lägg filen i teamvyn tillsammans med säljarens egen export.",
    );
  });
  confirmingButton(
    $("sk-erase"),
    () => "Klicka igen för att radera skattningen",
    () => {
      keep(own.erase());
      message.show("Skattningen är raderad från den här webbläsaren. Du kan skatta nästa säljare.");
    },
  );
  own.watch(window, (next, erased) => {
    if (erased) message.show("Skattningen raderades i en annan flik.", "warning");
    keep({ state: next, failure: null });
  });

  form.reset();
  const loaded = own.load();
  if (loaded.unreadable) message.show("Den sparade skattningen kunde inte läsas och används inte.", "error");
  else if (loaded.dropped) message.show(droppedText(loaded.dropped, loaded.state.answers.size), "warning");
  keep(loaded);
  steps.resume(state);
  root.dataset.enhanced = "true";
}
