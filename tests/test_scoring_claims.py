"""What the report names against the person's own profile: strengths, development areas and
stages of the sale, only beyond their thresholds; ties kept together; nothing at all after
an answer pattern that makes differences unreliable. Worked out by hand on the fixture of
test_scoring_rules.py (see its docstring for the model: sem² = 437.5 / n).

The rules (ranking.py): one error rate (FAMILY_ERROR 10 %) shared by the k comparisons of a
report, z_k = inv_cdf(1 − 0.10 / (2k)): k = 3: 2.1280, 5: 2.3263, 7: 2.4500, 9: 2.5392.
A competency is compared with the median of the other scored ones; the median's error is
se_m² = mean(others' sem²) / m, times π/2 when m ≥ 3 others. threshold =
ceil(z_k · √(sem² + se_m²)); named when the shown (rounded half up) difference is larger.
All five fixture competencies scored (k = 5), with 3-item ones scored from 3 answers and
4-item ones from 4:
  3 items (others 4, 3, 3, 4): se_m² = (π/2) · ((109.375 + 145.833) · 2 / 4) / 4 = 50.11;
      2.3263 · √(145.833 + 50.11) = 2.3263 · 13.998 = 32.56 → 33
  4 items (others 3, 3, 3, 4): se_m² = (π/2) · ((3 · 145.833 + 109.375) / 4) / 4 = 53.69;
      2.3263 · √(109.375 + 53.69) = 2.3263 · 12.770 = 29.71 → 30
"""

from typing import Any

import pytest

from scoring_py import score
from tests.test_scoring_rules import SCENARIO, answers, definition_dict, with_targets
from tests.test_scoring_simulation import synthetic_definition

FULL = "Du har svarat på 17 av 17 påståenden; 5 av 5 kompetenser har fått ett värde."
NOTHING = (
    "Ingen kompetens skiljer sig från de andra mer än vad mätningens felmarginal kan ge av en "
    "slump. Det betyder inte att de är lika, bara att några få påståenden per kompetens inte "
    "räcker för att visa det."
)


def certainty(smallest: int) -> str:
    """The closing sentence; `smallest` is the median of the competencies' thresholds."""
    return (
        "Varje värde visas med ett intervall som med 90\u00a0% sannolikhet rymmer ditt värde utan "
        f"mätfel. En skillnad nämns bara när den är så stor (här ungefär {smallest} poäng) att "
        "den som egentligen ligger lika överallt får något utpekat högst 10 gånger av 100; "
        "mindre skillnader kan vara verkliga, men mätningen kan inte skilja dem från slumpen."
    )


def reflect_sentence(names: str) -> str:
    return (
        f"Vill du ändå börja någonstans är dina lägsta värden {names}; det är en plats att "
        "börja fundera, inte ett resultat."
    )


def differences(result: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        e["slug"]: (e["score"], e["difference"], e["reference"], e["threshold"])
        for e in result["competencies"]
    }


def every(prosp: tuple[int, ...], behov: tuple[int, ...], forh: tuple[int, ...],
          avslut: tuple[int, ...], uppf: tuple[int, ...]) -> dict[str, int]:  # fmt: skip
    """All 17 answers, per competency in statement order (reverse ones as answered)."""
    given: dict[str, int] = {}
    slugs = ("prospektering", "behovsanalys", "forhandling", "avslut", "uppfoljning")
    for slug, values in zip(slugs, (prosp, behov, forh, avslut, uppf), strict=True):
        given |= {f"{slug}-{k}": v for k, v in enumerate(values, 1)}
    return given


def test_the_old_scenario_names_nothing_now() -> None:
    # prospektering 83.33 (3), behovsanalys 50 (4), avslut 62.5 (2); three scored: z_3 = 2.1280.
    # prospektering: median of 50, 62.5 = 56.25 → +27.08 → 27; se_m² = (109.375 + 218.75) / 2
    #   / 2 = 82.03 (two others: no π/2); 2.1280 · √(145.833 + 82.03) = 32.12 → 33: 27 ≤ 33.
    # behovsanalys: median 72.92 → −22.92 → −23; se_m² = (145.833 + 218.75) / 4 = 91.15;
    #   2.1280 · √(109.375 + 91.15) = 30.13 → 31.
    # avslut: median 66.67 → −4.17 → −4; se_m² = (145.833 + 109.375) / 4 = 63.80;
    #   2.1280 · √(218.75 + 63.80) = 35.77 → 36.
    result = score(definition_dict(), answers(SCENARIO))
    assert differences(result) == {
        "prospektering": (83, 27, 56, 33),
        "behovsanalys": (50, -23, 73, 31),
        "forhandling": (None, None, None, None),
        "avslut": (63, -4, 67, 36),
        "uppfoljning": (None, None, None, None),
    }
    assert (result["strengths"], result["development"]) == ([], [])
    assert result["claims"] == {"coverage": 90, "family_error": 10, "comparisons": 3,
        "z": 2.13, "smallest_difference": 33, "withheld": [], "profile_only": False}  # fmt: skip
    # Nothing named: the lowest three as a place to start, not as a finding.
    assert [e["slug"] for e in result["reflect"]] == ["behovsanalys", "avslut", "prospektering"]
    assert result["summary"][1:4] == [
        NOTHING,
        reflect_sentence("Behovsanalys, Avslut och Prospektering"),
        certainty(33),  # the thresholds 31, 33, 36
    ]


# prospektering 5, reverse 2, 4 → 5, 4, 4 → 13/3 → 83.33 (threshold 33, see above).
# At: every other competency 3 everywhere → 50; median 50 → +33.33 → 33, not more than 33.
# Beyond: forhandling 3, rev 4, 3 → 8/3 → 41.67; avslut 3, 2, rev 3 → 41.67; behovsanalys
#   4, 3, rev 3, 3 → 13/4 → 56.25; uppfoljning 4, rev 3, 3, rev 3 → 56.25; median
#   (41.67 + 56.25) / 2 = 48.96 → +34.38 → 34 > 33. The others: 56.25 vs 48.96 → +7;
#   41.67 vs 56.25 → −14.58 → −15: none beyond 30 or 33.
STRONG = (5, 2, 4)
AT_STRENGTH = every(STRONG, (3, 3, 3, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3, 3))
BEYOND_STRENGTH = every(STRONG, (4, 3, 3, 3), (3, 4, 3), (3, 2, 3), (4, 3, 3, 3))


@pytest.mark.parametrize(
    ("given", "shown", "named"),
    [(AT_STRENGTH, (83, 33, 50, 33), []), (BEYOND_STRENGTH, (83, 34, 49, 33), ["prospektering"])],
)
def test_a_strength_is_named_only_beyond_its_threshold(
    given: dict[str, int], shown: tuple[int, ...], named: list[str]
) -> None:
    result = score(definition_dict(), answers(given))
    assert differences(result)["prospektering"] == shown
    assert [e["slug"] for e in result["strengths"]] == named
    assert result["development"] == []
    assert (result["claims"]["comparisons"], result["claims"]["z"]) == (5, 2.33)
    thresholds = {slug: row[3] for slug, row in differences(result).items()}
    assert thresholds == {"prospektering": 33, "behovsanalys": 30, "forhandling": 33,
                          "avslut": 33, "uppfoljning": 30}  # fmt: skip


def test_a_named_strength_in_the_report() -> None:
    result = score(definition_dict(), answers(BEYOND_STRENGTH))
    (strength,) = result["strengths"]
    # 83.33 ± 19.863 → 63.47–103.20 → 63–100
    assert strength == {"slug": "prospektering", "title": "Prospektering",
        "url": "kompetenser/prospektering/", "score": 83, "low": 63, "high": 100,
        "difference": 34, "reference": 49, "threshold": 33}  # fmt: skip
    assert result["summary"] == [
        FULL,
        "Enligt din skattning är Prospektering din tydligaste "
        "styrka: tydligt över dina andra kompetenser.",
        certainty(33),
    ]  # 30, 30, 33, 33, 33
    assert (result["reflect"], result["quality"]) == ([], [])


# prospektering 2, reverse 5, 2 → 2, 1, 2 → 5/3 → 16.67.
# At: every other 50 → −33.33 → −33 (half up), not more than 33.
# Beyond: behovsanalys 3, 3, rev 4, 3 → 11/4 → 43.75; uppfoljning 3, rev 4, 3, rev 3 → 43.75;
#   forhandling 4, rev 3, 3 → 10/3 → 58.33; avslut 4, 3, rev 3 → 58.33; median
#   (43.75 + 58.33) / 2 = 51.04 → −34.38 → −34. The others: ±7 and +15 at most.
WEAK = (2, 5, 2)
AT_DEVELOPMENT = every(WEAK, (3, 3, 3, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3, 3))
BEYOND_DEVELOPMENT = every(WEAK, (3, 3, 4, 3), (4, 3, 3), (4, 3, 3), (3, 4, 3, 3))


@pytest.mark.parametrize(
    ("given", "shown", "named"),
    [(AT_DEVELOPMENT, (17, -33, 50, 33), []),
     (BEYOND_DEVELOPMENT, (17, -34, 51, 33), ["prospektering"])],
)  # fmt: skip
def test_a_development_area_is_named_only_beyond_its_threshold(
    given: dict[str, int], shown: tuple[int, ...], named: list[str]
) -> None:
    result = score(definition_dict(), answers(given))
    assert differences(result)["prospektering"] == shown
    assert [e["slug"] for e in result["development"]] == named
    assert result["strengths"] == []


def test_a_named_development_area_in_the_report() -> None:
    result = score(definition_dict(), answers(BEYOND_DEVELOPMENT))
    (area,) = result["development"]
    assert (area["difference"], area["reference"], area["threshold"]) == (-34, 51, 33)
    assert (area["target"], area["why"]) == (None, None)
    # counts 2, 1, 2 (mean 5/3): only the reverse answer 5, counting 1, is below the mean
    assert [(a["id"], a["answer"]) for a in area["pulled_down"]] == [("prospektering-2", 5)]
    assert result["summary"] == [
        FULL,
        "Tydligast under dina andra kompetenser ligger, enligt din skattning, Prospektering.",
        certainty(33),
    ]  # 30, 30, 33, 33, 33


def test_a_flat_profile_names_nothing_and_says_so() -> None:
    # prospektering 4, rev 2, 3 → 11/3 → 66.67; behovsanalys 4, 4, rev 2, 2 → 14/4 → 62.5;
    # forhandling 4, rev 3, 3 → 58.33; avslut 3, 3, rev 3 → 50; uppfoljning 4, rev 3, 3,
    # rev 3 → 56.25. The largest differences: prospektering vs median 57.29 → +9; avslut vs
    # 60.42 → −10: far from 30 and 33. Lowest three: avslut 50 (± 19.863 → 30–70),
    # uppfoljning 56.25 (± 17.202 → 39–74), forhandling 58.33 (± 19.863 → 38–79).
    given = every((4, 2, 3), (4, 4, 2, 2), (4, 3, 3), (3, 3, 3), (4, 3, 3, 3))
    result = score(definition_dict(), answers(given))
    assert (result["strengths"], result["development"], result["quality"]) == ([], [], [])
    assert result["reflect"] == [
        {"slug": "avslut", "title": "Avslut", "url": "kompetenser/avslut/", "score": 50,
         "low": 30, "high": 70},
        {"slug": "uppfoljning", "title": "Uppföljning", "url": "kompetenser/uppfoljning/",
         "score": 56, "low": 39, "high": 74},
        {"slug": "forhandling", "title": "Förhandling", "url": "kompetenser/forhandling/",
         "score": 58, "low": 38, "high": 79},
    ]  # fmt: skip
    assert result["summary"] == [
        FULL,
        NOTHING,
        reflect_sentence("Avslut, Uppföljning och Förhandling"),
        certainty(33),  # the thresholds 30, 30, 33, 33, 33 (see the strength above)
    ]


def test_an_even_profile_lists_no_lowest_values() -> None:
    # Every normal statement 4, every reverse one 2: all count 4 → 75 everywhere. All five
    # are equal, so none is "lowest": no list is shown, and none is picked by order.
    given = every((4, 2, 4), (4, 4, 2, 4), (4, 2, 4), (4, 4, 2), (4, 2, 4, 2))
    result = score(definition_dict(), answers(given))
    assert {e["difference"] for e in result["competencies"]} == {0}
    assert result["reflect"] == []
    assert not any("lägsta värden" in sentence for sentence in result["summary"])


def test_ties_in_the_reflection_are_kept() -> None:
    # prospektering 3 → 50 (4, 2, 4 less one step: 3, 3, 3); the other four 75: the lowest
    # three are prospektering and two of four tied at 75, so all four 75s are listed too.
    given = every((3, 3, 3), (4, 4, 2, 4), (4, 2, 4), (4, 4, 2), (4, 2, 4, 2))
    result = score(definition_dict(), answers(given))
    assert [e["slug"] for e in result["reflect"]] == [
        "prospektering", "behovsanalys", "forhandling", "avslut", "uppfoljning"]  # fmt: skip


def test_tied_strengths_and_development_areas_are_named_together() -> None:
    # Nine plain competencies of four statements: k01–k04 all 5 → 100, k05–k09 all 2 → 25.
    # z_9 = 2.5392; se_m² = (π/2) · 109.375 / 8 = 21.48; 2.5392 · √(109.375 + 21.48) = 29.05
    # → 30. A 100: others 3 × 100, 5 × 25 → median 25 → +75. A 25: others 4 × 100, 4 × 25
    # → median 62.5 → −37.5 → −37 (half up). All four strengths tie, all five areas tie.
    definition = synthetic_definition(competencies=9, items=4, reverse_every=0, groups=0)
    given = {f"k{c:02}-{i}": 5 if c <= 4 else 2 for c in range(1, 10) for i in range(1, 5)}
    result = score(definition, answers(given))
    assert [(e["slug"], e["difference"], e["threshold"]) for e in result["strengths"]] == [
        (f"k{c:02}", 75, 30) for c in range(1, 5)]  # fmt: skip
    assert [(e["slug"], e["difference"]) for e in result["development"]] == [
        (f"k{c:02}", -37) for c in range(5, 10)]  # fmt: skip
    assert result["summary"][1:3] == [
        "Enligt din skattning är Kompetens 1, Kompetens 2, Kompetens 3 och Kompetens 4 dina "
        "tydligaste styrkor: tydligt över dina andra kompetenser.",
        "Tydligast under dina andra kompetenser ligger, enligt din skattning, Kompetens 5, "
        "Kompetens 6, Kompetens 7, Kompetens 8 och Kompetens 9.",
    ]


def test_fewer_than_three_scored_compare_nothing() -> None:
    # prospektering 100 and avslut 0: two scores make no median worth comparing with.
    result = score(definition_dict(), answers({
        "prospektering-1": 5, "prospektering-2": 1, "avslut-1": 1, "avslut-2": 1}))  # fmt: skip
    assert (result["strengths"], result["development"]) == ([], [])
    assert result["claims"]["comparisons"] == 0
    assert {e["threshold"] for e in result["competencies"]} == {None}
    assert NOTHING not in result["summary"]


def grouped() -> dict[str, Any]:
    """The fixture with two stages: prospektering, behovsanalys, forhandling (10 statements)
    and avslut, uppfoljning (7)."""
    data = definition_dict()
    for competency in data["competencies"]:
        first = competency["slug"] in ("prospektering", "behovsanalys", "forhandling")
        competency["group"] = "Hitta affärerna" if first else "Driva affären till beslut"
    return data


# prospektering 4, rev 2, 3 → 11; behovsanalys 4, 4, rev 2, 2 → 14; forhandling 4, rev 3, 3
# → 10: the first stage 35 / 10 = 3.5 → 62.5. avslut 2, 3, rev 4 → 7 (33.33); uppfoljning
# 2, rev 4, 3, rev 4 → 9 (31.25): the second 16 / 7 → 32.14.
STAGES = every((4, 2, 3), (4, 4, 2, 2), (4, 3, 3), (2, 3, 4), (2, 4, 3, 4))


def test_stages_show_what_single_competencies_cannot() -> None:
    # k = 5 competencies + 2 stages = 7: z_7 = 2.4500. Stage against the mean of the other:
    # 2.45 · √(437.5/10 + 437.5/7) = 2.45 · √106.25 = 25.25 → 26 for both; 62.5 − 32.14 =
    # +30.36 → 30 and −30.36 → −30: both clear. Ranges: 62.5 ± 10.880 → 51–74;
    # 32.14 ± 13.004 → 19.14–45.15 → 19–46.
    result = score(grouped(), answers(STAGES))
    assert result["groups"] == [
        {"name": "Hitta affärerna", "score": 63, "low": 51, "high": 74, "answered": 10,
         "items": 10, "competencies": ["prospektering", "behovsanalys", "forhandling"],
         "direction": "high", "difference": 30, "reference": 32, "threshold": 26},
        {"name": "Driva affären till beslut", "score": 32, "low": 19, "high": 46,
         "answered": 7, "items": 7, "competencies": ["avslut", "uppfoljning"],
         "direction": "low", "difference": -30, "reference": 63, "threshold": 26},
    ]  # fmt: skip
    # Competencies with z_7 (thresholds 35 for three statements, 32 for four): the largest
    # difference, uppfoljning 31.25 vs median 60.42 → −29, names nothing.
    assert differences(result) == {
        "prospektering": (67, 21, 46, 35), "behovsanalys": (63, 17, 46, 32),
        "forhandling": (58, 10, 48, 35), "avslut": (33, -27, 60, 35),
        "uppfoljning": (31, -29, 60, 32)}  # fmt: skip
    assert (result["strengths"], result["development"], result["reflect"]) == ([], [], [])
    assert result["summary"] == [
        FULL,
        "Av försäljningens delar ligger ”Hitta affärerna” tydligt över de andra enligt din "
        "skattning.",
        "Av försäljningens delar ligger ”Driva affären till beslut” tydligt under de andra "
        "enligt din skattning.",
        certainty(35),  # the thresholds 32, 32, 35, 35, 35
    ]


@pytest.mark.parametrize(("second", "compared"), [(3, (None, None)), (4, (25, 31))])
def test_a_stage_needs_half_of_its_statements(second: int, compared: tuple[Any, ...]) -> None:
    # The second stage has 7 statements: 3 answered (6 < 7) is too few, and one stage alone
    # is compared with nothing. 4 (8 ≥ 7) are enough: 2, 3, 2, 3 → 37.5; the first stage
    # 62.5 − 37.5 = +25; k = 5 + 2 = 7: 2.45 · √(437.5/10 + 437.5/4) = 2.45 · 12.374 = 30.32
    # → 31, so it is compared but not named.
    first = {k: v for k, v in STAGES.items() if not k.startswith(("avslut", "uppfoljning"))}
    some = dict(list({"avslut-1": 2, "avslut-2": 3, "uppfoljning-1": 2,
                      "uppfoljning-3": 3}.items())[:second])  # fmt: skip
    result = score(grouped(), answers(first | some))
    stage = result["groups"][1]
    assert (stage["answered"], stage["score"]) == (second, 38 if compared[0] else None)
    first_stage = result["groups"][0]
    assert (first_stage["difference"], first_stage["threshold"]) == compared
    assert first_stage["direction"] is None


def test_straight_lining_withholds_every_claim_but_keeps_the_values() -> None:
    # 5 everywhere: prospektering 5, rev 1, 5 → 11/3 → 66.67; behovsanalys 16/4 → 75;
    # forhandling, avslut 66.67; uppfoljning 12/4 → 50. Targets 100, 100, 70, 60 (4 scored:
    # z_4 = 2.2414): without the pattern prospektering and avslut would be under (66.67 ±
    # 2.2414 · 12.0761 = 27.07 → 39–94, and 100 lies above). 17 of 17 answers one value:
    # straight-line.
    data = with_targets(definition_dict(), prospektering=100, avslut=100, behovsanalys=70,
                        forhandling=60)  # fmt: skip
    given = every((5, 5, 5), (5, 5, 5, 5), (5, 5, 5), (5, 5, 5), (5, 5, 5, 5))
    result = score(data, answers(given, role="nykundsjagare"))
    assert [(t["slug"], t["score"], t["gap"], t["status"], t["role_high"])
            for t in result["role"]["targets"]] == [
        ("prospektering", 67, 33, None, None), ("avslut", 67, 33, None, None),
        ("behovsanalys", 75, -5, None, None), ("forhandling", 67, -7, None, None)]  # fmt: skip
    assert (result["strengths"], result["development"], result["reflect"]) == ([], [], [])
    assert result["claims"]["withheld"] == ["straight-line"]
    assert result["summary"] == [FULL, "Dina svar följer ett mönster (nästan samma svar på "
        "allt), så resultatet pekar inte ut några styrkor, utvecklingsområden eller lägen mot "
        "en roll: skillnaderna skulle säga mer om sättet att svara än om ditt arbete. Läs "
        "anteckningarna nedan."]  # fmt: skip


def test_agreeing_with_opposites_withholds_a_strength_and_role_status() -> None:
    # prospektering 5, rev 1, 5 → 100; behovsanalys 4, 4, rev 5, 4 → 13/4 → 56.25;
    # forhandling 4, rev 5, 4 → 50; avslut 4, 4, rev 5 → 50; uppfoljning 4, rev 5, 4, rev 5
    # → 37.5. Without the pattern prospektering would be a strength: median 50 → +50 > 33.
    # Agreed (4 or 5) with 11 of 11 statements and 5 of 6 opposites (83 % ≥ 75 %);
    # one value on 9 of 17 only: acquiescence, not straight-lining.
    given = every((5, 1, 5), (4, 4, 5, 4), (4, 5, 4), (4, 4, 5), (4, 5, 4, 5))
    result = score(definition_dict(), answers(given))
    assert differences(result)["prospektering"] == (100, 50, 50, 33)  # shown, not claimed
    assert (result["strengths"], result["development"], result["reflect"]) == ([], [], [])
    assert [n["code"] for n in result["quality"]] == ["acquiescence"]
    assert result["claims"]["withheld"] == ["acquiescence"]
    assert "(instämmer både i påståendena och i deras motsats)" in result["summary"][1]
    data = with_targets(definition_dict(), prospektering=100)  # 100 − 100 = 0 anyway
    role = score(data, answers(given, role="nykundsjagare"))["role"]["targets"]
    assert [(t["gap"], t["status"]) for t in role] == [(0, None)]
