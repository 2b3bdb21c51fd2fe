"""The single error type of the package and a helper for error messages."""

import math
from typing import Any

__all__ = ["ScoringError", "describe_value", "shorten"]

_MAX_SHOWN_CHARS = 40


class ScoringError(ValueError):
    """Invalid definition or answers. The message is Swedish and meant for the user.

    For a definition field, ``path`` is its JSON path (``bands[1].min``) and ``problem``
    the message without it, so that a caller can point at its own source of that field.
    """

    def __init__(self, message: str, path: str | None = None, problem: str | None = None):
        super().__init__(message)
        self.path = path
        self.problem = problem


def describe_value(value: Any) -> str:
    """Describe a value briefly in Swedish for an error message.

    Never recurses into containers, so it is safe for deep or cyclic input.

    Args:
        value: Any value received from the caller.

    Returns:
        A short Swedish description such as ``"4" (text)`` or ``en lista``.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        try:
            return str(value)
        except ValueError:
            return "ett mycket stort heltal"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return f"{value!r} (decimaltal)"
    if isinstance(value, str):
        shown = value if len(value) <= _MAX_SHOWN_CHARS else value[:_MAX_SHOWN_CHARS] + "…"
        return f'"{shown}" (text)'
    if isinstance(value, dict):
        return "ett objekt"
    if isinstance(value, (list, tuple)):
        return "en lista"
    return f"ett värde av typen {type(value).__name__}"


def shorten(text: str, limit: int = 60) -> str:
    """Shorten a text for an error message, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"
