"""Realistic answer files for the team view: sellers with a profile of their own (some
competencies stronger, some weaker), answers scattered around it, now and then "Ej aktuellt",
reverse statements answered as the opposite they are; a manager's rating of a seller sees the
same profile a little more strictly. Used by the team benchmark, the browser tests, the
README's team example and the screenshots."""

from __future__ import annotations

import json
import random
from typing import Any

INITIALS = ["AB", "CD", "EF", "GH", "IJ", "KL", "MN", "OP", "QR", "ST", "UV", "XY"]


def profile(definition: dict[str, Any], rng: random.Random) -> dict[str, float]:
    """A seller's level per competency on the answer scale."""
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    own = rng.gauss(3.7, 0.3)
    return {c["slug"]: min(high, max(low, rng.gauss(own, 0.6))) for c in definition["competencies"]}


def answers_for(
    definition: dict[str, Any], levels: dict[str, float], rng: random.Random, shift: float = 0.0
) -> dict[str, Any]:
    """Answers near `levels` (moved by `shift`), reverse statements answered the other way."""
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    answers: dict[str, Any] = {}
    for competency in definition["competencies"]:
        for item in competency["items"]:
            if rng.random() < 0.04:
                answers[item["id"]] = "ej-aktuellt"
                continue
            level = levels[competency["slug"]] + shift
            value = round(min(high, max(low, rng.gauss(level, 0.6))))
            answers[item["id"]] = low + high - value if item["reverse"] else value
    return answers


def answers_file(answers: dict[str, Any], label: str | None, rater: str = "self") -> str:
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "role": None,
                            "answers": answers}  # fmt: skip
    if label:
        data["label"] = label
    if rater != "self":
        data["rater"] = rater
    return json.dumps(data, ensure_ascii=False)


def padded(text: str, size: int = 990_000) -> str:
    """A valid answers file of about `size` bytes: the answers `text` with a key scoring_py reads
    and ignores, a list of lists 18 deep (with the object and "pad", 20 levels: the most
    allowed). The slowest valid shape per byte: about 0.8 s in Pyodide, 0.4 s in CPython."""
    nest = "[" * 18 + "]" * 18
    count = (size - len(text)) // (len(nest) + 1)
    return text[:-1] + ',"pad":[' + ",".join([nest] * count) + "]}"


def team_files(
    definition: dict[str, Any], count: int, *, managers: int = 0, seed: int = 7
) -> list[tuple[str, str]]:
    """`count` sellers' files (labelled by initials, then S013 …) and `managers` of their
    manager's ratings of the first sellers."""
    rng = random.Random(seed)
    labels = [INITIALS[i] if i < len(INITIALS) else f"S{i + 1:03d}" for i in range(count)]
    profiles = {label: profile(definition, rng) for label in labels}
    files = [
        (f"svar-{label.lower()}.json", answers_file(answers_for(definition, levels, rng), label))
        for label, levels in profiles.items()
    ]
    for label in labels[:managers]:
        rated = answers_for(definition, profiles[label], rng, shift=-0.4)
        files.append(
            (f"chefsskattning-{label.lower()}.json", answers_file(rated, label, "manager"))
        )
    return files
