"""Invalid answers given as objects: always ScoringError with a specific Swedish message; valid
ones read into a new, immutable `Answers` in the definition's order."""

import copy
import json
from typing import Any

import pytest

from scoring_py import Answers, ScoringError, read_answers, score_json, write_answers
from tests.support.scoring_inputs import DEFINITION_TEXT, answers, definition_dict, error_of


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"prospektering-9": 3},
            'Okänt påstående "prospektering-9" i svaren: det finns inte i bedömningen.',
        ),
        ({"avslut-1": 6}, 'Svaret på påstående "avslut-1" är 6, men skalan går från 1 till 5.'),
        ({"avslut-1": 0}, 'Svaret på påstående "avslut-1" är 0, men skalan går från 1 till 5.'),
        (
            {"avslut-1": True},
            'Svaret på påstående "avslut-1" måste vara ett heltal från 1 till 5, "ej-aktuellt" '
            "eller null för obesvarat, fick true.",
        ),
        (
            {"avslut-1": 4.5},
            'Svaret på påstående "avslut-1" måste vara ett heltal från 1 till 5, "ej-aktuellt" '
            "eller null för obesvarat, fick 4.5 (decimaltal).",
        ),
        ({"avslut-1": 6.0}, 'Svaret på påstående "avslut-1" är 6, men skalan går från 1 till 5.'),
        (
            {"avslut-1": "4"},
            'Svaret på påstående "avslut-1" måste vara ett heltal från 1 till 5, "ej-aktuellt" '
            'eller null för obesvarat, fick "4" (text).',
        ),
        (
            {"avslut-1": [4]},
            'Svaret på påstående "avslut-1" måste vara ett heltal från 1 till 5, "ej-aktuellt" '
            "eller null för obesvarat, fick en lista.",
        ),
        (
            {"avslut-1": float("nan")},
            'Svaret på påstående "avslut-1" måste vara ett heltal från 1 till 5, "ej-aktuellt" '
            "eller null för obesvarat, fick NaN.",
        ),
        ({5: 3}, "Påståendets id i svaren måste vara text, fick 5."),
    ],
)
def test_invalid_item_values(values: dict[Any, Any], message: str) -> None:
    assert error_of(answers(values)) == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "Svaren måste vara ett JSON-objekt, fick null."),
        ([1, 2], "Svaren måste vara ett JSON-objekt, fick en lista."),
        (42, "Svaren måste vara ett JSON-objekt, fick 42."),
        ({"version": 1, "answers": {}}, 'Svaren saknar "format" (ska vara "saljkompetens-svar").'),
        (
            {"format": "saljkompetens-bedomning", "version": 1, "answers": {}},
            'Svaren har fel format: "format" ska vara "saljkompetens-svar" (eller '
            '"saljkompetens-export" för en exportfil), fick "saljkompetens-bedomning" (text).',
        ),
        (
            {"format": "saljkompetens-export", "version": 2, "answers": {}},
            'Exportfilens version stöds inte: "version" ska vara 1, fick 2.',
        ),
        (
            {"format": "saljkompetens-export", "version": 1, "result": {}},
            'Exportfilen saknar svaren: "answers" ska vara ett objekt, fick inget värde.',
        ),
        (
            {"format": "saljkompetens-export", "version": 1, "answers": [4, 4]},
            'Exportfilen saknar svaren: "answers" ska vara ett objekt, fick en lista.',
        ),
        (
            {"format": "saljkompetens-export", "version": 1, "answers": {"answers": {}}},
            'Svaren saknar "format" (ska vara "saljkompetens-svar").',
        ),
        (
            {"format": "saljkompetens-svar", "version": 2, "answers": {}},
            'Svarens version stöds inte: "version" ska vara 1, fick 2.',
        ),
        (
            {"format": "saljkompetens-svar", "version": True, "answers": {}},
            'Svarens version stöds inte: "version" ska vara 1, fick true.',
        ),
        (
            {"format": "saljkompetens-svar", "answers": {}},
            'Svarens version stöds inte: "version" ska vara 1, fick inget värde.',
        ),
        (
            {"format": "saljkompetens-svar", "version": 1},
            'Svaren saknar "answers" (ett objekt med påståendets id → svar).',
        ),
        (
            answers([3, 4]),
            '"answers" måste vara ett objekt med påståendets id som nyckel och svaret som värde, '
            "fick en lista.",
        ),
        (answers({}, role="saljchef"), 'Okänd roll "saljchef". Giltiga roller: nykundsjagare.'),
        (answers({}, role=3), "Rollen måste anges som text, fick 3."),
    ],
)
def test_invalid_answer_objects(data: Any, message: str) -> None:
    assert error_of(data) == message


def test_more_keys_than_items() -> None:
    values = {f"x{n}": 3 for n in range(18)}
    assert error_of(answers(values)) == (
        "Svaren innehåller 18 svar, men bedömningen har bara 17 påståenden."
    )


def test_long_unknown_id_is_shortened() -> None:
    message = error_of(answers({"x" * 500: 3}))
    assert message == f'Okänt påstående "{"x" * 60}…" i svaren: det finns inte i bedömningen.'


def test_read_answers_returns_new_immutable_object_in_definition_order() -> None:
    given = answers(
        {"avslut-1": 4, "prospektering-1": 2, "forhandling-1": None}, role="nykundsjagare"
    )
    before = copy.deepcopy(given)
    parsed = read_answers(given, definition_dict())
    assert given == before
    assert isinstance(parsed, Answers)
    assert list(parsed.values.items()) == [("prospektering-1", 2), ("avslut-1", 4)]
    with pytest.raises(TypeError):
        parsed.values["avslut-1"] = 1  # type: ignore[index]
    assert write_answers(parsed) == {
        "format": "saljkompetens-svar",
        "version": 1,
        "answers": {"prospektering-1": 2, "avslut-1": 4},
        "role": "nykundsjagare",
    }
    assert read_answers(parsed, definition_dict()) == parsed


def test_a_whole_float_is_the_integer_as_in_javascript() -> None:
    """JSON has one kind of number: 4.0 is the answer 4 (the page's JSON.parse reads it so)."""
    parsed = read_answers(answers({"avslut-1": 4.0}, version=1.0), definition_dict())
    assert dict(parsed.values) == {"avslut-1": 4}
    assert type(parsed.values["avslut-1"]) is int
    assert write_answers(parsed)["answers"] == {"avslut-1": 4}


def test_a_rater_of_null_is_the_seller() -> None:
    assert read_answers(answers({}, rater=None), definition_dict()).rater == "self"
    assert error_of(answers({}, rater="chef")) == (
        '"rater" anger vem som har svarat och ska vara "self" (säljaren själv) eller '
        '"manager" (säljarens chef), fick "chef" (text).'
    )


def test_unknown_top_level_keys_are_ignored() -> None:
    parsed = read_answers(answers({"avslut-1": 2}, saved="2025-01-01"), definition_dict())
    assert parsed.values == {"avslut-1": 2}


def test_score_json_rejects_non_text() -> None:
    with pytest.raises(ScoringError, match="^Svaren måste ges som JSON-text, fick ett objekt.$"):
        score_json(DEFINITION_TEXT, {"format": "saljkompetens-svar"})  # type: ignore[arg-type]
    with pytest.raises(ScoringError, match="^Rollen måste anges som text, fick 1.$"):
        score_json(DEFINITION_TEXT, json.dumps(answers({})), 1)  # type: ignore[arg-type]
