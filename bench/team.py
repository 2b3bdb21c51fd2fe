"""The team view with 200 sellers' files: in Chromium after Python is ready (files chosen →
the team drawn), the longest main-thread task meanwhile, and `scoring_py.team` in CPython.
Then 50 files of which one stalls: a valid file of 1 MB that takes longer than the page's
time budget per file (set small here): the page stops it, starts a new worker and shows the
other 49, beside the same 49 without it."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import FilePayload, Page, sync_playwright

import scoring_py
from tests.support.team_files import padded, team_files

from . import browser

FILES = 200
RUNS = 3
STALL_FILES = 50
STALL_BUDGET_MS = 250

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
            stall = _stall(page, definition)
    return {
        "files": len(files),
        "sellers": sellers,
        "runs": runs,
        "ms": statistics.median(r["ms"] for r in runs),
        "longest_task_ms": max(r["longest_task_ms"] for r in runs),
        "cpython_ms": cpython_ms,
        "stall": stall,
    }


def _stall(page: Page, definition: dict[str, Any]) -> dict[str, Any]:
    """50 files with one that stalls (stopped after STALL_BUDGET_MS) and the 49 others alone:
    ms from files chosen to the 49 drawn, median of RUNS each, alternating."""
    files = team_files(definition, STALL_FILES, seed=11)
    middle = STALL_FILES // 2
    files[middle] = ("stor.json", padded(files[middle][1]))
    others = files[:middle] + files[middle + 1 :]
    page.evaluate(f"document.getElementById('sk-team').dataset.fileBudgetMs = '{STALL_BUDGET_MS}'")
    with_stall: list[float] = []
    without: list[float] = []
    stopped = 0
    for _ in range(RUNS):
        for chosen, times in ((files, with_stall), (others, without)):
            page.click("#sk-team-clear")
            page.evaluate(WATCH, len(others))
            _add(page, chosen)
            page.wait_for_function("window.__team && window.__team.end !== undefined",
                                   timeout=120_000)  # fmt: skip
            marks = page.evaluate("window.__team")
            times.append(marks["end"] - marks["start"])
            if chosen is files:
                stopped = page.locator("li[data-file-stopped]").count()
    return {
        "files": len(files),
        "budget_ms": STALL_BUDGET_MS,
        "stopped": stopped,
        "ms": statistics.median(with_stall),
        "without_ms": statistics.median(without),
        "runs": with_stall,
        "runs_without": without,
    }


def rows(team: dict[str, Any] | None) -> list[tuple[str, str, str, bool | None]]:
    """The `make bench` row for the team view with one stalling file."""
    stall = (team or {}).get("stall")
    if not stall:
        return []
    return [
        (
            f"Team view: {stall['files']} files, one stalling (a valid 1 MB file, stopped after a "
            f"{stall['budget_ms']} ms budget; {stall['stopped']} stopped) → the other "
            f"{stall['files'] - 1} drawn, with a new worker (ms; median of {len(stall['runs'])}; "
            f"the {stall['files'] - 1} alone: {stall['without_ms']:.0f} ms)",
            f"{stall['ms']:.0f}",
            "stalled file stopped, others shown",
            stall["stopped"] == 1,
        )
    ]
