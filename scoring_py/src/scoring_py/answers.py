"""The respondent's answers: an immutable value object and its validation."""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .errors import ScoringError, describe_value, shorten
from .model import Definition

__all__ = [
    "LABEL_MAX",
    "MANAGER",
    "NOT_APPLICABLE",
    "RATERS",
    "SELF",
    "Answers",
    "answered_selftest",
    "answers_from_data",
    "matching_selftest",
]

NOT_APPLICABLE = "ej-aktuellt"
"""The answer "Ej aktuellt i min roll": kept as given, counted as unanswered."""

SELF = "self"
MANAGER = "manager"
RATERS = (SELF, MANAGER)
"""Who answered: the seller about themselves, or their manager about the seller."""

FORMER_SELFTEST_KEY = "check"
"""What the ``selftest`` field of answers was called before; files that carry it still read."""

LABEL_MAX = 40
"""Longest label (the name or initials a seller puts on their export)."""


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
    """Check the values and role of an answers object (its header is checked by `formats`).

    Unanswered statements are absent or ``null``. Unknown top-level keys are ignored.

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
        label=_label(data.get("label")),
        rater=_rater(data.get("rater", SELF)),
        selftest=selftest,
    )


def answered_selftest(data: dict[str, Any]) -> Any:
    """What answers say they are for: their ``selftest``, or in a file written before the
    field had that name, their ``check`` (still read, never written)."""
    return data["selftest"] if "selftest" in data else data.get(FORMER_SELFTEST_KEY)


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


def _label(value: Any) -> str | None:
    """The label as given (trimmed, NFC), None for none; refused if it could mislead."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ScoringError(f'Märkningen ("label") måste vara text, fick {describe_value(value)}.')
    label = unicodedata.normalize("NFC", value.strip())
    if len(label) > LABEL_MAX:
        raise ScoringError(
            f'Märkningen ("label") får vara högst {LABEL_MAX} tecken, fick {len(label)}.'
        )
    hidden = [c for c in label if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
    if hidden:
        raise ScoringError(
            f'Märkningen ("label") innehåller ett osynligt tecken (U+{ord(hidden[0]):04X}); '
            "skriv den med vanliga bokstäver."
        )
    return label or None


def _rater(value: Any) -> str:
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
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScoringError(
                f'Svaret på påstående "{item_id}" måste vara ett heltal från {scale.min} '
                f'till {scale.max}, "{NOT_APPLICABLE}" eller null för obesvarat, fick '
                f"{describe_value(value)}."
            )
        if not scale.min <= value <= scale.max:
            raise ScoringError(
                f'Svaret på påstående "{item_id}" är {describe_value(value)}, men skalan går '
                f"från {scale.min} till {scale.max}."
            )
    ordered = {
        item.id: raw[item.id]
        for competency in definition.competencies
        for item in competency.items
        if raw.get(item.id) not in (None, NOT_APPLICABLE)
    }
    return MappingProxyType(ordered)
