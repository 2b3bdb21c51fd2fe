// Säljkompetens: the anonymous self-assessment page (ES module).
//
// The static form works on its own; this script keeps the answers in localStorage,
// exports/imports/shares them and shows the result that the scoring worker
// (scoring_py in Pyodide) computes. Nothing leaves the browser: the only requests
// are the site's own files. Data is always inserted with textContent / DOM APIs;
// the result view itself is built in assessment-result.js.

import { el, resultNodes } from "./assessment-result.js";

const STORAGE_KEY = "saljkompetens.svar.v1";
const ANSWERS_FORMAT = "saljkompetens-svar";
const EXPORT_FORMAT = "saljkompetens-export";
const RESULT_FORMAT = "saljkompetens-resultat";
const VERSION = 1;
const MAX_IMPORT_BYTES = 100 * 1024;
const READY_TIMEOUT_MS = 60_000;

const root = document.getElementById("sk-assessment");
if (root) main(root);

function main(root) {
  const $ = (id) => document.getElementById(id);
  const form = $("sk-form");
  const roleSelect = $("sk-role");
  const status = $("sk-status");
  const message = $("sk-message");
  const announcer = $("sk-announce");
  const progress = $("sk-progress");
  const progressText = $("sk-progress-text");
  const resultSection = $("resultat");
  const resultBody = $("sk-result-body");
  const resultPlaceholder = resultSection.querySelector(".sk-result-empty");
  const shareInput = $("sk-share-link");
  const eraseButton = $("sk-erase");

  // ---- The model, read from the static form (same order as the definition) ----
  const itemIds = Array.from(form.querySelectorAll("fieldset.sk-item[data-item]"), (el) => el.dataset.item);
  const itemSet = new Set(itemIds);
  const roleSlugs = new Set(Array.from(roleSelect.options, (o) => o.value).filter(Boolean));
  const scaleValues = Array.from(form.querySelectorAll(`input[type="radio"][name="${cssEscape(itemIds[0] || "")}"]`), (input) => Number(input.value));
  const scaleMin = Math.min(...scaleValues);
  const scaleMax = Math.max(...scaleValues);
  const total = itemIds.length;

  const urls = {
    worker: new URL(root.dataset.worker, document.baseURI).href,
    definition: new URL(root.dataset.definition, document.baseURI).href,
    wheel: new URL(root.dataset.wheel, document.baseURI).href,
    pyodide: withSlash(new URL(withSlash(root.dataset.pyodide), document.baseURI).href),
  };
  // The definition is <root>/assets/sjalvskattning/bedomning.json; its URLs are site-relative.
  const siteRoot = new URL("../../", urls.definition);

  // ---- State ----
  let answers = new Map(); // item id → 1..5
  let role = null;
  let lastResult = null; // parsed result of the current answers (or an earlier state)
  let lastResultKey = null;
  let workerState = "loading"; // loading | ready | error
  let worker = null;
  let nextId = 1;
  let inFlight = null; // {id, key, resolve[]}
  let queued = null; // {announce, focus, resolve[]} waiting for the in-flight one
  let eraseTimer = null;

  // ---- Answers as JSON ----
  function answersObject() {
    const values = {};
    for (const id of itemIds) if (answers.has(id)) values[id] = answers.get(id);
    return { format: ANSWERS_FORMAT, version: VERSION, answers: values, role };
  }
  const answersKey = () => JSON.stringify(answersObject());

  // Validates an untrusted answers object; returns {answers: Map, role} or throws Error (Swedish).
  function validateAnswers(data, where) {
    if (!isPlainObject(data)) throw new Error(`${where} är inte ett JSON-objekt.`);
    if (data.format !== ANSWERS_FORMAT) {
      throw new Error(`${where} har fel format (ska vara "${ANSWERS_FORMAT}" eller "${EXPORT_FORMAT}").`);
    }
    if (data.version !== VERSION) throw new Error(`${where} har en version som inte stöds (ska vara ${VERSION}).`);
    const raw = data.answers;
    if (!isPlainObject(raw)) throw new Error(`${where} saknar svar: "answers" ska vara ett objekt.`);
    const keys = Object.keys(raw);
    if (keys.length > total) throw new Error(`${where} innehåller fler svar (${keys.length}) än det finns påståenden (${total}).`);
    const parsed = new Map();
    for (const key of keys) {
      if (!itemSet.has(key)) throw new Error(`${where} innehåller ett okänt påstående: "${shorten(key)}".`);
      const value = raw[key];
      if (value === null) continue;
      if (typeof value !== "number" || !Number.isInteger(value) || value < scaleMin || value > scaleMax) {
        throw new Error(`${where}: svaret på "${key}" måste vara ett heltal från ${scaleMin} till ${scaleMax}.`);
      }
      parsed.set(key, value);
    }
    let chosen = data.role === undefined ? null : data.role;
    if (chosen !== null && (typeof chosen !== "string" || !roleSlugs.has(chosen))) {
      throw new Error(`${where} anger en okänd roll${typeof chosen === "string" ? `: "${shorten(chosen)}"` : ""}.`);
    }
    return { answers: parsed, role: chosen };
  }

  function parseImport(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error("Filen är inte giltig JSON.");
    }
    if (isPlainObject(data) && data.format === EXPORT_FORMAT) {
      if (data.version !== VERSION) throw new Error(`Exportfilen har en version som inte stöds (ska vara ${VERSION}).`);
      return validateAnswers(data.answers, "Svaren i exportfilen");
    }
    return validateAnswers(data, "Filen");
  }

  // ---- Form ↔ state ----
  function readForm() {
    answers = new Map();
    for (const input of form.querySelectorAll('input[type="radio"]:checked')) {
      if (itemSet.has(input.name)) answers.set(input.name, Number(input.value));
    }
    role = roleSlugs.has(roleSelect.value) ? roleSelect.value : null;
  }

  function writeForm() {
    for (const input of form.querySelectorAll('input[type="radio"]')) {
      input.checked = answers.get(input.name) === Number(input.value);
    }
    roleSelect.value = role || "";
    updateProgress();
  }

  function apply(parsed) {
    answers = parsed.answers;
    role = parsed.role;
    writeForm();
  }

  function updateProgress() {
    progress.value = answers.size;
    progressText.textContent = `${answers.size} av ${total}`;
    for (const fieldset of form.querySelectorAll("fieldset.sk-item")) {
      fieldset.classList.toggle("sk-answered", answers.has(fieldset.dataset.item));
    }
  }

  // ---- Storage (never fatal: storage may be disabled) ----
  function save() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(answersObject()));
    } catch {
      /* storage unavailable: the answers stay in the form */
    }
  }

  function loadStored() {
    let text = null;
    try {
      text = localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      return validateAnswers(JSON.parse(text), "De sparade svaren");
    } catch {
      showMessage("De sparade svaren i den här webbläsaren kunde inte läsas och används inte.", "error");
      return null;
    }
  }

  // ---- Messages ----
  function showMessage(text, kind = "info") {
    message.textContent = text;
    message.dataset.kind = kind;
  }
  function clearMessage() {
    message.textContent = "";
    delete message.dataset.kind;
  }
  function announce(text) {
    announcer.textContent = "";
    requestAnimationFrame(() => {
      announcer.textContent = text;
    });
  }
  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  // ---- Share link: #svar=<base64url of one digit per item>&roll=<slug> ----
  function shareFragment() {
    const digits = itemIds.map((id) => String(answers.get(id) || 0)).join("");
    const params = new URLSearchParams();
    params.set("svar", base64urlEncode(digits));
    if (role) params.set("roll", role);
    return params.toString();
  }

  function parseFragment(hash) {
    const fragment = hash.replace(/^#/, "");
    if (!/(^|&)svar=/.test(fragment)) return null; // an ordinary anchor
    if (fragment.length > 4096) throw new Error("Delningslänken är för lång.");
    const params = new URLSearchParams(fragment);
    let digits;
    try {
      digits = base64urlDecode(params.get("svar") || "");
    } catch {
      throw new Error("Delningslänken är trasig: svaren i den kunde inte avkodas.");
    }
    if (digits.length !== total) {
      throw new Error(`Delningslänken är trasig: den innehåller ${digits.length} svar men det finns ${total} påståenden.`);
    }
    const values = {};
    for (let i = 0; i < total; i += 1) {
      const code = digits.charCodeAt(i) - 48;
      if (code === 0) continue;
      if (!(code >= scaleMin && code <= scaleMax)) throw new Error("Delningslänken är trasig: den innehåller ogiltiga svar.");
      values[itemIds[i]] = code;
    }
    const slug = params.has("roll") ? params.get("roll") : null;
    return validateAnswers({ format: ANSWERS_FORMAT, version: VERSION, answers: values, role: slug || null }, "Delningslänken");
  }

  function loadFragment() {
    let parsed;
    try {
      parsed = parseFragment(location.hash);
    } catch (error) {
      showMessage(`${error.message} Dina egna svar används i stället.`, "error");
      return false;
    }
    if (!parsed) return false;
    apply(parsed);
    save();
    showMessage(`Svaren från delningslänken är inlästa (${parsed.answers.size} av ${total} besvarade).`, "info");
    return true;
  }

  // ---- Scoring ----
  function startWorker() {
    const timer = setTimeout(() => {
      if (workerState === "loading") {
        failWorker("Det tog för lång tid (mer än 60 sekunder) att starta Python i webbläsaren.");
      }
    }, READY_TIMEOUT_MS);
    try {
      worker = new Worker(urls.worker, { type: "module" });
    } catch {
      clearTimeout(timer);
      failWorker("Webbläsaren kunde inte starta poängräkningen (Web Worker saknas eller är blockerad).");
      return;
    }
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      failWorker("Poängräkningens skript kunde inte laddas.");
    });
    worker.addEventListener("message", (event) => {
      const data = event.data || {};
      if (data.type === "ready") {
        clearTimeout(timer);
        if (workerState !== "loading") return;
        workerState = "ready";
        root.dataset.pythonSeconds = Number(data.seconds || 0).toFixed(2);
        setStatus("ready", "Poängräkningen är klar. Resultatet uppdateras medan du svarar.");
        if (queued && !inFlight) send();
        else if (answers.size > 0) requestScore({});
      } else if (data.type === "error" && data.id == null) {
        clearTimeout(timer);
        failWorker(data.message);
      } else if (data.type === "result" || data.type === "error") {
        onScored(data);
      }
    });
    worker.postMessage({
      type: "init",
      config: { pyodide: urls.pyodide, wheel: urls.wheel, sha256: root.dataset.wheelSha256, definition: urls.definition },
    });
  }

  function failWorker(reason) {
    if (workerState === "error") return;
    workerState = "error";
    if (worker) worker.terminate();
    const resolvers = [...(inFlight ? inFlight.resolve : []), ...(queued ? queued.resolve : [])];
    inFlight = null;
    queued = null;
    resolvers.forEach((resolve) => resolve(null));
    setStatus("error", `Resultatet kan inte räknas fram just nu. ${reason} `
      + "Formuläret fungerar ändå och dina svar sparas i den här webbläsaren; "
      + "exportera dem och försök igen senare.");
    if (resultSection.dataset.state === "updating") resultSection.dataset.state = lastResult ? "ready" : "empty";
    resultSection.removeAttribute("aria-busy");
  }

  // Asks for a result of the current answers. At most one request is in flight;
  // later changes coalesce into one queued request. Resolves with the result or null.
  function requestScore(options = {}) {
    return new Promise((resolve) => {
      if (workerState === "error") {
        resolve(null);
        return;
      }
      const pending = queued || { announce: false, focus: false, resolve: [] };
      pending.announce ||= Boolean(options.announce);
      pending.focus ||= Boolean(options.focus);
      pending.resolve.push(resolve, ...(options.resolve || []));
      queued = pending;
      if (answers.size === 0 && !pending.focus) {
        // Nothing to show: keep the empty state.
        queued = null;
        showEmpty();
        pending.resolve.forEach((r) => r(null));
        return;
      }
      resultSection.dataset.state = "updating";
      resultSection.setAttribute("aria-busy", "true");
      if (workerState === "ready" && !inFlight) send();
    });
  }

  function send() {
    const pending = queued;
    queued = null;
    const key = answersKey();
    inFlight = { id: nextId++, key, ...pending };
    worker.postMessage({ type: "score", id: inFlight.id, answers: key });
  }

  function onScored(data) {
    if (!inFlight || data.id !== inFlight.id) return;
    const done = inFlight;
    inFlight = null;
    let result = null;
    if (data.type === "result") {
      try {
        result = JSON.parse(data.json);
        if (!result || result.format !== RESULT_FORMAT) result = null;
      } catch {
        result = null;
      }
      if (!result) showMessage("Poängräkningen gav ett oväntat svar.", "error");
    } else {
      showMessage(`Resultatet kunde inte räknas fram: ${data.message}`, "error");
    }
    if (result) {
      lastResult = result;
      lastResultKey = done.key;
    }
    const stale = done.key !== answersKey();
    if (queued || stale) {
      // Answers changed meanwhile: carry the flags and resolvers to the next request.
      const carried = queued || { announce: false, focus: false, resolve: [] };
      carried.announce ||= done.announce;
      carried.focus ||= done.focus;
      carried.resolve.push(...done.resolve);
      queued = carried;
      if (result) render(result, false);
      resultSection.dataset.state = "updating";
      send();
      return;
    }
    if (result && result.answered > 0) {
      render(result, true);
      if (done.announce) {
        announce(`Resultatet är uppdaterat: ${result.answered} av ${result.items} besvarade, `
          + (result.overall === null ? "helhetsindex ej skattat." : `helhetsindex ${result.overall}.`));
      }
    } else if (result) {
      showEmpty();
      if (done.focus) showMessage("Svara på några påståenden först, så visas ditt resultat här.", "info");
    } else {
      resultSection.dataset.state = lastResult ? "ready" : "empty";
      resultSection.removeAttribute("aria-busy");
    }
    if (done.focus) resultSection.focus();
    done.resolve.forEach((resolve) => resolve(result));
  }

  function currentResult() {
    return lastResult && lastResultKey === answersKey() ? lastResult : null;
  }

  // ---- Rendering (DOM APIs only) ----
  function showEmpty() {
    resultBody.replaceChildren();
    if (resultPlaceholder) resultPlaceholder.hidden = false;
    resultSection.dataset.state = "empty";
    resultSection.removeAttribute("aria-busy");
    delete resultSection.dataset.answered;
  }

  function render(result, final) {
    resultBody.replaceChildren(...resultNodes(result, siteRoot));
    if (resultPlaceholder) resultPlaceholder.hidden = true;
    resultSection.dataset.answered = String(result.answered);
    if (final) {
      resultSection.dataset.state = "ready";
      resultSection.removeAttribute("aria-busy");
    }
  }

  // ---- Export / import / share / erase ----
  async function exportAnswers() {
    let result = currentResult();
    if (!result && workerState === "ready" && answers.size > 0) result = await requestScore({});
    const data = { format: EXPORT_FORMAT, version: VERSION, answers: answersObject(), result: result || null };
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
    const href = URL.createObjectURL(blob);
    const anchor = el("a", { href, download: "saljkompetens-svar.json", class: "sk-visually-hidden" });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    showMessage(result ? "Svaren och resultatet är exporterade." : "Svaren är exporterade (utan resultat, eftersom poängräkningen inte är klar).", "info");
  }

  async function importFile(file) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      showMessage(`Filen är för stor (${Math.ceil(file.size / 1024)} kB). En svarsfil får vara högst 100 kB. Dina svar är oförändrade.`, "error");
      return;
    }
    let parsed;
    try {
      parsed = parseImport(await file.text());
    } catch (error) {
      showMessage(`Filen kunde inte importeras: ${error.message} Dina svar är oförändrade.`, "error");
      return;
    }
    apply(parsed);
    save();
    clearFragment();
    showMessage(`Svaren är importerade (${parsed.answers.size} av ${total} besvarade).`, "info");
    requestScore({});
  }

  function clearFragment() {
    if (/(^|&)svar=/.test(location.hash.replace(/^#/, ""))) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    shareInput.value = "";
  }

  function erase() {
    if (eraseButton.dataset.confirm !== "1") {
      eraseButton.dataset.confirm = "1";
      eraseButton.dataset.label = eraseButton.textContent;
      eraseButton.textContent = "Klicka igen för att radera alla svar";
      showMessage("Klicka på knappen igen för att radera alla dina svar i den här webbläsaren.", "warning");
      clearTimeout(eraseTimer);
      eraseTimer = setTimeout(resetErase, 8000);
      return;
    }
    resetErase();
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* ignore */
    }
    form.reset();
    answers = new Map();
    role = null;
    writeForm();
    lastResult = null;
    lastResultKey = null;
    queued = null;
    clearFragment();
    showEmpty();
    showMessage("Dina svar är raderade från den här webbläsaren.", "info");
  }

  function resetErase() {
    clearTimeout(eraseTimer);
    if (eraseButton.dataset.confirm === "1") {
      eraseButton.textContent = eraseButton.dataset.label || "Radera mina svar";
      delete eraseButton.dataset.confirm;
    }
  }

  // ---- Wiring ----
  form.addEventListener("change", (event) => {
    const target = event.target;
    if (target !== roleSelect && !(target instanceof HTMLInputElement && target.type === "radio")) return;
    const before = answers.size;
    readForm();
    updateProgress();
    save();
    clearFragment(); // the stored answers are now newer than any link in the address bar
    requestScore({ announce: before < total && answers.size === total });
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (workerState === "error") {
      showMessage("Resultatet kan inte visas eftersom poängräkningen inte gick att starta (se ovan). Dina svar är sparade.", "error");
      return;
    }
    if (answers.size === 0) {
      showMessage("Svara på några påståenden först, så visas ditt resultat här.", "info");
      resultSection.focus();
      return;
    }
    if (workerState === "loading") {
      showMessage("Poängräkningen laddas fortfarande. Resultatet visas så snart den är klar.", "info");
    }
    requestScore({ announce: true, focus: true });
  });
  $("sk-export").addEventListener("click", () => {
    exportAnswers();
  });
  const importInput = $("sk-import");
  importInput.addEventListener("change", () => {
    const file = importInput.files && importInput.files[0];
    importInput.value = "";
    importFile(file);
  });
  $("sk-share").addEventListener("click", () => {
    const fragment = shareFragment();
    history.replaceState(null, "", `${location.pathname}${location.search}#${fragment}`);
    shareInput.value = location.href;
    shareInput.focus();
    shareInput.select();
    showMessage("Delningslänken är skapad. Den innehåller dina svar, så dela den bara med den du vill ska se dem.", "info");
  });
  eraseButton.addEventListener("click", erase);
  eraseButton.addEventListener("blur", resetErase);
  window.addEventListener("hashchange", () => {
    if (loadFragment()) requestScore({});
  });

  // ---- Start ----
  form.reset(); // the browser may restore form state on its own; storage is the source
  const fromLink = loadFragment();
  if (!fromLink) {
    const stored = loadStored();
    if (stored) apply(stored);
    else updateProgress();
  }
  root.dataset.enhanced = "true";
  startWorker();
}

// ---- Helpers ----
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shorten(text, limit = 40) {
  const value = String(text);
  return value.length <= limit ? value : `${value.slice(0, limit)}…`;
}

function withSlash(url) {
  return String(url).endsWith("/") ? String(url) : `${url}/`;
}

function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
}

function base64urlEncode(ascii) {
  return btoa(ascii).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlDecode(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("ogiltiga tecken");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  return atob(padded);
}
