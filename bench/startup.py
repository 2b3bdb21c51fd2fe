"""Python ready on the self-assessment page versus stock Pyodide, through Caddy serving dist/.

One run, one server (deploy/Caddyfile, as published), headless Chromium without CSP bypass.
Variants, each a chain step on the one before:

- `stock`: a bare page and a bare module worker calling `loadPyodide({indexURL})`, Pyodide's
  defaults: the full `python_stdlib.zip` and `pyodide-lock.json` from the same version folder
  under `assets/pyodide/` (the full zip is added to the bench's own copy of dist/);
- `lock`: the same with `lockFileContents` (the lock file's header, as the site's worker);
- `lock_stdlib`: and the site's trimmed standard library (`stdLibURL`);
- `worker`: the site's own worker in the bare page (adds preloading, checking and installing
  the wheel and reading the definition);
- `site`: `/sjalvskattning/` until `<html data-python="ready">`; the page starts Python when the
  browser is idle after `load`;
- `site_use`: the same page with a first sign of use (`pointerover` on the form) at
  `DOMContentLoaded`.

Times are `performance.now()` in the page (ms from navigation start) when `data-python` is
set, recorded by an init script. Cold: a new browser profile; warm: the same profile, a new
tab. Bytes are response bodies as Caddy sent them (encoded), from its access log.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from playwright.sync_api import BrowserContext, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from saljkompetens.dist import make_dist

from . import browser

ROOT = Path(__file__).resolve().parent.parent
PAGE = "/sjalvskattning/"
PYODIDE_PREFIX = "/assets/pyodide/"
BARE = "/bench-start/"  # the bare pages; their scripts under assets/v-bench-start/ (immutable)
READY_TIMEOUT_MS = 120_000
SETTLE_S = 0.3  # after ready: let the last responses reach Caddy's log
BYTES = ("stock", "site")  # the variants whose bytes are reported
VARIANTS = ("stock", "lock", "lock_stdlib", "worker", "site", "site_use")
HEADLINE = ("stock", "site", "site_use")  # `runs` times; the steps between `step_runs` times
LABELS = {
    "stock": "stock `loadPyodide` (full stdlib, lock file fetched)",
    "lock": "+ `lockFileContents`",
    "lock_stdlib": "+ trimmed stdlib (`stdLibURL`)",
    "worker": "the site's worker (+ wheel, definition)",
    "site": "the site's page, Python started at idle",
    "site_use": "the site's page, first sign of use at DOMContentLoaded",
}
GOAL_COLD, GOAL_WARM = 0.6, 0.5  # site ÷ stock
GOAL_FIRST_BYTES = 4 * 2**20

# Marks when `<html data-python>` is set (ready or error), in ms from navigation start.
MARK = """
new MutationObserver(() => {
  const html = document.documentElement;
  if (html && html.dataset.python && !html.dataset.benchMs) {
    html.dataset.benchMs = String(performance.now());
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-python"] });
"""

# A first sign of use as soon as the page's scripts have run.
USE = """
document.addEventListener("DOMContentLoaded", () => {
  const element = document.querySelector("[data-worker]");
  if (element) element.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
}, { once: true });
"""

# The bare page: starts the worker named in <html data-config> and sets data-python.
PAGE_JS = """\
const html = document.documentElement;
const config = JSON.parse(html.dataset.config);
const done = (state, message) => {
  if (message) html.dataset.error = message;
  html.dataset.python = state;
};
const worker = new Worker(config.worker, { type: "module" });
worker.addEventListener("error", () => done("error", "worker script failed"));
worker.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "ready") done("ready");
  else if (data.type === "error") done("error", String(data.message));
});
worker.postMessage({ type: "init", config: config.init });
"""

# The bare worker: stock loadPyodide, with the options the page passes (none for stock).
WORKER_JS = """\
self.addEventListener("message", async (event) => {
  const { indexURL, lock, stdLibURL } = event.data.config;
  try {
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const options = { indexURL };
    if (lock) options.lockFileContents = lock;
    if (stdLibURL) options.stdLibURL = stdLibURL;
    await loadPyodide(options);
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "error", message: String(error) });
  }
});
"""

BARE_HTML = """<!doctype html>
<html lang="en" data-config='{config}'>
<head><meta charset="utf-8"><title>bench: {name}</title>
<script type="module" src="/assets/v-bench-start/page.js"></script></head>
<body><p>{name}</p></body>
</html>
"""


@dataclass(frozen=True)
class Hit:
    """One line of Caddy's access log."""

    uri: str
    status: int
    size: int


def parse_log(text: str) -> list[Hit]:
    """The requests in Caddy's JSON access log (`size`: body bytes sent, as encoded)."""
    hits = []
    for line in text.splitlines():
        if line.strip():
            entry = json.loads(line)
            hits.append(Hit(entry["request"]["uri"], int(entry["status"]), int(entry["size"])))
    return hits


def transferred(hits: list[Hit], prefix: str = PYODIDE_PREFIX) -> dict[str, int]:
    """Requests and body bytes, in all and for paths under `prefix` (Pyodide's files)."""
    mine = [hit for hit in hits if hit.uri.startswith(prefix)]
    return {
        "requests": len(hits),
        "bytes": sum(hit.size for hit in hits),
        "pyodide_requests": len(mine),
        "pyodide_bytes": sum(hit.size for hit in mine),
    }


class _Attributes(HTMLParser):
    """The attributes of the element with a given id."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id = element_id
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id") == self.element_id and not self.found:
            self.found = values


def site_config(html: str, page: str = PAGE) -> dict[str, Any]:
    """The worker URL and the init config the page gives its worker (absolute paths), read
    from `#sk-assessment` as scoring-client.js reads them."""
    parser = _Attributes("sk-assessment")
    parser.feed(html)
    data = parser.found
    if not data:
        raise ValueError("no #sk-assessment on the page")
    wheel = urljoin(page, data["data-wheel"])
    return {
        "worker": urljoin(page, data["data-worker"]),
        "init": {
            "pyodide": urljoin(page, data["data-pyodide"]).rstrip("/") + "/",
            "wheel": wheel,
            "stdlib": urljoin(wheel, "python_stdlib.zip"),
            "sha256": data["data-wheel-sha256"],
            "definition": urljoin(page, data["data-definition"]),
        },
    }


def stage(dist: Path, full_stdlib: Path) -> dict[str, str]:
    """Add the bare pages, their scripts and the full standard library to `dist` (the
    bench's own copy); returns the URL path of each variant."""
    site = site_config((dist / PAGE.strip("/") / "index.html").read_text(encoding="utf-8"))
    init = site["init"]
    index_url = init["pyodide"]
    lock_file = dist / index_url.lstrip("/") / "pyodide-lock.json"
    lock = {"info": json.loads(lock_file.read_text(encoding="utf-8"))["info"], "packages": {}}
    shutil.copy(full_stdlib, dist / index_url.lstrip("/") / "python_stdlib.zip")
    scripts = dist / "assets" / "v-bench-start"
    scripts.mkdir(parents=True)
    (scripts / "page.js").write_text(PAGE_JS, encoding="utf-8")
    (scripts / "worker.js").write_text(WORKER_JS, encoding="utf-8")
    bare_worker = "/assets/v-bench-start/worker.js"
    configs: dict[str, dict[str, Any]] = {
        "stock": {"worker": bare_worker, "init": {"indexURL": index_url}},
        "lock": {"worker": bare_worker, "init": {"indexURL": index_url, "lock": lock}},
        "lock_stdlib": {
            "worker": bare_worker,
            "init": {"indexURL": index_url, "lock": lock, "stdLibURL": init["stdlib"]},
        },
        "worker": site,
    }
    urls = {"site": PAGE, "site_use": PAGE}
    for name, config in configs.items():
        folder = dist / BARE.strip("/") / name
        folder.mkdir(parents=True)
        text = json.dumps(config, separators=(",", ":")).replace("&", "&amp;").replace("'", "&#39;")
        (folder / "index.html").write_text(BARE_HTML.format(config=text, name=name), "utf-8")
        urls[name] = f"{BARE}{name}/"
    return urls


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Caddy:
    """Caddy serving a folder with deploy/Caddyfile; `hits()` reads its access log."""

    url: str
    log: Path

    def hits(self) -> list[Hit]:
        return parse_log(self.log.read_text(encoding="utf-8")) if self.log.is_file() else []


@contextmanager
def caddy(dist: Path, work: Path) -> Iterator[Caddy]:
    """`dist` through Caddy and the shipped Caddyfile on a free port, with an access log."""
    command = shutil.which("caddy")
    if command is None:
        raise RuntimeError("caddy is missing: run `make setup`")
    port, log = _free_port(), work / "access.log"
    env = {
        **os.environ,
        "SITE_ADDRESS": f"http://127.0.0.1:{port}",
        "DIST": str(dist),
        "CADDY_ADMIN": "off",
        "SK_ACCESS_LOG": f"file {log}",
        "HOME": str(work),
    }
    config = str(ROOT / "deploy" / "Caddyfile")
    server = subprocess.Popen(
        [command, "run", "--config", config, "--adapter", "caddyfile"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("caddy did not start") from None
                time.sleep(0.1)
        yield Caddy(url, log)
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def _profile(playwright: Playwright, use: bool) -> Iterator[BrowserContext]:
    """A browser with a new, empty profile on disk; CSP applies as for visitors."""
    with tempfile.TemporaryDirectory(prefix="sk-bench-start-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=browser.CHROMIUM, args=browser.ARGS
        )
        context.add_init_script(MARK)
        if use:
            context.add_init_script(USE)
        try:
            yield context
        finally:
            context.close()


def _visit(context: BrowserContext, server: Caddy, url: str, settle: bool) -> dict[str, Any]:
    """Open `url` in a new tab until `data-python` is set; ms, error and what was sent
    (complete if `settle`: the last responses have time to reach the log)."""
    before = len(server.hits())
    page = context.new_page()
    state = ms = error = None
    try:
        page.goto(url)
        page.wait_for_selector(
            'html[data-python], #sk-status[data-state="error"]', timeout=READY_TIMEOUT_MS
        )
        state = page.get_attribute("html", "data-python")
        ms = page.get_attribute("html", "data-bench-ms")
        error = page.get_attribute("html", "data-error")
        if settle:
            time.sleep(SETTLE_S)
    except PlaywrightError as exc:
        error = f"{type(exc).__name__}: {str(exc)[:200]}"
    finally:
        page.close()
    ok = state == "ready" and ms is not None
    out: dict[str, Any] = {"ms": float(ms) if ok and ms else None}
    if not ok:
        out["error"] = error or f"data-python={state}"
    out.update(transferred(server.hits()[before:]))
    return out


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def summarize(loads: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """Medians per variant and phase, ratios to stock, and the goals."""
    variants: dict[str, Any] = {}
    for name, phases in loads.items():
        entry: dict[str, Any] = {}
        for phase, visits in phases.items():
            times = [v["ms"] for v in visits if v["ms"] is not None]
            entry[phase] = {
                "ms": _median(times),
                "runs": len(times),
                "errors": [v["error"] for v in visits if "error" in v],
                **{
                    key: _median([v[key] for v in visits])
                    for key in ("requests", "bytes", "pyodide_requests", "pyodide_bytes")
                },
                "max_pyodide_requests": max((v["pyodide_requests"] for v in visits), default=0),
            }
        variants[name] = entry
    out: dict[str, Any] = {"variants": variants}
    stock, site = variants.get("stock", {}), variants.get("site", {})
    for phase, goal in (("cold", GOAL_COLD), ("warm", GOAL_WARM)):
        base = stock.get(phase, {}).get("ms")
        for name in ("site", "site_use"):
            mine = variants.get(name, {}).get(phase, {}).get("ms")
            ratio = mine / base if mine and base else None
            out[f"{name}_ratio_{phase}"] = ratio
        ratio = out[f"site_ratio_{phase}"]
        out[f"goal_{phase}_met"] = None if ratio is None else ratio <= goal
    first, repeat = site.get("cold", {}), site.get("warm", {})
    if first.get("bytes") is not None:
        out["goal_first_bytes_met"] = first["bytes"] <= GOAL_FIRST_BYTES
    if repeat.get("bytes") is not None:
        out["goal_repeat_met"] = (
            repeat["pyodide_bytes"] == 0 and repeat["max_pyodide_requests"] == 0
        )
    return out


def measure(
    site: Path, runs: int = 5, work: Path | None = None, step_runs: int = 3
) -> dict[str, Any]:
    """Build dist/ from the built `site`, serve it through Caddy and load each variant cold
    and warm: stock and the site's page `runs` times, the steps between `step_runs` times
    (interleaved, so drift hits all alike)."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="sk-bench-dist-", dir=work) as tmp:
        folder = Path(tmp)
        dist = make_dist(site, folder / "dist", deploy=ROOT / "deploy", cache=ROOT / "build")
        urls = stage(dist, ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
        loads: dict[str, dict[str, list[dict[str, Any]]]] = {
            name: {"cold": [], "warm": []} for name in VARIANTS
        }
        with caddy(dist, folder) as server, sync_playwright() as playwright:
            for index in range(runs):
                for name in VARIANTS:
                    if index >= step_runs and name not in HEADLINE:
                        continue
                    print(f"  {name} {index + 1}/{runs}", file=sys.stderr, flush=True)
                    settle = name in BYTES
                    with _profile(playwright, use=name == "site_use") as context:
                        url = server.url + urls[name]
                        loads[name]["cold"].append(_visit(context, server, url, settle))
                        loads[name]["warm"].append(_visit(context, server, url, settle))
    out = summarize(loads)
    after = os.getloadavg()[0]
    out.update(runs=runs, step_runs=step_runs, load_before=load, load_after=after, loads=loads)
    return out


def _seconds(ms: float | None) -> str:
    return "–" if ms is None else f"{ms / 1000:.2f} s"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _mib(n: float | None) -> str:
    return "–" if n is None else f"{n / 2**20:.2f} MiB"


def _count(n: float | None) -> str:
    return "–" if n is None else f"{n:.0f}"


def rows(result: dict[str, Any] | None) -> list[tuple[str, str, str, bool | None]]:
    """Table rows (measure, value, goal, met) for bench/__main__.py."""
    if not result or "error" in result:
        why = result["error"] if result else "not run"
        return [
            ("Python start-up vs stock Pyodide (Caddy, dist/)", f"not measured: {why}", "–", None)
        ]
    v = result["variants"]
    out: list[tuple[str, str, str, bool | None]] = []
    for name in VARIANTS:
        cold, warm = v[name]["cold"], v[name]["warm"]
        errors = len(cold["errors"]) + len(warm["errors"])
        note = f" ({errors} errors)" if errors else ""
        runs = len(result["loads"][name]["cold"])
        out.append(
            (
                f"Python ready, {LABELS[name]}: cold / warm (median of {runs}){note}",
                f"{_seconds(cold['ms'])} / {_seconds(warm['ms'])}",
                "–",
                None,
            )
        )
    out.append(
        (
            "Site page ÷ stock, cold (idle start; first sign of use)",
            f"{_ratio(result['site_ratio_cold'])} ({_ratio(result['site_use_ratio_cold'])})",
            f"≤ {GOAL_COLD}×",
            result["goal_cold_met"],
        )
    )
    out.append(
        (
            "Site page ÷ stock, warm (idle start; first sign of use)",
            f"{_ratio(result['site_ratio_warm'])} ({_ratio(result['site_use_ratio_warm'])})",
            f"≤ {GOAL_WARM}×",
            result["goal_warm_met"],
        )
    )
    first, repeat, stock = v["site"]["cold"], v["site"]["warm"], v["stock"]["cold"]
    out.append(
        (
            f"`{PAGE}` first visit, encoded: all ({_count(first['requests'])} requests) / Pyodide "
            f"(stock Pyodide alone: {_mib(stock['pyodide_bytes'])})",
            f"{_mib(first['bytes'])} / {_mib(first['pyodide_bytes'])}",
            "≤ 4 MiB",
            result.get("goal_first_bytes_met"),
        )
    )
    out.append(
        (
            f"`{PAGE}` repeat visit: all bytes ({_count(repeat['requests'])} requests) / Pyodide "
            "bytes and requests",
            f"{_mib(repeat['bytes'])} / {_count(repeat['pyodide_bytes'])} B, "
            f"{repeat['max_pyodide_requests']} requests",
            "Pyodide: 0 B, 0 requests",
            result.get("goal_repeat_met"),
        )
    )
    return out


def main() -> None:
    """`python -m bench.startup [SITE] [RUNS]`: this benchmark alone, on a built site."""
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    result = measure(site, runs)
    print(json.dumps({k: v for k, v in result.items() if k != "loads"}, indent=2))
    for measure_, value, goal, met in rows(result):
        print(f"| {measure_} | {value} | {goal} | {met} |")


if __name__ == "__main__":
    main()
