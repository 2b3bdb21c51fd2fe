"""Labels that can mislead a reader: letters from more than one script ("Anna" with a Cyrillic
"а"), and two labels that look the same but are written with different characters.

Both are flagged, never refused: the labels are still two people, and the manager decides.
The lookalike letters are a small hand-made table (the Cyrillic and Greek letters that look
like Latin ones; Unicode's full confusables list is not in the standard library, and
scoring_py has no other dependency).
"""

import unicodedata
from collections.abc import Sequence

__all__ = ["label_notes", "lookalike_key", "scripts"]

_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХУІЈЅҮԚԜӀаеорсухіјѕһԁԛԝӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοντρικυχօ",
    "ABEKMHOPCTXYIJSYQWIaeopcyxijshdqwlABEZHIKMNOPTYXaovtpikux" + "o",
)
"""Cyrillic, Greek and Armenian letters → the Latin letter they look like."""

_SCRIPTS_SV = {
    "LATIN": "latinska",
    "CYRILLIC": "kyrilliska",
    "GREEK": "grekiska",
    "ARMENIAN": "armeniska",
    "GEORGIAN": "georgiska",
    "CHEROKEE": "cherokesiska",
    "HEBREW": "hebreiska",
    "ARABIC": "arabiska",
}

_TOGETHER = ({"HAN", "HIRAGANA", "KATAKANA"}, {"HAN", "HANGUL"})
"""Scripts that one language writes together (Japanese, Korean): not a mix."""


def scripts(label: str) -> dict[str, list[str]]:
    """The scripts of the letters in `label` (after NFKC), each with its letters in order.

    Digits, spaces, punctuation and marks belong to no script here.
    """
    found: dict[str, list[str]] = {}
    for character in unicodedata.normalize("NFKC", label):
        if not unicodedata.category(character).startswith("L"):
            continue
        name = unicodedata.name(character, "")
        script = "HAN" if name.startswith("CJK") else name.split(" ", 1)[0]
        if script and script != "MODIFIER":
            letters = found.setdefault(script, [])
            if character not in letters:
                letters.append(character)
    return found


def lookalike_key(label: str) -> str:
    """What a label looks like: "Anna", "Аnna" (Cyrillic А) and "ANNA" give the same key."""
    return unicodedata.normalize("NFKC", label).translate(_LOOKALIKES).casefold()


def label_notes(labelled: Sequence[tuple[str, str, str]]) -> dict[str, list[dict[str, str]]]:
    """Notes on misleading labels, by file.

    Args:
        labelled: Each used file with a label: (file, label, how labels are matched).

    Returns:
        File → its notes, each ``{"code", "message"}``: ``mixed-scripts`` and ``lookalike``
        (another label looks the same but is matched as another person; both are flagged).
    """
    notes: dict[str, list[dict[str, str]]] = {}
    looks: dict[str, list[tuple[str, str, str]]] = {}
    for file, label, matched in labelled:
        looks.setdefault(lookalike_key(label), []).append((file, label, matched))
        mixed = _mixed(label)
        if mixed:
            notes.setdefault(file, []).append({"code": "mixed-scripts", "message": mixed})
    for group in looks.values():
        for file, label, matched in group:
            other = next((g for g in group if g[2] != matched), None)
            if other is not None:
                message = (
                    f'Märkningen "{label}" ser likadan ut som "{other[1]}" ({other[0]}) men är '
                    "skriven med andra tecken, så de räknas som två olika personer. Kontrollera "
                    "att det inte är samma person."
                )
                notes.setdefault(file, []).append({"code": "lookalike", "message": message})
    return notes


def _mixed(label: str) -> str | None:
    """A note if `label` mixes scripts: the main one (Latin, else the one with most letters)
    and the others' letters with their code points."""
    found = scripts(label)
    names = set(found)
    if len(names) < 2 or any(names <= together for together in _TOGETHER):
        return None
    main, *others = sorted(found, key=lambda s: (s != "LATIN", -len(found[s]), s))
    mixed_in = _join(
        [f"{_sv(s)} ({', '.join(f'{c} U+{ord(c):04X}' for c in found[s])})" for s in others]
    )
    return (
        f'Märkningen "{label}" blandar {_sv(main)} bokstäver med {mixed_in}, så den kan se ut '
        "som en annan märkning utan att vara det."
    )


def _sv(script: str) -> str:
    return _SCRIPTS_SV.get(script, script.lower())


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
