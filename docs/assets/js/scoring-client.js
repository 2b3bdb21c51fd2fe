// Säljkompetens: the client side of the scoring worker (Pyodide's worker / client /
// consumer split). It starts the worker, maps request ids to promises and knows nothing
// of the page. Messages: see scoring-worker.js.
//
// A client made with `{lazy: true}` (as `fromElement` does) starts the worker only when
// asked: at the first request, `start()`, the first sign of use of its element (pointer,
// touch, focus, key) or when the browser is idle after the page has loaded, so Pyodide
// never competes with the page's own files. When Python is ready, `<html>` gets
// `data-python="ready"` (a hook for tests and benchmarks), and `data-python-snapshot` says
// whether it started from this browser's memory snapshot (python-loader.js); `forget()`
// erases that snapshot, with the visitor's answers.
//
// A team request can have a time budget per file: when the worker reports no progress for
// that long, the file it is reading is given up on: the request is rejected with a
// `StalledFile` error naming it, and the worker is replaced by a new one (Python cannot be
// interrupted, only stopped); other requests waiting for the old worker are rejected with
// `restarted` set, to be sent again.

import { forgetSnapshots } from "./python-snapshot.js";

const READY_TIMEOUT_MS = 60_000;

/** A team request gave up on `file` (its index `index`) after `budgetMs` without progress. */
export class StalledFile extends Error {
  constructor(file, index, budgetMs) {
    super(`${file} stoppades efter ${budgetMs} ms utan framsteg.`);
    this.file = file;
    this.index = index;
    this.budgetMs = budgetMs;
  }
}

export class ScoringClient {
  /**
   * @param {string} workerUrl the module worker's URL
   * @param {{pyodide: string, wheel: string, sha256: string, definition: string}} config
   */
  constructor(workerUrl, config, WorkerClass = globalThis.Worker, { lazy = false } = {}) {
    this.pending = new Map();
    this.nextId = 1;
    this.state = "loading"; // loading | ready | error
    this.ready = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.ready.catch(() => {});
    this.spawn = () => this.#launch(workerUrl, config, WorkerClass);
    this.launch = this.spawn;
    if (!lazy) this.start();
  }

  /** Stops the worker and starts a new one; waiting requests are rejected with `restarted`. */
  restart() {
    if (this.state === "error") return;
    this.worker?.terminate();
    const error = Object.assign(new Error("Poängräkningen startades om."), { restarted: true });
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    this.state = "loading";
    this.ready = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.ready.catch(() => {});
    this.launch = null;
    this.spawn();
  }

  /** Starts the worker (once); requests start it too. */
  start() {
    const launch = this.launch;
    this.launch = null;
    launch?.();
    return this.ready;
  }

  /** Starts at the first sign of use of `element`, or when the browser is idle after load. */
  startWhen(element, win = globalThis) {
    const events = ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"];
    const go = () => {
      for (const name of events) element.removeEventListener(name, go);
      this.start();
    };
    for (const name of events) element.addEventListener(name, go, { once: true, passive: true });
    const idle = () => (win.requestIdleCallback ? win.requestIdleCallback(go, { timeout: 500 }) : setTimeout(go, 0));
    if (win.document?.readyState === "complete") idle();
    else win.addEventListener?.("load", idle, { once: true });
    return this;
  }

  #launch(workerUrl, config, WorkerClass) {
    const timer = setTimeout(() => {
      this.fail("Det tog för lång tid (mer än 60 sekunder) att starta poängräkningen i webbläsaren.");
    }, READY_TIMEOUT_MS);
    this.ready.finally(() => clearTimeout(timer)).catch(() => {});
    try {
      this.worker = new WorkerClass(workerUrl, { type: "module" });
    } catch {
      this.fail("Webbläsaren kunde inte starta poängräkningen (Web Worker saknas eller är blockerad).");
      return;
    }
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail("Poängräkningens skript (scoring-worker.js) kunde inte laddas.");
    });
    this.worker.addEventListener("message", (event) => this.receive(event.data || {}));
    this.worker.postMessage({ type: "init", config });
  }

  /** A lazy client for the page element that names the worker and the files it loads
   * (`data-worker`, `data-pyodide`, `data-wheel`, `data-wheel-sha256`, `data-definition`);
   * the trimmed standard library is published beside the wheel (saljkompetens/assets.py). */
  static fromElement(element) {
    const url = (name) => new URL(element.dataset[name], document.baseURI).href;
    const client = new ScoringClient(
      url("worker"),
      {
        pyodide: url("pyodide").replace(/\/?$/, "/"),
        wheel: url("wheel"),
        stdlib: new URL("python_stdlib.zip", url("wheel")).href,
        sha256: element.dataset.wheelSha256,
        definition: url("definition"),
      },
      globalThis.Worker,
      { lazy: true },
    );
    return client.startWhen(element);
  }

  receive(data) {
    if (data.type === "ready") {
      if (this.state !== "loading") return;
      this.state = "ready";
      this.settle.resolve(Number(data.seconds || 0));
      const html = globalThis.document?.documentElement;
      if (html) html.dataset.python = "ready";
      if (html) html.dataset.pythonSnapshot = data.snapshot || "none";
    } else if (data.type === "snapshot") {
      const html = globalThis.document?.documentElement;
      if (html) html.dataset.pythonSnapshot = data.state;
    } else if (data.type === "error" && data.id == null) {
      this.fail(data.message);
    } else if (data.type === "progress") {
      this.pending.get(data.id)?.onProgress?.(data.done, data.total);
    } else if (this.pending.has(data.id)) {
      const { resolve, reject } = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.type === "result") resolve(data.json);
      else reject(new Error(data.message));
    }
  }

  fail(message) {
    if (this.state === "error") return;
    this.state = "error";
    this.launch = null;
    if (this.worker) this.worker.terminate();
    const error = new Error(message);
    this.settle.reject(error);
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  /** Erases Python's memory snapshot in this browser; a running worker keeps no new one
   * while the page is open. Never starts the worker. */
  async forget() {
    if (this.worker && this.state !== "error") {
      await new Promise((resolve) => {
        const id = this.nextId++;
        this.pending.set(id, { resolve, reject: resolve });
        this.worker.postMessage({ type: "forget", id });
      });
    }
    await forgetSnapshots();
  }

  /** Scores an answers object; resolves with the result JSON text once Python is ready.
   * `voice`: "self" (the sentences speak to the person who answered) or "other". */
  async score(answers, voice = "self") {
    await this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "score", id, answers: JSON.stringify(answers), voice });
    });
  }

  /** Two attempts (answers or export objects) compared by scoring_py.compare, as JSON text. */
  async compare(before, after) {
    return this.#ask({ type: "compare", before: JSON.stringify(before), after: JSON.stringify(after) });
  }

  /** Each attempt (answers or export objects) scored on its own, as JSON text
   * (scoring_py.compare.timeline: the whole test and the stages, with their ranges). */
  async timeline(attempts) {
    return this.#ask({ type: "compare", attempts: JSON.stringify(attempts) });
  }

  async #ask(message) {
    await this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** The team view of `files` ([{name, text}]) as JSON text; `onProgress(done, total)` is
   * called before the first file (0) and after each. `definition`: a self-test's definition text
   * (else the page's). `budgetMs` > 0: the longest a file may go without progress, counted
   * from the worker's first report (a request waiting behind another is not timed). */
  async team(files, role, onProgress, definition = null, budgetMs = 0) {
    await this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      let timer = null;
      const settle = (done) => (value) => {
        clearTimeout(timer);
        done(value);
      };
      const progress = (done, total) => {
        clearTimeout(timer);
        if (budgetMs > 0 && done < total) timer = setTimeout(() => this.#stalled(id, files, done, budgetMs), budgetMs);
        onProgress?.(done, total);
      };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject), onProgress: progress });
      const message = { type: "team", id, files: JSON.stringify(files), role: role || null };
      if (definition) message.definition = definition;
      this.worker.postMessage(message);
    });
  }

  #stalled(id, files, index, budgetMs) {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    request.reject(new StalledFile(files[index].name, index, budgetMs));
    this.restart();
  }
}
