"""The team view with 200 sellers' files: in Chromium after Python is ready (files chosen →
the team drawn), the longest main-thread task meanwhile, and `scoring_py.team` in CPython."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import FilePayload, Page, sync_playwright

import scoring_py

from . import browser
from .team_files import team_files

FILES = 200
RUNS = 3

# Records when the file input changes and when the team is drawn, and every long task.
WATCH = """
(count) => {
  const input = document.getElementById("sk-team-files");
  const section = document.getElementById("sk-team-result");
  const marks = (window.__team = { longest: 0 });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longest = Math.max(marks.longest, entry.duration);
  }).observe({ type: "longtask" });
  const started = () => { marks.start = performance.now(); };
  input.addEventListener("change", started, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (section.dataset.state === "ready" && section.dataset.people === String(count)) {
      marks.end = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(section, { attributes: true });
}
"""


def _add(page: Page, files: list[tuple[str, str]]) -> None:
    payload: list[FilePayload] = [
        {"name": n, "mimeType": "application/json", "buffer": t.encode()} for n, t in files
    ]
    page.set_input_files("#sk-team-files", payload)


def measure(site: Path) -> dict[str, Any]:
    definition = json.loads((site / "assets" / "sjalvskattning" / "bedomning.json").read_text())
    files = team_files(definition, FILES, managers=10)
    sellers = FILES
    start = time.perf_counter()
    scoring_py.team(definition, files)
    cpython_ms = (time.perf_counter() - start) * 1000
    runs: list[dict[str, float]] = []
    with browser.serve(site) as server, sync_playwright() as playwright:
        url = f"http://127.0.0.1:{server.server_address[1]}/team/"
        with browser._fresh_profile(playwright) as context:
            page = context.new_page()
            page.goto(url)
            _add(page, files[:1])  # Python starts with the first file
            page.wait_for_selector(
                '#sk-team-result[data-state="ready"]', timeout=browser.READY_TIMEOUT_MS
            )
            for _ in range(RUNS):
                page.click("#sk-team-clear")
                page.evaluate(WATCH, sellers)
                _add(page, files)
                page.wait_for_function(
                    "window.__team && window.__team.end !== undefined", timeout=120_000
                )
                marks = page.evaluate("window.__team")
                runs.append(
                    {"ms": marks["end"] - marks["start"], "longest_task_ms": marks["longest"]}
                )
    return {
        "files": len(files),
        "sellers": sellers,
        "runs": runs,
        "ms": statistics.median(r["ms"] for r in runs),
        "longest_task_ms": max(r["longest_task_ms"] for r in runs),
        "cpython_ms": cpython_ms,
    }
