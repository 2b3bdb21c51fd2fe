"""Invalid definitions and answers: always ScoringError with a specific Swedish message."""

import copy
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

from scoring_py import (
    Answers,
    ScoringError,
    read_answers,
    read_definition,
    score,
    score_json,
    write_answers,
)

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
DEFINITION_TEXT = FIXTURE.read_text(encoding="utf-8")


def definition_dict() -> dict[str, Any]:
    return json.loads(DEFINITION_TEXT)


def answers(values: Any, **extra: Any) -> dict[str, Any]:
    return {"format": "saljkompetens-svar", "version": 1, "answers": values, **extra}


def error_of(data: Any) -> str:
    with pytest.raises(ScoringError) as caught:
        read_answers(data, definition_dict())
    return str(caught.value)


# --- answers -------------------------------------------------------------------------------


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


# --- definition ----------------------------------------------------------------------------


def definition_error(change: Any) -> str:
    data = definition_dict()
    change(data)
    with pytest.raises(ScoringError) as caught:
        read_definition(data)
    return str(caught.value)


PREFIX = "Bedömningsdefinitionen är ogiltig: "


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(format="x"),
            'format måste vara "saljkompetens-bedomning", fick "x" (text).',
        ),
        (lambda d: d.pop("version"), "version måste vara 1, fick inget värde."),
        (
            lambda d: d["scale"].update(max=1),
            "scale.max måste vara större än scale.min (1), fick 1.",
        ),
        (
            lambda d: d["scale"]["labels"].pop(),
            "scale.labels måste ha en etikett per skalsteg från 1 till 5 (5 st), har 4.",
        ),
        (lambda d: d.update(min_answers=0), "min_answers måste vara minst 1, fick 0."),
        (
            lambda d: d.update(min_answers=2.0),
            "min_answers måste vara ett heltal, fick 2.0 (decimaltal).",
        ),
        (
            lambda d: d["bands"].pop(0),
            "bands[0].min måste vara 0 så att varje resultat får en nivå, fick 40.",
        ),
        (
            lambda d: d["bands"].reverse(),
            "bands[0].min måste vara 0 så att varje resultat får en nivå, fick 80.",
        ),
        (
            lambda d: d["bands"][2].update(min=d["bands"][1]["min"]),
            "bands[2].min måste vara större än föregående nivås min (40), fick 40; nivåerna "
            "ska stiga.",
        ),
        (
            lambda d: d["bands"][1].update(min=101),
            "bands[1].min måste vara mellan 0 och 100, fick 101.",
        ),
        (
            lambda d: d["quality"].update(unanswered_share=1.5),
            "quality.unanswered_share måste vara mellan 0 och 1, fick 1.5 (decimaltal).",
        ),
        (lambda d: d["quality"].pop("agree_min"), "quality.agree_min saknas."),
        (
            lambda d: d["quality"].update(agree_min=1),
            "quality.agree_min måste vara mellan 2 och 5, fick 1.",
        ),
        (lambda d: d.pop("limits"), "limits saknas."),
        (
            lambda d: d["competencies"][0]["mindsets"][0].update(relation="gillar"),
            "competencies[0].mindsets[0].relation måste vara builds, balances, contrasts, fick "
            '"gillar" (text).',
        ),
        (
            lambda d: d["competencies"][0]["practice"].append(7),
            "competencies[0].practice[2] måste vara en text, fick 7.",
        ),
        (lambda d: d.update(competencies=[]), "competencies får inte vara en tom lista."),
        (
            lambda d: d["competencies"][2]["items"][1].update(reverse="ja"),
            'competencies[2].items[1].reverse måste vara true eller false, fick "ja" (text).',
        ),
        (
            lambda d: d["competencies"][3]["items"][0].update(id="prospektering-1"),
            'competencies[].items[].id har dubbletter: "prospektering-1" förekommer mer än '
            "en gång.",
        ),
        (
            lambda d: d["competencies"][0]["mindsets"].append(
                {"slug": "mod", "relation": "builds", "sentence": "x"}
            ),
            "competencies[0].mindsets[2].slug måste vara ett tankesätt som finns i mindsets, "
            'fick "mod" (text).',
        ),
        (
            lambda d: d["competencies"].__setitem__(1, "behovsanalys"),
            'competencies[1] måste vara ett objekt, fick "behovsanalys" (text).',
        ),
        (
            lambda d: d["roles"][0]["targets"][0].update(competency="kyla"),
            "roles[0].targets[0].competency måste vara en kompetens som finns i competencies, fick "
            '"kyla".',
        ),
        (
            lambda d: d["roles"][0]["targets"][1].update(level=85.5),
            "roles[0].targets[1].level måste vara ett heltal, fick 85.5 (decimaltal).",
        ),
        (
            lambda d: d["mindsets"].append(dict(d["mindsets"][0])),
            'mindsets[].slug har dubbletter: "hunger" förekommer mer än en gång.',
        ),
        (lambda d: d["competencies"][0].pop("title"), "competencies[0].title saknas."),
    ],
)
def test_invalid_definitions(change: Any, message: str) -> None:
    assert definition_error(change) == PREFIX + message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "Bedömningsdefinitionen måste vara ett JSON-objekt, fick null."),
        ("[]", "Bedömningsdefinitionen måste vara ett JSON-objekt, fick en lista."),
        (
            "{",
            "Bedömningsdefinitionen är inte giltig JSON: ett nyckelnamn inom dubbla citattecken "
            "förväntades (rad 1, kolumn 2).",
        ),
        (
            b"{}",
            "Bedömningsdefinitionen måste vara ett JSON-objekt, fick ett värde av typen bytes.",
        ),
    ],
)
def test_invalid_definition_input(data: Any, message: str) -> None:
    with pytest.raises(ScoringError) as caught:
        read_definition(data)
    assert str(caught.value) == message


def test_definition_is_not_mutated_and_is_immutable() -> None:
    data = definition_dict()
    before = copy.deepcopy(data)
    definition = read_definition(data)
    assert data == before
    assert read_definition(definition) is definition
    assert read_definition(DEFINITION_TEXT) == definition
    with pytest.raises(AttributeError):
        definition.min_answers = 3  # type: ignore[misc]
    data["competencies"][0]["title"] = "Ändrad"
    assert definition.competencies[0].title == "Prospektering"


def test_score_with_bad_definition_raises_scoring_error() -> None:
    with pytest.raises(ScoringError, match=re.escape(PREFIX + "roles saknas.")):
        data = definition_dict()
        del data["roles"]
        score(data, answers({}))


def test_scoring_error_is_a_value_error() -> None:
    assert issubclass(ScoringError, ValueError)
