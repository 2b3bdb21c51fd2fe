"""JSON Schema pieces that several content kinds use, and the guide's field tables.

Each kind declares its own schema in its module (`kinds/`); what they share is here.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

TITLE_MAX = 100
"""Longest title; its slug names a folder of the site, which file systems limit."""

TEXT: Schema = {"type": "string", "minLength": 1}
TITLE: Schema = {"type": "string", "minLength": 1, "maxLength": TITLE_MAX}
NAME: Schema = {**TITLE}  # a reference to another item's title
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"

STATEMENT_ID: Schema = {
    "type": "string",
    "pattern": ID_PATTERN,
    "maxLength": 60,
    "description": "Stabilt id, t.ex. `prospektering-3`. Ändra aldrig ett id som "
    "publicerats: sparade svar pekar på det.",
}
REVERSE: Schema = {
    "type": "boolean",
    "description": "`true` om påståendet beskriver det svaga beteendet "
    "(räknas omvänt, se Så räknas resultatet).",
}
ANSWER_SCALE: Schema = {
    "type": "array",
    "minItems": 2,
    "maxItems": 9,
    "items": {
        "type": "object",
        "required": ["value", "label"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": "integer", "minimum": 1, "maximum": 9},
            "label": {**TEXT, "maxLength": 60},
        },
    },
    "description": "Svarsskalan: heltal i följd mellan 1 och 9 (t.ex. 1–5), varje steg med "
    "sin etikett.",
}
"""An answer scale (assessment.yml's and a self-test's own)."""

_TYPE_WORDS = {"string": "text", "integer": "heltal", "number": "tal", "boolean": "true/false",
               "array": "lista", "object": "fält"}  # fmt: skip


def schema_rows(schema: Schema) -> list[tuple[str, bool, str, str]]:
    """(field, required, type, description) for each field of `schema`, for the guide."""
    required = set(schema.get("required", []))
    rows = []
    for name, spec in schema["properties"].items():
        kind = _TYPE_WORDS.get(spec.get("type", ""), "")
        if "enum" in spec:
            kind += ": " + " | ".join(spec["enum"])
        if "minimum" in spec or "maximum" in spec:
            kind += f" {spec.get('minimum', '')}–{spec.get('maximum', '')}"
        rows.append((name, name in required, kind, spec.get("description", "")))
    return rows
