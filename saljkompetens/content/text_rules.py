"""Rules for every text a content file holds, whatever its kind: no invisible characters,
no placeholder left from a template, no slug the site already uses; and for statements, no
absolute words.

Characters that break lines or reorder text (control characters, U+2028/2029, bidi
controls) are refused for the whole file before YAML reads it (frontmatter.py), so that
every reported line stays right; the invisible format characters here are refused field by
field, with the field named.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

ALLOWED_FORMAT = frozenset({"\u00ad"})
"""Format characters content may use: the soft hyphen (where a long word may break)."""

PLACEHOLDER = re.compile(r"platshållare", re.IGNORECASE)
"""The word every scaffold template puts in what the editor must rewrite (scaffold.py)."""

RESERVED_SLUGS = frozenset({"index", "readme"})
"""Slugs no title may give: a section's own page (`index`, and `README`, which MkDocs also
reads as one)."""


ABSOLUTE = re.compile(
    r"\b(?:varje|varenda|vartenda|var och en|vart och ett|aldrig|alltid|alla|allihop|allting"
    r"|(?<!framför )allt(?! (?:mer|mindre|större|fler|färre|oftare|sämre|bättre)\b)"
    r"|oavsett|ingen|inget|inga|ingenting|samtliga|ständigt|jämt|någonsin|enbart|endast"
    r"|uteslutande|enda)\b",
    re.IGNORECASE,
)
"""Absolute quantifiers, which sit badly with an agreement scale: who does something nearly
every time cannot agree fully with "varje gång", and "aldrig" makes a double negative of a
disagreement. ("Framför allt" and "allt mer" are not quantifiers.)"""


def absolute_word(text: str) -> str | None:
    """The first absolute quantifier in a statement's `text` (as written), or None."""
    match = ABSOLUTE.search(text)
    return match.group(0) if match else None


def absolute_message(word: str) -> str:
    """What to tell an editor about an absolute word in a statement."""
    return (
        f'"{word}" är ett absolut ord och passar dåligt med svarsskalan (den som gör det nästan '
        'jämt vet inte vad hen ska svara); beskriv beteendet utan det, t.ex. "Jag avslutar '
        'kundmöten med …" i stället för "Jag avslutar varje kundmöte med …"'
    )


def invisible(text: str) -> str | None:
    """The first invisible format character in `text` (BOM, zero-width space, tag
    characters, bidi marks …), named for an editor, or None."""
    for char in text:
        if unicodedata.category(char) == "Cf" and char not in ALLOWED_FORMAT:
            name = unicodedata.name(char, "FORMATTECKEN")
            return f"U+{ord(char):04X} {name}"
    return None


def invisible_message(named: str) -> str:
    """What to tell an editor about an invisible character."""
    return (
        f"innehåller ett osynligt tecken ({named}); ta bort det (det syns inte i de flesta "
        "redigerare)"
    )


def placeholder_message(text: str) -> str | None:
    """Why `text` is not ready to publish (a scaffold placeholder is left), or None."""
    match = PLACEHOLDER.search(text)
    if not match:
        return None
    start = max(0, match.start() - 30)
    excerpt = " ".join(text[start : match.end() + 30].split())
    return (
        f'innehåller platshållartext från mallen ("…{excerpt}…"); skriv om den – '
        "sidan publiceras inte förrän alla platshållare är borta"
    )


def strings(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in parsed YAML data, with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key))
