"""`scoring_py` throughput in CPython with the real assessment definition, and
`python -m scoring_py score` on every hostile answer file (tests/fixtures/answers/ and two of
1 MB made here): the slowest must stay well under 5 s."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from typing import Any

import scoring_py
from saljkompetens.content.loader import load_content
from saljkompetens.definition import checked_definition
from tests.support.team_files import padded

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "answers"
FIXTURE_DEFINITION = ROOT / "tests" / "fixtures" / "scoring" / "definition.json"
HOSTILE_RUNS = 3


def answer_sets(definition: dict[str, Any], count: int = 5, seed: int = 7) -> list[dict[str, Any]]:
    """`count` random answer sets (answering 50–100 % of the items) with and without a role."""
    rng = random.Random(seed)
    ids = [item["id"] for c in definition["competencies"] for item in c["items"]]
    roles = [None, *(r["slug"] for r in definition["roles"])]
    sets = []
    for _ in range(count):
        answered = rng.sample(ids, rng.randint(len(ids) // 2, len(ids)))
        sets.append(
            {
                "format": scoring_py.ANSWERS_FORMAT,
                "version": 1,
                "answers": {item: rng.randint(1, 5) for item in answered},
                "role": rng.choice(roles),
            }
        )
    return sets


def measure(repeats: int = 5, seconds: float = 0.5) -> dict[str, Any]:
    """Results per second (median of `repeats`) for `score` and for `score_json`.

    `score(definition_dict, answers)` validates the definition on every call, as the brief's
    Python API does; `score_json` is what the browser worker calls (definition cached).
    """
    definition = checked_definition(load_content(ROOT / "content"))
    sets = answer_sets(definition)
    definition_text = json.dumps(definition, ensure_ascii=False)
    answer_texts = [json.dumps(a, ensure_ascii=False) for a in sets]

    def rate(call: Any) -> float:
        timer = timeit.Timer(call)
        number, _ = timer.autorange()
        number = max(1, int(number * seconds / 0.2))
        times = timer.repeat(repeat=repeats, number=number)
        return len(sets) * number / statistics.median(times)

    return {
        "items": sum(len(c["items"]) for c in definition["competencies"]),
        "answer_sets": len(sets),
        "score_per_s": rate(lambda: [scoring_py.score(definition, a) for a in sets]),
        "score_json_per_s": rate(
            lambda: [scoring_py.score_json(definition_text, a) for a in answer_texts]
        ),
    }


def megabyte_files(folder: Path) -> list[Path]:
    """The two worst shapes at the 1 MB limit: an unterminated string of escaped quotes (the
    old depth pre-check was quadratic on it) and a valid file padded with nested lists."""
    head = '{"format":"saljkompetens-svar","version":1,"answers":{},"role":"'
    quotes = folder / "hostile-1mb-unterminated-escaped-quotes.json"
    quotes.write_text(head + '\\"' * ((999_000 - len(head)) // 2), encoding="utf-8")
    nested = folder / "hostile-1mb-nested-lists.json"
    plain = '{"format":"saljkompetens-svar","version":1,"answers":{},"role":null}'
    nested.write_text(padded(plain), encoding="utf-8")
    return [quotes, nested]


def measure_hostile_cli() -> dict[str, Any]:
    """Seconds (wall, Python start included; median of HOSTILE_RUNS) of
    `python -m scoring_py score FILE` per hostile answer file, and the slowest."""
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="sk-hostile-") as folder:
        paths = sorted(HOSTILE.glob("hostile-*")) + megabyte_files(Path(folder))
        for path in paths:
            runs = []
            for _ in range(HOSTILE_RUNS):
                began = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "scoring_py", "score", str(path),
                     "--definition", str(FIXTURE_DEFINITION)],
                    capture_output=True, timeout=300, check=False,
                )  # fmt: skip
                runs.append(time.perf_counter() - began)
            seconds[path.name] = statistics.median(runs)
    worst = max(seconds, key=seconds.__getitem__)
    return {"files": len(seconds), "worst_file": worst, "worst_s": seconds[worst],
            "median_s": statistics.median(seconds.values()), "seconds": seconds}  # fmt: skip


def rows(hostile: dict[str, Any] | None) -> list[tuple[str, str, str, bool | None]]:
    """The `make bench` row for the CLI on hostile answer files."""
    if not hostile:
        return []
    return [
        (
            f"`python -m scoring_py score` on each of {hostile['files']} hostile answer files "
            "(slowest; median; wall time with Python start)",
            f"{hostile['worst_s']:.2f} s ({hostile['worst_file']}); {hostile['median_s']:.2f} s",
            "< 5 s each",
            hostile["worst_s"] < 5,
        )
    ]
