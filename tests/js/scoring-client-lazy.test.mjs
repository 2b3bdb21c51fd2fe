import assert from "node:assert/strict";
import { test } from "node:test";
import { ScoringClient } from "../../docs/assets/js/scoring-client.js";

class FakeWorker extends EventTarget {
  static made = 0;
  constructor() {
    super();
    FakeWorker.made++;
    this.sent = [];
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {}
}

test("a lazy client starts its worker only at the first sign of use, once", async () => {
  FakeWorker.made = 0;
  const element = new EventTarget();
  const win = { document: { readyState: "loading" }, addEventListener() {} };
  const client = new ScoringClient("w.js", {}, FakeWorker, { lazy: true }).startWhen(element, win);
  assert.equal(FakeWorker.made, 0);
  element.dispatchEvent(new Event("focusin"));
  element.dispatchEvent(new Event("pointerdown"));
  client.start();
  assert.equal(FakeWorker.made, 1);
  client.fail("slut"); // stops the start timer
});

test("a lazy client starts at its first request, or when idle after load", async () => {
  FakeWorker.made = 0;
  const lazy = new ScoringClient("w.js", {}, FakeWorker, { lazy: true });
  lazy.score({}).catch(() => {});
  assert.equal(FakeWorker.made, 1);
  lazy.fail("slut");
  let idle;
  const win = { document: { readyState: "complete" }, requestIdleCallback: (go) => (idle = go) };
  const idler = new ScoringClient("w.js", {}, FakeWorker, { lazy: true }).startWhen(new EventTarget(), win);
  assert.equal(FakeWorker.made, 1);
  idle();
  assert.equal(FakeWorker.made, 2);
  idler.fail("slut");
});
