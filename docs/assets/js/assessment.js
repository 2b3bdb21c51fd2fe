// Säljkompetens: the self-assessment page's wiring (ES module). The static form works on
// its own; this script keeps the visitor's own answers (storage.js), shows shared ones
// without touching them (share-link.js), and shows the result that scoring_py computes
// in a worker (scoring-client.js, assessment-result.js). Nothing leaves the browser.

import { emptyState, exportObject, parseImport, toObject, validateAnswers } from "./answers.js";
import { clearResult, el, renderResult } from "./assessment-result.js";
import { FormView, Message, confirmingButton, readModel } from "./form-view.js";
import { ScoringClient } from "./scoring-client.js";
import { decodeShare, encodeShare, isShareFragment } from "./share-link.js";
import { AnswerStore, failureText } from "./storage.js";

const MAX_IMPORT_BYTES = 100 * 1024;
const $ = (id) => document.getElementById(id);
const root = $("sk-assessment");
if (root) main();

function main() {
  const form = $("sk-form");
  const model = readModel(form, $("sk-role"), JSON.parse(root.dataset.formats));
  const view = new FormView(form, $("sk-role"), $("sk-progress"), $("sk-progress-text"));
  const message = new Message($("sk-message"));
  const section = $("resultat");
  const url = (name) => new URL(root.dataset[name], document.baseURI).href;
  const siteRoot = new URL(url("root")); // the result's links are relative to the site root
  const store = new AnswerStore();
  let state = emptyState(); // what the form shows
  let viewing = false; // true while shared answers are shown (never saved on their own)
  let fromStorage = false; // whether `state` was read from (or written to) storage
  let shown = null; // {key, result} last rendered

  const toState = (text, where) => validateAnswers(JSON.parse(text), model, where);
  const own = () => {
    const read = store.read();
    if (!read.ok) return storageFailed(read.error), emptyState();
    fromStorage = read.text !== null;
    if (read.text === null) return emptyState();
    try {
      return toState(read.text, "De sparade svaren");
    } catch {
      message.show("De sparade svaren i den här webbläsaren kunde inte läsas och används inte.", "error");
      return emptyState();
    }
  };

  // ---- Saving: apply one change to what is stored now (other tabs' answers included) ----
  function save(apply) {
    const saved = store.save((text) => {
      let base = fromStorage ? emptyState() : state; // stored before, gone now: erased elsewhere
      if (text !== null) {
        try {
          base = toState(text, "De sparade svaren");
        } catch {
          base = state;
        }
      }
      return toObject(apply(base), model);
    });
    state = validateAnswers(saved.data, model, "Svaren");
    fromStorage = saved.ok;
    if (saved.ok) $("sk-storage-warning").hidden = true;
    else storageFailed(saved.error);
    show();
  }

  function storageFailed(error) {
    $("sk-storage-text").textContent = `Dina svar kunde inte sparas: ${failureText(error)}. `
      + "De finns kvar på sidan tills du stänger eller laddar om den. Exportera dem nu för att behålla dem.";
    $("sk-storage-warning").hidden = false;
  }

  function show() {
    view.show(state);
    rescore();
  }

  // ---- Scoring ----
  const client = new ScoringClient(url("worker"), {
    pyodide: url("pyodide").replace(/\/?$/, "/"), wheel: url("wheel"), sha256: root.dataset.wheelSha256, definition: url("definition"),
  });
  const status = (kind, text) => {
    $("sk-status").textContent = text;
    $("sk-status").dataset.state = kind;
  };
  client.ready.then((seconds) => {
    root.dataset.pythonSeconds = seconds.toFixed(2);
    status("ready", "Poängräkningen är klar. Resultatet uppdateras medan du svarar.");
    rescore();
  }, (error) => {
    status("error", `Resultatet kan inte räknas fram just nu. ${error.message} Formuläret fungerar ändå och `
      + "dina svar sparas i den här webbläsaren; exportera dem och försök igen senare.");
    if (section.dataset.state === "updating") section.dataset.state = shown ? "ready" : "empty";
  });

  async function rescore() {
    const answers = toObject(state, model);
    const key = JSON.stringify(answers);
    if (state.answers.size === 0) return clearResult(section), (shown = null), null;
    if (shown && shown.key === key) return shown.result;
    if (client.state === "error") return null;
    section.dataset.state = "updating";
    try {
      const result = JSON.parse(await client.score(answers));
      if (key !== JSON.stringify(toObject(state, model))) return null; // answers changed meanwhile
      shown = { key, result };
      renderResult(section, result, siteRoot);
      return result;
    } catch (error) {
      if (client.state !== "error") message.show(`Resultatet kunde inte räknas fram: ${error.message}`, "error");
      section.dataset.state = shown ? "ready" : "empty";
      return null;
    }
  }

  // ---- Shared answers: shown, never saved unless the visitor asks ----
  function openShared(hash) {
    let parsed;
    try {
      parsed = decodeShare(hash, model);
      if (parsed) parsed = validateAnswers(parsed, model, "Delningslänken");
    } catch (error) {
      message.show(`${error.message} Dina egna svar används i stället.`, "error");
      return false;
    }
    if (!parsed) return false;
    viewing = true;
    state = parsed;
    view.lock(true);
    $("sk-shared").hidden = false;
    updateSharedText();
    show();
    return true;
  }

  function updateSharedText() {
    const mine = own().answers.size;
    $("sk-shared-text").textContent = `Du ser svar från en delningslänk (${state.answers.size} av ${model.itemIds.length} `
      + `besvarade). Dina egna svar i den här webbläsaren (${mine} besvarade) är orörda.`;
  }

  function closeShared() {
    viewing = false;
    history.replaceState(null, "", location.pathname + location.search);
    view.lock(false);
    $("sk-shared").hidden = true;
    state = own();
    show();
  }

  confirmingButton($("sk-keep-shared"), () => `Ersätt mina ${own().answers.size} sparade svar`, () => {
    const replaced = own().answers.size;
    const shared = state;
    closeShared();
    save(() => shared);
    message.show(`De delade svaren är nu dina sparade svar${replaced ? ` (de ersatte dina ${replaced} tidigare svar)` : ""}.`);
  });
  $("sk-own").addEventListener("click", () => {
    closeShared();
    message.show("Du ser nu dina egna svar.");
  });

  // ---- Wiring ----
  form.addEventListener("change", (event) => {
    const change = view.change(event.target, model);
    if (!change) return;
    if (viewing) { // only the role can change here; it is not saved
      state = { ...state, role: change.role ?? state.role };
      return void show();
    }
    const wasComplete = state.answers.size === model.itemIds.length;
    save((base) => {
      const answers = new Map(base.answers);
      if ("id" in change) answers.set(change.id, change.value);
      return { answers, role: "role" in change ? change.role : base.role };
    });
    if (!wasComplete && state.answers.size === model.itemIds.length) rescore().then(announce);
  });
  const announce = (result) => {
    if (!result) return;
    const overall = result.overall === null ? "" : `, helhetsindex ${result.overall}`;
    $("sk-announce").textContent = `Resultatet är uppdaterat: ${result.answered} av ${result.items} besvarade${overall}.`;
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (state.answers.size === 0) message.show("Svara på några påståenden först, så visas ditt resultat här.");
    else if (client.state === "error") message.show("Resultatet kan inte visas eftersom poängräkningen inte gick att starta (se ovan). Dina svar är sparade.", "error");
    else if (client.state === "loading") message.show("Poängräkningen laddas fortfarande. Resultatet visas så snart den är klar.");
    section.focus();
    announce(await rescore());
  });
  store.watch(window, (text) => {
    if (viewing) return void updateSharedText();
    if (text === null) {
      state = emptyState();
      message.show("Dina svar raderades i en annan flik.", "warning");
    } else {
      try {
        state = toState(text, "De sparade svaren");
      } catch {
        return;
      }
    }
    fromStorage = text !== null;
    show();
  });
  window.addEventListener("hashchange", () => isShareFragment(location.hash) && openShared(location.hash));

  const exportAnswers = async () => {
    const result = client.state === "ready" ? await rescore() : null;
    const blob = new Blob([`${JSON.stringify(exportObject(state, model, result), null, 2)}\n`], { type: "application/json" });
    const href = URL.createObjectURL(blob);
    const anchor = el("a", { href, download: "saljkompetens-svar.json", class: "sk-visually-hidden" });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    message.show(result ? "Svaren och resultatet är exporterade." : "Svaren är exporterade (utan resultat, eftersom poängräkningen inte är klar).");
  };
  $("sk-export").addEventListener("click", exportAnswers);
  $("sk-storage-export").addEventListener("click", exportAnswers);
  const importInput = $("sk-import");
  importInput.addEventListener("change", async () => {
    const file = importInput.files && importInput.files[0];
    importInput.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      return message.show(`Filen är för stor (${Math.ceil(file.size / 1024)} kB). En svarsfil får vara högst 100 kB. Dina svar är oförändrade.`, "error");
    }
    let parsed;
    try {
      parsed = parseImport(await file.text(), model);
    } catch (error) {
      return message.show(`Filen kunde inte importeras: ${error.message} Dina svar är oförändrade.`, "error");
    }
    if (viewing) closeShared();
    const replaced = state.answers.size;
    save(() => parsed);
    message.show(`Svaren är importerade (${parsed.answers.size} av ${model.itemIds.length} besvarade)`
      + `${replaced ? `; de ersatte dina ${replaced} tidigare svar` : ""}.`);
  });
  $("sk-share").addEventListener("click", () => {
    const link = $("sk-share-link");
    link.value = `${location.origin}${location.pathname}#${encodeShare(state, model.itemIds)}`;
    link.focus();
    link.select();
    message.show("Delningslänken är skapad. Den innehåller dina svar, så dela den bara med den du vill ska se dem.");
  });
  confirmingButton($("sk-erase"), () => "Klicka igen för att radera alla svar", () => {
    const erased = store.erase();
    if (!erased.ok) storageFailed(erased.error);
    fromStorage = false;
    if (viewing) return updateSharedText(), message.show("Dina egna svar är raderade; de delade svaren visas fortfarande.");
    state = emptyState();
    show();
    message.show("Dina svar är raderade från den här webbläsaren.");
  });

  // ---- Start ----
  form.reset(); // the browser may restore form state on its own; storage is the source
  if (!(isShareFragment(location.hash) && openShared(location.hash))) {
    state = own();
    show();
  }
  root.dataset.enhanced = "true";
}
