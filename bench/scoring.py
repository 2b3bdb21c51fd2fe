"""`scoring_py` throughput in CPython with the real assessment definition."""

from __future__ import annotations

import json
import random
import statistics
import timeit
from pathlib import Path
from typing import Any

import scoring_py
from saljkompetens.content.loader import load_content
from saljkompetens.definition import checked_definition

ROOT = Path(__file__).resolve().parent.parent


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
