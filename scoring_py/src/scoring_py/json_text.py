"""Safe parsing of JSON text: size and nesting limits, Swedish error messages."""

import json
import re
from typing import Any, NoReturn

from .errors import ScoringError

__all__ = ["MAX_DEPTH", "MAX_TEXT_BYTES", "parse_json_text"]

MAX_TEXT_BYTES = 1_000_000
"""Largest accepted JSON text, in UTF-8 bytes (1 MB)."""

MAX_DEPTH = 20
"""Deepest accepted nesting of objects and lists."""

_SPECIAL = re.compile(r'["\[\]{}]')
"""Outside strings: a string's start or a bracket (one character, so it cannot backtrack)."""
_STRING_STOP = re.compile(r'["\\]')
"""Inside a string: its end or an escape."""

_REASONS = (
    ("Expecting value", "ett värde förväntades"),
    ("Expecting property name", "ett nyckelnamn inom dubbla citattecken förväntades"),
    ("Expecting ',' delimiter", "ett kommatecken förväntades"),
    ("Expecting ':' delimiter", "ett kolon förväntades"),
    ("Extra data", "det finns mer text efter JSON-värdet"),
    ("Unterminated string", "en textsträng avslutas aldrig"),
    ("Invalid control character", "otillåtet kontrolltecken i en textsträng"),
    ("Invalid \\u", "ogiltig \\u-kod i en textsträng"),
    ("Invalid \\escape", "ogiltig escape-sekvens i en textsträng"),
    ("trailing comma", "kommatecken före slutet av ett objekt eller en lista"),
)


def parse_json_text(text: str, what: str) -> Any:
    """Parse JSON text within the size and nesting limits.

    Rejects NaN/Infinity and duplicate keys. Converts every parsing problem,
    including ``RecursionError``, into a :class:`ScoringError`.

    Args:
        text: The JSON text.
        what: Swedish subject for messages, e.g. ``"Svaren"``.

    Returns:
        The parsed value (any JSON type).

    Raises:
        ScoringError: If the text is too large, too deeply nested or not valid JSON.
    """
    if not isinstance(text, str):
        raise ScoringError(f"{what} måste vara JSON-text eller ett objekt, fick {_type_sv(text)}.")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise ScoringError(
            f"{what} är för stora: {_thousands(size)} byte, högst "
            f"{_thousands(MAX_TEXT_BYTES)} byte (1 MB) tillåts."
        )
    _check_depth(text, what)
    try:
        return json.loads(
            text,
            object_pairs_hook=lambda pairs: _object_without_duplicates(pairs, what),
            parse_constant=lambda name: _reject_constant(name, what),
        )
    except ScoringError:
        raise
    except json.JSONDecodeError as error:
        raise ScoringError(
            f"{what} är inte giltig JSON: {_reason_sv(error.msg)} "
            f"(rad {error.lineno}, kolumn {error.colno})."
        ) from None
    except RecursionError:
        raise ScoringError(
            f"{what} är för djupt nästlade: högst {MAX_DEPTH} nivåer av objekt och listor tillåts."
        ) from None
    except ValueError:
        raise ScoringError(
            f"{what} är inte giltig JSON: innehåller ett tal som är för stort."
        ) from None


def _check_depth(text: str, what: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, in one pass over `text`.

    Every character is looked at once: brackets inside strings are skipped, and an
    unterminated string ends the scan (the parser then says what is wrong).
    """
    depth = 0
    position = 0
    while (match := _SPECIAL.search(text, position)) is not None:
        position = match.end()
        character = match.group()
        if character == '"':
            position = _string_end(text, position)
            if position < 0:
                return
        elif character in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ScoringError(
                    f"{what} är för djupt nästlade: högst {MAX_DEPTH} nivåer av objekt "
                    "och listor tillåts."
                )
        else:
            depth -= 1


def _string_end(text: str, position: int) -> int:
    """The position after the string whose content starts at `position`, or -1 if it never
    ends. An escape skips the character after the backslash."""
    while (match := _STRING_STOP.search(text, position)) is not None:
        if match.group() == '"':
            return match.end()
        position = match.end() + 1
    return -1


def _object_without_duplicates(pairs: list[tuple[str, Any]], what: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ScoringError(
                f'{what} är inte giltig JSON: nyckeln "{key}" förekommer flera gånger '
                "i samma objekt."
            )
        result[key] = value
    return result


def _reject_constant(name: str, what: str) -> NoReturn:
    raise ScoringError(f"{what} är inte giltig JSON: {name} är inte ett tillåtet tal.")


def _reason_sv(message: str) -> str:
    for english, swedish in _REASONS:
        if english in message:
            return swedish
    return "syntaxfel"


def _thousands(number: int) -> str:
    return f"{number:_}".replace("_", " ")


def _type_sv(value: Any) -> str:
    if value is None:
        return "null"
    return f"ett värde av typen {type(value).__name__}"
