"""Lighthouse (npm `lighthouse`, mobile defaults) on each page type of dist/ through Caddy.

Page types: home, a competency, an article, the self-assessment, a self-test and the team
page, found in the built dist/ (the first of each kind). Scores are Lighthouse's categories
(0–100); Total Blocking Time in ms. Lighthouse runs headless Chromium (/usr/bin/chromium)
with its default simulated throttling (a mid-range phone on a slow 4G connection).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.support import caddy as serve_dist

from . import browser

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = Path(os.environ.get("SK_LIGHTHOUSE", ROOT / "node_modules" / ".bin" / "lighthouse"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
GOAL_TBT_MS = 200
TIMEOUT_S = 180
ATTEMPTS = 2  # Lighthouse itself asks to be run again after a failed trace (NO_NAVSTART, …)
FAILURES = (subprocess.SubprocessError, OSError, RuntimeError, ValueError, KeyError)
LABELS = {
    "home": "home",
    "competency": "a competency",
    "article": "an article",
    "assessment": "the self-assessment",
    "selftest": "a self-test",
    "team": "the team page",
}


def _first(dist: Path, section: str) -> str | None:
    """The URL path of the first page in `section/` (sorted), other than the index."""
    folder = dist / section
    pages = sorted(p.parent for p in folder.glob("*/index.html")) if folder.is_dir() else []
    return f"/{section}/{pages[0].name}/" if pages else None


def _selftest(dist: Path) -> str | None:
    """The first page whose form is a self-test's (`#sk-assessment` naming its self-test)."""
    marker = re.compile(r'id="sk-assessment"[^>]*\sdata-(?:selftest|check)="')
    for page in sorted(dist.rglob("index.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        if marker.search(text):
            return "/" + page.parent.relative_to(dist).as_posix() + "/"
    return None


def pages(dist: Path) -> dict[str, str]:
    """Page type → URL path, for the types dist/ has."""
    found = {
        "home": "/",
        "competency": _first(dist, "kompetenser"),
        "article": _first(dist, "artiklar"),
        "assessment": "/sjalvskattning/",
        "selftest": _selftest(dist),
        "team": "/team/",
    }
    return {name: path for name, path in found.items() if path}


def run_once(url: str, work: Path) -> dict[str, Any]:
    """One Lighthouse run: category scores (0–100), TBT and the other timings in ms."""
    if not LIGHTHOUSE.is_file():
        raise RuntimeError("lighthouse is missing: run `make setup` (npm devDependencies)")
    out = work / "report.json"
    env = {**os.environ, "CHROME_PATH": browser.CHROMIUM, "HOME": str(work)}
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    done = subprocess.run(command, env=env, timeout=TIMEOUT_S, capture_output=True, text=True)
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    result: dict[str, Any] = {
        name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES
    }
    for key, audit in (
        ("tbt_ms", "total-blocking-time"),
        ("fcp_ms", "first-contentful-paint"),
        ("lcp_ms", "largest-contentful-paint"),
        ("tti_ms", "interactive"),
    ):
        result[key] = audits[audit].get("numericValue")
    result["elements"] = audits["dom-size"].get("numericValue")
    result["failed"] = sorted(
        audit["id"]
        for category in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][category]["auditRefs"]
        if (audit := audits[ref["id"]]).get("score") is not None
        and audit["score"] < 1
        and ref.get("weight", 0) > 0
    )
    return result


def run_retried(url: str, work: Path) -> dict[str, Any]:
    """`run_once`, tried again once when Lighthouse fails (the last failure is raised)."""
    for attempt in range(ATTEMPTS):
        try:
            return run_once(url, work)
        except FAILURES:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def measure_url(base: str, dist: Path, runs: int = 1) -> dict[str, Any]:
    """Each page type of `dist`, served at `base`, `runs` times (median scores)."""
    out: dict[str, Any] = {"runs": runs, "pages": {}}
    with tempfile.TemporaryDirectory(prefix="sk-bench-lh-") as tmp:
        for name, path in pages(dist).items():
            print(f"  lighthouse {name} {path}", file=sys.stderr, flush=True)
            results = []
            for _ in range(runs):
                try:
                    results.append(run_retried(base + path, Path(tmp)))
                except FAILURES as exc:
                    why = f"{type(exc).__name__}: {exc}"[:300]
                    out["pages"][name] = {"path": path, "error": why}
                    break
            if results:
                entry: dict[str, Any] = {"path": path}
                for key in (*CATEGORIES, "tbt_ms", "fcp_ms", "lcp_ms", "tti_ms", "elements"):
                    values = [r[key] for r in results if r.get(key) is not None]
                    entry[key] = statistics.median(values) if values else None
                entry["failed"] = sorted({a for r in results for a in r["failed"]})
                out["pages"][name] = entry
    return out


def goals_met(entry: dict[str, Any]) -> bool:
    """Whether one page meets every Lighthouse goal."""
    if "error" in entry:
        return False
    scores = all(entry[name] is not None and entry[name] >= goal for name, goal in GOALS.items())
    return scores and entry["tbt_ms"] is not None and entry["tbt_ms"] < GOAL_TBT_MS


def rows(result: dict[str, Any] | None) -> list[tuple[str, str, str, bool | None]]:
    """Table rows (measure, value, goal, met) for bench/__main__.py."""
    if not result or "error" in result:
        why = result["error"] if result else "not run"
        return [("Lighthouse (mobile), each page type", f"not measured: {why}", "–", None)]
    out: list[tuple[str, str, str, bool | None]] = []
    runs = result["runs"]
    for name, entry in result["pages"].items():
        label = f"Lighthouse, {LABELS.get(name, name)} (`{entry['path']}`; median of {runs})"
        if "error" in entry:
            out.append((label, f"not measured: {entry['error']}", "", False))
            continue
        value = (
            f"performance {entry['performance']:.0f}, accessibility {entry['accessibility']:.0f}, "
            f"best practices {entry['best-practices']:.0f}, SEO {entry['seo']:.0f}; "
            f"TBT {entry['tbt_ms']:.0f} ms"
        )
        if entry["failed"]:
            value += f" (failing: {', '.join(entry['failed'])})"
        out.append((label, value, "≥ 95, 100, 100, 100; TBT < 200 ms", goals_met(entry)))
    return out


def measure_dist(dist: Path, work: Path, runs: int = 1) -> dict[str, Any]:
    """`dist` through Caddy (tests/support/caddy.py), then `measure_url`."""
    folder = work / "lighthouse-caddy"
    folder.mkdir(exist_ok=True)
    with serve_dist.caddy(dist, folder) as server:
        return measure_url(server.url, dist, runs)


def main() -> None:
    """`python -m bench.lighthouse DIST [RUNS]`: Lighthouse on a made dist/ through Caddy."""
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with tempfile.TemporaryDirectory(prefix="sk-bench-lh-") as tmp:
        result = measure_dist(dist, Path(tmp), runs)
    print(json.dumps(result, indent=2))
    for measure, value, goal, met in rows(result):
        print(f"| {measure} | {value} | {goal} | {met} |")


if __name__ == "__main__":
    main()
