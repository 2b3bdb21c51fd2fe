// Säljkompetens: the scoring worker (a module Web Worker).
//
// Loads the self-hosted Pyodide, checks the scoring_py wheel against its SHA-256
// before it is used, installs it and answers scoring requests from the page:
//
//   page → worker  {type: "init", config: {pyodide, wheel, sha256, definition, stdlib}}  (absolute URLs;
//                   stdlib: the trimmed standard library, published beside the wheel)
//   worker → page  {type: "ready", seconds, snapshot} | {type: "error", id: null, message, stage}
//                  (snapshot: how Python started, python-loader.js)
//   worker → page  {type: "snapshot", state}              (a memory snapshot was kept, or not)
//   page → worker  {type: "forget", id}                   (erase the snapshot; answered {type: "result", id})
//   page → worker  {type: "score", id, answers, voice?}    (answers: JSON text or object; voice:
//                  "self" or "other", whom the result's sentences speak to)
//   page → worker  {type: "team", id, files, role, definition?}  (files: JSON text [{name, text}];
//                  definition: a self-test's definition text, else the page's own)
//   worker → page  {type: "progress", id, done, total}     (team: after each file)
//   page → worker  {type: "compare", id, before, after}    (two attempts, each an answers or export
//                  file as JSON text: scoring_py.compare.compare_json)
//   page → worker  {type: "compare", id, attempts}         (JSON text [attempt…]: each attempt scored on
//                  its own, the whole test and the stages: scoring_py.compare.timeline_json)
//   worker → page  {type: "result", id, json} | {type: "error", id, message}
//
// Only the site's own files are fetched. No eval, no new Function, no inline code.

import { PythonStart } from "./python-loader.js";

const PREFIX = "[scoring-worker]";
const KEEP_AFTER_MS = 1000; // the snapshot is kept after the first requests are answered

let scoreJson = null;
let teamJson = null;
let compareModule = null; // scoring_py.compare: compare_json, timeline_json
let definitionText = null;
let started = false;
let python = null; // PythonStart: how Python started, and its snapshot

class StageError extends Error {
  constructor(stage, message) {
    super(message);
    this.stage = stage;
  }
}

function fail(stage, message) {
  throw new StageError(stage, message);
}

// cache: "default" for files named by their content (the wheel), "no-cache" for the rest.
async function fetchOk(url, what, cache = "no-cache") {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", cache });
  } catch {
    fail("fetch", `${what} kunde inte hämtas (nätverksfel eller blockerad fil).`);
  }
  if (!response.ok) {
    fail("fetch", `${what} kunde inte hämtas (HTTP ${response.status}).`);
  }
  return response;
}

const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"];

// The lock file's header for this Pyodide (tests/test_stdlib.py checks it against the npm
// package). The site installs no package from the lock, so passing it as lockFileContents
// saves Pyodide from fetching and parsing the 119 kB pyodide-lock.json before it is ready.
const LOCK = {
  info: { abi_version: "2026_0", arch: "wasm32", platform: "emscripten_5_0_3", python: "3.14.2" },
  packages: {},
};
const realFetch = self.fetch.bind(self);

function fileName(url) {
  return decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
}

// Every file Pyodide fetches goes through here: the first one under `watched` (URL prefixes)
// that fails is reported at once, with its name and HTTP status, instead of leaving
// loadPyodide waiting.
function watchFetches(watched) {
  let report;
  const failed = new Promise((_, reject) => {
    report = reject;
  });
  failed.catch(() => {});
  self.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
    const mine = watched.some((prefix) => url.startsWith(prefix));
    let response;
    try {
      response = await realFetch(input, init);
    } catch (error) {
      if (mine)
        report(
          new StageError("pyodide", `Filen ${fileName(url)} kunde inte hämtas (nätverksfel eller blockerad fil).`),
        );
      throw error;
    }
    if (!response.ok && mine) {
      report(new StageError("pyodide", `Filen ${fileName(url)} kunde inte hämtas (HTTP ${response.status}).`));
    }
    return response;
  };
  return failed;
}

// After a failure with no failed fetch seen (e.g. a module import): which file is missing?
async function missingFile(base, stdlib) {
  for (const url of [...PYODIDE_FILES.map((name) => base + name), stdlib]) {
    const name = fileName(url);
    try {
      const response = await realFetch(url, { method: "HEAD", cache: "no-store" });
      if (!response.ok) return `Filen ${name} kunde inte hämtas (HTTP ${response.status}).`;
    } catch {
      return `Filen ${name} kunde inte hämtas (nätverksfel eller blockerad fil).`;
    }
  }
  return "någon av dess filer kunde inte laddas.";
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function start(config) {
  const t0 = performance.now();
  const base = config.pyodide.endsWith("/") ? config.pyodide : `${config.pyodide}/`;
  const stdlib = config.stdlib || `${base}python_stdlib.zip`;

  // Preload: the wheel and the definition download while Pyodide loads and boots.
  const wheelBytes = fetchOk(config.wheel, "Poängräkningens Python-paket", "default").then((r) => r.arrayBuffer());
  const definition = fetchOk(config.definition, "Bedömningsdefinitionen").then((r) => r.text());
  wheelBytes.catch(() => {});
  definition.catch(() => {});

  python = new PythonStart(base, stdlib); // looks for a snapshot meanwhile
  const failedFetch = watchFetches([base, stdlib]);
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(`${base}pyodide.mjs`));
  } catch {
    fail("pyodide", `Python-miljön (Pyodide) kunde inte laddas: ${await missingFile(base, stdlib)}`);
  }
  if (typeof loadPyodide !== "function") {
    fail("pyodide", "Python-miljön (Pyodide) kunde inte laddas: pyodide.mjs är inte den väntade filen.");
  }

  let pyodide;
  let module;
  try {
    const options = { indexURL: base, stdLibURL: stdlib, lockFileContents: LOCK, stdout: () => {}, stderr: () => {} };
    pyodide = await python.load(loadPyodide, options, failedFetch);
  } catch (error) {
    const detail = error instanceof StageError ? error.message : await missingFile(base, stdlib);
    fail("pyodide", `Python-miljön (Pyodide) kunde inte startas: ${detail}`);
  }

  const bytes = await wheelBytes;
  if (!self.crypto?.subtle) {
    fail("hash", "Webbläsaren kan inte kontrollera poängräkningens Python-paket (kräver https eller localhost).");
  }
  const digest = hex(await self.crypto.subtle.digest("SHA-256", bytes));
  if (digest !== String(config.sha256).toLowerCase()) {
    fail("hash", "Poängräkningens Python-paket stämmer inte med sin kontrollsumma (SHA-256) och används därför inte.");
  }

  try {
    pyodide.unpackArchive(bytes, "wheel");
    module = pyodide.pyimport("scoring_py");
    scoreJson = module.score_json;
    teamJson = module.team_json;
    compareModule = pyodide.pyimport("scoring_py.compare");
    python.take(pyodide); // before any answers reach Python
  } catch (error) {
    console.error(PREFIX, error);
    fail("install", "Poängräkningens Python-paket kunde inte installeras.");
  }

  definitionText = await definition;
  try {
    module.prepare(definitionText); // reads and checks the definition once, and keeps it
  } catch (error) {
    fail("definition", `Bedömningsdefinitionen kunde inte läsas: ${pythonMessage(error)}`);
  }
  return (performance.now() - t0) / 1000;
}

// A Pyodide PythonError message is a traceback; its last line is
// "scoring_py.errors.ScoringError: <Swedish message>".
function pythonMessage(error) {
  const text = String(error?.message || error || "");
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.length ? lines[lines.length - 1] : "";
  const match = /^[\w.]*ScoringError: ([\s\S]*)$/.exec(last);
  if (match) return match[1];
  return "Ett oväntat fel uppstod i poängräkningen.";
}

self.addEventListener("message", async (event) => {
  const data = event.data || {};
  if (data.type === "init") {
    if (started) return;
    started = true;
    try {
      const seconds = await start(data.config || {});
      self.postMessage({ type: "ready", seconds, snapshot: python.state });
      if (python.pending) {
        setTimeout(async () => self.postMessage({ type: "snapshot", state: await python.keep() }), KEEP_AFTER_MS);
      }
    } catch (error) {
      const stage = error instanceof StageError ? error.stage : "unknown";
      const message =
        error instanceof StageError ? error.message : "Poängräkningen kunde inte startas på grund av ett oväntat fel.";
      if (!(error instanceof StageError)) console.error(PREFIX, error);
      self.postMessage({ type: "error", id: null, stage, message });
    }
    return;
  }
  if (data.type === "forget") {
    await python?.forget();
    self.postMessage({ type: "result", id: data.id, json: "null" });
    return;
  }
  if (data.type === "team") {
    if (!teamJson) {
      self.postMessage({ type: "error", id: data.id, message: "Poängräkningen är inte redo än." });
      return;
    }
    try {
      const progress = (done, total) => self.postMessage({ type: "progress", id: data.id, done, total });
      const definition = typeof data.definition === "string" ? data.definition : definitionText;
      const json = teamJson(definition, String(data.files), data.role ?? null, progress);
      self.postMessage({ type: "result", id: data.id, json });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, message: pythonMessage(error) });
    }
    return;
  }
  if (data.type === "compare") {
    if (!compareModule) {
      self.postMessage({ type: "error", id: data.id, message: "Poängräkningen är inte redo än." });
      return;
    }
    try {
      const json =
        typeof data.attempts === "string"
          ? compareModule.timeline_json(definitionText, data.attempts)
          : compareModule.compare_json(definitionText, String(data.before), String(data.after));
      self.postMessage({ type: "result", id: data.id, json });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, message: pythonMessage(error) });
    }
    return;
  }
  if (data.type === "score") {
    if (!scoreJson) {
      self.postMessage({ type: "error", id: data.id, message: "Poängräkningen är inte redo än." });
      return;
    }
    try {
      const answers = typeof data.answers === "string" ? data.answers : JSON.stringify(data.answers);
      const json = scoreJson(definitionText, answers, null, data.voice ?? null);
      self.postMessage({ type: "result", id: data.id, json });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, message: pythonMessage(error) });
    }
  }
});
