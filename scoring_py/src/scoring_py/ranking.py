"""Strengths, development areas and role gaps, ranked on unrounded scores."""

from dataclasses import dataclass
from fractions import Fraction

from .model import Role
from .scores import CompetencyScore

__all__ = ["RoleGap", "development_areas", "role_gaps", "strengths"]

TOP_COUNT = 3
"""How many strengths and development areas are shown."""


@dataclass(frozen=True)
class RoleGap:
    """A role target compared with the competency's score.

    Attributes:
        entry: The competency score.
        target: The role's target level.
        gap: ``target - score`` unrounded (positive = below target), None if not scored.
    """

    entry: CompetencyScore
    target: int
    gap: Fraction | None


def strengths(scores: list[CompetencyScore]) -> list[CompetencyScore]:
    """Return the highest scored competencies; ties keep definition order."""
    scored = [entry for entry in scores if entry.score is not None]
    return sorted(scored, key=lambda e: (-e.score, e.position))[:TOP_COUNT]  # type: ignore[operator]


def development_areas(
    scores: list[CompetencyScore], exclude: list[CompetencyScore]
) -> list[CompetencyScore]:
    """Return the lowest scored competencies not in ``exclude``; ties keep definition order."""
    taken = {entry.position for entry in exclude}
    scored = [e for e in scores if e.score is not None and e.position not in taken]
    return sorted(scored, key=lambda e: (e.score, e.position))[:TOP_COUNT]


def role_gaps(role: Role, scores: list[CompetencyScore]) -> list[RoleGap]:
    """Compare a role's targets with the scores.

    Scored competencies come first, largest gap first; unscored ones follow.
    Ties keep definition order.
    """
    by_slug = {entry.competency.slug: entry for entry in scores}
    gaps: list[RoleGap] = []
    for target in role.targets:
        entry = by_slug[target.competency]
        gap = None if entry.score is None else target.level - entry.score
        gaps.append(RoleGap(entry, target.level, gap))
    scored = sorted(
        (g for g in gaps if g.gap is not None),
        key=lambda g: (-(g.gap or 0), g.entry.position),
    )
    unscored = sorted((g for g in gaps if g.gap is None), key=lambda g: g.entry.position)
    return scored + unscored
