"""The self-assessment page in headless Chromium, served from a built site on 127.0.0.1.

Times are taken inside the page with `performance.now()` (milliseconds since navigation
start). Bytes are counted by the server, which sends files uncompressed, so the body bytes
it writes are the bytes transferred. The site's CSP forbids eval, which Playwright's
`evaluate` needs, so contexts bypass CSP (this changes nothing the page loads).
"""

from __future__ import annotations

import functools
import statistics
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

from playwright.sync_api import BrowserContext, Page, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGE = "sjalvskattning/"
PYODIDE_PREFIX = "/assets/pyodide/"
READY_TIMEOUT_MS = 120_000

# Records when the form becomes usable and when Python is ready (ms since navigation start).
MARKS = """
(() => {
  if (typeof document === "undefined") return;
  const marks = (window.__bench = {});
  const once = (key, selector) => {
    if (marks[key] !== undefined || !document.querySelector(selector)) return;
    marks[key] = performance.now();
  };
  const check = () => {
    if (marks.form === undefined) {
      const radio = document.querySelector("#sk-form input[type=radio]");
      if (radio && !radio.disabled && radio.getClientRects().length) marks.form = performance.now();
    }
    once("enhanced", '#sk-assessment[data-enhanced="true"]');
    once("ready", '#sk-status[data-state="ready"]');
    once("error", '#sk-status[data-state="error"]');
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  const tick = () => { check(); if (marks.ready === undefined) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();
"""

# Answers every item but the last, as clicks would (a change event each), and returns the
# number of items. The form shows one step at a time, so the radios are set by script.
ANSWER_ALL_BUT_LAST = """
() => {
  const items = [...document.querySelectorAll("#sk-form fieldset.sk-item")];
  items.slice(0, -1).forEach((item, i) => {
    const radios = item.querySelectorAll("input[type=radio]");
    const radio = radios[(i * 7) % 5];
    radio.checked = true;
    radio.dispatchEvent(new Event("change", {bubbles: true}));
  });
  return items.length;
}
"""

# Answers the last item and resolves with [ms until the report is shown and ready, ms until
# the next frame]: the last answer opens the report at its top.
CLICK_LAST = """
(total) => new Promise((resolve) => {
  const section = document.getElementById("resultat");
  const items = document.querySelectorAll("#sk-form fieldset.sk-item");
  const radio = items[items.length - 1].querySelectorAll("input[type=radio]")[3];
  let start = 0;
  const done = () => !section.hidden && section.dataset.state === "ready"
    && section.dataset.answered === String(total);
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    const dom = performance.now() - start;
    requestAnimationFrame(() => resolve([dom, performance.now() - start]));
  });
  observer.observe(section, {attributes: true});
  start = performance.now();
  radio.checked = true;
  radio.dispatchEvent(new Event("change", {bubbles: true}));
})
"""


class _Handler(SimpleHTTPRequestHandler):
    """Static files with bench cache headers, module/wasm types and byte counting."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def copyfile(self, source: BinaryIO, outputfile: Any) -> None:  # type: ignore[override]
        sent = 0
        try:
            while chunk := source.read(1 << 16):
                outputfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):  # the browser went away mid-file
            pass
        server: _Server = self.server  # type: ignore[assignment]
        server.count(self.path, sent)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Silent."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
        self.lock = threading.Lock()
        self.sent: dict[str, int] = {}

    def count(self, path: str, sent: int) -> None:
        with self.lock:
            self.sent[path] = self.sent.get(path, 0) + sent

    def take(self) -> dict[str, int]:
        """Bytes sent per path since the last call."""
        with self.lock:
            taken, self.sent = self.sent, {}
        return taken


@contextmanager
def serve(site: Path) -> Iterator[_Server]:
    """Serve `site` on a free port of 127.0.0.1 in a background thread."""
    server = _Server(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _load(page: Page, server: _Server) -> dict[str, Any]:
    """Wait until Python is ready (or failed) and return the page's marks plus bytes."""
    page.wait_for_function(
        "(m => m && (m.ready !== undefined || m.error !== undefined))(window.__bench)",
        timeout=READY_TIMEOUT_MS,
    )
    marks: dict[str, Any] = page.evaluate("window.__bench")
    sent = server.take()
    pyodide = sum(n for path, n in sent.items() if path.startswith(PYODIDE_PREFIX))
    marks.update(bytes_pyodide=pyodide, bytes_other=sum(sent.values()) - pyodide, sent=sent)
    return marks


def _last_answer(page: Page, url: str, runs: int) -> list[list[float]]:
    timings = []
    for _ in range(runs + 1):  # the first is a warm-up
        page.goto(url)
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector('#sk-status[data-state="ready"]', timeout=READY_TIMEOUT_MS)
        total = page.evaluate(ANSWER_ALL_BUT_LAST)
        page.wait_for_selector(
            f'#resultat[data-state="ready"][data-answered="{total - 1}"]', state="attached"
        )
        timings.append(page.evaluate(CLICK_LAST, total))
    return timings[1:]


@contextmanager
def _fresh_profile(playwright: Playwright) -> Iterator[BrowserContext]:
    """A browser with a new, empty profile on disk (so the HTTP cache behaves as for users)."""
    with tempfile.TemporaryDirectory(prefix="sk-bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, bypass_csp=True
        )
        context.add_init_script(MARKS)
        try:
            yield context
        finally:
            context.close()


def measure(site: Path, runs: int = 5) -> dict[str, Any]:
    """Cold and warm loads of the self-assessment page, and the last-answer latency.

    Cold: a new profile with an empty cache. Warm: the same page reloaded (disk HTTP cache;
    the server sends `Cache-Control: max-age=3600`).
    """
    cold: list[dict[str, Any]] = []
    warm: list[dict[str, Any]] = []
    out: dict[str, Any] = {"runs": runs}
    with serve(site) as server, sync_playwright() as playwright:
        url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
        for _ in range(runs):
            with _fresh_profile(playwright) as context:
                page = context.new_page()
                server.take()
                page.goto(url)
                cold.append(_load(page, server))
                page.reload()
                warm.append(_load(page, server))
        with _fresh_profile(playwright) as context:
            try:
                out["last_answer_ms"] = _last_answer(context.new_page(), url, runs)
            except Exception as exc:  # the page may be unfinished; report what we could
                out["last_answer_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    out["cold"], out["warm"] = cold, warm
    for name, loads in (("cold", cold), ("warm", warm)):
        for key in ("form", "enhanced", "ready", "bytes_pyodide", "bytes_other"):
            values = [load[key] for load in loads if key in load]
            out[f"{name}_{key}"] = statistics.median(values) if values else None
        out[f"{name}_errors"] = sum("error" in load for load in loads)
    if "last_answer_ms" in out:
        out["last_answer_dom_ms"] = statistics.median(t[0] for t in out["last_answer_ms"])
        out["last_answer_frame_ms"] = statistics.median(t[1] for t in out["last_answer_ms"])
    return out
