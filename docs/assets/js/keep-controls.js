// Säljkompetens: the self-assessment's "Dina svar" controls: the name on the export, export,
// import, share link and erase. Each acts on the visitor's own answers (storage.js) and
// says in the page's message area what happened.

import { checkLabel, exportObject, readImportFile } from "./answers.js";
import { AttemptStore, localDate } from "./attempts.js";
import { fileName } from "./file-name.js";
import { confirmingButton, download } from "./form-view.js";
import { saveAttemptButton } from "./save-attempt.js";
import { encodeShare } from "./share-link.js";

const $ = (id) => document.getElementById(id);

/**
 * @param {{model, own, shared, client, live, message, keep: Function, current: () => object}} page
 * `keep` shows a change to one's own answers; `current` is the state the form shows.
 */
export function keepControls({ model, own, shared, client, live, message, keep, current }) {
  const total = model.itemIds.length;
  const exportAnswers = async () => {
    const state = current();
    const result = client.state === "ready" ? await live.update(state) : null;
    const kind = model.selftest ? `saljkompetens-${model.selftest}` : model.formats.answers;
    // dated (the visitor's own day), so that the file can be one of a person's attempts
    download(fileName([kind, state.label], "json"), { ...exportObject(state, model, result), date: localDate() });
    message.show(
      result
        ? "Svaren och resultatet är exporterade."
        : "Svaren är exporterade (utan resultat, eftersom poängräkningen inte är klar).",
    );
  };
  $("sk-export").addEventListener("click", exportAnswers);
  $("sk-storage-export").addEventListener("click", exportAnswers);

  $("sk-label").addEventListener("change", (event) => {
    let label;
    try {
      label = checkLabel(event.target.value, model.formats, "Namnet");
    } catch (error) {
      return message.show(`${error.message} Det sparades inte.`, "error");
    }
    keep(own.change((base) => ({ answers: base.answers, role: base.role, label })));
    message.show(label ? `Exporten märks med "${label}".` : "Exporten märks inte med något namn.");
  });

  const importInput = $("sk-import");
  importInput.addEventListener("change", async () => {
    const file = importInput.files?.[0];
    importInput.value = "";
    if (!file) return;
    let parsed;
    try {
      parsed = await readImportFile(file, model);
    } catch (error) {
      return message.show(`Filen kunde inte importeras: ${error.message} Dina svar är oförändrade.`, "error");
    }
    // A file is someone's answers, perhaps not one's own: it is shown as the file's, and
    // becomes one's own only when the visitor says so (as a share link).
    shared.showImported(parsed, file.name);
    const own_ = own.state.answers.size
      ? `Dina egna ${own.state.answers.size} svar är orörda; välj Spara som mina svar för att byta till filens.`
      : "Välj Spara som mina svar för att fortsätta med dem som dina egna.";
    message.show(`Filen är öppnad (${parsed.answers.size} av ${total} besvarade). ${own_}`);
  });

  $("sk-share").addEventListener("click", () => {
    const link = $("sk-share-link");
    link.value = `${location.origin}${location.pathname}#${encodeShare(current(), model)}`;
    link.focus();
    link.select();
    $("sk-copy-share").hidden = false;
    message.show("Delningslänken är skapad. Den innehåller dina svar, så dela den bara med den du vill ska se dem.");
  });
  $("sk-copy-share").addEventListener("click", async () => {
    const link = $("sk-share-link");
    try {
      await navigator.clipboard.writeText(link.value);
      message.show("Länken är kopierad. Klistra in den där du vill dela den.");
    } catch {
      link.focus();
      link.select();
      message.show("Länken kunde inte kopieras automatiskt; den är markerad – kopiera den med Ctrl+C (⌘C på Mac).");
    }
  });

  saveAttemptButton({ button: $("sk-save-attempt"), status: $("sk-attempt-status"), model, own, shared });
  const attempts = model.selftest ? null : new AttemptStore(); // the assessment's saved attempts
  confirmingButton(
    $("sk-erase"),
    () =>
      attempts ? "Klicka igen för att radera alla svar och sparade försök" : "Klicka igen för att radera alla svar",
    () => {
      const erased = attempts?.erase();
      if (erased && !erased.ok) message.show("De sparade försöken kunde inte raderas.", "error");
      keep(own.erase());
      client.forget(); // Python's memory snapshot in this browser (python-snapshot.js) too
      if (shared.open) shared.describe();
      message.show(
        shared.open
          ? "Dina egna svar är raderade; de delade svaren visas fortfarande."
          : "Dina svar är raderade från den här webbläsaren.",
      );
    },
  );
}
