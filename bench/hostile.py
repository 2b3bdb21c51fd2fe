"""`python -m saljkompetens check` on every hostile content fixture: time and memory, worst case;
and the Markdown time limits: `check` on the fixture that stalled the renderer most before the
pre-check (saljkompetens/content/markdown_limits.py), and the slowest body the pre-check accepts."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from saljkompetens.content.body import Page, check_body, render_html
from tests.support import markdown_bodies

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# Before the pre-check: 9.6 s in check_body for these 4 kB (a 100-column header over 2 000 short
# rows: 200 000 cells); also 6.7 s for 15 kB of `[a `, 8 s for 40 kB of setext lines.
SLOWEST_MARKDOWN = "body-table-wide-header"


def measure() -> dict[str, Any]:
    """Seconds (wall, Python start included) and peak memory of `check` per broken case."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seconds: dict[str, float] = {}
    for case in sorted(p for p in (FIXTURES / "broken").iterdir() if p.is_dir()):
        with tempfile.TemporaryDirectory() as folder:
            content = Path(folder) / "content"
            shutil.copytree(FIXTURES / "minimal" / "content", content)
            shutil.copytree(case / "content", content, dirs_exist_ok=True)
            began = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "saljkompetens", "check"],
                cwd=folder, env=env, capture_output=True, timeout=120,
            )  # fmt: skip
            seconds[case.name] = time.perf_counter() - began
    worst = max(seconds, key=seconds.__getitem__)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "cases": len(seconds),
        "worst_case": worst,
        "worst_s": seconds[worst],
        "median_s": sorted(seconds.values())[len(seconds) // 2],
        "peak_mib": peak_kib / 1024,
        "seconds": seconds,
        "markdown_case": SLOWEST_MARKDOWN,
        "near_limit": near_limit(),
    }


def near_limit() -> dict[str, Any]:
    """Seconds (wall) of render_html and check_body on the near-limit bodies: the slowest."""
    slowest: dict[str, Any] = {}
    for shape in [*markdown_bodies.SHAPES, "blandning"]:
        body = markdown_bodies.near_limit(shape)
        began = time.perf_counter()
        render_html(body)
        rendered = time.perf_counter()
        check_body(body, Page("artiklar/x.md", frozenset()))
        checked = time.perf_counter()
        if checked - began > slowest.get("total_s", -1):
            slowest = {
                "shape": shape,
                "kib": len(body.encode()) / 1024,
                "total_s": checked - began,
                "render_s": rendered - began,
                "check_body_s": checked - rendered,
            }
    return slowest


def rows(h: dict[str, Any] | None) -> Iterator[tuple[str, str, str, bool | None]]:
    """The Markdown rows of the table: (measure, value, goal, met)."""
    if not h or "near_limit" not in h:
        return
    seconds = h["seconds"][h["markdown_case"]]
    yield (
        f"`check` on the slowest hostile Markdown file ({h['markdown_case']}; stalled the "
        "renderer 10 s before the pre-check, now refused)",
        f"{seconds:.2f} s",
        "< 5 s",
        seconds < 5,
    )
    n = h["near_limit"]
    yield (
        f"Slowest body the pre-check accepts ({n['shape']}, {n['kib']:.0f} KiB): render_html / "
        "check_body",
        f"{n['render_s']:.2f} s / {n['check_body_s']:.2f} s",
        "< 5 s",
        n["total_s"] < 5,
    )
