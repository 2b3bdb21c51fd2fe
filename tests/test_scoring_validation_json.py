"""Invalid answers given as JSON text: malformed, too large or too deeply nested, always
ScoringError with a specific Swedish message, found in time linear in the text's length."""

import json
import time
from typing import Any

import pytest

from scoring_py import ScoringError, read_answers
from tests.support.scoring_inputs import answers, definition_dict, error_of


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Svaren är inte giltig JSON: ett värde förväntades (rad 1, kolumn 1)."),
        (
            "{",
            "Svaren är inte giltig JSON: ett nyckelnamn inom dubbla citattecken förväntades "
            "(rad 1, kolumn 2).",
        ),
        (
            '{"format": "saljkompetens-svar"}\n{}',
            "Svaren är inte giltig JSON: det finns mer text efter JSON-värdet (rad 2, kolumn 1).",
        ),
        ("null", "Svaren måste vara ett JSON-objekt, fick null."),
        ('"text"', 'Svaren måste vara ett JSON-objekt, fick "text" (text).'),
        (
            '{"format": "saljkompetens-svar", "version": 1, "answers": {"avslut-1": NaN}}',
            "Svaren är inte giltig JSON: NaN är inte ett tillåtet tal.",
        ),
        (
            '{"format": "saljkompetens-svar", "format": "x"}',
            'Svaren är inte giltig JSON: nyckeln "format" förekommer flera gånger i samma objekt.',
        ),
        (
            '{"answers": {"avslut-1": ' + "9" * 5000 + "}}",
            "Svaren är inte giltig JSON: innehåller ett tal som är för stort.",
        ),
    ],
)
def test_invalid_answer_text(text: str, message: str) -> None:
    assert error_of(text) == message


def test_oversized_text() -> None:
    # '{"p": "' (7 bytes) + 500 000 x "å" (2 bytes each in UTF-8) + '"}' (2) = 1 000 009 bytes
    text = '{"p": "' + "å" * 500_000 + '"}'
    assert error_of(text) == (
        "Svaren är för stora: 1 000 009 byte, högst 1 000 000 byte (1 MB) tillåts."
    )


@pytest.mark.parametrize("depth", [21, 1000, 200_000])
def test_deep_nesting(depth: int) -> None:
    text = '{"format": "saljkompetens-svar", "x": ' + "[" * depth + "]" * depth + "}"
    assert error_of(text) == (
        "Svaren är för djupt nästlade: högst 20 nivåer av objekt och listor tillåts."
    )


def test_nesting_within_limit_and_brackets_in_strings_are_fine() -> None:
    text = json.dumps(
        answers(
            {"avslut-1": 3},
            x=[[[[[[[[[[[[[[[[[["]]]]"]]]]]]]]]]]]]]]]]],
            note="[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{{",
        )
    )
    assert read_answers(text, definition_dict()).values == {"avslut-1": 3}


def test_escapes_end_a_string_only_where_json_says() -> None:
    # JSON "\\" is a string holding one backslash: it ends there, and the 21 brackets after
    # it nest. JSON "\"[[… is an escaped quote: the brackets are still inside the string.
    after_backslash = (
        '{"format": "saljkompetens-svar", "x": "\\\\", "y": ' + "[" * 21 + "]" * 21 + "}"
    )
    assert error_of(after_backslash) == (
        "Svaren är för djupt nästlade: högst 20 nivåer av objekt och listor tillåts."
    )
    inside = json.dumps(answers({"avslut-1": 3}, note='\\"' + "[" * 21))
    assert read_answers(inside, definition_dict()).values == {"avslut-1": 3}


@pytest.mark.parametrize(
    "text",
    [
        '{"role": "' + '\\"' * 499_990,  # unterminated: the old pre-check never finished
        '{"role": "' + '\\"' * 499_990 + '"}',
        "[" + "[]," * 333_000 + "[]]",
    ],
    ids=["unterminated escaped quotes", "terminated escaped quotes", "brackets"],
)
def test_parsing_is_linear_on_a_megabyte(text: str) -> None:
    """1 MB of what made the old depth check quadratic (48 kB took 6 s, 1 MB did not end in
    2 minutes) is refused or read at once; 10 s is a bound against a hang, not a speed goal."""
    start = time.perf_counter()
    with pytest.raises(ScoringError):
        read_answers(text, definition_dict())
    assert time.perf_counter() - start < 10


def test_deep_nesting_in_dict_input_outside_known_keys_is_ignored() -> None:
    deep: list[Any] = []
    for _ in range(5000):
        deep = [deep]
    assert read_answers(answers({}, extra=deep), definition_dict()).role is None
