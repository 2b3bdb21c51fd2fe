"""What stands out, and only what the answers can show.

Every claim is a comparison, and a difference counts only when it is larger than the
measurement's error makes likely by chance. The error rate is fixed for the whole report:
a person whose true level is the same everywhere gets anything named at most
:data:`FAMILY_ERROR` of the time (10 %), shared equally among every comparison made
(Bonferroni), so ``z`` grows with their number (18 competencies and 4 stages: z ≈ 2.84).

- A **strength** or **development area** is a competency whose score differs from the
  median of the person's other competencies by more than its threshold,
  ``z · √(sem² + sem_median²)``; a stage of the sale likewise against the mean of the other
  stages (a stage is scored from all its answers, so it can show far smaller differences).
- With a role, each score gets an interval for the role, ``score ± z · sem`` with ``z``
  shared among the role's targets (rounded outwards, as the range is; never narrower than the
  range): a competency is **under** its target when the target lies above that interval,
  **over** when below it, otherwise **at** it. A target inside the range is always "at".
- Differences from one's own median are compared as they are shown: in whole points.
- At most :data:`TOP_COUNT` are named, but equal differences are named together: ties stay
  ties, and nothing is decided by alphabet or order.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist
from typing import TypeVar

from .model import Role
from .rounding import round_half_up
from .scores import CompetencyScore, GroupScore

__all__ = [
    "FAMILY_ERROR",
    "MIN_SCORED",
    "TOP_COUNT",
    "Comparison",
    "Profile",
    "RoleStatus",
    "critical_z",
    "median",
    "profile",
    "reflection",
    "role_focus",
    "role_statuses",
]

T = TypeVar("T")

TOP_COUNT = 3
"""How many strengths and development areas are named (more only when tied)."""

MIN_SCORED = 3
"""Strengths and development areas need at least this many scored competencies."""

FAMILY_ERROR = Fraction(1, 10)
"""How often a person with an even profile (or exactly on a role's targets) may be told
anything: at most 10 %, for all the comparisons of one report together."""

_MEDIAN_SE = math.sqrt(math.pi / 2)  # a median's standard error ÷ a mean's (normal data)


def critical_z(comparisons: int) -> float:
    """The two-sided normal quantile for :data:`FAMILY_ERROR` shared among `comparisons`."""
    return NormalDist().inv_cdf(1 - float(FAMILY_ERROR) / (2 * max(1, comparisons)))


def median(values: Sequence[Fraction]) -> Fraction:
    """The median of a non-empty list."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class Comparison:
    """A score against the person's own other scores.

    Attributes:
        entry: The competency or stage.
        reference: The median of the other competencies (or mean of the other stages).
        difference: ``score − reference``, unrounded.
        threshold: The shown difference must be larger than this (whole points).
    """

    entry: CompetencyScore | GroupScore
    reference: Fraction
    difference: Fraction
    threshold: int

    @property
    def shown(self) -> int:
        """The difference as shown: rounded half up."""
        return round_half_up(self.difference)

    @property
    def direction(self) -> str | None:
        """ "high" (a strength), "low" (a development area) or None (no clear difference)."""
        if self.shown > self.threshold:
            return "high"
        if -self.shown > self.threshold:
            return "low"
        return None


@dataclass(frozen=True)
class Profile:
    """Every comparison of one report, made with one ``z``."""

    z: float
    comparisons: int
    competencies: tuple[Comparison, ...]
    groups: tuple[Comparison, ...]

    def named(self, direction: str, groups: bool = False) -> list[Comparison]:
        """The clear ones in `direction`, largest difference first, ties kept together."""
        pool = self.groups if groups else self.competencies
        clear = [c for c in pool if c.direction == direction]
        sign = -1 if direction == "high" else 1
        ordered = sorted(clear, key=lambda c: (sign * c.shown, _position(c)))
        return _top(ordered, key=lambda c: c.shown)


def profile(scores: list[CompetencyScore], groups: list[GroupScore]) -> Profile:
    """Compare each scored competency with the median of the others, and each scored stage
    with the mean of the other stages, all with one shared error rate."""
    scored = [entry for entry in scores if entry.score is not None]
    rated_groups = [group for group in groups if group.score is not None]
    use_competencies = len(scored) >= MIN_SCORED
    use_groups = len(rated_groups) >= 2
    count = len(scored) * use_competencies + len(rated_groups) * use_groups
    z = critical_z(count)
    competencies = _against_medians(scored, z) if use_competencies else ()
    stages = tuple(_against_mean(g, rated_groups, z) for g in rated_groups) if use_groups else ()
    return Profile(z, count, competencies, stages)


def _comparison(
    entry: CompetencyScore, reference: Fraction, others_variance: float, others: int, z: float
) -> Comparison:
    """`entry` against the median of `others` scores whose sem² sum to `others_variance`."""
    spread = math.sqrt(others_variance / others) / math.sqrt(others)
    reference_se = spread * (_MEDIAN_SE if others >= 3 else 1)
    threshold = math.ceil(z * math.sqrt(entry.sem**2 + reference_se**2))
    return Comparison(entry, reference, _value(entry) - reference, threshold)


def _against_medians(scored: list[CompetencyScore], z: float) -> tuple[Comparison, ...]:
    """Every scored competency against the median of all the others: one sort, then each
    median found by position (the same numbers as `_against_median`, in n log n)."""
    order = sorted(range(len(scored)), key=lambda i: _value(scored[i]))
    rank = {index: place for place, index in enumerate(order)}
    values = [_value(scored[i]) for i in order]
    total = sum(entry.sem**2 for entry in scored)
    count = len(values) - 1

    def without(place: int, at: int) -> Fraction:
        return values[at] if at < place else values[at + 1]

    found = []
    for index, entry in enumerate(scored):
        place = rank[index]
        low, high = (count - 1) // 2, count // 2
        reference = (without(place, low) + without(place, high)) / 2
        found.append(_comparison(entry, reference, total - entry.sem**2, count, z))
    return tuple(found)


def _against_mean(group: GroupScore, rated: list[GroupScore], z: float) -> Comparison:
    others = [other for other in rated if other is not group]
    reference = sum((_value(other) for other in others), Fraction(0)) / len(others)
    reference_se = math.sqrt(sum(other.sem**2 for other in others)) / len(others)
    threshold = math.ceil(z * math.sqrt(group.sem**2 + reference_se**2))
    return Comparison(group, reference, _value(group) - reference, threshold)


@dataclass(frozen=True)
class RoleStatus:
    """A role target compared with the competency's score.

    Attributes:
        entry: The competency score.
        target: The role's target level.
        why: The role's reason for the target.
        gap: ``target - score`` unrounded (positive: below target), None if not scored.
        status: ``under``, ``at`` or ``over``, None if not scored (or withheld).
        low, high: The score's interval for the role (whole points, within 0–100); the
            target outside it is ``under`` or ``over``. None if not scored.
    """

    entry: CompetencyScore
    target: int
    why: str
    gap: Fraction | None
    status: str | None
    low: int | None = None
    high: int | None = None

    @property
    def shown_gap(self) -> int | None:
        """``target - shown score``: the gap as the report shows it."""
        if self.entry.score is None:
            return None
        return self.target - round_half_up(self.entry.score)


def role_statuses(role: Role, scores: list[CompetencyScore]) -> list[RoleStatus]:
    """Each target of `role` against the score: largest shortfall first, unscored last."""
    by_slug = {entry.competency.slug: entry for entry in scores}
    rated = sum(1 for target in role.targets if by_slug[target.competency].score is not None)
    z = critical_z(rated)
    statuses: list[RoleStatus] = []
    for target in role.targets:
        entry = by_slug[target.competency]
        if entry.score is None:
            statuses.append(RoleStatus(entry, target.level, target.why, None, None))
            continue
        width = Fraction(z * entry.sem)
        low = max(0, math.floor(entry.score - width))
        high = min(100, math.ceil(entry.score + width))
        status = "under" if target.level > high else "over" if target.level < low else "at"
        gap = target.level - entry.score
        statuses.append(RoleStatus(entry, target.level, target.why, gap, status, low, high))
    return sorted(statuses, key=lambda s: (s.gap is None, -(s.gap or 0), s.entry.position))


def role_focus(statuses: list[RoleStatus]) -> list[RoleStatus]:
    """The largest shortfalls against the role (status ``under``), ties named together."""
    under = [s for s in statuses if s.status == "under"]
    return _top(under, key=lambda s: s.shown_gap)


def reflection(scores: list[CompetencyScore]) -> list[CompetencyScore]:
    """The lowest scored competencies (three, and any tied with the third), as a place to
    start thinking when nothing stands out; none when every value is the same. Not a finding:
    the differences may be chance."""
    scored = sorted(
        (e for e in scores if e.score is not None), key=lambda e: (_value(e), e.position)
    )
    if len({round_half_up(_value(e)) for e in scored}) <= 1:
        return []  # all equal: none is lower than the others
    return _top(scored, key=lambda e: round_half_up(_value(e)))


def _value(entry: CompetencyScore | GroupScore) -> Fraction:
    assert entry.score is not None
    return entry.score


def _position(comparison: Comparison) -> int:
    entry = comparison.entry
    return entry.position if isinstance(entry, CompetencyScore) else 0


def _top(entries: list[T], key: Callable[[T], object]) -> list[T]:
    """The first `TOP_COUNT` entries, and any after them that tie with the last one."""
    if len(entries) <= TOP_COUNT:
        return entries
    last = key(entries[TOP_COUNT - 1])
    return entries[:TOP_COUNT] + [e for e in entries[TOP_COUNT:] if key(e) == last]
