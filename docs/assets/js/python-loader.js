// Säljkompetens: starts Pyodide for the scoring worker, from this browser's memory snapshot
// when it has one (python-snapshot.js), else normally, and then keeps a snapshot for the
// next visit. Pyodide's snapshot options are private (`_loadSnapshot`, `_makeSnapshot`), so
// every failure on that path ends in a normal start, and a snapshot that cannot be loaded
// is not made again for the same versions. Pyodide's runtime (pyodide.asm.mjs) is imported
// at once, beside looking up the snapshot, and handed to loadPyodide (`createPyodideModule`).
//
// The state, for `<html data-python-snapshot>`: "restored" (started from a snapshot),
// "making" (started normally; a snapshot is being kept), "kept" (one was), "failed" (one was
// found but could not be used: started normally; a new one may still be kept) or "none" (no
// Cache Storage, or none made).

import { findSnapshot, forgetSnapshots, keepSnapshot, markUnusable, snapshotKey } from "./python-snapshot.js";

export class PythonStart {
  /**
   * @param {string} base Pyodide's folder (URL ending in "/")
   * @param {string} stdlib the standard library's URL (in the app folder)
   * @param {boolean} snapshots whether to use and keep snapshots
   */
  constructor(base, stdlib, snapshots = Boolean(globalThis.caches)) {
    this.key = snapshotKey(base, stdlib);
    this.snapshots = snapshots;
    this.found = snapshots ? findSnapshot(this.key) : Promise.resolve(null);
    this.runtime = import(`${base}pyodide.asm.mjs`);
    this.runtime.catch(() => {});
    this.state = "none";
    this.memory = null; // the snapshot taken, until it is kept
    this.keeping = null;
  }

  /** Pyodide, from a snapshot or started normally; `failed` rejects when one of Pyodide's
   * files cannot be fetched (that error is passed on, never taken for a bad snapshot). */
  async load(loadPyodide, options, failed) {
    const runtime = this.runtime;
    const settings = { ...options, createPyodideModule: async (config) => (await runtime).default(config) };
    const found = await this.found;
    let make = this.snapshots && found === null;
    if (found?.bytes) {
      try {
        const pyodide = await Promise.race([loadPyodide({ ...settings, _loadSnapshot: found.bytes }), failed]);
        this.state = "restored";
        return pyodide;
      } catch (error) {
        if (error?.stage) throw error; // a file is missing: not the snapshot's fault
        const damaged = await found.bytes.then(
          () => false,
          () => true,
        );
        // A damaged entry is removed (python-snapshot.js): make a new one. One that would
        // not load is remembered, so none is made again for these versions.
        if (damaged) make = true;
        else await markUnusable(this.key);
        this.state = "failed";
        console.warn("[scoring-worker] Python startades utan ögonblicksbild:", error);
      }
    }
    const pyodide = await Promise.race([loadPyodide({ ...settings, _makeSnapshot: make }), failed]);
    this.canMake = make && this.snapshots; // not when forgotten meanwhile
    return pyodide;
  }

  /** Takes the snapshot now (after importing what it should hold, before any answers). */
  take(pyodide) {
    if (!this.canMake) return;
    try {
      this.memory = pyodide.makeMemorySnapshot();
      if (this.state === "none") this.state = "making";
    } catch (error) {
      console.warn("[scoring-worker] ingen ögonblicksbild:", error);
    }
  }

  /** Whether a snapshot was taken and is still to be kept. */
  get pending() {
    return this.memory !== null;
  }

  /** Keeps the snapshot taken; resolves with the state ("kept", or as it was). */
  keep() {
    if (!this.memory) return Promise.resolve(this.state);
    const memory = this.memory;
    this.memory = null;
    this.keeping = keepSnapshot(this.key, memory).then((kept) => {
      if (kept) this.state = "kept";
      else if (this.state === "making") this.state = "none";
      return this.state;
    });
    return this.keeping;
  }

  /** Erases the snapshots (and drops one not yet kept); resolves when done. */
  async forget() {
    this.memory = null;
    this.snapshots = false; // none made again while this page is open
    this.canMake = false;
    await this.keeping;
    await forgetSnapshots();
    this.state = "none";
  }
}
