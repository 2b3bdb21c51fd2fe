"""The first result on a share link versus the same job done the standard way (issue 23).

One run, one server: dist/ through Caddy and deploy/Caddyfile, as published
(tests/support/caddy.py); headless Chromium with the CSP in force. Variants:

- `baseline`, "the same job done the standard way": a bare page whose module worker calls
  stock `loadPyodide({indexURL})` (Pyodide's defaults: its full standard library, its lock
  file fetched, from the same version folder; the full zip is added to the bench's own copy
  of dist/), fetches the site's wheel and definition (started at once, beside Pyodide),
  unpacks the wheel with `unpackArchive`, imports `scoring_py` and scores one answers file
  (`score_json`). The page marks when the result arrives.
- `link`: the site's `/sjalvskattning/` opened with a share link (`#svar=…`) of the same
  answers, until the report shows the result: the page's own `#resultat[data-first-result-ms]`
  (or, on a page without that hook, the first time `#resultat` is `data-state="ready"`).
- `stored`: the same page with the same answers stored in the browser (localStorage).

Times are `performance.now()` in the page (ms from navigation start); "ready" is when
`<html data-python>` was set. Cold: a new browser profile; warm: a new tab in the same
profile, after the cold visit's page has kept its memory snapshot (`data-python-snapshot`
no longer "making"), as a visitor who stays on the page for a second would. Bytes: response
bodies as Caddy sent them (encoded), from its access log.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

from playwright.sync_api import BrowserContext, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from saljkompetens.dist import make_dist
from tests.support import caddy as serve_dist

from . import browser

ROOT = Path(__file__).resolve().parent.parent
PAGE = "/sjalvskattning/"
BARE = "/bench-start/baseline/"
SCRIPTS = "/assets/v-bench-start/"  # immutable, as the site's own scripts
STORAGE_KEY = "saljkompetens.svar.v1"
TIMEOUT_MS = 120_000
SNAPSHOT_TIMEOUT_MS = 30_000
SETTLE_S = 0.3  # after the result: let the last responses reach Caddy's log
VARIANTS = ("baseline", "link", "stored")
LABELS = {
    "baseline": "standard Pyodide: stock `loadPyodide`, wheel unpacked, `scoring_py` imported, "
    "one answers file scored",
    "link": "the site, a share link (`#svar=…`)",
    "stored": "the site, answers stored in the browser",
}
GOAL_COLD, GOAL_WARM = 0.6, 0.5  # the share link's first result ÷ the baseline's
GOAL_FIRST_BYTES = 4 * 2**20

# Marks the first result and Python ready on <html> (ms from navigation start).
MARK = """
(() => {
  const mark = () => {
    const html = document.documentElement;
    if (!html) return;
    if (html.dataset.python && !html.dataset.benchReadyMs) {
      html.dataset.benchReadyMs = String(performance.now());
    }
    const section = document.getElementById("resultat");
    if (section && !html.dataset.benchResultMs) {
      const own = section.dataset.firstResultMs;
      if (own) html.dataset.benchResultMs = own;
      else if (section.dataset.state === "ready") {
        html.dataset.benchResultMs = String(performance.now());
      }
    }
  };
  const options = { subtree: true, attributes: true, childList: true };
  new MutationObserver(mark).observe(document, options);
})();
"""

# Stores the answers before the page's scripts run (the `stored` variant).
STORE = """
(() => {
  if (location.pathname === %(page)s && !localStorage.getItem(%(key)s))
    localStorage.setItem(%(key)s, %(value)s);
})();
"""

PAGE_JS = """\
const html = document.documentElement;
const config = JSON.parse(html.dataset.config);
const section = document.getElementById("resultat");
const worker = new Worker(config.worker, { type: "module" });
const fail = (message) => {
  html.dataset.error = message;
  html.dataset.python = "error";
};
worker.addEventListener("error", () => fail("worker script failed"));
worker.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "ready") html.dataset.python = "ready";
  else if (data.type === "result") {
    section.dataset.answered = String(JSON.parse(data.json).answered);
    section.dataset.firstResultMs = String(performance.now());
    section.dataset.state = "ready";
  } else if (data.type === "error") fail(String(data.message));
});
worker.postMessage(config.init);
"""

# Stock Pyodide, the wheel unpacked, scoring_py imported, one answers file scored.
WORKER_JS = """\
self.addEventListener("message", async (event) => {
  const { indexURL, wheel, definition, answers } = event.data;
  try {
    const wheelBytes = fetch(wheel).then((r) => r.arrayBuffer());
    const definitionText = fetch(definition).then((r) => r.text());
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const pyodide = await loadPyodide({ indexURL });
    self.postMessage({ type: "ready" });
    pyodide.unpackArchive(await wheelBytes, "wheel");
    const scoring = pyodide.pyimport("scoring_py");
    const json = scoring.score_json(await definitionText, JSON.stringify(answers), null);
    self.postMessage({ type: "result", json });
  } catch (error) {
    self.postMessage({ type: "error", message: String(error) });
  }
});
"""

BARE_HTML = """<!doctype html>
<html lang="en" data-config='{config}'>
<head><meta charset="utf-8"><title>bench: baseline</title>
<link rel="icon" href="data:,">
<script type="module" src="{scripts}page.js"></script></head>
<body><section id="resultat" data-state="empty"></section></body>
</html>
"""


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


def answers_for(item_ids: list[str], low: int, high: int) -> dict[str, int]:
    """One fixed answers file: every statement answered, the values spread over the scale."""
    span = high - low + 1
    return {item: low + (index * 7) % span for index, item in enumerate(item_ids)}


def share_fragment(answers: dict[str, int], share_key: str) -> str:
    """`svar=<base64url>&v=<key>`, as share-link.js writes it: one digit per statement in
    the order of the sorted ids, "0" for unanswered."""
    digits = "".join(str(answers[item]) for item in sorted(answers))
    encoded = base64.urlsafe_b64encode(digits.encode("ascii")).decode("ascii").rstrip("=")
    return urlencode({"svar": encoded, "v": share_key})


def page_form(html: str) -> tuple[list[str], int, int, dict[str, Any]]:
    """The statement ids (in the form's order), the scale and `data-formats` of a form page."""
    ids = re.findall(r'<fieldset class="sk-item[^"]*" data-item="([^"]+)"', html)
    if not ids:
        raise ValueError("no statements on the page")
    scale = [int(v) for v in re.findall(rf'name="{re.escape(ids[0])}" value="(\d+)"', html)]
    formats = re.search(r"data-formats='([^']*)'", html)
    if not scale or not formats:
        raise ValueError("no scale or data-formats on the page")
    return ids, min(scale), max(scale), json.loads(unescape(formats.group(1)))


def stage(dist: Path, full_stdlib: Path) -> dict[str, Any]:
    """Add the baseline's bare page, its scripts and Pyodide's full standard library to
    `dist` (the bench's own copy); the URL of each variant, the answers' count and what the
    `stored` variant stores."""
    html = (dist / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
    site = site_config(html)
    ids, low, high, formats = page_form(html)
    answers = answers_for(ids, low, high)
    document = {"format": formats["answers"], "version": formats["version"], "answers": answers}
    index_url = site["init"]["pyodide"]
    shutil.copy(full_stdlib, dist / index_url.lstrip("/") / "python_stdlib.zip")
    scripts = dist / SCRIPTS.strip("/")
    scripts.mkdir(parents=True)
    (scripts / "page.js").write_text(PAGE_JS, encoding="utf-8")
    (scripts / "worker.js").write_text(WORKER_JS, encoding="utf-8")
    init = {**{k: site["init"][k] for k in ("wheel", "definition")}, "indexURL": index_url}
    config = {"worker": f"{SCRIPTS}worker.js", "init": {**init, "answers": document}}
    text = json.dumps(config, separators=(",", ":")).replace("&", "&amp;").replace("'", "&#39;")
    folder = dist / BARE.strip("/")
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(BARE_HTML.format(config=text, scripts=SCRIPTS), "utf-8")
    link = f"{PAGE}#{share_fragment(answers, formats['share_key'])}"
    return {
        "urls": {"baseline": BARE, "link": link, "stored": PAGE},
        "answered": len(answers),
        "stored": json.dumps(document, separators=(",", ":")),
    }


@contextmanager
def _profile(playwright: Playwright, scripts: list[str]) -> Iterator[BrowserContext]:
    """A browser with a new, empty profile on disk; CSP applies as for visitors."""
    with tempfile.TemporaryDirectory(prefix="sk-bench-start-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=browser.CHROMIUM, args=browser.ARGS
        )
        for script in [MARK, *scripts]:
            context.add_init_script(script)
        try:
            yield context
        finally:
            context.close()


def _visit(
    context: BrowserContext, server: serve_dist.Caddy, url: str, answered: int
) -> dict[str, Any]:
    """Open `url` in a new tab until the first result shows: ms to it and to Python ready,
    how Python started, and what was sent."""
    before = len(server.hits())
    page = context.new_page()
    out: dict[str, Any] = {"ms": None, "ready_ms": None, "snapshot": None}
    try:
        page.goto(url)
        page.wait_for_selector(
            "html[data-bench-result-ms], html[data-python=error]", timeout=TIMEOUT_MS
        )
        ms = page.get_attribute("html", "data-bench-result-ms")
        ready = page.get_attribute("html", "data-bench-ready-ms")
        shown = page.get_attribute("#resultat", "data-answered")
        if ms is None or shown != str(answered):
            out["error"] = page.get_attribute("html", "data-error") or f"answered={shown}"
        else:
            out["ms"] = float(ms)
        out["ready_ms"] = float(ready) if ready else None
        out["snapshot"] = page.get_attribute("html", "data-python-snapshot")
        if out["snapshot"] == "making":  # as a visitor who stays a moment: it is kept
            page.wait_for_selector(
                "html:not([data-python-snapshot=making])", timeout=SNAPSHOT_TIMEOUT_MS
            )
        time.sleep(SETTLE_S)
    except PlaywrightError as exc:
        out["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
    finally:
        page.close()
    out.update(serve_dist.transferred(server.hits()[before:]))
    return out


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def summarize(loads: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, Any]:
    """Medians per variant and phase, ratios to the baseline, and the goals."""
    variants: dict[str, Any] = {}
    for name, phases in loads.items():
        variants[name] = {}
        for phase, visits in phases.items():
            variants[name][phase] = {
                "ms": _median([v["ms"] for v in visits if v["ms"] is not None]),
                "ready_ms": _median([v["ready_ms"] for v in visits if v.get("ready_ms")]),
                "runs": sum(v["ms"] is not None for v in visits),
                "errors": [v["error"] for v in visits if "error" in v],
                "snapshots": sorted({str(v.get("snapshot")) for v in visits}),
                **{
                    key: _median([v[key] for v in visits])
                    for key in ("requests", "bytes", "pyodide_requests", "pyodide_bytes")
                },
                "max_pyodide_requests": max((v["pyodide_requests"] for v in visits), default=0),
            }
    out: dict[str, Any] = {"variants": variants}
    for phase, goal in (("cold", GOAL_COLD), ("warm", GOAL_WARM)):
        base = variants.get("baseline", {}).get(phase, {}).get("ms")
        for name in VARIANTS[1:]:
            mine = variants.get(name, {}).get(phase, {}).get("ms")
            out[f"{name}_ratio_{phase}"] = mine / base if mine and base else None
        ratio = out[f"link_ratio_{phase}"]
        out[f"goal_{phase}_met"] = None if ratio is None else ratio <= goal
    link = variants.get("link", {})
    first, repeat = link.get("cold", {}), link.get("warm", {})
    if first.get("bytes") is not None:
        out["goal_first_bytes_met"] = first["bytes"] <= GOAL_FIRST_BYTES
    if repeat.get("bytes") is not None:
        out["goal_repeat_met"] = (
            repeat["pyodide_bytes"] == 0 and repeat["max_pyodide_requests"] == 0
        )
    return out


def measure_dist(dist: Path, work: Path, runs: int = 5) -> dict[str, Any]:
    """Stage the baseline in `dist` (a copy the bench owns), serve it and load each variant
    cold and warm `runs` times, interleaved, so that drift hits all alike."""
    staged = stage(dist, ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
    store = STORE % {
        "page": json.dumps(PAGE),
        "key": json.dumps(STORAGE_KEY),
        "value": json.dumps(staged["stored"]),
    }
    loads: dict[str, dict[str, list[dict[str, Any]]]] = {
        name: {"cold": [], "warm": []} for name in VARIANTS
    }
    load = os.getloadavg()[0]
    with serve_dist.caddy(dist, work) as server, sync_playwright() as playwright:
        for index in range(runs):
            for name in VARIANTS:
                print(f"  {name} {index + 1}/{runs}", file=sys.stderr, flush=True)
                with _profile(playwright, [store] if name == "stored" else []) as context:
                    url = server.url + staged["urls"][name]
                    for phase in ("cold", "warm"):
                        visit = _visit(context, server, url, staged["answered"])
                        loads[name][phase].append(visit)
    out = summarize(loads)
    out.update(runs=runs, load_before=load, load_after=os.getloadavg()[0], loads=loads)
    return out


def measure(site: Path, runs: int = 5, work: Path | None = None) -> dict[str, Any]:
    """dist/ made from the built `site` (in a temporary folder), then `measure_dist`."""
    with tempfile.TemporaryDirectory(prefix="sk-bench-dist-", dir=work) as tmp:
        folder = Path(tmp)
        dist = make_dist(site, folder / "dist", deploy=ROOT / "deploy", cache=ROOT / "build")
        return measure_dist(dist, folder, runs)
