"""Names an editor cannot tell apart by eye: look-alike letters and invisible characters.

"Målоrientering" with a Cyrillic "о" looks exactly like "Målorientering" but is another
name; a zero-width space inside a title is invisible too. Both are reported by name.
"""

from __future__ import annotations

import unicodedata

_SCRIPTS = {
    "CYRILLIC": "kyrilliska",
    "GREEK": "grekiska",
    "ARMENIAN": "armeniska",
    "CHEROKEE": "cherokesiska",
    "COPTIC": "koptiska",
}


def name_problem(name: str) -> str | None:
    """Why `name` can be mistaken for another, or None when it is plain."""
    for char in name:
        if unicodedata.category(char) == "Cf":
            return (
                f"innehåller ett osynligt tecken (U+{ord(char):04X} "
                f"{unicodedata.name(char, 'FORMATTECKEN')}); ta bort det"
            )
    letters = [char for char in name if char.isalpha()]
    if not any(_script(char) == "LATIN" for char in letters):
        return None
    for char in letters:
        script = _script(char)
        if script != "LATIN":
            adjective = _SCRIPTS.get(script, f"icke-latinska ({script.lower()})")
            return (
                f"innehåller det {adjective} tecknet '{char}' (U+{ord(char):04X}) bland "
                "latinska bokstäver; det ser likadant ut men är ett annat tecken – skriv om "
                "ordet med latinska bokstäver"
            )
    return None


# Letters of other scripts that look like Latin ones (after Unicode's confusables list).
_LATIN_LOOK = str.maketrans(
    "аеорсухіјѕԁһӏАВЕКМНОРСТХІЈЅοαινρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhlABEKMHOPCTXIJSoaivptuxABEZHIKMNOPTYX",
)


def skeleton(name: str) -> str:
    """`name` without invisible characters, look-alike letters replaced by Latin ones."""
    visible = "".join(char for char in name if unicodedata.category(char) != "Cf")
    return visible.translate(_LATIN_LOOK)


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
