"""Scoring rules on the hand-written fixture: scores, 90 % ranges and role status. Every
expected number is worked out by hand from the rules ("Så räknas resultatet"); the claims
against the person's own profile are in test_scoring_claims.py.

Fixture (tests/fixtures/scoring/definition.json): scale 1..5, min_answers 2, bands
0/40/60/80; competencies in order prospektering (3 items, #2 reverse), behovsanalys
(4 items, #3 reverse), forhandling (3 items, #2 reverse), avslut (3 items, #3 reverse),
uppfoljning (4 items, #2 and #4 reverse); 17 items. Role nykundsjagare targets
prospektering 85, avslut 80, behovsanalys 70, forhandling 60.

A reverse answer v counts as 6 − v; a score is (mean − 1) · 25, shown rounded half up.

The model (scores.py): one answer's error is 25 · √(1 − 0.3) = 20.9165 points (its square
437.5); n answers: sem(n) = 20.9165 / √n, sem² = 437.5 / n. The range is ± z90 · sem with
z90 = NormalDist().inv_cdf(0.95) = 1.6449, low rounded down (≥ 0), high up (≤ 100):
  n = 2: 14.7902 · 1.6449 = 24.328      n = 3: 12.0761 · 1.6449 = 19.863
  n = 4: 10.4583 · 1.6449 = 17.202      n = 5:  9.3541 · 1.6449 = 15.386
  n = 6:  8.5391 · 1.6449 = 14.046      n = 10: 6.6144 · 1.6449 = 10.880
Role status (ranking.py): with k scored targets z_k = inv_cdf(1 − 0.10 / (2k))
(k = 1: 1.6449, 3: 2.1280, 4: 2.2414, 5: 2.3263); threshold = ceil(z_k · sem(n)); "under"
when target − shown score > threshold, "over" when shown score − target > threshold.
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


def items() -> list[dict[str, Any]]:
    return [item for c in definition_dict()["competencies"] for item in c["items"]]


def answers(values: dict[str, Any], role: str | None = None) -> dict[str, Any]:
    return {"format": "saljkompetens-svar", "version": 1, "answers": values, "role": role}


def by_slug(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["slug"]: entry for entry in entries}


def with_targets(data: dict[str, Any], **levels: int) -> dict[str, Any]:
    """`data` with the role's targets replaced (competency slug → level), in that order."""
    data["roles"][0]["targets"] = [
        {"competency": slug, "level": level, "why": "x"} for slug, level in levels.items()
    ]
    return data


def with_plain_items(data: dict[str, Any], slug: str, count: int) -> dict[str, Any]:
    """`data` with competency `slug` given `count` plain statements `slug-1` … `slug-count`."""
    competency = next(c for c in data["competencies"] if c["slug"] == slug)
    competency["items"] = [
        {"id": f"{slug}-{k}", "text": f"Påstående {k}.", "reverse": False}
        for k in range(1, count + 1)
    ]
    return data


# Every normal statement 4 and every reverse one 2: everything counts 4 → every score 75.
ALL_75 = {i["id"]: 2 if i["reverse"] else 4 for i in items()}

# The scenario of several tests:
#   prospektering 4, reverse 2 → 4, 5: mean 13/3 → 250/3 = 83.33 → 83 (3 answers)
#   behovsanalys 3, 3, reverse 3 → 3, 3: mean 3 → 50 (4 answers)
#   forhandling  one answer (2): not scored
#   avslut       4, 3: mean 3.5 → 62.5 → 63 (2 answers)
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
    order = ["prospektering", "behovsanalys", "forhandling", "avslut", "uppfoljning"]
    assert list(entries) == order
    shown = {slug: (e["score"], e["low"], e["high"], e["answered"]) for slug, e in entries.items()}
    assert shown == {
        "prospektering": (83, 63, 100, 3),  # 83.33 ± 19.863: 63.47 → 63, 103.20 → 104 → 100
        "behovsanalys": (50, 32, 68, 4),  # 50 ± 17.202: 32.80 → 32, 67.20 → 68
        "forhandling": (None, None, None, 1),
        "avslut": (63, 38, 87, 2),  # 62.5 ± 24.328: 38.17 → 38, 86.83 → 87
        "uppfoljning": (None, None, None, 0),
    }
    band = {"label": "Tydlig styrka", "text": "Enligt din skattning är det här en styrka."}
    assert entries["prospektering"]["band"] == {**band, "level": 3}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((4,), (None, None, None)),  # one answer: below min_answers 2
        ((4, 3), (63, 38, 87)),  # 3.5 → 62.5 ± 24.328 → 38.17–86.83
        ((4, 4, 5), (83, 63, 100)),  # 13/3 → 83.33 ± 19.863 → 63.47–103.20 → 63–104 → 63–100
        ((3, 3, 3, 4), (56, 39, 74)),  # 13/4 → 56.25 ± 17.202 → 39.05–73.45
        ((4, 4, 4, 4, 3), (70, 54, 86)),  # 19/5 = 3.8 → 70 ± 15.386 → 54.61–85.39
        ((1, 1, 2, 1, 1, 1), (4, 0, 19)),  # 7/6 → 4.17 ± 14.046 → −9.88–18.21 → 0–19
    ],
)
def test_ninety_percent_ranges_for_one_to_six_answers(
    values: tuple[int, ...], expected: tuple[int | None, ...]
) -> None:
    data = with_plain_items(definition_dict(), "uppfoljning", 6)
    given = {f"uppfoljning-{k}": v for k, v in enumerate(values, 1)}
    entry = by_slug(score(data, answers(given))["competencies"])["uppfoljning"]
    assert (entry["score"], entry["low"], entry["high"]) == expected
    assert entry["answered"] == len(values)


def test_ranges_stay_within_0_and_100() -> None:
    # uppfoljning 5, reverse 1, 5, reverse 1 → all count 5 → 100 ± 17.202 → 82.80 → 82–100
    # prospektering 1, reverse 5, 1 → all count 1 → 0 ± 19.863 → −19.86–19.86 → 0–20
    result = score(definition_dict(), answers({
        "uppfoljning-1": 5, "uppfoljning-2": 1, "uppfoljning-3": 5, "uppfoljning-4": 1,
        "prospektering-1": 1, "prospektering-2": 5, "prospektering-3": 1}))  # fmt: skip
    entries = by_slug(result["competencies"])
    assert (entries["uppfoljning"]["low"], entries["uppfoljning"]["high"]) == (82, 100)
    assert (entries["prospektering"]["low"], entries["prospektering"]["high"]) == (0, 20)


def test_half_up_rounding_and_thirds() -> None:
    # avslut 4, 3 → 62.5 → 63 (Python's round() would give 62)
    # forhandling 3, reverse 4 → 2, 3 → mean 8/3 → 41.67 → 42
    result = score(definition_dict(), answers({
        "avslut-1": 4, "avslut-2": 3, "forhandling-1": 3, "forhandling-2": 4,
        "forhandling-3": 3}))  # fmt: skip
    entries = by_slug(result["competencies"])
    assert (entries["avslut"]["score"], entries["forhandling"]["score"]) == (63, 42)


def test_not_applicable_counts_as_unanswered() -> None:
    # avslut: 4, 3 and "ej aktuellt": scored from two answers, 62.5 → 63, ± 24.328 → 38–87
    result = score(
        definition_dict(), answers({"avslut-1": 4, "avslut-2": 3, "avslut-3": "ej-aktuellt"})
    )
    entry = by_slug(result["competencies"])["avslut"]
    assert (entry["score"], entry["answered"], entry["low"], entry["high"]) == (63, 2, 38, 87)
    assert (result["answered"], result["not_applicable"]) == (2, 1)


def test_role_status_with_a_threshold_shared_by_the_role(scenario: dict[str, Any]) -> None:
    # Three targets scored (forhandling has one answer): z_3 = Φ⁻¹(1 − 0.1/6) = 2.1280.
    # The interval for the role is score ± z_3 · sem, floor/ceil, within 0–100:
    # behovsanalys 50 ± 2.1280 · 10.4583 = 22.25 → 27.75–72.25 → 27–73; 70 inside → at
    # avslut 62.5 ± 2.1280 · 14.7902 = 31.47 → 31.03–93.97 → 31–94; 80 inside → at
    # prospektering 83.33 ± 2.1280 · 12.0761 = 25.70 → 57.63–109.0 → 57–100; 85 → at
    # Order: the unrounded gaps 20, 17.5, 1.67, then the unscored one.
    targets = scenario["role"]["targets"]
    shown = [(t["slug"], t["target"], t["score"], t["gap"], t["status"], t["role_low"],
              t["role_high"]) for t in targets]  # fmt: skip
    assert shown == [
        ("behovsanalys", 70, 50, 20, "at", 27, 73),
        ("avslut", 80, 63, 17, "at", 31, 94),
        ("prospektering", 85, 83, 2, "at", 57, 100),
        ("forhandling", 60, None, None, None, None, None),
    ]
    assert targets[0]["why"] == "Rätt erbjudande kräver rätt frågor."
    assert (scenario["development"], scenario["development_basis"]) == ([], "role")
    assert (
        "Jämfört med rollen Nykundsjägare ligger du inte tydligt under målet i någon av de 3 "
        "kompetenserna med ett värde: skillnaderna mot målen ryms inom mätningens felmarginal."
    ) in scenario["summary"]


@pytest.mark.parametrize(
    ("level", "status"),
    [
        (87, "at"),  # the interval's upper end
        (88, "under"),  # above it
        (38, "at"),  # its lower end
        (37, "over"),  # below it
    ],
)
def test_role_status_is_decided_on_the_interval_for_the_role(level: int, status: str) -> None:
    # avslut 4, 3: 62.5, shown 63. One target: z_1 = Φ⁻¹(0.95) = 1.6449, the range's own z:
    # 62.5 ± 1.6449 · 14.7902 = 24.33 → 38.17–86.83 → 38–87, the range itself.
    data = with_targets(definition_dict(), avslut=level)
    result = score(data, answers({"avslut-1": 4, "avslut-2": 3}, role="nykundsjagare"))
    (target,) = result["role"]["targets"]
    assert (target["gap"], target["status"]) == (level - 63, status)
    assert (target["role_low"], target["role_high"]) == (target["low"], target["high"]) == (38, 87)
    assert [e["slug"] for e in result["development"]] == (["avslut"] if status == "under" else [])


@pytest.mark.parametrize(
    ("level", "status"), [(90, "at"), (91, "at"), (92, "under"), (69, "at"), (68, "over")]
)
def test_eighty_with_the_range_69_to_91(level: int, status: str) -> None:
    # Ten plain statements: eight 4 and two 5 → 42/10 = 4.2 → 80 ± 10.880 → 69.12–90.88 → 69–91.
    # One target: the interval for the role is the range, 69–91. Target 90 and 91 (its end)
    # inside → at; 92 above → under; 69 inside → at; 68 below → over.
    data = with_targets(with_plain_items(definition_dict(), "uppfoljning", 10), uppfoljning=level)
    given = {f"uppfoljning-{k}": 5 if k <= 2 else 4 for k in range(1, 11)}
    result = score(data, answers(given, role="nykundsjagare"))
    (target,) = result["role"]["targets"]
    assert (target["score"], target["low"], target["high"]) == (80, 69, 91)
    assert (target["status"], target["role_low"], target["role_high"]) == (status, 69, 91)


def test_a_target_inside_the_shown_range_is_at_the_target() -> None:
    # The rule as the page states it: "ett mål inom ditt intervall är alltid på målet".
    # prospektering 3, reverse 2 → 4, 3: 10/3 → 58.33, shown 58, ± 19.863 → 38.47–78.20 → 38–79.
    # Target 79 lies inside 38–79, yet 79 − 58 = 21 > ceil(19.863) = 20.
    data = with_targets(definition_dict(), prospektering=79)
    given = {"prospektering-1": 3, "prospektering-2": 2, "prospektering-3": 3}
    (target,) = score(data, answers(given, role="nykundsjagare"))["role"]["targets"]
    assert (target["score"], target["low"], target["high"]) == (58, 38, 79)
    assert target["status"] == "at"


def test_exactly_on_every_target_is_at_every_target() -> None:
    # ALL_75: every competency 75; every target 75 → every shown gap 0.
    data = with_targets(definition_dict(), prospektering=75, avslut=75, behovsanalys=75,
                        forhandling=75)  # fmt: skip
    result = score(data, answers(ALL_75, role="nykundsjagare"))
    assert {t["status"] for t in result["role"]["targets"]} == {"at"}
    assert result["development"] == []
    assert (
        "Jämfört med rollen Nykundsjägare ligger du inte tydligt under målet i någon av de 4 "
        "kompetenserna med ett värde: skillnaderna mot målen ryms inom mätningens felmarginal."
    ) in result["summary"]


def test_a_role_with_one_clear_shortfall_names_it() -> None:
    # ALL_75 but prospektering 2, reverse 4, 2 → all count 2 → 25. Targets all 75, four
    # scored: z_4 = 2.2414; prospektering ceil(2.2414 · 12.0761 = 27.07) = 28; gap 50 > 28.
    data = with_targets(definition_dict(), prospektering=75, avslut=75, behovsanalys=75,
                        forhandling=75)  # fmt: skip
    given = ALL_75 | {"prospektering-1": 2, "prospektering-2": 4, "prospektering-3": 2}
    result = score(data, answers(given, role="nykundsjagare"))
    statuses = {t["slug"]: (t["gap"], t["status"]) for t in result["role"]["targets"]}
    assert statuses == {"prospektering": (50, "under"), "avslut": (0, "at"),
                        "behovsanalys": (0, "at"), "forhandling": (0, "at")}  # fmt: skip
    assert [e["slug"] for e in result["development"]] == ["prospektering"]
    assert (result["development"][0]["target"], result["development"][0]["why"]) == (75, "x")
    assert (
        "Jämfört med rollen Nykundsjägare ligger du tydligt under målet i 1 av 4 kompetenser "
        "med ett värde, mest i Prospektering."
    ) in result["summary"]


def test_tied_shortfalls_are_named_together_beyond_the_top_three() -> None:
    # Two plain answers 4 and 2 per competency → every score 50 (n = 2). Five targets scored:
    # z_5 = 2.3263, threshold ceil(2.3263 · 14.7902 = 34.41) = 35. Gaps 50, 40, 40, 40, 36:
    # all under; the three largest are 50, 40, 40, and the fourth 40 ties with the third,
    # so four are named; 36 is not.
    data = with_targets(definition_dict(), prospektering=100, behovsanalys=90, forhandling=90,
                        avslut=90, uppfoljning=86)  # fmt: skip
    pairs = (("prospektering", 1, 3), ("behovsanalys", 1, 2), ("forhandling", 1, 3),
             ("avslut", 1, 2), ("uppfoljning", 1, 3))  # fmt: skip
    given = {f"{slug}-{n}": v for slug, a, b in pairs for n, v in ((a, 4), (b, 2))}
    result = score(data, answers(given, role="nykundsjagare"))
    assert [(t["slug"], t["gap"], t["status"]) for t in result["role"]["targets"]] == [
        ("prospektering", 50, "under"), ("behovsanalys", 40, "under"), ("forhandling", 40,
        "under"), ("avslut", 40, "under"), ("uppfoljning", 36, "under")]  # fmt: skip
    assert [e["slug"] for e in result["development"]] == [
        "prospektering", "behovsanalys", "forhandling", "avslut"]  # fmt: skip
    assert (
        "Jämfört med rollen Nykundsjägare ligger du tydligt under målet i 5 av 5 kompetenser "
        "med ett värde, mest i Prospektering, Behovsanalys, Förhandling och Avslut."
    ) in result["summary"]


def test_a_development_area_says_what_pulled_it_down_ties_included() -> None:
    # behovsanalys 1, 1, reverse 5, 4 → counts 1, 1, 1, 4: mean 7/4 → 18.75 → 19. The only
    # scored target: threshold ceil(1.6449 · 10.4583 = 17.20) = 18; 70 − 19 = 51 → under.
    # Below the mean 1.75: the three answers that count 1. Two are shown, and the third
    # ties with the second, so all three are: none is picked by list order.
    result = score(definition_dict(), answers({"behovsanalys-1": 1, "behovsanalys-2": 1,
        "behovsanalys-3": 5, "behovsanalys-4": 4}, role="nykundsjagare"))  # fmt: skip
    (area,) = result["development"]
    assert (area["slug"], area["score"], area["target"]) == ("behovsanalys", 19, 70)
    assert [(a["id"], a["answer"], a["label"]) for a in area["pulled_down"]] == [
        ("behovsanalys-1", 1, "Stämmer inte alls"), ("behovsanalys-2", 1, "Stämmer inte alls"),
        ("behovsanalys-3", 5, "Stämmer helt")]  # fmt: skip
    assert area["mindsets"] == [{"slug": "nyfikenhet", "title": "Nyfikenhet",
        "url": "tankesatt/nyfikenhet/", "relation": "builds",
        "sentence": "Nyfikenhet bär behovsanalysen."}]  # fmt: skip
    assert area["articles"] == [
        {"title": "Frågor som öppnar", "url": "artiklar/oppna-fragor/"},
        {"title": "Lyssna aktivt", "url": "artiklar/aktivt-lyssnande/"},
    ]


def test_only_answers_below_the_mean_pulled_it_down() -> None:
    # avslut 4, 3 → 62.5 (mean 3.5): only avslut-2 (3) is below. Target 89: gap 26 > 25.
    data = with_targets(definition_dict(), avslut=89)
    result = score(data, answers({"avslut-1": 4, "avslut-2": 3}, role="nykundsjagare"))
    assert result["development"][0]["pulled_down"] == [
        {"id": "avslut-2", "text": "Jag ber om affären när kunden är redo.", "answer": 3,
         "label": "Stämmer delvis"}]  # fmt: skip


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
        "format", "version", "answered", "not_applicable", "items", "summary", "claims",
        "competencies", "groups", "strengths", "development", "development_basis", "reflect",
        "role", "quality", "voice", "limits", "selftest",
    ]  # fmt: skip
    assert (scenario["format"], scenario["version"]) == ("saljkompetens-resultat", 2)
    assert scenario["limits"] == "En självskattning visar hur du själv ser på ditt arbete."
    assert list(scenario["competencies"][0]) == [
        "slug", "title", "url", "score", "low", "high", "answered", "items", "band",
        "description", "group", "difference", "reference", "threshold",
    ]  # fmt: skip


def test_inputs_are_not_mutated_and_results_are_fresh() -> None:
    data = with_targets(definition_dict(), behovsanalys=95)  # 95 − 50 = 45 > 18: under
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


def test_a_role_with_a_single_scored_competency_is_said_in_the_singular() -> None:
    # forhandling 3, reverse 3 → 3, 3: 50 ± 24.328 → 25–75; target 60: 10 ≤ 25 → at; the
    # role's other competencies have no value, so the sentence speaks of one competency.
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
    assert "Jämfört med rollen Nykundsjägare" in text
    assert "1 kompetenser" not in text


def test_a_role_with_no_scored_competency_claims_nothing_about_it() -> None:
    # Only uppfoljning is answered (50), and the role has no target for it.
    result = score(definition_dict(), answers({"uppfoljning-1": 3, "uppfoljning-3": 3},
                                              "nykundsjagare"))  # fmt: skip
    assert {t["status"] for t in result["role"]["targets"]} == {None}
    assert "0 kompetenser" not in " ".join(result["summary"])
