"""The ratings read from the team's files, and a manager's rating beside the seller's own.

Per competency the mean difference per statement answered by both (manager − self, on the
answer scale), and the same in points 0–100 (one step is 100 / (max − min) points, 25 on a
1–5 scale); a difference of at least :data:`FLAG_STEPS` step per statement is flagged.
"""

import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .answers import Answers
from .model import Definition
from .rounding import round_half_up
from .scores import CompetencyScore

__all__ = ["FLAG_STEPS", "Rating", "match_label", "pairs", "points"]

FLAG_STEPS = 1
"""Mean difference per statement (in answer steps) from which self and manager differ."""


@dataclass(frozen=True)
class Rating:
    """One file's rating: whose (label, or "Person n"), its answers and scores, its date, and
    for a seller's later attempt, the earlier one."""

    file: str
    label: str
    labelled: bool
    answers: Answers
    scores: list[CompetencyScore]
    date: str | None = None
    earlier: "Rating | None" = None


def match_label(label: str | None) -> str | None:
    """A label as it is matched: "AB", "ab" and "ＡＢ" are one person."""
    return None if label is None else unicodedata.normalize("NFKC", label).casefold()


def pairs(
    definition: Definition,
    people: list[Rating],
    managers: list[Rating],
    reports: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Each manager's rating beside the seller's own, by label."""
    own = {match_label(p.label): p for p in people if p.labelled}
    notes = {r["file"]: r for r in reports}
    pairs = []
    for manager in managers:
        seller = own.get(match_label(manager.label))
        if seller is None:
            notes[manager.file]["note"] = (
                f'Det finns ingen självskattning märkt "{manager.label}" bland filerna, så '
                "chefens skattning visas utan jämförelse."
            )
        pairs.append(
            {
                "label": manager.label if seller is None else seller.label,
                "self_file": None if seller is None else seller.file,
                "manager_file": manager.file,
                "competencies": [
                    _compare(definition, mine, theirs)
                    for mine, theirs in zip(
                        seller.scores if seller else [None] * len(manager.scores),
                        manager.scores,
                        strict=True,
                    )
                ],
            }
        )
    return pairs


def _compare(
    definition: Definition, own: CompetencyScore | None, manager: CompetencyScore
) -> dict[str, Any]:
    """One competency as the seller and the manager rated it."""
    shown: dict[str, Any] = {
        "slug": manager.competency.slug,
        "self": None if own is None or own.score is None else round_half_up(own.score),
        "manager": None if manager.score is None else round_half_up(manager.score),
        "both": 0,
        "difference": None,
        "points": None,
        "flagged": False,
    }
    if own is None:
        return shown
    mine = {entry.item.id: entry.keyed for entry in own.answered}
    both = [(mine[e.item.id], e.keyed) for e in manager.answered if e.item.id in mine]
    shown["both"] = len(both)
    if len(both) >= definition.min_answers:
        difference = Fraction(sum(theirs - ours for ours, theirs in both), len(both))
        shown["difference"] = round(float(difference), 2)
        shown["points"] = points(definition, difference)
        shown["flagged"] = abs(difference) >= FLAG_STEPS
    return shown


def points(definition: Definition, steps: Fraction) -> int:
    """A difference in answer steps per statement, in points 0–100 (rounded half up)."""
    return round_half_up(steps * 100 / (definition.scale.max - definition.scale.min))
