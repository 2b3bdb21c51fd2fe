"""Public entry points: score answers to a result dict or canonical JSON text."""

from functools import lru_cache
from typing import Any

from .answers import Answers
from .errors import ScoringError, describe_value
from .formats import read_answers, read_definition
from .model import Definition
from .result import build_result, to_canonical_json
from .voice import VOICES

__all__ = ["prepare", "score", "score_json"]


def score(
    definition: "Definition | dict[str, Any] | str",
    answers: "Answers | dict[str, Any] | str",
    role: str | None = None,
    voice: str = "self",
) -> dict[str, Any]:
    """Score answers against a definition.

    Args:
        definition: A :class:`Definition`, or a definition object/text to validate.
        answers: An :class:`Answers`, or an answers object/text to validate.
        role: Role slug to compare with; overrides the role in the answers.
        voice: "self" (the sentences speak to the person who answered) or "other" (another
            reader: a share link's or an imported file's answers).

    Returns:
        A new JSON-ready ``saljkompetens-resultat`` dict with a stable key order.

    Raises:
        ScoringError: If the definition, answers or role is invalid.
    """
    definition = read_definition(definition)
    parsed = read_answers(answers, definition)
    chosen = role if role is not None else parsed.role
    if voice not in VOICES:
        raise ScoringError(f"Okänd läsare {describe_value(voice)}: ska vara self eller other.")
    role_object = None if chosen is None else definition.role(chosen)
    return build_result(definition, parsed, role_object, voice)


def score_json(
    definition_text: str, answers_text: str, role: str | None = None, voice: Any = None
) -> str:
    """Score JSON texts and return the result as canonical JSON text.

    This is the single entry point the browser worker calls (in Pyodide).

    Args:
        definition_text: The definition JSON (``saljkompetens-bedomning``).
        answers_text: The answers JSON (``saljkompetens-svar``).
        role: Role slug overriding the role in the answers, or None. Pyodide's
            ``jsnull`` (what a JavaScript ``null`` becomes) also counts as None.
        voice: "self" (None or ``jsnull`` too) or "other" (see :func:`score`).

    Returns:
        Compact JSON: no spaces, non-ASCII characters kept, keys in result order.

    Raises:
        ScoringError: On any invalid input (Swedish message).
    """
    for name, text in (("Bedömningsdefinitionen", definition_text), ("Svaren", answers_text)):
        if not isinstance(text, str):
            raise ScoringError(f"{name} måste ges som JSON-text, fick {describe_value(text)}.")
    if _is_js_null(role):
        role = None
    if role is not None and not isinstance(role, str):
        raise ScoringError(f"Rollen måste anges som text, fick {describe_value(role)}.")
    chosen_voice = "self" if voice is None or _is_js_null(voice) else voice
    return to_canonical_json(
        score(cached_definition(definition_text), answers_text, role, chosen_voice)
    )


def _is_js_null(value: Any) -> bool:
    """True for Pyodide's ``jsnull`` (JavaScript ``null`` passed into Python)."""
    return type(value).__name__ == "JsNull"


@lru_cache(maxsize=4)
def cached_definition(text: str) -> Definition:
    return read_definition(text)


def prepare(definition_text: str) -> None:
    """Read and check a definition once, so that `score_json` with it starts at once.

    Raises:
        ScoringError: If the definition is malformed.
    """
    cached_definition(definition_text)
