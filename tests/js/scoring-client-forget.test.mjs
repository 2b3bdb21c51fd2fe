import assert from "node:assert/strict";
import { test } from "node:test";
import { CACHE_NAME } from "../../docs/assets/js/python-snapshot.js";
import { ScoringClient } from "../../docs/assets/js/scoring-client.js";

class FakeWorker extends EventTarget {
  static made = 0;
  static last = null;
  constructor() {
    super();
    FakeWorker.made++;
    FakeWorker.last = this;
    this.sent = [];
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {}
  reply(data) {
    this.dispatchEvent(Object.assign(new Event("message"), { data }));
  }
}

function fakeCaches() {
  const deleted = [];
  return { deleted, delete: async (name) => deleted.push(name) > 0 };
}

test("forget erases the snapshots without starting a lazy client's worker", async () => {
  globalThis.caches = fakeCaches();
  FakeWorker.made = 0;
  const client = new ScoringClient("w.js", {}, FakeWorker, { lazy: true });
  await client.forget();
  assert.equal(FakeWorker.made, 0);
  assert.deepEqual(caches.deleted, [CACHE_NAME]);
  delete globalThis.caches;
});

test("forget asks a running worker to drop its snapshot first, then erases", async () => {
  globalThis.caches = fakeCaches();
  const client = new ScoringClient("w.js", {}, FakeWorker);
  const worker = FakeWorker.last;
  const done = client.forget();
  const [message] = worker.sent.filter((m) => m.type === "forget");
  assert.ok(message, "the worker is told");
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(caches.deleted, []); // not before the worker has answered
  worker.reply({ type: "result", id: message.id, json: "null" });
  await done;
  assert.deepEqual(caches.deleted, [CACHE_NAME]);
  client.fail("slut"); // stops the start timer
  delete globalThis.caches;
});
