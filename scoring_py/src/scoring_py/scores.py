"""Competency, mindset and overall scores as exact, unrounded fractions."""

from dataclasses import dataclass
from fractions import Fraction

from .answers import Answers
from .model import Competency, Definition, Mindset
from .rounding import mean

__all__ = [
    "CompetencyScore",
    "MindsetScore",
    "overall_score",
    "score_competencies",
    "score_mindsets",
]


@dataclass(frozen=True)
class CompetencyScore:
    """The unrounded score of one competency.

    Attributes:
        competency: The competency.
        position: Its index in the definition (used to break ties).
        answered: Number of its statements that were answered.
        score: 0..100, or None when fewer than ``min_answers`` were answered.
    """

    competency: Competency
    position: int
    answered: int
    score: Fraction | None

    @property
    def scored(self) -> bool:
        """Whether the competency has a score."""
        return self.score is not None


@dataclass(frozen=True)
class MindsetScore:
    """The unrounded score of a mindset and the scored competencies behind it."""

    mindset: Mindset
    score: Fraction | None
    competencies: tuple[CompetencyScore, ...]


def score_competencies(definition: Definition, answers: Answers) -> list[CompetencyScore]:
    """Score every competency, in definition order.

    The score is the mean of the answered values (reverse statements counted as
    ``min + max - value``) mapped linearly from the scale to 0..100; on a 1..5
    scale that is ``(mean - 1) * 25``.
    """
    scale = definition.scale
    results: list[CompetencyScore] = []
    for position, competency in enumerate(definition.competencies):
        values = [
            scale.keyed(answers.values[item.id], item.reverse)
            for item in competency.items
            if item.id in answers.values
        ]
        average = mean(values) if len(values) >= definition.min_answers else None
        score = None if average is None else (average - scale.min) * 100 / (scale.max - scale.min)
        results.append(CompetencyScore(competency, position, len(values), score))
    return results


def score_mindsets(
    definition: Definition, competency_scores: list[CompetencyScore]
) -> list[MindsetScore]:
    """Score each mindset as the mean of the scored competencies that list it."""
    results: list[MindsetScore] = []
    for mindset in definition.mindsets:
        behind = tuple(
            entry
            for entry in competency_scores
            if entry.scored and mindset.slug in entry.competency.mindsets
        )
        results.append(
            MindsetScore(mindset, mean(e.score for e in behind if e.score is not None), behind)
        )
    return results


def overall_score(competency_scores: list[CompetencyScore]) -> Fraction | None:
    """Return the mean of all scored competencies, or None if none is scored."""
    return mean(entry.score for entry in competency_scores if entry.score is not None)
