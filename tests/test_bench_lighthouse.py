"""bench.lighthouse's retry and goals, and the machine load in `make bench`'s header (no
browser, nothing timed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import __main__ as bench_main
from bench import lighthouse

SCORES = {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}


def flaky(failures: int) -> tuple[list[str], Any]:
    """A stand-in for `run_once` that fails `failures` times, then succeeds."""
    calls: list[str] = []

    def run_once(url: str, work: Path) -> dict[str, Any]:
        calls.append(url)
        if len(calls) <= failures:
            raise RuntimeError("lighthouse failed (1): NO_NAVSTART")
        return {**SCORES, "tbt_ms": 120.0}

    return calls, run_once


def test_a_failed_lighthouse_run_is_tried_once_more(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls, run_once = flaky(1)
    monkeypatch.setattr(lighthouse, "run_once", run_once)
    assert lighthouse.run_retried("http://x/", tmp_path)["performance"] == 97
    assert calls == ["http://x/", "http://x/"]


def test_two_failures_in_a_row_are_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls, run_once = flaky(2)
    monkeypatch.setattr(lighthouse, "run_once", run_once)
    with pytest.raises(RuntimeError, match="NO_NAVSTART"):
        lighthouse.run_retried("http://x/", tmp_path)
    assert len(calls) == 2


def test_a_page_meets_the_goals_only_with_every_score_and_tbt_under_200() -> None:
    assert lighthouse.goals_met({**SCORES, "tbt_ms": 199.0})
    assert not lighthouse.goals_met({**SCORES, "tbt_ms": 200.0})
    assert not lighthouse.goals_met({**SCORES, "performance": 94, "tbt_ms": 50.0})
    assert not lighthouse.goals_met({**SCORES, "seo": 92, "tbt_ms": 50.0})
    assert not lighthouse.goals_met({"error": "lighthouse failed"})


def test_the_header_gives_the_machine_load_of_the_run() -> None:
    raw = {
        "machine": {
            "date": "2026-11-29T01:43:02+00:00",
            "machine": "x86_64",
            "cpu": "AMD EPYC",
            "cores": 2,
            "python": "3.11.7",
            "chromium": "Chromium 156",
        },
        "total_s": 600.0,
        "steps_s": {"a": 1.0},
        "load": {"min": 1.04, "max": 11.46, "median": 4.1},
    }
    text = bench_main.render(raw)
    assert (
        "Machine load (1-minute average, at the start of each step): 1.0–11.5, median 4.1" in text
    )
    assert "on 2 cores" in text
