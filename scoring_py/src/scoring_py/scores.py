"""Competency scores as exact, unrounded fractions, each with the range it may lie in.

A self-report of a few statements is coarse. The model behind every range and decision:

- an answer varies between people with a standard deviation of :data:`ITEM_SD` points (one
  step on a 1–5 scale), and two statements of one competency correlate
  :data:`ITEM_CORRELATION`: that share of an answer's variance is the person's true level,
  the rest is noise, so one answer's error is ``ITEM_SD · √(1 − r)`` points (:func:`error_sd`);
- a score from ``n`` answers has the standard error ``error_sd / √n`` (:func:`sem`);
- the range shown around a score is a :data:`COVERAGE` interval: ``± z · sem``, with ``z``
  the normal quantile (1.645 for 90 %). Four statements give about ±17 points, six ±14.

A group of competencies (a stage of the sale) is scored from all its answers together, so
its error is much smaller (about ±7 points from 20 statements).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist

from .answers import Answers
from .model import Competency, Definition, Item, Scale
from .rounding import mean

__all__ = [
    "COVERAGE",
    "ITEM_CORRELATION",
    "ITEM_SD",
    "AnsweredItem",
    "CompetencyScore",
    "GroupScore",
    "error_sd",
    "keyed_score",
    "margin",
    "score_competencies",
    "score_groups",
    "sem",
]

ITEM_SD = 25
"""Assumed spread (standard deviation, 0–100 points) of one answer between people."""

ITEM_CORRELATION = Fraction(3, 10)
"""Assumed average correlation between two statements of one competency."""

COVERAGE = Fraction(9, 10)
"""How often the range shown around a score holds the true level (90 %)."""


def error_sd() -> float:
    """The error of one answer, in points: ``ITEM_SD · √(1 − r)`` (about 20.9)."""
    return ITEM_SD * math.sqrt(1 - float(ITEM_CORRELATION))


def sem(answered: int) -> float:
    """The standard error of a score from `answered` answers, in points."""
    return error_sd() / math.sqrt(answered)


def range_z() -> float:
    """The normal quantile of the range's coverage (1.645 for 90 %)."""
    return NormalDist().inv_cdf(0.5 + float(COVERAGE) / 2)


@dataclass(frozen=True)
class AnsweredItem:
    """One answered statement: the answer given and what it counts as."""

    item: Item
    answer: int
    keyed: int


class _Ranged:
    """A score with the range it may lie in: ``score`` ± ``margin``, on the 0..100 scale."""

    score: Fraction | None
    margin: Fraction | None

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


@dataclass(frozen=True)
class CompetencyScore(_Ranged):
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
    def sem(self) -> float:
        """The standard error of the score, in points."""
        return sem(len(self.answered))


@dataclass(frozen=True)
class GroupScore(_Ranged):
    """The score of a group of competencies (a stage of the sale), from all its answers.

    Attributes:
        name: The group's name (as the definition gives it).
        members: The group's competency scores, in definition order.
        score: 0..100 from every answer in the group, or None when fewer than half of its
            statements were answered.
        answered: How many of its statements were answered.
        margin: Half the width of the range, or None when not scored.
    """

    name: str
    members: tuple[CompetencyScore, ...]
    score: Fraction | None
    answered: int
    margin: Fraction | None

    @property
    def sem(self) -> float:
        """The standard error of the score, in points."""
        return sem(self.answered)


def keyed_score(scale: Scale, keyed: Sequence[int]) -> Fraction:
    """The 0..100 score of keyed answers: their mean mapped linearly from the scale."""
    average = mean(keyed)
    assert average is not None
    return (average - scale.min) * 100 / (scale.max - scale.min)


def margin(scale: Scale, answered: int) -> Fraction:
    """Half the width of the range of a score from `answered` statements: ``z · sem``.

    `scale` is kept for callers; the model's error is in points, whatever the scale.
    """
    return Fraction(range_z() * sem(answered))  # float → exact, the same on every platform


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


def score_groups(definition: Definition, scores: list[CompetencyScore]) -> list[GroupScore]:
    """Score each group of competencies (in the order the groups first appear), from all the
    answers of its members; a group needs at least half of its statements answered."""
    names = list(dict.fromkeys(c.group for c in definition.competencies if c.group))
    groups: list[GroupScore] = []
    for name in names:
        members = tuple(entry for entry in scores if entry.competency.group == name)
        keyed = [answer.keyed for entry in members for answer in entry.answered]
        total = sum(len(entry.competency.items) for entry in members)
        if keyed and 2 * len(keyed) >= total:
            score = keyed_score(definition.scale, keyed)
            groups.append(
                GroupScore(name, members, score, len(keyed), margin(definition.scale, len(keyed)))
            )
        else:
            groups.append(GroupScore(name, members, None, len(keyed), None))
    return groups
