import assert from "node:assert/strict";
import { test } from "node:test";
import { ScoringClient, StalledFile } from "../../docs/assets/js/scoring-client.js";

/** A worker stand-in: records messages; the test answers for the worker. */
class FakeWorker extends EventTarget {
  static last = null;
  constructor() {
    super();
    this.sent = [];
    FakeWorker.last = this;
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data) {
    this.dispatchEvent(Object.assign(new Event("message"), { data }));
  }
}

test("scores wait for ready, and each result reaches its own request", async () => {
  const client = new ScoringClient("w.js", { wheel: "x.whl" }, FakeWorker);
  const worker = FakeWorker.last;
  assert.deepEqual(worker.sent[0], { type: "init", config: { wheel: "x.whl" } });
  const first = client.score({ a: 1 });
  const second = client.score({ a: 2 });
  worker.reply({ type: "ready", seconds: 1.5 });
  assert.equal(await client.ready, 1.5);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const [one, two] = worker.sent.slice(1);
  assert.equal(one.answers, '{"a":1}');
  worker.reply({ type: "result", id: two.id, json: "två" });
  worker.reply({ type: "error", id: one.id, message: "Svaren är fel." });
  assert.equal(await second, "två");
  await assert.rejects(first, /Svaren är fel\./);
});

test("a failed start rejects ready and every waiting score, and stops the worker", async () => {
  const client = new ScoringClient("w.js", {}, FakeWorker);
  const worker = FakeWorker.last;
  const waiting = client.score({});
  worker.reply({ type: "error", id: null, message: "Filen pyodide.asm.wasm kunde inte hämtas (HTTP 404)." });
  await assert.rejects(client.ready, /HTTP 404/);
  await assert.rejects(waiting, /HTTP 404/);
  assert.equal(client.state, "error");
  assert.equal(worker.terminated, true);
});

test("a team request reports progress per file and resolves with its result", async () => {
  const client = new ScoringClient("w.js", {}, FakeWorker);
  const worker = FakeWorker.last;
  worker.reply({ type: "ready", seconds: 1 });
  const seen = [];
  const files = [{ name: "a.json", text: "{}" }];
  const pending = client.team(files, "nykundsjagare", (done, total) => seen.push([done, total]));
  await new Promise((resolve) => setTimeout(resolve, 0));
  const request = worker.sent.at(-1);
  assert.equal(request.type, "team");
  assert.equal(request.files, JSON.stringify(files));
  assert.equal(request.role, "nykundsjagare");
  worker.reply({ type: "progress", id: request.id, done: 1, total: 1 });
  worker.reply({ type: "progress", id: 999, done: 5, total: 5 }); // another request's
  worker.reply({ type: "result", id: request.id, json: "{}" });
  assert.equal(await pending, "{}");
  assert.deepEqual(seen, [[1, 1]]);
});

test("a file with no progress within the budget is given up on, and a new worker starts", async () => {
  const client = new ScoringClient("w.js", { wheel: "x.whl" }, FakeWorker);
  const first = FakeWorker.last;
  first.reply({ type: "ready", seconds: 1 });
  const files = [
    { name: "a.json", text: "{}" },
    { name: "stor.json", text: "{}" },
    { name: "c.json", text: "{}" },
  ];
  const seen = [];
  const stalled = client.team(files, null, (done, total) => seen.push([done, total]), null, 30);
  const queued = client.team(files.slice(0, 1), null, () => {}, null, 30);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const [request, behind] = first.sent.slice(1);
  first.reply({ type: "progress", id: request.id, done: 0, total: 3 });
  first.reply({ type: "progress", id: request.id, done: 1, total: 3 });
  // the request behind it has had no progress yet: it is not timed, however long it waits
  await assert.rejects(stalled, (error) => {
    assert.ok(error instanceof StalledFile);
    assert.equal(error.file, "stor.json");
    assert.equal(error.index, 1);
    assert.equal(error.budgetMs, 30);
    return true;
  });
  await assert.rejects(queued, (error) => error.restarted === true && !(error instanceof StalledFile));
  assert.deepEqual(seen, [
    [0, 3],
    [1, 3],
  ]);
  assert.equal(first.terminated, true);
  const second = FakeWorker.last;
  assert.notEqual(second, first);
  assert.deepEqual(second.sent[0], { type: "init", config: { wheel: "x.whl" } });
  assert.equal(client.state, "loading");
  // the new worker answers the request sent again
  const again = client.team(files.slice(0, 1), null, () => {}, null, 30);
  second.reply({ type: "ready", seconds: 1 });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const retry = second.sent.at(-1);
  second.reply({ type: "progress", id: retry.id, done: 0, total: 1 });
  second.reply({ type: "progress", id: retry.id, done: 1, total: 1 });
  await new Promise((resolve) => setTimeout(resolve, 60)); // past the budget: done, not timed
  second.reply({ type: "result", id: retry.id, json: "{}" });
  assert.equal(await again, "{}");
  assert.equal(behind.type, "team");
});
