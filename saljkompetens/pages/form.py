"""The self-assessment form's one fixed order: statements interleaved across competencies,
reverse statements at no fixed place, in steps of about ten that fit on one screen.

The order is derived from the content alone, so every visitor (and every share link, which
lists answers in this order) sees the same one; it changes only when the statements do.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..content.model import Statement
from .links import relative_link

STEP_SIZE = 10
"""About how many statements one step shows."""

SECONDS_PER_STATEMENT = 8
"""About how long one statement takes to read and answer (for the time estimates)."""


class Group(Protocol):
    """What the statements of a form are grouped by: a competency, or a self-test's scale."""

    @property
    def slug(self) -> str: ...
    @property
    def statements(self) -> tuple[Statement, ...]: ...


@dataclass(frozen=True)
class Question:
    """One statement in the form, with the competency (or scale) it belongs to."""

    competency: Group
    statement: Statement


def form_order(groups: Sequence[Group]) -> list[Question]:
    """All statements, round by round: one of each competency (or scale) per round.

    Each competency's statements start at a different place (its position), and each round
    starts at a different competency, so neither competencies nor reverse statements come
    in a fixed rhythm.
    """
    queues = []
    for position, competency in enumerate(groups):
        statements = list(competency.statements)
        shift = position % len(statements)
        queues.append([Question(competency, s) for s in statements[shift:] + statements[:shift]])
    order: list[Question] = []
    for round_ in range(max((len(q) for q in queues), default=0)):
        start = (round_ * 5) % len(queues)
        for queue in queues[start:] + queues[:start]:
            if round_ < len(queue):
                order.append(queue[round_])
    return order


def form_steps(groups: Sequence[Group]) -> list[list[Question]]:
    """The order cut into steps of nearly equal size, about `STEP_SIZE` each."""
    order = form_order(groups)
    count = max(1, math.ceil(len(order) / STEP_SIZE))
    size, extra = divmod(len(order), count)
    steps, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        steps.append(order[start:end])
        start = end
    return steps


def minutes(statements: int) -> int:
    """About how many minutes `statements` take, rounded up."""
    return math.ceil(statements * SECONDS_PER_STATEMENT / 60)


class AssessmentFiles(Protocol):
    """What a page with statements needs to know of the assessment's browser files."""

    @property
    def definition_uri(self) -> str: ...
    @property
    def wheel_uri(self) -> str: ...
    @property
    def pyodide_uri(self) -> str: ...
    @property
    def wheel_sha256(self) -> str: ...
    @property
    def formats(self) -> Mapping[str, str | int]: ...
    def share_key(self, item_ids: list[str], low: int, high: int) -> str: ...


def assessment_urls(here: str, files: AssessmentFiles) -> dict[str, str]:
    """The assessment's files as links relative to the page `here` (a source path)."""
    return {
        "definition": relative_link(here, files.definition_uri),
        "wheel": relative_link(here, files.wheel_uri),
        "pyodide": relative_link(here, files.pyodide_uri),
        "script": relative_link(here, "assets/js/assessment.js"),
        "rating_script": relative_link(here, "assets/js/competency-rating.js"),
        "manager_script": relative_link(here, "assets/js/manager-rating.js"),
        "team_script": relative_link(here, "assets/js/team.js"),
        "worker": relative_link(here, "assets/js/scoring-worker.js"),
        "team": relative_link(here, "team/"),
        "root": relative_link(here, "index.md").removesuffix("index.md") or "./",
    }
