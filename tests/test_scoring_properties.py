"""Property-based tests: any input either scores or raises ScoringError, nothing else."""

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring_py import ScoringError, read_definition, score, score_json

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
DEFINITION_TEXT = FIXTURE.read_text(encoding="utf-8")
DEFINITION = read_definition(DEFINITION_TEXT)
ITEM_IDS = sorted(DEFINITION.item_ids)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
item_keys = st.sampled_from(ITEM_IDS) | st.text(max_size=20)
answer_objects = st.fixed_dictionaries(
    {
        "format": st.just("saljkompetens-svar") | json_values,
        "version": st.just(1) | json_values,
        "answers": st.dictionaries(item_keys, st.integers(-2, 8) | json_values, max_size=15)
        | json_values,
    },
    optional={"role": st.sampled_from(["nykundsjagare", "okand"]) | json_values},
)
valid_answers = st.fixed_dictionaries(
    {
        "format": st.just("saljkompetens-svar"),
        "version": st.just(1),
        "answers": st.dictionaries(
            st.sampled_from(ITEM_IDS), st.integers(1, 5) | st.none() | st.just("ej-aktuellt")
        ),
        "role": st.none() | st.just("nykundsjagare"),
    }
)


def scores_or_scoring_error(call: Any) -> Any:
    try:
        return call()
    except ScoringError as error:
        assert str(error)
        return None


@settings(max_examples=300, deadline=None)
@given(answer_objects | json_values)
def test_any_json_like_answers_score_or_raise_scoring_error(data: Any) -> None:
    before = copy.deepcopy(data)
    scores_or_scoring_error(lambda: score(DEFINITION, data))
    assert repr(data) == repr(before)  # never mutated (repr: NaN != NaN)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | answer_objects.map(json.dumps), st.none() | st.text(max_size=15))
def test_any_text_to_score_json_scores_or_raises_scoring_error(text: str, role: Any) -> None:
    result = scores_or_scoring_error(lambda: score_json(DEFINITION_TEXT, text, role))
    if result is not None:
        assert json.loads(result)["format"] == "saljkompetens-resultat"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200) | json_values.map(json.dumps))
def test_any_text_as_definition_raises_scoring_error(text: str) -> None:
    scores_or_scoring_error(lambda: read_definition(text))


@settings(max_examples=300, deadline=None)
@given(valid_answers)
def test_valid_answers_always_give_scores_in_range(data: dict[str, Any]) -> None:
    result = score(DEFINITION, data)
    keys = ("competencies", "strengths", "development", "reflect")
    entries = [e for key in keys for e in result[key]]
    for entry in entries:
        low, value, high = entry["low"], entry["score"], entry["high"]
        assert (low is None) == (value is None) == (high is None)
        assert value is None or 0 <= low <= value <= high <= 100
    for entry in result["competencies"]:
        assert (entry["answered"] >= 2) == (entry["score"] is not None)
    values = data["answers"].values()
    assert result["answered"] == sum(isinstance(v, int) for v in values)
    assert result["not_applicable"] == sum(v == "ej-aktuellt" for v in values)
    assert 1 <= len(result["summary"]) <= 5
    if result["role"] is not None:
        for target in result["role"]["targets"]:
            assert target["gap"] is None or -100 <= target["gap"] <= 100
            assert target["status"] in (None, "under", "at", "over")
    assert json.loads(score_json(DEFINITION_TEXT, json.dumps(data))) == result


@settings(max_examples=300, deadline=None)
@given(valid_answers)
def test_every_claim_agrees_with_the_numbers_shown(data: dict[str, Any]) -> None:
    result = score(DEFINITION, data)
    withheld = bool(result["claims"]["withheld"])
    claimed = result["strengths"] + result["development"] + result["reflect"]
    assert not (withheld and claimed)  # an answer pattern withholds every claim
    for entry in result["strengths"]:
        assert entry["difference"] > entry["threshold"]
    if result["development_basis"] == "profile":
        for entry in result["development"]:
            assert -entry["difference"] > entry["threshold"]
    if result["reflect"]:  # only when nothing is named
        assert result["strengths"] == result["development"] == []
    for target in (result["role"] or {"targets": []})["targets"]:
        if withheld or target["score"] is None:
            assert (target["status"], target["role_low"], target["role_high"]) == (None,) * 3
            continue
        low, high, level = target["role_low"], target["role_high"], target["target"]
        assert low <= target["low"] and target["high"] <= high  # it always holds the range
        expected = "under" if level > high else "over" if level < low else "at"
        assert target["status"] == expected


DEFINITION_DICT = json.loads(DEFINITION_TEXT)
PLACES = [
    (),
    ("scale",),
    ("bands", 0),
    ("quality",),
    ("competencies", 0),
    ("competencies", 0, "items", 0),
    ("mindsets", 0),
    ("roles", 0),
    ("roles", 0, "targets", 0),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), st.text(max_size=25), st.integers(0, 20), json_values)
def test_definition_with_any_field_replaced_loads_or_raises(
    place: tuple[Any, ...], key: str, index: int, value: Any
) -> None:
    data = copy.deepcopy(DEFINITION_DICT)
    target = data
    for step in place:
        target = target[step]
    keys = [*target, key]
    target[keys[index % len(keys)]] = value
    scores_or_scoring_error(
        lambda: score(
            data,
            {
                "format": "saljkompetens-svar",
                "version": 1,
                "answers": {"avslut-1": 3, "avslut-2": 4},
            },
        )
    )
