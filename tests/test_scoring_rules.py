"""Scoring rules on the hand-written fixture. Every expected number is worked out by hand.

Fixture (tests/fixtures/scoring/definition.json): scale 1..5, min_answers 2, bands
0/40/60/80; competencies in order prospektering (3 items, #2 reverse), behovsanalys
(4 items, #3 reverse), forhandling (3 items, #2 reverse), avslut (3 items, #3 reverse),
uppfoljning (4 items, #2 and #4 reverse); 17 items. Role nykundsjagare targets
prospektering 85, avslut 80, behovsanalys 70, forhandling 60.

A reverse answer v counts as 6 − v; a score is (mean − 1) · 25, shown rounded half up.
Range half-widths, from ASSUMED_SD = 16 and ITEM_CORRELATION = 0.3 (Spearman–Brown):
  4 answers: α = 1.2 / 1.9 = 12/19; 16 · √(7/19) = 9.7116 (resolution 100/16 = 6.25)
  3 answers: α = 0.9 / 1.6 = 0.5625; 16 · √0.4375 = 10.5830 (resolution 8.33)
  2 answers: α = 0.6 / 1.3; 16 · √(7/13) = 11.7409, but resolution 100/8 = 12.5 → 12.5
"""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from scoring_py import ScoringError, read_definition, score

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
NORMAL_4_REVERSE_2 = "every normal statement 4 and every reverse one 2: all count as 4"


def definition_dict() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def items() -> list[dict[str, Any]]:
    return [item for c in definition_dict()["competencies"] for item in c["items"]]


def answers(values: dict[str, Any], role: str | None = None) -> dict[str, Any]:
    return {"format": "saljkompetens-svar", "version": 1, "answers": values, "role": role}


def by_slug(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["slug"]: entry for entry in entries}


# The scenario of several tests:
#   prospektering 4, reverse 2 → 4, 5: mean 13/3 → 250/3 = 83.33 → 83; ±10.58 → 72–94
#   behovsanalys 3, 3, reverse 3 → 3, 3: mean 3 → 50; ±9.71 → 40–60
#   forhandling  one answer (2): not scored
#   avslut       4, 3: mean 3.5 → 62.5 → 63; ±12.5 → 50–75
#   uppfoljning  nothing: not scored
SCENARIO = {
    "prospektering-1": 4, "prospektering-2": 2, "prospektering-3": 5,
    "behovsanalys-1": 3, "behovsanalys-2": 3, "behovsanalys-3": 3, "behovsanalys-4": 3,
    "forhandling-1": 2, "avslut-1": 4, "avslut-2": 3,
}  # fmt: skip


@pytest.fixture
def scenario() -> dict[str, Any]:
    return score(definition_dict(), answers(SCENARIO, role="nykundsjagare"))


def test_scores_and_ranges(scenario: dict[str, Any]) -> None:
    entries = by_slug(scenario["competencies"])
    assert list(entries) == [
        "prospektering",
        "behovsanalys",
        "forhandling",
        "avslut",
        "uppfoljning",
    ]
    shown = {slug: (e["score"], e["low"], e["high"], e["answered"]) for slug, e in entries.items()}
    assert shown == {
        "prospektering": (83, 72, 94, 3),  # 83.33 ± 10.58: floor 72.75, ceil 93.92
        "behovsanalys": (50, 40, 60, 4),  # 50 ± 9.71: floor 40.29, ceil 59.71
        "forhandling": (None, None, None, 1),
        "avslut": (63, 50, 75, 2),  # 62.5 ± 12.5
        "uppfoljning": (None, None, None, 0),
    }
    band = {"label": "Tydlig styrka", "text": "Enligt din skattning är det här en styrka."}
    assert entries["prospektering"]["band"] == {**band, "level": 3}


def test_ranges_stay_within_0_and_100() -> None:
    # uppfoljning 5, reverse 1, 5, reverse 1 → all count 5 → 100 ± 9.71 → 90–100
    # prospektering 1, reverse 5, 1 → all count 1 → 0 ± 10.58 → 0–11
    result = score(definition_dict(), answers({
        "uppfoljning-1": 5, "uppfoljning-2": 1, "uppfoljning-3": 5, "uppfoljning-4": 1,
        "prospektering-1": 1, "prospektering-2": 5, "prospektering-3": 1}))  # fmt: skip
    entries = by_slug(result["competencies"])
    assert (entries["uppfoljning"]["low"], entries["uppfoljning"]["high"]) == (90, 100)
    assert (entries["prospektering"]["low"], entries["prospektering"]["high"]) == (0, 11)


def test_half_up_rounding_and_thirds() -> None:
    # avslut 4, 3 → 62.5 → 63 (Python's round() would give 62)
    # forhandling 3, reverse 4 → 2, 3 → mean 8/3 → 41.67 → 42
    result = score(
        definition_dict(),
        answers(
            {
                "avslut-1": 4,
                "avslut-2": 3,
                "forhandling-1": 3,
                "forhandling-2": 4,
                "forhandling-3": 3,
            }
        ),
    )
    entries = by_slug(result["competencies"])  # fmt: skip
    assert (entries["avslut"]["score"], entries["forhandling"]["score"]) == (63, 42)


def test_not_applicable_counts_as_unanswered() -> None:
    # avslut: 4, 3 and "ej aktuellt": scored from two answers, 62.5 → 63, range ±12.5
    result = score(
        definition_dict(), answers({"avslut-1": 4, "avslut-2": 3, "avslut-3": "ej-aktuellt"})
    )
    entry = by_slug(result["competencies"])["avslut"]
    assert (entry["score"], entry["answered"], entry["low"], entry["high"]) == (63, 2, 50, 75)
    assert (result["answered"], result["not_applicable"]) == (2, 1)


def test_strength_and_development_against_the_own_median() -> None:
    # Scored: prospektering 83.33, avslut 62.5, behovsanalys 50: median 62.5.
    # prospektering is 20.83 above it (> 10.58): a strength. behovsanalys is 12.5 below it
    # (> 9.71): a development area. avslut is the median itself: neither.
    result = score(definition_dict(), answers(SCENARIO))
    assert [e["slug"] for e in result["strengths"]] == ["prospektering"]
    assert [e["slug"] for e in result["development"]] == ["behovsanalys"]
    assert result["development_basis"] == "profile"


def test_a_flat_profile_names_no_strengths_and_no_development_areas() -> None:
    # NORMAL_4_REVERSE_2: every competency 75, the median 75, no difference anywhere.
    result = score(definition_dict(), answers(
        {i["id"]: 2 if i["reverse"] else 4 for i in items()}))  # fmt: skip
    assert {e["score"] for e in result["competencies"]} == {75}
    assert (result["strengths"], result["development"]) == ([], [])
    assert (
        "Enligt din skattning skiljer sig inga kompetenser tydligt från de andra: "
        "skillnaderna ryms inom det som mätningen kan visa."
    ) in result["summary"]
    assert result["quality"] == []


def test_a_difference_within_the_range_is_no_difference() -> None:
    # prospektering 5, rev 2 → 5, 4, 4 → 13/3 → 83.33; behovsanalys all count 4 → 75;
    # avslut 4, 4, rev 2 → 4 → 75; median 75. prospektering is 8.33 above: less than its
    # ±10.58, so no strength.
    result = score(definition_dict(), answers({
        "prospektering-1": 5, "prospektering-2": 2, "prospektering-3": 4,
        "behovsanalys-1": 4, "behovsanalys-2": 4, "behovsanalys-3": 2, "behovsanalys-4": 4,
        "avslut-1": 4, "avslut-2": 4, "avslut-3": 2}))  # fmt: skip
    assert by_slug(result["competencies"])["prospektering"]["score"] == 83
    assert result["strengths"] == []


def test_fewer_than_three_scored_compare_nothing() -> None:
    # prospektering 100 and avslut 0: two scores make no median worth comparing with.
    result = score(definition_dict(), answers({
        "prospektering-1": 5, "prospektering-2": 1, "avslut-1": 1, "avslut-2": 1}))  # fmt: skip
    assert (result["strengths"], result["development"]) == ([], [])


def test_role_status_with_tolerance(scenario: dict[str, Any]) -> None:
    # behovsanalys: 70 − 50 = 20 > 9.71 → under; avslut: 80 − 62.5 = 17.5 > 12.5 → under;
    # prospektering: 85 − 83.33 = 1.67 ≤ 10.58 → at; forhandling: not scored.
    # Shown gaps use the shown score: 70 − 50, 80 − 63, 85 − 83.
    targets = scenario["role"]["targets"]
    assert [(t["slug"], t["target"], t["score"], t["gap"], t["status"]) for t in targets] == [
        ("behovsanalys", 70, 50, 20, "under"),
        ("avslut", 80, 63, 17, "under"),
        ("prospektering", 85, 83, 2, "at"),
        ("forhandling", 60, None, None, None),
    ]
    assert targets[0]["why"] == "Rätt erbjudande kräver rätt frågor."


def test_with_a_role_the_development_areas_are_the_shortfalls(scenario: dict[str, Any]) -> None:
    development = scenario["development"]
    assert [e["slug"] for e in development] == ["behovsanalys", "avslut"]
    assert scenario["development_basis"] == "role"
    assert (development[1]["target"], development[1]["why"]) == (80, "Möten ska bli affärer.")


def test_a_shortfall_equal_to_the_tolerance_is_at_the_target() -> None:
    # avslut 4, 3: 62.5 ± 12.5. Target 75: gap 12.5, not more than 12.5 → at.
    # Target 76: gap 13.5 → under, and the one development area.
    for level, status in ((75, "at"), (76, "under"), (50, "at"), (49, "over")):
        data = definition_dict()
        data["roles"][0]["targets"] = [{"competency": "avslut", "level": level, "why": "x"}]
        result = score(data, answers({"avslut-1": 4, "avslut-2": 3}, role="nykundsjagare"))
        assert result["role"]["targets"][0]["status"] == status, level
        expected = ["avslut"] if status == "under" else []
        assert [e["slug"] for e in result["development"]] == expected, level


def test_a_role_with_one_clear_shortfall_names_it() -> None:
    # NORMAL_4_REVERSE_2 → every competency 75. Targets 75 except prospektering 95:
    # gap 20 > 10.58 → under; the others at. Only prospektering is named.
    data = definition_dict()
    for target in data["roles"][0]["targets"]:
        target["level"] = 95 if target["competency"] == "prospektering" else 75
    result = score(data, answers({i["id"]: 2 if i["reverse"] else 4 for i in items()},
                                 role="nykundsjagare"))  # fmt: skip
    assert [e["slug"] for e in result["development"]] == ["prospektering"]
    assert (
        "Jämfört med rollen Nykundsjägare ligger du under målet i 1 av 4 kompetenser med ett "
        "värde, mest i Prospektering."
    ) in result["summary"]


def test_tied_shortfalls_are_named_together_beyond_the_top_three() -> None:
    # Four competencies each at 50, all targets 80: four equal gaps of 30 → all four named,
    # although three is the usual number; none is dropped by alphabet or order.
    data = definition_dict()
    data["roles"][0]["targets"] = [
        {"competency": slug, "level": 80, "why": "x"}
        for slug in ("prospektering", "behovsanalys", "forhandling", "avslut")
    ]
    fifty = {"prospektering-1": 3, "prospektering-2": 3, "behovsanalys-1": 3, "behovsanalys-2": 3,
             "forhandling-1": 3, "forhandling-3": 3, "avslut-1": 3, "avslut-2": 3}  # fmt: skip
    result = score(data, answers(fifty, role="nykundsjagare"))
    assert [e["slug"] for e in result["development"]] == [
        "prospektering", "behovsanalys", "forhandling", "avslut"]  # fmt: skip


def test_a_development_area_says_what_pulled_it_down(scenario: dict[str, Any]) -> None:
    avslut = by_slug(scenario["development"])["avslut"]
    # avslut counts 4 and 3 (mean 3.5): only avslut-2 (3) lies below the mean.
    assert avslut["pulled_down"] == [
        {"id": "avslut-2", "text": "Jag ber om affären när kunden är redo.", "answer": 3,
         "label": "Stämmer delvis"}]  # fmt: skip
    assert avslut["mindsets"] == [
        {"slug": "nasta-steg", "title": "Nästa steg", "url": "tankesatt/nasta-steg/",
         "relation": "builds", "sentence": "Nästa steg leder till avslut."},
        {"slug": "paverkan", "title": "Påverkan", "url": "tankesatt/paverkan/",
         "relation": "contrasts", "sentence": "Avslut står mot Påverkan."},
    ]  # fmt: skip
    assert avslut["articles"] == [{"title": "Be om affären", "url": "artiklar/be-om-affaren/"}]
    behovsanalys = by_slug(scenario["development"])["behovsanalys"]
    assert behovsanalys["pulled_down"] == []  # all four count 3: none below the mean


def test_summary_in_words(scenario: dict[str, Any]) -> None:
    assert scenario["summary"] == [
        "Du har svarat på 10 av 17 påståenden; 3 av 5 kompetenser har fått ett värde.",
        "Enligt din skattning är Prospektering din tydligaste styrka.",
        "Jämfört med rollen Nykundsjägare ligger du under målet i 2 av 3 kompetenser med ett "
        "värde, mest i Behovsanalys och Avslut.",
        "Läs anteckningarna om dina svar innan du drar slutsatser.",
    ]


def test_nothing_answered() -> None:
    result = score(definition_dict(), answers({}))
    assert result["summary"] == [
        "Du har svarat på 0 av 17 påståenden; 0 av 5 kompetenser har fått ett värde.",
        "Svara på fler påståenden så visas ditt resultat här.",
    ]
    assert all(e["score"] is None for e in result["competencies"])
    assert (result["strengths"], result["development"], result["role"]) == ([], [], None)


def test_band_boundary_is_inclusive_and_uses_the_unrounded_score() -> None:
    # band "Hög" from 63: avslut 4, 3 → 62.5, shown as 63 but below the band.
    data = definition_dict()
    data["bands"] = [
        {"min": 0, "label": "Låg", "text": ""},
        {"min": 63, "label": "Hög", "text": ""},
    ]
    result = score(
        data, answers({"avslut-1": 4, "avslut-2": 3, "behovsanalys-1": 5, "behovsanalys-2": 2})
    )
    entries = by_slug(result["competencies"])  # behovsanalys 5, 2 → 3.5 → 62.5 too
    assert entries["avslut"]["band"]["label"] == "Låg"
    data["bands"][1]["min"] = 62
    entries = by_slug(score(data, answers({"avslut-1": 4, "avslut-2": 3}))["competencies"])
    assert entries["avslut"]["band"]["label"] == "Hög"


def test_role_argument_overrides_answers_role_and_unknown_role_is_refused() -> None:
    result = score(definition_dict(), answers(SCENARIO), role="nykundsjagare")
    assert result["role"]["slug"] == "nykundsjagare"
    with pytest.raises(
        ScoringError, match='^Okänd roll "saljchef". Giltiga roller: nykundsjagare.$'
    ):
        score(definition_dict(), answers({}), role="saljchef")


def test_result_key_order(scenario: dict[str, Any]) -> None:
    assert list(scenario) == [
        "format", "version", "answered", "not_applicable", "items", "summary", "competencies",
        "strengths", "development", "development_basis", "role", "quality", "limits", "check",
    ]  # fmt: skip
    assert (scenario["format"], scenario["version"]) == ("saljkompetens-resultat", 2)
    assert scenario["limits"] == "En självskattning visar hur du själv ser på ditt arbete."


def test_inputs_are_not_mutated_and_results_are_fresh() -> None:
    data = definition_dict()
    given = answers(dict(SCENARIO), role="nykundsjagare")
    data_copy, given_copy = copy.deepcopy(data), copy.deepcopy(given)
    first = score(data, given)
    first["development"][0]["articles"].append({"title": "x", "url": "y"})
    assert (data, given) == (data_copy, given_copy)
    assert score(data, given) == score(data_copy, given_copy)
    assert score(read_definition(data), given)["development"][0]["articles"] == [
        {"title": "Frågor som öppnar", "url": "artiklar/oppna-fragor/"},
        {"title": "Lyssna aktivt", "url": "artiklar/aktivt-lyssnande/"},
    ]


def test_a_role_met_in_a_single_scored_competency_is_said_in_the_singular() -> None:
    # forhandling 3, reverse 3 → 3, 3: mean 3 → 50; ±12.5 → 37–63 (outwards); its target
    # 60 lies inside, so "at"; the role's other competencies have no value
    result = score(
        definition_dict(), answers({"forhandling-1": 3, "forhandling-2": 3}, "nykundsjagare")
    )
    statuses = {t["slug"]: t["status"] for t in result["role"]["targets"]}
    assert statuses == {
        "prospektering": None,
        "avslut": None,
        "behovsanalys": None,
        "forhandling": "at",
    }
    text = " ".join(result["summary"])
    assert "når du målet, inom mätningens felmarginal, i den enda kompetensen med ett värde" in text
    assert "alla 1" not in text
