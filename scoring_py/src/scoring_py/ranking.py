"""What stands out: strengths, development areas and the comparison with a role.

Differences smaller than the measurement can show are not differences. So:

- a **strength** lies above the visitor's own median by more than its range's half-width,
  a **development area** below it by more; a flat profile has neither;
- with a role, a competency is **under** its target when the target lies above the score by
  more than the half-width (the tolerance), **over** when below by more, otherwise **at** it;
  the development areas are then the largest shortfalls against the role;
- at most ``TOP_COUNT`` are named, but competencies with equal scores are named together:
  ties stay ties, and nothing is decided by alphabet or order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from .model import Role
from .scores import CompetencyScore

__all__ = [
    "MIN_SCORED",
    "TOP_COUNT",
    "RoleStatus",
    "development_areas",
    "median",
    "role_focus",
    "role_statuses",
    "strengths",
]

T = TypeVar("T")

TOP_COUNT = 3
"""How many strengths and development areas are named (more only when tied)."""

MIN_SCORED = 3
"""Strengths and development areas need at least this many scored competencies."""


@dataclass(frozen=True)
class RoleStatus:
    """A role target compared with the competency's score.

    Attributes:
        entry: The competency score.
        target: The role's target level.
        why: The role's reason for the target.
        gap: ``target - score`` unrounded (positive: below target), None if not scored.
        status: ``under``, ``at`` or ``over`` (within the tolerance: ``at``), None if not scored.
    """

    entry: CompetencyScore
    target: int
    why: str
    gap: Fraction | None
    status: str | None


def median(values: list[Fraction]) -> Fraction:
    """The median of a non-empty list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _scored(scores: list[CompetencyScore]) -> list[CompetencyScore]:
    return [entry for entry in scores if entry.score is not None]


def strengths(scores: list[CompetencyScore]) -> list[CompetencyScore]:
    """Competencies clearly above the visitor's own median, highest first."""
    scored = _scored(scores)
    if len(scored) < MIN_SCORED:
        return []
    middle = median([e.score for e in scored if e.score is not None])
    clear = [e for e in scored if _value(e) - middle > _margin(e)]
    return _top(sorted(clear, key=lambda e: (-_value(e), e.position)), key=_value)


def development_areas(scores: list[CompetencyScore]) -> list[CompetencyScore]:
    """Competencies clearly below the visitor's own median, lowest first."""
    scored = _scored(scores)
    if len(scored) < MIN_SCORED:
        return []
    middle = median([e.score for e in scored if e.score is not None])
    clear = [e for e in scored if middle - _value(e) > _margin(e)]
    return _top(sorted(clear, key=lambda e: (_value(e), e.position)), key=_value)


def role_statuses(role: Role, scores: list[CompetencyScore]) -> list[RoleStatus]:
    """Each target of `role` against the score: largest shortfall first, unscored last."""
    by_slug = {entry.competency.slug: entry for entry in scores}
    statuses: list[RoleStatus] = []
    for target in role.targets:
        entry = by_slug[target.competency]
        if entry.score is None:
            statuses.append(RoleStatus(entry, target.level, target.why, None, None))
            continue
        gap = target.level - entry.score
        tolerance = _margin(entry)
        status = "under" if gap > tolerance else "over" if -gap > tolerance else "at"
        statuses.append(RoleStatus(entry, target.level, target.why, gap, status))
    return sorted(
        statuses,
        key=lambda s: (s.gap is None, -(s.gap or 0), s.entry.position),
    )


def role_focus(statuses: list[RoleStatus]) -> list[RoleStatus]:
    """The largest shortfalls against the role (status ``under``), ties named together."""
    under = [s for s in statuses if s.status == "under"]
    return _top(under, key=lambda s: s.gap)


def _value(entry: CompetencyScore) -> Fraction:
    assert entry.score is not None
    return entry.score


def _margin(entry: CompetencyScore) -> Fraction:
    assert entry.margin is not None
    return entry.margin


def _top(entries: list[T], key: Callable[[T], Fraction | None]) -> list[T]:
    """The first `TOP_COUNT` entries, and any after them that tie with the last one."""
    if len(entries) <= TOP_COUNT:
        return entries
    last = key(entries[TOP_COUNT - 1])
    return entries[:TOP_COUNT] + [e for e in entries[TOP_COUNT:] if key(e) == last]
