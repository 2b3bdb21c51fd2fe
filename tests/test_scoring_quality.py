"""Answer-quality notes, each once for the whole test, worked out by hand on the fixture.

Fixture: 17 statements, 6 of them reverse (prospektering-2, behovsanalys-3, forhandling-2,
avslut-3, uppfoljning-2, uppfoljning-4). Rules: patterns from 10 answers; straight-lining
from 90 % one value; agreeing means 4 or 5; acquiescence from 75 % of the statements and
75 % of the reverse ones; too good from 95 of 100 towards what is desirable (every
competency upwards; a self-test's scale only towards the end it declares desirable, a profile
scale never); unanswered over 25 %. Straight-lining and acquiescence also withhold every
claim (test_scoring_claims.py).
"""

import copy
import json
from pathlib import Path
from typing import Any

from scoring_py import score

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
DEFINITION = json.loads(FIXTURE.read_text(encoding="utf-8"))
ITEMS = [item for c in DEFINITION["competencies"] for item in c["items"]]


def notes(values: dict[str, Any], definition: dict[str, Any] = DEFINITION) -> list[dict[str, str]]:
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "answers": values}
    if definition.get("selftest"):
        data["selftest"] = definition["selftest"]["slug"]
    return score(definition, data)["quality"]


def too_good(who: str) -> str:
    return (
        "Dina svar ger tillsammans 100 av 100 mot det som eftersträvas: nästan allt på bästa "
        "nivån. Det är ovanligt att stämma så väl in på allt; fundera på var "
        f"{who} faktiskt har mest kvar att utveckla."
    )


def selftest(audience: str = "self", **desirable: str) -> dict[str, Any]:
    """The fixture as a self-test (its competencies are the scales) answered by `audience`;
    `desirable` gives a scale's goal ("high" or "low"), the others have none (a profile)."""
    data = copy.deepcopy(DEFINITION)
    data["selftest"] = {"slug": "test", "title": "Test", "url": "sjalvtest/test/",
                     "audience": audience, "articles": [], "source": "",
                     "not_applicable": "Vet inte"}  # fmt: skip
    data["roles"] = []
    for scale in data["competencies"]:
        if scale["slug"] in desirable:
            scale["desirable"] = desirable[scale["slug"]]
    return data


def test_the_same_answer_everywhere_gives_one_note_not_one_per_competency() -> None:
    # 5 on all 17: one value on 17 of 17 → straight-line. It also agrees with every reverse
    # statement, but that is the same pattern: no second note. All count 5 or 1:
    # (11 · 5 + 6 · 1) / 17 = 3.59 → 64.7, not too good. Nothing unanswered.
    assert notes({i["id"]: 5 for i in ITEMS}) == [
        {
            "code": "straight-line",
            "message": "Du har gett samma svar (5, ”Stämmer helt”) på 17 av 17 påståenden. Då "
            "säger resultatet lite om skillnaderna mellan dina kompetenser, och inga skillnader "
            "pekas ut. Läs påståendena igen och fundera på vilka som stämmer bäst och sämst.",
        }
    ]


def test_straight_lining_from_ninety_percent() -> None:
    # 9 of 10 answers are 3 (90 %) → noted; 8 of 10 (80 %) → not.
    nine = {i["id"]: 3 for i in ITEMS[:9]} | {ITEMS[9]["id"]: 1}
    assert [n["code"] for n in notes(nine)] == ["straight-line", "unanswered"]
    eight = {i["id"]: 3 for i in ITEMS[:8]} | {ITEMS[8]["id"]: 1, ITEMS[9]["id"]: 1}
    assert [n["code"] for n in notes(eight)] == ["unanswered"]


def test_agreeing_with_statements_and_their_opposites() -> None:
    # 5 on the 11 normal statements, 4 on the 6 reverse ones: 11/17 share one value (65 %),
    # not straight-lining. Agreed with 100 % of both → acquiescence. They count
    # (11 · 5 + 6 · 2) / 17 = 3.94 → 73.5: not too good.
    values = {i["id"]: 4 if i["reverse"] else 5 for i in ITEMS}
    assert notes(values) == [
        {
            "code": "acquiescence",
            "message": "Du instämmer i 100\u00a0% av påståendena och i 100\u00a0% av dem som säger "
            "motsatsen. Det kan vara ett sätt att svara snarare än en bild av hur du arbetar, "
            "så inga skillnader pekas ut; läs de omvända påståendena igen.",
        }
    ]


def test_agreeing_with_few_opposites_is_not_acquiescence() -> None:
    # reverse: 4 on 4 of the 6 (67 % < 75 %), 2 on the others.
    reverse = [i for i in ITEMS if i["reverse"]]
    values = {i["id"]: 5 for i in ITEMS if not i["reverse"]}
    values |= {i["id"]: 4 for i in reverse[:4]} | {i["id"]: 2 for i in reverse[4:]}
    assert notes(values) == []


def test_too_good_to_be_true() -> None:
    # 5 on every normal statement, 1 on every reverse one: everything counts 5 → 100.
    values = {i["id"]: 1 if i["reverse"] else 5 for i in ITEMS}
    assert notes(values) == [
        {
            "code": "too-good",
            "message": too_good("du"),
        }
    ]


def test_just_below_too_good() -> None:
    # One normal statement 4 instead of 5: (16 · 5 + 4) / 17 = 84/17 → (84/17 − 1) · 25 = 98.5
    # still ≥ 95; three of them 4: (14 · 5 + 12) / 17 = 82/17 → 95.6 ≥ 95; five: 80/17 →
    # 92.6 < 95.
    normal = [i for i in ITEMS if not i["reverse"]]
    for lowered, noted in ((1, True), (3, True), (5, False)):
        values = {i["id"]: 1 if i["reverse"] else 5 for i in ITEMS}
        values |= {i["id"]: 4 for i in normal[:lowered]}
        assert ("too-good" in [n["code"] for n in notes(values)]) == noted, lowered


def test_patterns_need_ten_answers() -> None:
    assert notes({i["id"]: 5 for i in ITEMS[:9]}) == [
        {
            "code": "unanswered",
            "message": "8 av 17 påståenden saknar svar, 47\u00a0%. Kompetenser med få svar får ett "
            "brett intervall eller inget värde alls.",
        }
    ]


def test_unanswered_counts_not_applicable_and_says_so() -> None:
    # 10 answered (varied), 3 "ej aktuellt", 4 without an answer: 7 of 17 = 41 % > 25 %.
    values: dict[str, Any] = {i["id"]: (k % 5) + 1 for k, i in enumerate(ITEMS[:10])}
    values |= {i["id"]: "ej-aktuellt" for i in ITEMS[10:13]}
    assert notes(values) == [
        {
            "code": "unanswered",
            "message": "7 av 17 påståenden saknar svar (varav 3 ”Ej aktuellt i min roll”), "
            "41\u00a0%. Kompetenser med få svar får ett brett intervall eller inget värde alls.",
        }
    ]


def test_a_quarter_unanswered_is_fine() -> None:
    # 13 of 17 answered: 4 missing = 23.5 % ≤ 25 %.
    values = {i["id"]: (k % 5) + 1 for k, i in enumerate(ITEMS[:13])}
    assert notes(values) == []


# prospektering towards its high end: 5, reverse 1, 5 → all count 5 towards "high".
# behovsanalys towards its low end: 1, 1, reverse 5, 1 → towards "low" a normal answer v counts
# 6 − v and a reverse one v: 5, 5, 5, 5. The rest 3 everywhere (10 of 17 one value, 59 %).
TOWARDS_GOALS = {"prospektering-1": 5, "prospektering-2": 1, "prospektering-3": 5,
                 "behovsanalys-1": 1, "behovsanalys-2": 1, "behovsanalys-3": 5,
                 "behovsanalys-4": 1} | {i["id"]: 3 for i in ITEMS[7:]}  # fmt: skip


def test_too_good_counts_a_selftest_scale_towards_its_desirable_end() -> None:
    # Only the two scales with a goal count: 7 answers, all 5 towards it → 100 ≥ 95.
    data = selftest(prospektering="high", behovsanalys="low")
    assert notes(TOWARDS_GOALS, data) == [{"code": "too-good", "message": too_good("du")}]


def test_the_top_of_a_scale_whose_goal_is_low_is_not_too_good() -> None:
    # behovsanalys at its high end: 5, 5, reverse 1, 5 → towards "low" 1, 1, 1, 1. With
    # prospektering's three 5: (3 · 5 + 4 · 1) / 7 = 19/7 → (19/7 − 1) · 25 = 42.9 < 95.
    values = TOWARDS_GOALS | {"behovsanalys-1": 5, "behovsanalys-2": 5, "behovsanalys-3": 1,
                              "behovsanalys-4": 5}  # fmt: skip
    assert notes(values, selftest(prospektering="high", behovsanalys="low")) == []


def test_a_profile_selftest_has_no_too_good_end() -> None:
    # Every answer at the high end (reverse ones at 1): 100 on the competency assessment, but
    # a self-test whose scales declare no desirable end is a profile: no end is "too good".
    values = {i["id"]: 1 if i["reverse"] else 5 for i in ITEMS}
    assert [n["code"] for n in notes(values)] == ["too-good"]
    assert notes(values, selftest()) == []


def test_an_organisation_selftest_speaks_of_the_organisation() -> None:
    everything_high = {
        name: "high"
        for name in ("prospektering", "behovsanalys", "forhandling", "avslut", "uppfoljning")
    }
    data = selftest("organisation", **everything_high)
    values = {i["id"]: 1 if i["reverse"] else 5 for i in ITEMS}
    assert notes(values, data) == [{"code": "too-good", "message": too_good("er organisation")}]
    assert notes({i["id"]: 5 for i in ITEMS}, data)[0]["message"] == (
        "Du har gett samma svar (5, ”Stämmer helt”) på 17 av 17 påståenden. Då säger "
        "resultatet lite om skillnaderna mellan er organisations skalor, och inga skillnader "
        "pekas ut. Läs påståendena igen och fundera på vilka som stämmer bäst och sämst."
    )
    agreeing = {i["id"]: 4 if i["reverse"] else 5 for i in ITEMS}
    assert notes(agreeing, data)[0]["message"] == (
        "Du instämmer i 100\u00a0% av påståendena och i 100\u00a0% av dem som säger motsatsen. "
        "Det kan vara ett sätt att svara snarare än en bild av hur er organisation arbetar, "
        "så inga skillnader pekas ut; läs de omvända påståendena igen."
    )
    # 12 answered and 5 "Vet inte" (the self-test's own name for the unscored answer): 5 of 17
    # = 29.4 % > 25 %, said with the self-test's word for its parts.
    values = {i["id"]: (k % 5) + 1 for k, i in enumerate(ITEMS[:12])}
    values |= {i["id"]: "ej-aktuellt" for i in ITEMS[12:]}
    assert notes(values, data) == [{"code": "unanswered", "message": "5 av 17 påståenden "
        "saknar svar (varav 5 ”Vet inte”), 29\u00a0%. Skalor med få svar får ett brett intervall "
        "eller inget värde alls."}]  # fmt: skip
