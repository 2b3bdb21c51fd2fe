"""The team view on the hand-written fixture. Every expected number is worked out by hand.

Fixture (tests/fixtures/scoring/definition.json): scale 1..5, min_answers 2; prospektering
(3 items, #2 reverse), behovsanalys (4, #3 reverse), forhandling (3, #2 reverse), avslut
(3, #3 reverse), uppfoljning (4, #2 and #4 reverse). Role nykundsjagare targets
prospektering 85, avslut 80, behovsanalys 70, forhandling 60. A reverse answer v counts
6 − v; a score is (mean − 1) · 25.

D answered 10 of 17 statements: more than 25 % unanswered, so D is shown but kept out of
the team's numbers (and says so); the aggregates come from AB and the two unlabelled.

With a role each person's interval for the role is score ± z_k · sem, z_k for the targets
that person has a value in (all four for AB and the two: z_4 = Φ⁻¹(1 − 0.1/8) = 2.2414),
sem(3) = 12.0761 → ± 27.07, sem(4) = 10.4583 → ± 23.44 (floor/ceil, within 0–100).

Four sellers (their own ratings):

            prospektering  behovsanalys  forhandling  avslut  uppfoljning
  AB        5,1,5 → 100    3,3,3,3 → 50  4,2,4 → 75   2,2,4 → 25   –
  (none)    4,2,4 → 75     4,4,2,4 → 75  3,3,3 → 50   3,3,3 → 50   –
  (none)    2,4,2 → 25     2,2,4,2 → 25  5,1,5 → 100  4,4,2 → 75   3,3,3,3 → 50
  D         3,3,3 → 50     5 (one) → –   4,2,4 → 75   5,5,1 → 100  –
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scoring_py.team import MIN_TEAM

from scoring_py import ScoringError, team, team_csv, team_json

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"


def definition() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def file(values: dict[str, Any], label: str | None = None, rater: str | None = None) -> str:
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "answers": values}
    if label is not None:
        data["label"] = label
    if rater is not None:
        data["rater"] = rater
    return json.dumps(data, ensure_ascii=False)


def items(prefix: str, *values: Any) -> dict[str, Any]:
    return {f"{prefix}-{n}": v for n, v in enumerate(values, 1)}


A = {**items("prospektering", 5, 1, 5), **items("behovsanalys", 3, 3, 3, 3),
     **items("forhandling", 4, 2, 4), **items("avslut", 2, 2, 4)}  # fmt: skip
B = {**items("prospektering", 4, 2, 4), **items("behovsanalys", 4, 4, 2, 4),
     **items("forhandling", 3, 3, 3), **items("avslut", 3, 3, 3)}  # fmt: skip
C = {**items("prospektering", 2, 4, 2), **items("behovsanalys", 2, 2, 4, 2),
     **items("forhandling", 5, 1, 5), **items("avslut", 4, 4, 2),
     **items("uppfoljning", 3, 3, 3, 3)}  # fmt: skip
D = {**items("prospektering", 3, 3, 3), "behovsanalys-1": 5,
     **items("forhandling", 4, 2, 4), **items("avslut", 5, 5, 1)}  # fmt: skip
# The manager's rating of AB: prospektering 3,3,3 (keyed 3,3,3 against AB's 5,5,5: −2 per
# statement, flagged); behovsanalys all 3 (as AB: 0); forhandling one answer (no
# comparison); avslut 3,2 (keyed 3,2 against 2,2: +1 and 0, mean +0.5, not flagged).
MANAGER_AB = {**items("prospektering", 3, 3, 3), **items("behovsanalys", 3, 3, 3, 3),
              "forhandling-1": 4, "avslut-1": 3, "avslut-2": 2}  # fmt: skip

FOUR = [("ab.json", file(A, "AB")), ("b.json", file(B)), ("c.json", file(C)),
        ("d.json", file(D, "D"))]  # fmt: skip


REVERSE = {"prospektering-2", "behovsanalys-3", "forhandling-2", "avslut-3", "uppfoljning-2",
           "uppfoljning-4"}  # fmt: skip


def by_slug(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["slug"]: row for row in rows}


def scores(person: dict[str, Any]) -> dict[str, int | None]:
    return {c["slug"]: c["score"] for c in person["competencies"]}


def test_people_are_shown_by_their_label_or_as_person_n() -> None:
    result = team(definition(), FOUR)
    assert [p["label"] for p in result["people"]] == ["AB", "Person 1", "Person 2", "D"]
    assert [p["labelled"] for p in result["people"]] == [True, False, False, True]
    assert [scores(p) for p in result["people"]] == [
        {"prospektering": 100, "behovsanalys": 50, "forhandling": 75, "avslut": 25,
         "uppfoljning": None},
        {"prospektering": 75, "behovsanalys": 75, "forhandling": 50, "avslut": 50,
         "uppfoljning": None},
        {"prospektering": 25, "behovsanalys": 25, "forhandling": 100, "avslut": 75,
         "uppfoljning": 50},
        {"prospektering": 50, "behovsanalys": None, "forhandling": 75, "avslut": 100,
         "uppfoljning": None},
    ]  # fmt: skip


def test_spread_per_competency() -> None:
    result = team(definition(), FOUR)
    rows = by_slug(result["aggregate"]["competencies"])
    assert (result["aggregate"]["people"], result["set_aside"]) == (3, ["D"])
    # prospektering 100, 75, 25 (D's 50 left out): median 75
    assert (rows["prospektering"]["lowest"], rows["prospektering"]["median"],
            rows["prospektering"]["highest"]) == (25, 75, 100)  # fmt: skip
    assert rows["prospektering"]["scores"] == [25, 75, 100]
    # With 3 people the median's interval is lowest–highest: 1 − 2 · (1/2)³ = 75 %.
    assert (rows["prospektering"]["median_low"], rows["prospektering"]["median_high"],
            rows["prospektering"]["median_coverage"]) == (25, 100, 75)  # fmt: skip
    assert rows["behovsanalys"]["scores"] == [25, 50, 75]
    assert (rows["behovsanalys"]["median"], rows["behovsanalys"]["unscored"]) == (50, 0)
    assert rows["forhandling"]["median"] == 75  # 75, 50, 100
    assert rows["avslut"]["median"] == 50  # 25, 50, 75
    assert (rows["uppfoljning"]["scored"], rows["uppfoljning"]["median"]) == (1, 50)
    assert result["summary"][1].startswith("1 fil räknas inte in i teamets siffror")
    # The medians 50–75 all have intervals that overlap: none is named highest or lowest.
    assert result["summary"][2] == (
        "Enligt teamets egna skattningar ligger medianerna mellan 50 och 75. Ingen median "
        "skiljer sig säkert från de andra med så här få personer: intervallen runt medianerna "
        "överlappar."
    )


def test_identical_files_rank_nothing() -> None:
    # Three people with B's answers (different labels, so three files): every competency's
    # median equals B's value, the intervals are single points; behovsanalys and prospektering
    # 75 vs forhandling and avslut 50 do not overlap, so highest and lowest are named, ties
    # together; if every median were equal, no competency would be named at all.
    files = [(f"{n}.json", file(B, n)) for n in ("X", "Y", "Z")]
    sentence = team(definition(), files)["summary"][-1]
    assert sentence == (
        "Enligt teamets egna skattningar ligger medianerna mellan 50 och 75. Högst i "
        "Prospektering och Behovsanalys och lägst i Förhandling och Avslut: deras intervall "
        "(minst 75\N{NO-BREAK SPACE}% säkerhet) överlappar inte."
    )
    even = {**items("prospektering", 3, 3, 3), **items("behovsanalys", 3, 3, 3, 3),
            **items("forhandling", 3, 3, 3), **items("avslut", 3, 3, 3),
            **items("uppfoljning", 2, 4, 4, 2)}  # fmt: skip  # all 50, not straight-lined
    same = team(definition(), [(f"{n}.json", file(even, n)) for n in ("X", "Y", "Z")])
    assert (
        same["summary"][-1] == "Enligt teamets egna skattningar är medianen 50 i alla kompetenser."
    )


def test_role_counts_and_priorities() -> None:
    result = team(definition(), FOUR, role="nykundsjagare")
    rows = by_slug(result["aggregate"]["competencies"])
    # prospektering 85: AB 100 (72–100) at, B 75 (47–100) at, C 25 (0–53) under
    assert rows["prospektering"]["counts"] == {"under": 1, "at": 2, "over": 0}
    # avslut 80: AB 25 (0–53) under, B 50 (22–78) under, C 75 (47–100) at
    assert rows["avslut"]["counts"] == {"under": 2, "at": 1, "over": 0}
    # behovsanalys 70: AB 50 (26–74) at, B 75 (51–99) at, C 25 (1–49) under
    assert rows["behovsanalys"]["counts"] == {"under": 1, "at": 2, "over": 0}
    # forhandling 60: AB 75 (47–100) at, B 50 (22–78) at, C 100 (72–100) over
    assert rows["forhandling"]["counts"] == {"under": 0, "at": 2, "over": 1}
    assert "counts" not in rows["uppfoljning"]  # no target
    # A priority needs so many below the target that chance is under 0.1 / 4 targets: with
    # 3 people even all three below happens with 1/8 > 0.025; it takes 6 (1/64).
    assert result["aggregate"]["priorities"] == []
    assert result["aggregate"]["priority_people"] == 6
    assert result["summary"][2] == (
        "Med 3 personer kan teamvyn inte peka ut några prioriteringar mot rollen Nykundsjägare "
        "säkert; det kräver minst 6 personer med värden. Antalen under, på och över målet "
        "visas per kompetens."
    )


def test_a_priority_is_named_when_chance_cannot_explain_it() -> None:
    # Six people with C's answers (prospektering 25, behovsanalys 25, forhandling 100,
    # avslut 75): all six below prospektering's 85, behovsanalys' 70 and avslut's 80, which
    # six people on the target would show with 1/64 < 0.1/4. The bound is the highest score
    # (k = 1: P(B ≤ 1) = 7/64 > 0.025): 25 under 85 and 70, 75 under 80. Surest first: the
    # gap target − bound is 60, 45 and 5. Each person alone: 25 is clearly under 85 and 70
    # (its range ends far below), 75 is within its range of 80: clearly under 6, 6 and 0.
    files = [(f"{n}.json", file(C, n)) for n in "UVWXYZ"]
    result = team(definition(), files, role="nykundsjagare")
    assert result["aggregate"]["priorities"] == ["prospektering", "behovsanalys", "avslut"]
    assert result["summary"][1] == (
        "Jämfört med rollen Nykundsjägare ligger teamet tydligt under målet i Prospektering "
        "(6 av 6 har ett värde under målet, 6 av dem tydligt), Behovsanalys (6 av 6 har ett "
        "värde under målet, 6 av dem tydligt) och Avslut (6 av 6 har ett värde under målet, 0 "
        "av dem tydligt): så många under målet att det inte är en slump. Där finns teamets "
        "största utvecklingsbehov."
    )


def test_aggregates_only_from_three_people() -> None:
    two = team(definition(), FOUR[:2])
    assert two["aggregate"] is None
    assert MIN_TEAM == 3
    assert "visas först från 3 personer" in " ".join(two["summary"])
    assert team(definition(), FOUR[:3])["aggregate"]["people"] == 3


def test_self_and_manager_side_by_side() -> None:
    files = [*FOUR, ("chef-ab.json", file(MANAGER_AB, "ab", "manager"))]
    result = team(definition(), files)
    assert len(result["people"]) == 4  # a manager's rating is not a person of the team
    (pair,) = result["pairs"]
    assert (pair["label"], pair["self_file"], pair["manager_file"]) == (
        "AB", "ab.json", "chef-ab.json",
    )  # fmt: skip
    rows = by_slug(pair["competencies"])
    # in points 0–100 one step is 100 / (5 − 1) = 25: −2 steps are −50, as 100 → 50 says
    assert rows["prospektering"] == {"slug": "prospektering", "self": 100, "manager": 50,
                                     "both": 3, "difference": -2.0, "points": -50,
                                     "flagged": True}  # fmt: skip
    assert (rows["behovsanalys"]["difference"], rows["behovsanalys"]["flagged"]) == (0.0, False)
    assert (rows["forhandling"]["both"], rows["forhandling"]["difference"]) == (1, None)
    # +0.5 steps · 25 = 12.5 → 13 (halves up), as 25 → 38 (37.5 shown rounded) says
    assert rows["avslut"] == {"slug": "avslut", "self": 25, "manager": 38, "both": 2,
                              "difference": 0.5, "points": 13, "flagged": False}  # fmt: skip
    assert (rows["forhandling"]["points"], result["flag_points"]) == (None, 25)
    assert result["summary"][-1] == (
        "För 1 person finns både självskattning och chefens skattning; de skiljer sig med "
        "minst 25 poäng (ett steg på svarsskalan per påstående) i 1 kompetens."
    )


def test_every_bad_file_is_named_and_the_rest_are_shown() -> None:
    files = [
        *FOUR,
        ("b-igen.json", file(B)),  # the same file twice
        ("d-annan.json", file(A, "d")),  # another file labelled D
        ("trasig.json", "{inte json"),
        ("gammal.json", file({"gammal-1": 3, "prospektering-1": 4})),
        ("chef-utan-namn.json", file(MANAGER_AB, rater="manager")),
        ("chef-z.json", file(MANAGER_AB, "Z", "manager")),
        ("lista.json", "[1, 2]"),
        ("konstig-roll.json", file(A, "X", "granne")),
    ]
    result = team(definition(), files)
    errors = {f["file"]: f["error"] for f in result["files"]}
    assert errors["b-igen.json"] == "Samma svar som i b.json; filen räknas bara en gång."
    assert errors["d-annan.json"].startswith('Det finns redan en självskattning märkt "d" (d.json)')
    assert "inte giltig JSON" in errors["trasig.json"]
    assert errors["gammal.json"].startswith(
        "Filen är gjord för andra påståenden än dagens: 1 av 2 svar gäller påståenden som "
        'inte finns nu (t.ex. "gammal-1").'
    )
    assert errors["chef-utan-namn.json"].startswith("Chefens skattning saknar säljarens märkning")
    assert errors["chef-z.json"] is None
    assert "JSON-objekt" in errors["lista.json"]
    assert '"rater"' in errors["konstig-roll.json"]
    notes = {f["file"]: f["note"] for f in result["files"]}
    assert notes["chef-z.json"].startswith('Det finns ingen självskattning märkt "Z"')
    assert [p["label"] for p in result["people"]] == ["AB", "Person 1", "Person 2", "D"]
    assert result["summary"][0] == (
        "5 filer lästes: 4 självskattningar och 1 chefsskattning; 7 filer kunde inte "
        "användas (se listan)."
    )


def test_no_files_and_one_file() -> None:
    assert team(definition(), [])["summary"] == [
        "Lägg till svarsfiler från säljarna för att se teamets bild."
    ]
    one = team(definition(), FOUR[:1])
    assert len(one["people"]) == 1 and one["aggregate"] is None


def test_the_csv_opens_in_columns_in_a_swedish_spreadsheet() -> None:
    """A BOM (Excel reads UTF-8 only after one), ``;`` (the list separator where the comma is
    the decimal sign), the titles as headers, CRLF; a formula is never run. The date column
    is empty for files without a date (tests/test_scoring_team_change.py has dated ones)."""
    files = [*FOUR, ("z.json", file({}, "=SUMMA(A1)")), ("y.json", file({}, 'Ek; "Bo"'))]
    result = team(definition(), files)
    assert result["csv"] == (
        "\ufeffPerson;Datum;Prospektering;Behovsanalys;Förhandling;Avslut;Uppföljning\r\n"
        "AB;;100;50;75;25;\r\n"
        "Person 1;;75;75;50;50;\r\n"
        "Person 2;;25;25;100;75;50\r\n"
        "D;;50;;75;100;\r\n"
        "'=SUMMA(A1);;;;;;\r\n"  # a spreadsheet would run it as a formula
        '"Ek; ""Bo""";;;;;;\r\n'  # the separator and quotes inside a field are quoted
    )
    assert result["csv"].encode("utf-8").startswith(b"\xef\xbb\xbfPerson;")


def test_the_csv_of_aggregates_has_a_decimal_comma() -> None:
    """Without per-person values only the measures; a median of two middle values is a
    half, written 62,5. (A result written by hand: only the fields the table reads.)"""
    rows = [
        {"lowest": 50, "median": 62.5, "highest": 75, "scored": 4},
        {"lowest": None, "median": None, "highest": None, "scored": 0},
    ]
    result = {
        "per_person": False,
        "competencies": [{"slug": "a", "title": "Styrning"}, {"slug": "b", "title": "Mål, mått"}],
        "aggregate": {"competencies": rows},
    }
    assert team_csv(result) == (
        "\ufeffMått;Styrning;Mål, mått\r\n"
        "Lägst;50;\r\n"
        "Median;62,5;\r\n"
        "Högst;75;\r\n"
        "Antal med värde;4;0\r\n"
    )
    assert team_csv({**result, "aggregate": None}) == "\ufeffMått;Styrning;Mål, mått\r\n"


def test_notes_on_answers_speak_to_the_manager() -> None:
    """The seller's report says "Du har gett …"; the manager reads about the file."""
    straight = file({k: 4 for k in {**A, **C}}, "S")  # all 17 statements answered 4
    agreeing = file({k: 4 if k in REVERSE else 5 for k in {**A, **C}}, "T")
    result = team(definition(), [("s.json", straight), ("t.json", agreeing)])
    notes = {p["label"]: p["quality"] for p in result["people"]}
    assert notes["S"] == [
        {
            "code": "straight-line",
            "message": "Filen har samma svar (4, ”Stämmer ganska bra”) på 17 av 17 påståenden, "
            "så den säger lite om skillnaderna mellan kompetenserna. Därför räknas filen inte "
            "in i teamets median, spridning och antal.",
        }
    ]
    # 11 statements answered 5 and 6 reverse ones 4: agreeing with both (agree_min 4)
    assert [n["code"] for n in notes["T"]] == ["acquiescence"]
    for note in notes["S"] + notes["T"]:
        assert not {"du", "dina", "din", "dig"} & set(note["message"].lower().split())


@pytest.mark.parametrize(
    "label",
    ["A" * 41, "Anna\u202eredlaH", "rad\nbrytning", 12],
)
def test_a_misleading_label_is_refused(label: Any) -> None:
    result = team(definition(), [("x.json", file(A, label))])
    assert "Märkningen" in result["files"][0]["error"]
    assert result["people"] == []


def test_json_entry_point_and_progress() -> None:
    seen: list[tuple[int, int]] = []
    text = team_json(
        json.dumps(definition()),
        json.dumps([{"name": n, "text": t} for n, t in FOUR]),
        "nykundsjagare",
        lambda done, total: seen.append((done, total)),
    )
    assert json.loads(text)["aggregate"]["priorities"] == []  # 3 counted people: too few
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]  # 0: before the first file
    with pytest.raises(ScoringError):
        team_json(json.dumps(definition()), '{"name": "x"}')


def test_labels_that_mix_scripts_or_look_alike_are_flagged_on_both() -> None:
    """ "Аnna" with a Cyrillic А (U+0410) is a mix, and looks like the Latin "Anna": both
    files and both people get a note; "ΑΒ" in Greek looks like "AB" (not a mix: one script);
    a manager's "anna" is the same person as "Anna", but looks like "Аnna" as well."""
    files = [
        ("anna.json", file(A, "Anna")),
        ("anna-kyrillisk.json", file(B, "\u0410nna")),
        ("ab.json", file(C, "AB")),
        ("ab-grekisk.json", file(D, "\u0391\u0392")),
        ("chef-anna.json", file(MANAGER_AB, "anna", "manager")),
    ]
    result = team(definition(), files)
    notes = {f["file"]: f["label_notes"] for f in result["files"]}
    assert notes["anna-kyrillisk.json"] == [
        {
            "code": "mixed-scripts",
            "message": 'Märkningen "\u0410nna" blandar latinska bokstäver med kyrilliska '
            "(\u0410 U+0410), så den kan se ut som en annan märkning utan att vara det.",
        },
        {
            "code": "lookalike",
            "message": 'Märkningen "\u0410nna" ser likadan ut som "Anna" (anna.json) men är '
            "skriven med andra tecken, så de räknas som två olika personer. Kontrollera att "
            "det inte är samma person.",
        },
    ]
    assert [n["code"] for n in notes["anna.json"]] == ["lookalike"]
    assert '"\u0410nna" (anna-kyrillisk.json)' in notes["anna.json"][0]["message"]
    assert [n["code"] for n in notes["ab-grekisk.json"]] == ["lookalike"]
    assert [n["code"] for n in notes["ab.json"]] == ["lookalike"]
    assert [n["code"] for n in notes["chef-anna.json"]] == ["lookalike"]
    assert "(anna-kyrillisk.json)" in notes["chef-anna.json"][0]["message"]
    people = {p["label"]: [n["code"] for n in p["label_notes"]] for p in result["people"]}
    assert people == {
        "Anna": ["lookalike"],
        "\u0410nna": ["mixed-scripts", "lookalike"],
        "AB": ["lookalike"],
        "\u0391\u0392": ["lookalike"],
    }
    assert result["pairs"][0]["self_file"] == "anna.json"  # paired by the label as matched


def test_plain_labels_in_one_script_get_no_note() -> None:
    """One script each (Japanese writes Han and Hiragana together); "Анна" in Cyrillic does
    not look like any Latin label here; a manager's "ab" is the seller "AB"."""
    files = [("a.json", file(A, "Åsa Öberg")), ("b.json", file(B, "Анна")),
             ("c.json", file(C, "山田はな")), ("d.json", file(D, "AB")),
             ("chef-ab.json", file(MANAGER_AB, "ab", "manager"))]  # fmt: skip
    result = team(definition(), files)
    assert [f["label_notes"] for f in result["files"]] == [[], [], [], [], []]
    assert result["pairs"][0]["self_file"] == "d.json"
