"""Competency scores as exact, unrounded fractions, each with the range it may lie in.

A self-report of a few statements is coarse. The range around a score says how coarse:
it is the larger of

- the standard error of measurement: ``ASSUMED_SD · √(1 − reliability)``, where the
  reliability of ``n`` answered statements follows from their average correlation by the
  Spearman–Brown formula, ``n·r / (1 + (n − 1)·r)``; and
- the resolution: how far one step on one answer moves the score, ``100 / (steps · n)``.

Four statements on a 1–5 scale give ±9.7 points; two give ±12.5.
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from .answers import Answers
from .model import Competency, Definition, Item, Scale
from .rounding import mean

__all__ = [
    "ASSUMED_SD",
    "ITEM_CORRELATION",
    "AnsweredItem",
    "CompetencyScore",
    "keyed_score",
    "margin",
    "score_competencies",
]

ASSUMED_SD = 16
"""Assumed spread (standard deviation, 0–100 points) of a competency's score between people."""

ITEM_CORRELATION = Fraction(3, 10)
"""Assumed average correlation between two statements of one competency."""


@dataclass(frozen=True)
class AnsweredItem:
    """One answered statement: the answer given and what it counts as."""

    item: Item
    answer: int
    keyed: int


@dataclass(frozen=True)
class CompetencyScore:
    """The unrounded score of one competency and the half-width of its range.

    Attributes:
        competency: The competency.
        position: Its index in the definition.
        answered: The answered statements, in definition order.
        score: 0..100, or None when fewer than ``min_answers`` were answered.
        margin: Half the width of the range, or None when not scored.
    """

    competency: Competency
    position: int
    answered: tuple[AnsweredItem, ...]
    score: Fraction | None
    margin: Fraction | None

    @property
    def scored(self) -> bool:
        """Whether the competency has a score."""
        return self.score is not None

    @property
    def low(self) -> int | None:
        """The lower end of the range, rounded down, at least 0."""
        if self.score is None or self.margin is None:
            return None
        return max(0, math.floor(self.score - self.margin))

    @property
    def high(self) -> int | None:
        """The upper end of the range, rounded up, at most 100."""
        if self.score is None or self.margin is None:
            return None
        return min(100, math.ceil(self.score + self.margin))


def keyed_score(scale: Scale, keyed: list[int]) -> Fraction:
    """The 0..100 score of keyed answers: their mean mapped linearly from the scale."""
    average = mean(keyed)
    assert average is not None
    return (average - scale.min) * 100 / (scale.max - scale.min)


def margin(scale: Scale, answered: int) -> Fraction:
    """Half the width of the range of a score from `answered` statements (see module)."""
    r = ITEM_CORRELATION
    reliability = answered * r / (1 + (answered - 1) * r)
    error = Fraction(ASSUMED_SD * math.sqrt(1 - reliability))  # sqrt is exact to IEEE 754
    resolution = Fraction(100, (scale.max - scale.min) * answered)
    return max(error, resolution)


def score_competencies(definition: Definition, answers: Answers) -> list[CompetencyScore]:
    """Score every competency, in definition order.

    A reverse statement's answer ``v`` counts as ``min + max - v``; the score is the mean of
    what the answers count as, mapped linearly from the scale to 0..100 (on 1..5:
    ``(mean - 1) * 25``).
    """
    scale = definition.scale
    results: list[CompetencyScore] = []
    for position, competency in enumerate(definition.competencies):
        answered = tuple(
            AnsweredItem(item, answers.values[item.id], scale.keyed(answers.values[item.id],
                                                                      item.reverse))
            for item in competency.items
            if item.id in answers.values
        )  # fmt: skip
        if len(answered) >= definition.min_answers:
            score = keyed_score(scale, [entry.keyed for entry in answered])
            results.append(
                CompetencyScore(competency, position, answered, score, margin(scale, len(answered)))
            )
        else:
            results.append(CompetencyScore(competency, position, answered, None, None))
    return results
