"""`python -m saljkompetens check` on every hostile content fixture: time and memory, worst case."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


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
    }
