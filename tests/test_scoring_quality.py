"""Answer-quality notes. Fixture: 13 items; identical_min_answers 10,
unanswered_share 0.25, contradiction_min 4."""

import json
from pathlib import Path
from typing import Any

from scoring_py import score

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
ALL_IDS = [
    "prospektering-1",
    "prospektering-2",
    "prospektering-3",
    "behovsanalys-1",
    "behovsanalys-2",
    "behovsanalys-3",
    "behovsanalys-4",
    "forhandling-1",
    "forhandling-2",
    "forhandling-3",
    "avslut-1",
    "avslut-2",
    "avslut-3",
]


def quality(values: dict[str, int], twelve_items: bool = False) -> list[dict[str, str]]:
    definition = json.loads(FIXTURE.read_text(encoding="utf-8"))
    if twelve_items:
        del definition["competencies"][1]["items"][3]  # drops behovsanalys-4
    result: dict[str, Any] = score(
        definition, {"format": "saljkompetens-svar", "version": 1, "answers": values}
    )
    return result["quality"]


def test_identical_answers_noted_from_ten() -> None:
    # first 10 items all 3 -> 10 >= 10 identical; 3 unanswered of 13 = 23 % <= 25 %
    assert quality(dict.fromkeys(ALL_IDS[:10], 3)) == [
        {
            "code": "identical",
            "message": "Du har gett samma svar på alla 10 påståenden (3, ”Stämmer delvis”). "
            "Då säger resultatet lite om dina verkliga styrkor. Läs påståendena igen "
            "och fundera på vilka som stämmer bäst och sämst.",
        }
    ]


def test_identical_needs_enough_answers() -> None:
    # 9 answers all 3 -> no identical note; 4 of 13 unanswered = 30.8 % > 25 % -> unanswered
    assert [note["code"] for note in quality(dict.fromkeys(ALL_IDS[:9], 3))] == ["unanswered"]


def test_varied_answers_give_no_notes() -> None:
    values = dict.fromkeys(ALL_IDS[:10], 3)
    values["avslut-1"] = 2
    assert quality(values) == []


def test_contradiction_names_the_competency() -> None:
    # prospektering-1 (normal) 4 and prospektering-2 (reverse) 5: both >= 4
    notes = quality({"prospektering-1": 4, "prospektering-2": 5, **dict.fromkeys(ALL_IDS[3:11], 3)})
    assert notes == [
        {
            "code": "contradiction",
            "message": "Inom Prospektering har du instämt (4 eller högre) både i ett påstående "
            "och i ett som säger motsatsen. Läs påståendena om Prospektering igen: "
            "svaren motsäger varandra.",
        }
    ]


def test_no_contradiction_below_threshold() -> None:
    # reverse answered 3 < 4 -> fine; two normal items both 5 -> fine
    values = {"prospektering-1": 5, "prospektering-2": 3, "prospektering-3": 5}
    assert [n for n in quality(values) if n["code"] == "contradiction"] == []


def test_one_contradiction_per_competency_in_definition_order() -> None:
    # avslut (4, reverse 4) and forhandling (5, reverse 4); all others answered 2
    values = dict.fromkeys(ALL_IDS, 2)
    values.update({"avslut-1": 4, "avslut-3": 4, "forhandling-3": 5, "forhandling-2": 4})
    notes = quality(values)
    assert [n["code"] for n in notes] == ["contradiction", "contradiction"]
    assert "Inom Förhandling " in notes[0]["message"]
    assert "Inom Avslut " in notes[1]["message"]


def test_unanswered_share_over_limit() -> None:
    # 4 of 13 unanswered: 4/13 = 0.3077 > 0.25 -> note, 30.77 % -> 31 %
    notes = quality(dict(zip(ALL_IDS[:9], [1, 2, 3, 4, 5, 1, 2, 3, 4], strict=True)))
    assert notes == [
        {
            "code": "unanswered",
            "message": "Du har lämnat 4 av 13 påståenden obesvarade (31 %). Ju fler du svarar "
            "på, desto säkrare blir resultatet.",
        }
    ]


def test_unanswered_share_under_limit_is_fine() -> None:
    # 3 of 13 = 0.23 <= 0.25 -> no note
    assert quality(dict(zip(ALL_IDS[:10], [2, 3] * 5, strict=True))) == []


def test_unanswered_share_exactly_at_limit_is_fine() -> None:
    # without behovsanalys-4 there are 12 items: 3 unanswered = 0.25, not > 0.25 -> no note;
    # 4 unanswered = 0.33 -> note (33 %)
    ids = [item for item in ALL_IDS if item != "behovsanalys-4"]
    assert quality(dict(zip(ids[:9], [2, 3, 2] * 3, strict=True)), twelve_items=True) == []
    notes = quality(dict(zip(ids[:8], [2, 3] * 4, strict=True)), twelve_items=True)
    assert [n["message"][:48] for n in notes] == [
        "Du har lämnat 4 av 12 påståenden obesvarade (33 "
    ]


def test_all_notes_together_in_order() -> None:
    # nothing but 10 x 4 on items including normal+reverse pairs -> identical, contradictions
    # for prospektering, behovsanalys and forhandling; 3 unanswered -> no unanswered note
    notes = quality(dict.fromkeys(ALL_IDS[:10], 4))
    assert [n["code"] for n in notes] == ["identical"] + ["contradiction"] * 3
