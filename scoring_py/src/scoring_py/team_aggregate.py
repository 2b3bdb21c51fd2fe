"""The team's numbers: per competency the lowest, median and highest shown score, every
score, and the median's interval; with a role, how many are under / at / over its target and
the team's priorities.

The median's interval comes from the order of the scores alone (no assumption about their
distribution): with ``n`` people, the ``k``-th lowest and ``k``-th highest score enclose the
team's median with probability ``1 − 2·P(B ≤ k − 1)``, ``B`` binomial(n, ½). The widest such
pair with at least :data:`MEDIAN_COVERAGE` is shown, or the lowest and highest score with
their (smaller) coverage when the team is too small for that.

A **priority** is a competency whose median lies below the role's target by more than chance
allows: so many people score below the target that a team whose median is on the target would
show it at most ``FAMILY_ERROR`` of the time over all the role's targets together (a one-sided
sign test, Bonferroni). A small team can name none, and the summary says from how many people
it could.
"""

import math
import statistics
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .model import Definition, Role
from .ranking import FAMILY_ERROR, role_statuses
from .rounding import round_half_up
from .scores import CompetencyScore

__all__ = [
    "MEDIAN_COVERAGE",
    "MIN_TEAM",
    "aggregate",
    "median_interval",
    "number",
    "priority_depth",
]

MIN_TEAM = 3
"""Fewest people whose own ratings the team aggregates are shown for."""

MEDIAN_COVERAGE = Fraction(9, 10)
"""The coverage aimed at for a median's interval (90 %, as a person's range)."""


def _at_most(n: int, k: int) -> Fraction:
    """P(B ≤ k) for B binomial(n, ½), exactly."""
    return Fraction(sum(math.comb(n, i) for i in range(k + 1)), 2**n)


def median_interval(shown: Sequence[int]) -> tuple[int, int, Fraction]:
    """The median's distribution-free interval of sorted scores: (low, high, coverage)."""
    n = len(shown)
    depth = 1
    while depth + 1 <= (n + 1) // 2 and 1 - 2 * _at_most(n, depth) >= MEDIAN_COVERAGE:
        depth += 1
    return shown[depth - 1], shown[n - depth], 1 - 2 * _at_most(n, depth - 1)


def priority_depth(people: int, targets: int) -> int | None:
    """The largest ``k`` with ``P(B ≤ k − 1) ≤ FAMILY_ERROR /
    targets``: a competency is a priority when its ``k``-th highest score is under the target
    (at least ``n + 1 − k`` people below it). None when even ``k = 1`` is too likely by chance
    (too few people)."""
    allowed = FAMILY_ERROR / max(1, targets)
    if _at_most(people, 0) > allowed:
        return None
    depth = 1
    while depth + 1 <= people and _at_most(people, depth) <= allowed:
        depth += 1
    return depth


def aggregate(
    definition: Definition, people: Sequence[list[CompetencyScore]], role: Role | None
) -> dict[str, Any]:
    """Spreads per competency of `people` (each person's scores), and with a role its counts
    and the team's priorities."""
    rows = []
    statuses = [
        {s.entry.competency.slug: s for s in role_statuses(role, p)} for p in people
    ] if role else []  # fmt: skip
    targets = {t.competency: t.level for t in role.targets} if role else {}
    for position, competency in enumerate(definition.competencies):
        shown = sorted(
            round_half_up(score) for p in people if (score := p[position].score) is not None
        )
        row: dict[str, Any] = {
            "slug": competency.slug,
            "title": competency.title,
            "url": competency.url,
            "articles": [{"title": a.title, "url": a.url} for a in competency.articles],
            "scored": len(shown),
            "unscored": len(people) - len(shown),
            "lowest": shown[0] if shown else None,
            "median": number(statistics.median(shown)) if shown else None,
            "highest": shown[-1] if shown else None,
            "scores": shown,
            **_interval(shown),
        }
        if competency.slug in targets:
            counts = {"under": 0, "at": 0, "over": 0}
            for person in statuses:
                status = person[competency.slug].status
                if status is not None:
                    counts[status] += 1
            gaps = [targets[competency.slug] - score for score in shown]
            row["target"] = targets[competency.slug]
            row["counts"] = counts
            row["median_gap"] = number(statistics.median(gaps)) if gaps else None
            # the k-th highest score, if the team is large enough: under the target → priority
            depth = priority_depth(len(shown), len(targets)) if shown else None
            bound = shown[len(shown) - depth] if depth else None
            row["below"] = sum(score < row["target"] for score in shown)
            row["priority_bound"] = bound
            row["priority"] = bound is not None and bound < row["target"]
        rows.append(row)
    return {
        "people": len(people),
        "competencies": rows,
        "priorities": _priorities(rows),
        "priority_people": _people_needed(len(targets)) if role else None,
    }


def _interval(shown: list[int]) -> dict[str, Any]:
    if not shown:
        return {"median_low": None, "median_high": None, "median_coverage": None}
    low, high, coverage = median_interval(shown)
    return {
        "median_low": low,
        "median_high": high,
        "median_coverage": math.floor(coverage * 100),
    }


def _people_needed(targets: int) -> int:
    """The smallest team that can name a priority at all for a role with `targets`."""
    people = 1
    while priority_depth(people, targets) is None:
        people += 1
    return people


def _priorities(rows: list[dict[str, Any]]) -> list[str]:
    """The priorities, surest first (largest gap between the target and the bound), the
    first three and any that tie with the third."""
    chosen = [r for r in rows if r.get("priority")]
    ranked = sorted(chosen, key=lambda r: -(r["target"] - r["priority_bound"]))
    if len(ranked) > 3:
        last = ranked[2]["target"] - ranked[2]["priority_bound"]
        ranked = ranked[:3] + [r for r in ranked[3:] if r["target"] - r["priority_bound"] == last]
    return [r["slug"] for r in ranked]


def number(value: float | Fraction | int) -> int | float:
    """A median as JSON: an integer, or a half (the mean of two middle scores)."""
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else float(value)
