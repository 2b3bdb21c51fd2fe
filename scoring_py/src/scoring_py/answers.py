"""The respondent's answers: an immutable value object and its validation."""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .definition import load_definition
from .errors import ScoringError, describe_value, shorten
from .json_text import parse_json_text
from .model import Definition

__all__ = ["ANSWERS_FORMAT", "ANSWERS_VERSION", "EXPORT_FORMAT", "Answers", "parse_answers"]

ANSWERS_FORMAT = "saljkompetens-svar"
ANSWERS_VERSION = 1
EXPORT_FORMAT = "saljkompetens-export"
"""The page's export file: ``{"format", "version", "answers": <answers>, "result"}``."""


@dataclass(frozen=True)
class Answers:
    """Validated answers.

    Attributes:
        values: Answered statements only (id → raw scale value), in definition order.
        role: Chosen role slug, or None.
    """

    values: Mapping[str, int]
    role: str | None

    def as_dict(self) -> dict[str, Any]:
        """Return the answers as a new ``saljkompetens-svar`` JSON object."""
        return {
            "format": ANSWERS_FORMAT,
            "version": ANSWERS_VERSION,
            "answers": dict(self.values),
            "role": self.role,
        }


def parse_answers(
    data: "dict[str, Any] | str | Answers",
    definition: "Definition | dict[str, Any] | str",
) -> Answers:
    """Validate answers against a definition.

    Unanswered statements are absent or ``null``. Unknown top-level keys are ignored.
    The page's export file is accepted as it is: its ``answers`` are read, its stored
    ``result`` is not (the result is always computed anew).

    Args:
        data: The answers as a parsed JSON object, JSON text or an :class:`Answers`.
        definition: The assessment definition (validated if not already).

    Returns:
        A new :class:`Answers`. The input is never modified.

    Raises:
        ScoringError: On any invalid answer, with a Swedish message naming it.
    """
    definition = load_definition(definition)
    if isinstance(data, Answers):
        data = data.as_dict()
    elif isinstance(data, str):
        data = parse_json_text(data, "Svaren")
    if not isinstance(data, dict):
        raise ScoringError(f"Svaren måste vara ett JSON-objekt, fick {describe_value(data)}.")
    if data.get("format") == EXPORT_FORMAT:
        data = _unwrap_export(data)
    _check_header(data)
    values = _values(data, definition)
    role = data.get("role")
    if role is not None:
        role = definition.role(role).slug
    return Answers(values=values, role=role)


def _unwrap_export(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version")
    if isinstance(version, bool) or version != ANSWERS_VERSION:
        got = describe_value(version) if "version" in data else "inget värde"
        raise ScoringError(
            f'Exportfilens version stöds inte: "version" ska vara {ANSWERS_VERSION}, fick {got}.'
        )
    inner = data.get("answers")
    if not isinstance(inner, dict):
        got = describe_value(inner) if "answers" in data else "inget värde"
        raise ScoringError(f'Exportfilen saknar svaren: "answers" ska vara ett objekt, fick {got}.')
    return inner


def _check_header(data: dict[str, Any]) -> None:
    if "format" not in data:
        raise ScoringError(f'Svaren saknar "format" (ska vara "{ANSWERS_FORMAT}").')
    if data["format"] != ANSWERS_FORMAT:
        raise ScoringError(
            f'Svaren har fel format: "format" ska vara "{ANSWERS_FORMAT}" (eller '
            f'"{EXPORT_FORMAT}" för en exportfil), fick {describe_value(data["format"])}.'
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version != ANSWERS_VERSION:
        got = describe_value(version) if "version" in data else "inget värde"
        raise ScoringError(
            f'Svarens version stöds inte: "version" ska vara {ANSWERS_VERSION}, fick {got}.'
        )


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
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScoringError(
                f'Svaret på påstående "{item_id}" måste vara ett heltal från {scale.min} '
                f"till {scale.max} (eller null för obesvarat), fick {describe_value(value)}."
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
        if raw.get(item.id) is not None
    }
    return MappingProxyType(ordered)
