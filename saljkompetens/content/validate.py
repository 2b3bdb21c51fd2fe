"""Check a document against its schema and word each problem for an editor."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from .errors import ContentError, field_name
from .fields import Schema
from .frontmatter import Document

_TYPE_NAMES = {
    "string": "text",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "array": "en lista",
    "object": "fält (nyckel: värde)",
}


def suggestion(word: str, choices: Iterable[str]) -> str:
    """` (menade du "X"?)` when a choice is close to `word`, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (menade du "{close[0]}"?)' if close else ""


def _is_integer(checker: object, instance: object) -> bool:
    """An integer is written as one: `5`, not `5.0` (which JSON Schema would also accept)."""
    return isinstance(instance, int) and not isinstance(instance, bool)


def _is_number(checker: object, instance: object) -> bool:
    """A finite number: YAML's `.nan` and `.inf` are not."""
    return _is_integer(checker, instance) or (
        isinstance(instance, float) and math.isfinite(instance)
    )


# The loader, the build and scoring_py agree on what a number is.
StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"integer": _is_integer, "number": _is_number}
    ),
)
_VALIDATORS: dict[int, Draft202012Validator] = {}


def check_schema(document: Document, schema: Schema) -> list[ContentError]:
    """Every schema problem of `document`, in Swedish, with field and line; each once."""
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = StrictValidator(schema)
    errors: list[ContentError] = []
    for error in sorted(validator.iter_errors(document.data), key=lambda e: _sort_key(e.path)):
        if error.validator == "type" and "enum" in dict(error.schema or {}):
            continue  # the enum message says what is allowed, and covers the type too
        errors.extend(e for e in _describe(document, error) if e not in errors)
    return errors


def _sort_key(path: Iterable[str | int]) -> list[tuple[int, str]]:
    """Order errors by field path, without comparing names with list indexes."""
    return [(0, f"{part:09d}") if isinstance(part, int) else (1, part) for part in path]


def _describe(document: Document, error: ValidationError) -> list[ContentError]:
    path = tuple(error.absolute_path)
    value: Any = error.instance
    keyword: Any = error.validator
    expected: Any = error.validator_value
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}

    def at(message: str, field_path: tuple[str | int, ...] = path) -> ContentError:
        return ContentError(
            document.path, message, field_name(field_path), document.line_of(field_path)
        )

    if keyword == "oneOf":  # a mindset: a name, or {name, relation}
        branch = [e for e in error.context or [] if list(e.relative_schema_path)[:1] == [1]]
        if isinstance(value, dict) and branch:
            return [problem for e in branch for problem in _describe(document, e)]
        return [at("ska vara ett namn (text) eller {name: Namn, relation: balanserar|motpol}")]
    if keyword == "required":
        properties = schema.get("properties", {})
        missing = [name for name in expected if name not in value]
        return [
            at(f"obligatoriskt fält saknas{_expected(properties.get(name, {}))}", (*path, name))
            for name in missing
        ]
    if keyword == "additionalProperties":
        known = schema.get("properties", {})
        return [
            at(f'okänt fält "{name}"{suggestion(name, known)}', (*path, name))
            for name in value
            if name not in known
        ]
    if keyword == "type":
        wanted = _TYPE_NAMES.get(expected, expected)
        if isinstance(value, bool) and expected == "string":
            raw = document.booleans.get(path, str(value).lower())
            return [
                at(
                    f"ska vara text, men {raw} utan citattecken läses som sant/falskt "
                    f'({str(value).lower()}) i YAML; skriv "{raw}" inom citattecken'
                )
            ]
        if isinstance(value, float) and value.is_integer() and expected == "integer":
            return [at(f"ska vara ett heltal, men är {value}; skriv {int(value)} utan decimaler")]
        return [at(f"ska vara {wanted}, men är {_shown(value)}")]
    if keyword == "enum":
        allowed = ", ".join(str(v) for v in expected)
        if isinstance(value, bool):
            raw = document.booleans.get(path, str(value).lower())
            message = (
                f"{raw} utan citattecken läses som sant/falskt ({str(value).lower()}) i YAML, "
                f"inte som text; tillåtna värden: {allowed}"
            )
            if raw.lower() == "no" and "nb" in expected:
                message += ' – norska (bokmål) skrivs "nb"'
            return [at(message)]
        return [at(f"{_shown(value)} är inte tillåtet; tillåtna värden: {allowed}")]
    if keyword in ("minimum", "maximum"):
        low = schema.get("minimum", "")
        high = schema.get("maximum", "")
        return [at(f"värdet {value} ligger utanför det tillåtna intervallet {low}–{high}")]
    if keyword == "minItems":
        return [at(f"ska ha minst {expected} poster, men har {len(value)}")]
    if keyword == "maxItems":
        return [at(f"får ha högst {expected} poster, men har {len(value)}")]
    if keyword == "minLength":
        return [at("får inte vara tomt")]
    if keyword == "maxLength":
        return [at(f"är {len(value)} tecken långt; högst {expected} tecken")]
    if keyword == "uniqueItems":
        twice = next((item for i, item in enumerate(value) if item in value[:i]), None)
        return [at(f"innehåller {_shown(twice)} två gånger; varje värde får finnas en gång")]
    if keyword == "pattern":
        return [
            at(f"{_shown(value)} har fel form; använd små bokstäver a–z, siffror och bindestreck")
        ]
    return [at(error.message)]


def _expected(property_schema: Schema) -> str:
    """` (ska vara text)` for a field's schema, or an empty string if it has no type."""
    wanted = property_schema.get("type")
    return f" (ska vara {_TYPE_NAMES.get(wanted, wanted)})" if wanted else ""


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"sant/falskt ({str(value).lower()})"
    if value is None:
        return "tomt"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "fält (nyckel: värde)"
    if isinstance(value, float) and not math.isfinite(value):
        return "inget ändligt tal" if math.isnan(value) else "oändligt"
    return str(value)
