"""The respondent's answers: an immutable value object and the rules for its fields. The
file around them (header, export wrapper) and the label rule are :mod:`scoring_py.formats`."""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .errors import ScoringError, describe_value, shorten
from .model import Definition

__all__ = [
    "FORMER_SELFTEST_KEY",
    "MANAGER",
    "NOT_APPLICABLE",
    "RATERS",
    "SELF",
    "SELFTEST_KEY",
    "Answers",
    "answered_selftest",
    "answers_from_data",
    "matching_selftest",
    "whole_number",
]

NOT_APPLICABLE = "ej-aktuellt"
"""The answer "Ej aktuellt i min roll": kept as given, counted as unanswered."""

SELF = "self"
MANAGER = "manager"
RATERS = (SELF, MANAGER)
"""Who answered: the seller about themselves, or their manager about the seller."""

SELFTEST_KEY = "selftest"
"""The field of answers that names the self-test they answer (absent or null: the assessment)."""
FORMER_SELFTEST_KEY = "check"
"""What the ``selftest`` field of answers was called before; files that carry it still read."""


@dataclass(frozen=True)
class Answers:
    """Validated answers.

    Attributes:
        values: Answered statements only (id → raw scale value), in definition order.
        role: Chosen role slug, or None.
        not_applicable: Statements answered "Ej aktuellt i min roll" (not scored).
        label: The name or initials the file carries (for a team view), or None.
        rater: ``"self"`` (the seller) or ``"manager"`` (the seller's manager).
        selftest: The slug of the self-test answered, or None for the competency assessment.
    """

    values: Mapping[str, int]
    role: str | None
    not_applicable: frozenset[str] = frozenset()
    label: str | None = None
    rater: str = SELF
    selftest: str | None = None


def answers_from_data(data: dict[str, Any], definition: Definition) -> Answers:
    """Check the values, role, rater and self-test of an answers object (its header and label
    are checked by `formats`, which reads the label onto the result).

    Unanswered statements are absent or ``null``; so are a role, rater and self-test that
    are not given. Unknown top-level keys are ignored.

    Raises:
        ScoringError: On any invalid answer, with a Swedish message naming it.
    """
    selftest = matching_selftest(answered_selftest(data), definition)
    values = _values(data, definition)
    role = data.get("role")
    if role is not None:
        role = definition.role(role).slug
    raw = data["answers"]
    not_applicable = frozenset(key for key, value in raw.items() if value == NOT_APPLICABLE)
    return Answers(
        values=values,
        role=role,
        not_applicable=not_applicable,
        rater=_rater(data.get("rater")),
        selftest=selftest,
    )


def answered_selftest(data: dict[str, Any]) -> Any:
    """What answers say they are for: their ``selftest``, or in a file written before the
    field had that name, their ``check`` (still read, never written)."""
    return data[SELFTEST_KEY] if SELFTEST_KEY in data else data.get(FORMER_SELFTEST_KEY)


def matching_selftest(value: Any, definition: Definition) -> str | None:
    """The self-test answers say they are for, which must be the definition's.

    Raises:
        ScoringError: naming the self-test (or assessment) the answers are for, and where to go.
    """
    expected = definition.selftest
    if value is not None and not isinstance(value, str):
        raise ScoringError(f'"selftest" måste vara text, fick {describe_value(value)}.')
    if expected is None and value is not None:
        raise ScoringError(
            f'Filen innehåller svar på självtestet "{shorten(value)}", inte på '
            "kompetensskattningen. Öppna den på det självtestets egen sida."
        )
    if expected is not None and value is None:
        raise ScoringError(
            f"Filen innehåller svar på kompetensskattningen, inte på {expected.title}. "
            "Öppna den på sidan Självskattning."
        )
    if expected is not None and value != expected.slug:
        raise ScoringError(
            f'Filen innehåller svar på självtestet "{shorten(str(value))}", inte på '
            f"{expected.title}. Öppna den på det självtestets egen sida."
        )
    return value


def whole_number(value: Any) -> int | None:
    """A JSON number with no fraction as the integer it is (``4`` and ``4.0`` alike, as
    JavaScript's ``JSON.parse`` reads them), else None (also for true and false)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _rater(value: Any) -> str:
    if value is None:
        return SELF
    if value not in RATERS or not isinstance(value, str):
        raise ScoringError(
            f'"rater" anger vem som har svarat och ska vara "{SELF}" (säljaren själv) eller '
            f'"{MANAGER}" (säljarens chef), fick {describe_value(value)}.'
        )
    return value


def _values(data: dict[str, Any], definition: Definition) -> Mapping[str, int]:
    if "answers" not in data:
        raise ScoringError('Svaren saknar "answers" (ett objekt med påståendets id → svar).')
    raw = data["answers"]
    if not isinstance(raw, dict):
        raise ScoringError(
            '"answers" måste vara ett objekt med påståendets id som nyckel och svaret '
            f"som värde, fick {describe_value(raw)}."
        )
    if len(raw) > definition.item_count:
        raise ScoringError(
            f"Svaren innehåller {len(raw)} svar, men bedömningen har bara "
            f"{definition.item_count} påståenden."
        )
    scale = definition.scale
    checked: dict[str, int] = {}
    for item_id, value in raw.items():
        if not isinstance(item_id, str):
            raise ScoringError(
                f"Påståendets id i svaren måste vara text, fick {describe_value(item_id)}."
            )
        if item_id not in definition.item_ids:
            raise ScoringError(
                f'Okänt påstående "{shorten(item_id)}" i svaren: det finns inte i bedömningen.'
            )
        if value is None or value == NOT_APPLICABLE:
            continue
        number = whole_number(value)
        if number is None:
            raise ScoringError(
                f'Svaret på påstående "{item_id}" måste vara ett heltal från {scale.min} '
                f'till {scale.max}, "{NOT_APPLICABLE}" eller null för obesvarat, fick '
                f"{describe_value(value)}."
            )
        if not scale.min <= number <= scale.max:
            raise ScoringError(
                f'Svaret på påstående "{item_id}" är {describe_value(number)}, men skalan går '
                f"från {scale.min} till {scale.max}."
            )
        checked[item_id] = number
    ordered = {
        item.id: checked[item.id]
        for competency in definition.competencies
        for item in competency.items
        if item.id in checked
    }
    return MappingProxyType(ordered)
