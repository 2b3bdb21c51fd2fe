"""Scoring rules on the hand-written fixture. Every expected number is worked out by hand.

Fixture (tests/fixtures/scoring/definition.json): scale 1..5, min_answers 2,
bands 0/40/60/80, competencies in order prospektering (3 items, #2 reverse),
behovsanalys (4 items, #3 reverse), forhandling (3 items, #2 reverse),
avslut (3 items, #3 reverse); 13 items in all. Role nykundsjagare targets:
prospektering 85, avslut 80, behovsanalys 70, forhandling 60.
A score is (mean - 1) * 25; a reverse answer v counts as 6 - v.
"""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from scoring_py import ScoringError, read_definition, score

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"


def definition_dict() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def answers(values: dict[str, int | None], role: str | None = None) -> dict[str, Any]:
    return {"format": "saljkompetens-svar", "version": 1, "answers": values, "role": role}


def by_slug(result: dict[str, Any], section: str) -> dict[str, dict[str, Any]]:
    return {entry["slug"]: entry for entry in result[section]}


# Scenario used by several tests:
#   prospektering 4, reverse 2 -> 4, 5  => 4,4,5 mean 13/3 => (13/3 - 1) * 25 = 250/3 = 83.33 -> 83
#   behovsanalys 3, 3, reverse 3 -> 3, 3 => mean 3 => 50
#   forhandling  only one answer (2)    => not scored
#   avslut       4, 3                   => mean 3.5 => 62.5 -> 63 (half up)
SCENARIO = {
    "prospektering-1": 4,
    "prospektering-2": 2,
    "prospektering-3": 5,
    "behovsanalys-1": 3,
    "behovsanalys-2": 3,
    "behovsanalys-3": 3,
    "behovsanalys-4": 3,
    "forhandling-1": 2,
    "avslut-1": 4,
    "avslut-2": 3,
}


@pytest.fixture
def scenario() -> dict[str, Any]:
    return score(definition_dict(), answers(SCENARIO, role="nykundsjagare"))


def test_reverse_item_counts_as_six_minus_value() -> None:
    # 4, 5 and reverse 2 -> 4, 5, 4 -> mean 13/3 -> (13/3 - 1) * 25 = 83.33 -> 83
    result = score(
        definition_dict(),
        answers({"prospektering-1": 4, "prospektering-2": 2, "prospektering-3": 5}),
    )
    assert by_slug(result, "competencies")["prospektering"]["score"] == 83


def test_only_reverse_items_low_answers_give_high_score() -> None:
    # behovsanalys-3 (reverse) 1 -> 5 and behovsanalys-1 5 -> mean 5 -> 100
    result = score(definition_dict(), answers({"behovsanalys-1": 5, "behovsanalys-3": 1}))
    assert by_slug(result, "competencies")["behovsanalys"]["score"] == 100


def test_lowest_answers_give_zero() -> None:
    # avslut 1, 1 and reverse 5 -> 1 -> mean 1 -> 0: a real zero, scored
    result = score(definition_dict(), answers({"avslut-1": 1, "avslut-2": 1, "avslut-3": 5}))
    entry = by_slug(result, "competencies")["avslut"]
    assert (entry["score"], entry["scored"], entry["band"]["label"]) == (
        0,
        True,
        "Stor utvecklingspotential",
    )


def test_competency_with_too_few_answers_is_not_scored(scenario: dict[str, Any]) -> None:
    # forhandling has 1 answer < min_answers 2 -> null, never 0
    entry = by_slug(scenario, "competencies")["forhandling"]
    assert entry == {
        "slug": "forhandling",
        "title": "Förhandling",
        "url": "kompetenser/forhandling/",
        "score": None,
        "scored": False,
        "answered": 1,
        "items": 3,
        "band": None,
    }


def test_competency_entries(scenario: dict[str, Any]) -> None:
    entries = by_slug(scenario, "competencies")
    assert list(entries) == ["prospektering", "behovsanalys", "forhandling", "avslut"]
    assert entries["prospektering"] == {
        "slug": "prospektering",
        "title": "Prospektering",
        "url": "kompetenser/prospektering/",
        "score": 83,
        "scored": True,
        "answered": 3,
        "items": 3,
        "band": {"label": "Tydlig styrka", "text": "Det här är en styrka."},
    }
    assert (entries["behovsanalys"]["score"], entries["behovsanalys"]["band"]["label"]) == (
        50,
        "Utvecklingspotential",
    )


def test_half_up_rounding() -> None:
    # avslut 4, 3 -> mean 3.5 -> 62.5 -> 63 (Python's round() would give 62)
    # behovsanalys 2, 3 -> mean 2.5 -> 37.5 -> 38
    result = score(
        definition_dict(),
        answers({"avslut-1": 4, "avslut-2": 3, "behovsanalys-1": 2, "behovsanalys-2": 3}),
    )
    entries = by_slug(result, "competencies")
    assert entries["avslut"]["score"] == 63
    assert entries["behovsanalys"]["score"] == 38


def test_thirds_round_to_nearest() -> None:
    # forhandling 3, reverse 4 -> 2, 3 -> mean 8/3 -> (5/3) * 25 = 41.67 -> 42
    # avslut 2, 2, reverse 3 -> 3 -> mean 7/3 -> (4/3) * 25 = 33.33 -> 33
    result = score(
        definition_dict(),
        answers(
            {
                "forhandling-1": 3,
                "forhandling-2": 4,
                "forhandling-3": 3,
                "avslut-1": 2,
                "avslut-2": 2,
                "avslut-3": 3,
            }
        ),
    )
    entries = by_slug(result, "competencies")
    assert (entries["forhandling"]["score"], entries["avslut"]["score"]) == (42, 33)


def test_band_boundary_is_inclusive() -> None:
    # bands moved to 0/25/50/75. avslut 3, 3 -> 50 exactly -> band with min 50.
    # behovsanalys 3, 2 -> 2.5 -> 37.5 -> band with min 25.
    data = definition_dict()
    data["bands"] = [
        {"min": 0, "label": "A", "text": ""},
        {"min": 25, "label": "B", "text": ""},
        {"min": 50, "label": "C", "text": ""},
        {"min": 75, "label": "D", "text": ""},
    ]
    result = score(
        data, answers({"avslut-1": 3, "avslut-2": 3, "behovsanalys-1": 3, "behovsanalys-2": 2})
    )
    entries = by_slug(result, "competencies")
    assert entries["avslut"]["band"]["label"] == "C"
    assert entries["behovsanalys"]["band"]["label"] == "B"


def test_band_uses_unrounded_score() -> None:
    # band "Hög" starts at 63. avslut 4, 3 -> 62.5: shown as 63 but below the band.
    data = definition_dict()
    data["bands"] = [
        {"min": 0, "label": "Låg", "text": ""},
        {"min": 63, "label": "Hög", "text": ""},
    ]
    result = score(data, answers({"avslut-1": 4, "avslut-2": 3}))
    entry = by_slug(result, "competencies")["avslut"]
    assert (entry["score"], entry["band"]["label"]) == (63, "Låg")


def test_mindsets_average_scored_competencies_only(scenario: dict[str, Any]) -> None:
    # hunger: prospektering 250/3 (forhandling not scored) -> 83.33 -> 83
    # nyfikenhet: behovsanalys 50
    # nasta-steg: (250/3 + 125/2) / 2 = 875/12 = 72.92 -> 73
    # paverkan: avslut 62.5 (forhandling not scored) -> 63
    mindsets = scenario["mindsets"]
    assert [m["slug"] for m in mindsets] == ["hunger", "nyfikenhet", "nasta-steg", "paverkan"]
    assert [m["score"] for m in mindsets] == [83, 50, 73, 63]
    assert mindsets[2] == {
        "slug": "nasta-steg",
        "title": "Nästa steg",
        "url": "tankesatt/nasta-steg/",
        "score": 73,
        "competencies": [
            {"slug": "prospektering", "title": "Prospektering"},
            {"slug": "avslut", "title": "Avslut"},
        ],
    }
    assert mindsets[0]["competencies"] == [{"slug": "prospektering", "title": "Prospektering"}]


def test_mindset_without_scored_competency_is_null() -> None:
    # only prospektering scored (3, 3 -> 50): nyfikenhet and paverkan have nothing scored
    result = score(definition_dict(), answers({"prospektering-1": 3, "prospektering-3": 3}))
    mindsets = by_slug(result, "mindsets")
    assert mindsets["nyfikenhet"] == {
        "slug": "nyfikenhet",
        "title": "Nyfikenhet",
        "url": "tankesatt/nyfikenhet/",
        "score": None,
        "competencies": [],
    }
    assert mindsets["hunger"]["score"] == 50


def test_mindset_mean_uses_unrounded_scores() -> None:
    # prospektering 3, 3, reverse 4 -> 3, 3, 2 -> mean 8/3 -> 125/3 = 41.67 (shown 42)
    # avslut 4, 3 -> 62.5 (shown 63)
    # nasta-steg = (125/3 + 125/2) / 2 = (250 + 375) / 12 = 625/12 = 52.08 -> 52
    # (averaging the shown scores would give (42 + 63) / 2 = 52.5 -> 53)
    result = score(
        definition_dict(),
        answers(
            {
                "prospektering-1": 3,
                "prospektering-2": 4,
                "prospektering-3": 3,
                "avslut-1": 4,
                "avslut-2": 3,
            }
        ),
    )
    assert by_slug(result, "mindsets")["nasta-steg"]["score"] == 52


def test_overall_is_mean_of_scored_competencies(scenario: dict[str, Any]) -> None:
    # (250/3 + 50 + 125/2) / 3 = (500 + 300 + 375) / 18 = 1175/18 = 65.28 -> 65
    assert scenario["overall"] == 65
    assert (scenario["answered"], scenario["items"]) == (10, 13)


def test_nothing_answered_gives_nulls() -> None:
    result = score(definition_dict(), answers({}))
    assert result["overall"] is None
    assert all(c["score"] is None and not c["scored"] for c in result["competencies"])
    assert all(m["score"] is None for m in result["mindsets"])
    assert (result["strengths"], result["development"], result["role"]) == ([], [], None)


def test_null_values_are_unanswered() -> None:
    result = score(definition_dict(), answers({"avslut-1": 4, "avslut-2": None, "avslut-3": None}))
    entry = by_slug(result, "competencies")["avslut"]
    assert (entry["answered"], entry["scored"], result["answered"]) == (1, False, 1)


def test_strengths_entries_and_short_development(scenario: dict[str, Any]) -> None:
    # 3 scored: strengths 83, 63, 50; development excludes them all -> empty
    assert scenario["strengths"][0] == {
        "slug": "prospektering",
        "title": "Prospektering",
        "score": 83,
        "band": "Tydlig styrka",
        "url": "kompetenser/prospektering/",
        "articles": [{"title": "Så bygger du en prospektlista", "url": "artiklar/prospektlista/"}],
    }
    assert [s["slug"] for s in scenario["strengths"]] == ["prospektering", "avslut", "behovsanalys"]
    assert scenario["development"] == []


def test_four_scored_gives_one_development_area() -> None:
    # scenario + forhandling 1, 1 -> 0: strengths 83, 63, 50; development: forhandling 0
    values = dict(SCENARIO, **{"forhandling-3": 1, "forhandling-1": 1})
    result = score(definition_dict(), answers(values))
    assert [s["slug"] for s in result["strengths"]] == ["prospektering", "avslut", "behovsanalys"]
    assert [(d["slug"], d["score"], d["band"], d["articles"]) for d in result["development"]] == [
        ("forhandling", 0, "Stor utvecklingspotential", [])
    ]


def wide_definition(count: int) -> dict[str, Any]:
    """Fixture with `count` two-item competencies c1..cN (no reverse items, no role)."""
    data = definition_dict()
    data["competencies"] = [
        {
            "slug": f"c{n}",
            "title": f"K{n}",
            "url": f"kompetenser/c{n}/",
            "mindsets": [],
            "articles": [],
            "items": [{"id": f"c{n}-{i}", "text": "Påstående", "reverse": False} for i in (1, 2)],
        }
        for n in range(1, count + 1)
    ]
    data["roles"] = []
    return data


def pairs(**values: int) -> dict[str, int]:
    """c1=3 -> both items of c1 answered 3."""
    return {f"{slug}-{i}": value for slug, value in values.items() for i in (1, 2)}


def test_strengths_and_development_with_ties() -> None:
    # c1 50, c2 100, c3 50, c4 0, c5 75, c6 0, c7 100
    # strengths: 100 (c2, c7 tie -> definition order), 75 c5
    # development: 0 (c4, c6 tie -> definition order), 50 (c1 before c3)
    result = score(wide_definition(7), answers(pairs(c1=3, c2=5, c3=3, c4=1, c5=4, c6=1, c7=5)))
    assert [(s["slug"], s["score"]) for s in result["strengths"]] == [
        ("c2", 100),
        ("c7", 100),
        ("c5", 75),
    ]
    assert [(d["slug"], d["score"]) for d in result["development"]] == [
        ("c4", 0),
        ("c6", 0),
        ("c1", 50),
    ]


def test_development_excludes_strengths_with_five_scored() -> None:
    # c1 50, c2 100, c3 50, c4 0, c5 75 (c6, c7 unanswered)
    # strengths: c2 100, c5 75, c1 50 (tie with c3 -> c1); development: c4 0, c3 50
    result = score(wide_definition(7), answers(pairs(c1=3, c2=5, c3=3, c4=1, c5=4)))
    assert [s["slug"] for s in result["strengths"]] == ["c2", "c5", "c1"]
    assert [d["slug"] for d in result["development"]] == ["c4", "c3"]


def test_role_gaps_sorted_by_gap(scenario: dict[str, Any]) -> None:
    # behovsanalys 70 - 50 = 20; avslut 80 - 62.5 = 17.5 (shown: 80 - 63 = 17);
    # prospektering 85 - 83.33 = 1.67 (shown: 85 - 83 = 2); forhandling not scored -> last
    assert scenario["role"] == {
        "slug": "nykundsjagare",
        "title": "Nykundsjägare",
        "url": "roller/nykundsjagare/",
        "gaps": [
            {"slug": "behovsanalys", "title": "Behovsanalys", "target": 70, "score": 50, "gap": 20},
            {"slug": "avslut", "title": "Avslut", "target": 80, "score": 63, "gap": 17},
            {
                "slug": "prospektering",
                "title": "Prospektering",
                "target": 85,
                "score": 83,
                "gap": 2,
            },
            {
                "slug": "forhandling",
                "title": "Förhandling",
                "target": 60,
                "score": None,
                "gap": None,
            },
        ],
    }


def test_role_gap_negative_when_above_target() -> None:
    # forhandling 5, reverse 1 -> 5 -> 100; target 60 -> gap -40
    result = score(
        definition_dict(), answers({"forhandling-1": 5, "forhandling-2": 1}), role="nykundsjagare"
    )
    gaps = by_slug(result["role"], "gaps")
    assert (gaps["forhandling"]["score"], gaps["forhandling"]["gap"]) == (100, -40)
    assert list(gaps)[0] == "forhandling"


def test_role_gap_ties_follow_definition_order() -> None:
    # all targets 70; avslut 3, 3 -> 50 and behovsanalys 3, 3 -> 50: gap 20 each.
    # The role lists avslut before behovsanalys, but definition order puts behovsanalys first.
    data = definition_dict()
    for target in data["roles"][0]["targets"]:
        target["level"] = 70
    result = score(
        data,
        answers(
            {"avslut-1": 3, "avslut-2": 3, "behovsanalys-1": 3, "behovsanalys-2": 3},
            role="nykundsjagare",
        ),
    )
    assert [(g["slug"], g["gap"]) for g in result["role"]["gaps"]] == [
        ("behovsanalys", 20),
        ("avslut", 20),
        ("prospektering", None),
        ("forhandling", None),
    ]


def test_role_argument_overrides_answers_role() -> None:
    data = definition_dict()
    data["roles"].append(
        {"slug": "kundvardare", "title": "Kundvårdare", "url": "roller/kundvardare/", "targets": []}
    )
    result = score(data, answers({}, role="nykundsjagare"), role="kundvardare")
    assert result["role"] == {
        "slug": "kundvardare",
        "title": "Kundvårdare",
        "url": "roller/kundvardare/",
        "gaps": [],
    }
    assert score(data, answers({}, role="nykundsjagare"))["role"]["slug"] == "nykundsjagare"


def test_unknown_role_argument() -> None:
    with pytest.raises(
        ScoringError, match='^Okänd roll "saljchef". Giltiga roller: nykundsjagare.$'
    ):
        score(definition_dict(), answers({}), role="saljchef")


def test_result_key_order(scenario: dict[str, Any]) -> None:
    assert list(scenario) == [
        "format",
        "version",
        "answered",
        "items",
        "overall",
        "competencies",
        "mindsets",
        "strengths",
        "development",
        "role",
        "quality",
    ]
    assert (scenario["format"], scenario["version"]) == ("saljkompetens-resultat", 1)


def test_inputs_are_not_mutated_and_results_are_fresh() -> None:
    data = definition_dict()
    given = answers(dict(SCENARIO), role="nykundsjagare")
    data_copy, given_copy = copy.deepcopy(data), copy.deepcopy(given)
    first = score(data, given)
    first["competencies"][0]["articles"] = "ändrad"
    first["strengths"][0]["articles"].append({"title": "x", "url": "y"})
    assert (data, given) == (data_copy, given_copy)
    assert score(data, given) == score(data_copy, given_copy)
    assert score(read_definition(data), given)["strengths"][0]["articles"] == [
        {"title": "Så bygger du en prospektlista", "url": "artiklar/prospektlista/"}
    ]
