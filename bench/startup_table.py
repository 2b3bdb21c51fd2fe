"""The rows bench/startup.py and bench/lighthouse.py add to `make bench`'s table, and
`python -m bench.startup_table [SITE] [RUNS]`: both on one dist/, without the builds."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from saljkompetens.dist import make_dist

from . import lighthouse, startup

Row = tuple[str, str, str, bool | None]


def _seconds(ms: float | None) -> str:
    return "–" if ms is None else f"{ms / 1000:.2f} s"


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def _mib(n: float | None) -> str:
    return "–" if n is None else f"{n / 2**20:.2f} MiB"


def rows(result: dict[str, Any] | None) -> list[Row]:
    """Table rows (measure, value, goal, met) for the first-result benchmark."""
    if not result or "error" in result:
        why = result["error"] if result else "not run"
        return [("First result vs standard Pyodide (Caddy)", f"not measured: {why}", "–", None)]
    v, runs = result["variants"], result["runs"]
    out: list[Row] = []
    for name in startup.VARIANTS:
        cold, warm = v[name]["cold"], v[name]["warm"]
        errors = len(cold["errors"]) + len(warm["errors"])
        note = f"; **{errors} errors**" if errors else ""
        out.append(
            (
                f"First result, {startup.LABELS[name]}: cold / warm (median of {runs}{note}; "
                f"Python ready {_seconds(cold['ready_ms'])} / {_seconds(warm['ready_ms'])})",
                f"{_seconds(cold['ms'])} / {_seconds(warm['ms'])}",
                "–",
                None,
            )
        )
    for phase, goal in (("cold", startup.GOAL_COLD), ("warm", startup.GOAL_WARM)):
        link, stored = result[f"link_ratio_{phase}"], result[f"stored_ratio_{phase}"]
        out.append(
            (
                f"Share link ÷ standard Pyodide, {phase} (stored answers)",
                f"{_ratio(link)} ({_ratio(stored)})",
                f"≤ {goal}×",
                result[f"goal_{phase}_met"],
            )
        )
    if result.get("load_before") is not None:
        out.append(
            (
                "Machine load during this step (1-minute average): before / after",
                f"{result['load_before']:.1f} / {result['load_after']:.1f}",
                "–",
                None,
            )
        )
    warm = v["link"]["warm"]
    out.append(
        (
            "Warm visits: how Python started (`data-python-snapshot`)",
            ", ".join(warm["snapshots"]),
            "–",
            None,
        )
    )
    first, repeat, base = v["link"]["cold"], v["link"]["warm"], v["baseline"]["cold"]
    out.append(
        (
            f"`{startup.PAGE}` first visit, encoded: all ({first['requests']:.0f} requests) / "
            f"Pyodide (standard Pyodide alone: {_mib(base['pyodide_bytes'])})",
            f"{_mib(first['bytes'])} / {_mib(first['pyodide_bytes'])}",
            "≤ 4 MiB",
            result.get("goal_first_bytes_met"),
        )
    )
    out.append(
        (
            f"`{startup.PAGE}` repeat visit: all bytes ({repeat['requests']:.0f} requests) / "
            "Pyodide bytes and requests",
            f"{_mib(repeat['bytes'])} / {repeat['pyodide_bytes']:.0f} B, "
            f"{repeat['max_pyodide_requests']} requests",
            "Pyodide: 0 requests",
            result.get("goal_repeat_met"),
        )
    )
    return out


def measure(
    site: Path, runs: int, work: Path | None = None, lighthouse_runs: int = 1
) -> dict[str, Any]:
    """Both benchmarks on one dist/ made from the built `site`; a failure of either is
    reported, not raised."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sk-bench-dist-", dir=work) as tmp:
        folder = Path(tmp)
        root = startup.ROOT
        dist = make_dist(site, folder / "dist", deploy=root / "deploy", cache=root / "build")
        try:
            out["lighthouse"] = lighthouse.measure_dist(dist, folder, lighthouse_runs)
        except Exception as exc:  # reported in the table
            out["lighthouse"] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
        try:
            out["startup"] = startup.measure_dist(dist, folder, runs)
        except Exception as exc:
            out["startup"] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    return out


def main() -> None:
    """`python -m bench.startup_table [SITE] [RUNS] [LIGHTHOUSE_RUNS]`."""
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else startup.ROOT / "site"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    lighthouse_runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    result = measure(site, runs, lighthouse_runs=lighthouse_runs)
    summary = {k: v for k, v in result["startup"].items() if k != "loads"}
    print(json.dumps({"startup": summary, "lighthouse": result["lighthouse"]}, indent=2))
    for measure_, value, goal, met in [
        *rows(result["startup"]),
        *lighthouse.rows(result["lighthouse"]),
    ]:
        print(f"| {measure_} | {value} | {goal} | {met} |")


if __name__ == "__main__":
    main()
