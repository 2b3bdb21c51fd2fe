// Säljkompetens: a memory snapshot of Python kept in this browser's Cache Storage, so that
// later visits start Python from it instead of from the beginning (python-loader.js).
//
// It is made in the visitor's own browser after the first normal start: Pyodide started and
// scoring_py imported, before any answers reach Python, so it holds none. One entry at a
// time, named by Pyodide's version and the app folder (whose name covers the wheel and the
// standard library), so a new version of either is a new entry and the old one is removed.
// Only the memory pages that are not all zeros are kept (about 12 of 30 MB), with the
// SHA-256 of what is kept: a damaged entry is never loaded. Erased with the visitor's
// answers ("Radera mina svar").

export const CACHE_NAME = "saljkompetens-python";
const FORMAT = "sparse-1";
const PAGE = 65536;

/** The entry's key for Pyodide at `pyodide` (its version folder's URL) and the standard
 * library at `stdlib` (a URL in the app folder). */
export function snapshotKey(pyodide, stdlib) {
  const version = new URL(pyodide).pathname.split("/").filter(Boolean).pop();
  return `${new URL("python.snapshot", stdlib).href}?pyodide=${encodeURIComponent(version)}`;
}

async function open() {
  return globalThis.caches ? await caches.open(CACHE_NAME) : null;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `bytes` without its all-zero pages: {body: [u32 index of each kept page…][the pages], pages}. */
export function pack(bytes) {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  const kept = [];
  for (let page = 0; page * PAGE < bytes.length; page += 1) {
    const end = Math.min(((page + 1) * PAGE) >>> 2, words.length);
    let used = end * 4 < Math.min((page + 1) * PAGE, bytes.length); // a tail past the last word
    for (let i = (page * PAGE) >>> 2; i < end && !used; i += 1) used = words[i] !== 0;
    if (used) kept.push(page);
  }
  const body = new Uint8Array(kept.length * (4 + PAGE));
  new Uint32Array(body.buffer, 0, kept.length).set(kept);
  kept.forEach((page, i) => {
    body.set(bytes.subarray(page * PAGE, (page + 1) * PAGE), kept.length * 4 + i * PAGE);
  });
  return { body, pages: kept.length };
}

/** The `length` bytes that `pack` made `body` of; throws when `body` cannot be one. */
export function unpack(body, length, pages) {
  if (!(pages >= 0) || body.length !== pages * (4 + PAGE)) throw new Error("fel storlek");
  const out = new Uint8Array(length);
  const index = new Uint32Array(body.buffer.slice(body.byteOffset, body.byteOffset + pages * 4));
  for (let i = 0; i < pages; i += 1) {
    const at = index[i] * PAGE;
    if (at >= length) throw new Error("sida utanför minnet");
    const start = pages * 4 + i * PAGE;
    out.set(body.subarray(start, start + Math.min(PAGE, length - at)), at);
  }
  return out;
}

/**
 * The snapshot kept under `key`: null when there is none (or no Cache Storage),
 * "unusable" when one under this key failed to load before, else `{bytes}`: a promise of
 * the memory, which rejects when the entry is damaged (and then removes it).
 */
export async function findSnapshot(key) {
  let cache;
  let response;
  try {
    cache = await open();
    response = await cache?.match(key);
  } catch {
    return null;
  }
  if (!response) return null;
  const kind = response.headers.get("x-snapshot");
  if (kind === "unusable") return "unusable";
  const length = Number(response.headers.get("x-length"));
  const pages = Number(response.headers.get("x-pages"));
  const expected = response.headers.get("x-sha256");
  const bytes = (async () => {
    const body = new Uint8Array(await response.arrayBuffer());
    if (kind !== FORMAT || (await sha256(body)) !== expected) throw new Error("skadad");
    return unpack(body, length, pages);
  })();
  bytes.catch(() => cache.delete(key).catch(() => {}));
  return { bytes };
}

/** Keeps `bytes` under `key` and removes every other entry; resolves with true when kept. */
export async function keepSnapshot(key, bytes) {
  try {
    const cache = await open();
    if (!cache) return false;
    const { body, pages } = pack(bytes);
    const headers = {
      "x-snapshot": FORMAT,
      "x-length": String(bytes.length),
      "x-pages": String(pages),
      "x-sha256": await sha256(body),
    };
    await cache.put(key, new Response(body, { headers }));
    for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
    return true;
  } catch {
    return false;
  }
}

/** Remembers that the snapshot under `key` could not be loaded, so that none is made again
 * for this version (a new version of Pyodide or of the app tries anew). */
export async function markUnusable(key) {
  try {
    await (await open())?.put(key, new Response("", { headers: { "x-snapshot": "unusable" } }));
  } catch {
    // not remembered: the next visit tries once more
  }
}

/** Erases every snapshot; resolves with true when there was one. */
export async function forgetSnapshots() {
  try {
    return globalThis.caches ? await caches.delete(CACHE_NAME) : false;
  } catch {
    return false;
  }
}
