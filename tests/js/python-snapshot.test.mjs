import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CACHE_NAME,
  findSnapshot,
  forgetSnapshots,
  keepSnapshot,
  markUnusable,
  pack,
  snapshotKey,
  unpack,
} from "../../docs/assets/js/python-snapshot.js";

const PAGE = 65536;

/** A Cache Storage stand-in: one Map of caches, each a Map of URL → Response. */
function fakeCaches() {
  const all = new Map();
  const cacheFor = (name) => {
    if (!all.has(name)) all.set(name, new Map());
    const entries = all.get(name);
    return {
      match: async (key) => entries.get(String(key))?.clone(),
      put: async (key, response) => {
        entries.set(String(key), response);
      },
      delete: async (key) => entries.delete(typeof key === "string" ? key : key.url),
      keys: async () => [...entries.keys()].map((url) => ({ url })),
    };
  };
  return {
    all,
    open: async (name) => cacheFor(name),
    has: async (name) => all.has(name),
    delete: async (name) => all.delete(name),
  };
}

/** Memory of `pages` pages in which only the pages named in `used` hold something. */
function memory(pages, used) {
  const bytes = new Uint8Array(pages * PAGE);
  for (const page of used) bytes[page * PAGE + 7] = page + 1;
  return bytes;
}

test("the key names the Pyodide version and the app folder", () => {
  const key = snapshotKey(
    "https://x.se/assets/pyodide/314.0.7/",
    "https://x.se/assets/pyodide/app-ab/python_stdlib.zip",
  );
  assert.equal(key, "https://x.se/assets/pyodide/app-ab/python.snapshot?pyodide=314.0.7");
});

test("only the pages that hold something are kept, and unpacking gives the memory back", () => {
  const bytes = memory(5, [0, 3]);
  const { body, pages } = pack(bytes);
  assert.equal(pages, 2);
  assert.equal(body.length, 2 * (4 + PAGE)); // two page numbers, then the two pages
  assert.deepEqual([...new Uint32Array(body.buffer, 0, 2)], [0, 3]);
  assert.deepEqual(unpack(body, bytes.length, pages), bytes);
});

test("a memory whose last page is short is packed and unpacked whole", () => {
  const bytes = new Uint8Array(PAGE + 10);
  bytes[PAGE + 9] = 42; // in the short last page, past the last whole 4-byte word
  const { body, pages } = pack(bytes);
  assert.equal(pages, 1);
  assert.deepEqual(unpack(body, bytes.length, pages), bytes);
});

test("a body of the wrong size or naming a page outside the memory is refused", () => {
  const { body, pages } = pack(memory(3, [2]));
  assert.throws(() => unpack(body.subarray(1), 3 * PAGE, pages), /fel storlek/);
  assert.throws(() => unpack(body, 2 * PAGE, pages), /utanför/);
});

test("a kept snapshot is found whole; a damaged one is refused and removed", async () => {
  globalThis.caches = fakeCaches();
  const key = "https://x.se/app/python.snapshot?pyodide=1";
  const bytes = memory(4, [1, 2]);
  assert.equal(await findSnapshot(key), null);
  assert.equal(await keepSnapshot(key, bytes), true);
  const found = await findSnapshot(key);
  assert.deepEqual(await found.bytes, bytes);

  const entries = caches.all.get(CACHE_NAME);
  const kept = entries.get(key);
  const body = new Uint8Array(await kept.clone().arrayBuffer());
  body[8 + 100] ^= 1; // one bit of the first page kept
  entries.set(key, new Response(body, { headers: kept.headers }));
  const damaged = await findSnapshot(key);
  await assert.rejects(damaged.bytes, /skadad/);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(entries.has(key), false);
});

test("keeping one snapshot removes the others; unusable is remembered; forget erases all", async () => {
  globalThis.caches = fakeCaches();
  const old = "https://x.se/app-1/python.snapshot?pyodide=1";
  const key = "https://x.se/app-2/python.snapshot?pyodide=1";
  await keepSnapshot(old, memory(1, [0]));
  await keepSnapshot(key, memory(1, [0]));
  assert.deepEqual([...caches.all.get(CACHE_NAME).keys()], [key]);
  await markUnusable(key);
  assert.equal(await findSnapshot(key), "unusable");
  assert.equal(await forgetSnapshots(), true);
  assert.equal(await caches.has(CACHE_NAME), false);
  assert.equal(await findSnapshot(key), null);
});

test("without Cache Storage nothing is found or kept, and nothing fails", async () => {
  delete globalThis.caches;
  assert.equal(await findSnapshot("https://x.se/a"), null);
  assert.equal(await keepSnapshot("https://x.se/a", memory(1, [0])), false);
  assert.equal(await forgetSnapshots(), false);
});
