"""The team over time: each person's two attempts compared, and the team's change.

Two of a seller's own files with the same label and two different dates are that person's
earlier and later attempt (:mod:`scoring_py.team` decides which files they are). For each
such person the attempts are compared as one person's are (:func:`scoring_py.compare.compare`:
on the statements both answered, a clear change only beyond the measurement's error, with the
person's comparisons together held to ``FAMILY_ERROR``).

For the team, per competency: the **median change** of the people whose change in it can be
compared, with the median's distribution-free interval
(:func:`scoring_py.team_aggregate.median_interval`, the same order-statistic interval as the
team's medians), shown only from :data:`~scoring_py.team_aggregate.MIN_TEAM` people, so that no
one's change can be worked out from it; and the people whose own change is clear. A person
whose attempts follow an answer pattern (:data:`scoring_py.team.TEAM_BLOCKERS`) is shown but
kept out of the team's numbers, as in the team's picture.
"""

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .answers import Answers
from .compare import Attempt, compare
from .model import Definition
from .team_aggregate import MIN_TEAM, median_interval, number

__all__ = ["TwoAttempts", "dated_apart", "team_change"]


@dataclass(frozen=True)
class TwoAttempts:
    """One person's earlier and later attempt; `counted`: neither follows an answer pattern."""

    label: str
    earlier: Answers
    earlier_date: str
    later: Answers
    later_date: str
    counted: bool


def dated_apart(first: str | None, second: str | None) -> bool:
    """Whether two files' dates make them two attempts: both dated, on different days."""
    return first is not None and second is not None and first != second


def team_change(definition: Definition, people: Sequence[TwoAttempts]) -> dict[str, Any] | None:
    """Each person's change and the team's (see the module); None when no one has two."""
    if not people:
        return None
    compared = [
        (person, compare(definition, Attempt(person.earlier, person.earlier_date, 0),
                         Attempt(person.later, person.later_date, 0)))
        for person in people
    ]  # fmt: skip
    counted = [(person, result) for person, result in compared if person.counted]
    return {
        "min_team": MIN_TEAM,
        "people": [_person(person, result) for person, result in compared],
        "counted": len(counted),
        "set_aside": [person.label for person, _ in compared if not person.counted],
        "competencies": [
            _team_row(competency.slug, competency.title, position, counted)
            for position, competency in enumerate(definition.competencies)
        ],
    }


_ROW_KEYS = ("before", "after", "change", "reliable", "threshold", "paired", "reason")


def _person(person: TwoAttempts, result: dict[str, Any]) -> dict[str, Any]:
    """One person's change: per competency, per stage and for the whole test."""
    return {
        "label": person.label,
        "before_date": person.earlier_date,
        "after_date": person.later_date,
        "counted": person.counted,
        "competencies": [
            {"slug": row["slug"], **{key: row[key] for key in _ROW_KEYS}}
            for row in result["competencies"]
        ],
        "groups": [
            {"name": row["name"], **{key: row[key] for key in _ROW_KEYS}}
            for row in result["groups"]
        ],
        "overall": {key: result["overall"][key] for key in _ROW_KEYS},
        "up": [row["slug"] for row in result["competencies"] if row["reliable"] == "up"],
        "down": [row["slug"] for row in result["competencies"] if row["reliable"] == "down"],
    }


def _team_row(
    slug: str, title: str, position: int, counted: list[tuple[TwoAttempts, dict[str, Any]]]
) -> dict[str, Any]:
    """One competency's change over the counted people: the median with its interval (from
    MIN_TEAM people with a comparable change), and who changed clearly."""
    rows = [(person, result["competencies"][position]) for person, result in counted]
    changes = sorted(row["change"] for _, row in rows if row["paired"])
    shown = len(changes) >= MIN_TEAM
    low, high, coverage = median_interval(changes) if shown else (None, None, None)
    return {
        "slug": slug,
        "title": title,
        "compared": len(changes),
        "median": number(statistics.median(changes)) if shown else None,
        "median_low": low,
        "median_high": high,
        "median_coverage": None if coverage is None else math.floor(coverage * 100),
        "changes": changes if shown else [],
        "up": [person.label for person, row in rows if row["reliable"] == "up"],
        "down": [person.label for person, row in rows if row["reliable"] == "down"],
    }
