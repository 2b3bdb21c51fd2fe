"""The team over time (scoring_py.team, team_change, team_table) and the browser's entry
points for one person's attempts (scoring_py.compare.compare_json, timeline). Every expected
number is worked out by hand on the fixture definition (tests/fixtures/scoring/definition.json):
prospektering (3 statements, #2 reverse), behovsanalys (4, #3 reverse), forhandling (3, #2
reverse), avslut (3, #3 reverse), uppfoljning (4, #2 and #4 reverse); 17 statements, no stages.

An attempt is given as what each statement **counts as** (keyed); a reverse statement is
answered 6 − keyed. The base attempt counts 3 everywhere except uppfoljning 2, 4, 2, 4, so that
no more than 13 of 17 answers are the same (straight-lining needs 90 %): every competency 50,
the whole test (17 · 3 = 51 → mean 3) 50.

Four sellers, each with a base attempt on 2026-03-01 and a later one on 2026-09-01:

  AB   prospektering 5,5,5 → 100                       (+50)
  CD   prospektering 4,4,4 → 75; behovsanalys 1,1,1,1 → 0   (+25; −50)
  EF   prospektering 4,4,4 → 75; avslut 4,4,4 → 75           (+25; +25)
  GH   uppfoljning 1,1,1,1 → 0                                (−50)

Each person's comparison: 5 competencies and the whole test (6 comparisons; the fixture has
no stages): z = Φ⁻¹(1 − 0.1/12) = 2.3940; one answer's error 25 · √0.7 = 20.9165; threshold
ceil(z · 20.9165 · √(2/n)): n = 3 → 41, n = 4 → 36, n = 17 → 18. So AB +50 > 41 up; CD −50 in
behovsanalys beyond 36, down, +25 not; EF +25, +25 not; GH −50 beyond 36, down.
The whole test: AB and EF 57/17 → (57/17 − 1) · 25 = 58.82 (+8.82 → +9); CD 46/17 → 42.65
(−7.35 → −7); GH 43/17 → 38.24 (−11.76 → −12): none beyond 18.

The team's change per competency (4 people): prospektering 0, 25, 25, 50 → median 25; with
n = 4 the widest order-statistic pair with 90 % coverage does not exist, so the lowest and the
highest: 0–50, coverage 1 − 2 · P(B ≤ 0) = 1 − 2/16 = 87.5 % → 87. behovsanalys −50, 0, 0, 0 →
median 0, −50–0; avslut 0, 0, 0, 25 → 0, 0–25; uppfoljning −50, 0, 0, 0 → 0, −50–0;
forhandling 0, 0, 0, 0 → 0, 0–0.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scoring_py.compare import compare_json, timeline, timeline_json

from scoring_py import ScoringError, team

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
DEFINITION = FIXTURE.read_text(encoding="utf-8")
ITEMS = [
    (c["slug"], i["id"], i["reverse"])
    for c in json.loads(DEFINITION)["competencies"]
    for i in c["items"]
]
BASE = {"uppfoljning": (2, 4, 2, 4)}
EARLY, LATE = "2026-03-01", "2026-09-01"


def answers(keyed: dict[str, tuple[int, ...]]) -> dict[str, int]:
    """Raw answers from what each statement counts as: 3, or as `keyed` (then BASE) gives."""
    values: dict[str, int] = {}
    position: dict[str, int] = {}
    for slug, item, reverse in ITEMS:
        at = position[slug] = position.get(slug, -1) + 1
        value = {**BASE, **keyed}.get(slug, (3,) * 4)[at]
        values[item] = 6 - value if reverse else value
    return values


def export(keyed: dict[str, tuple[int, ...]], label: str | None, date: str | None,
           rater: str | None = None) -> str:  # fmt: skip
    """The page's export of such answers, with the date the page writes beside them."""
    inner: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1,
                             "answers": answers(keyed), "role": None}  # fmt: skip
    if label:
        inner["label"] = label
    if rater:
        inner["rater"] = rater
    data: dict[str, Any] = {"format": "saljkompetens-export", "version": 1, "answers": inner,
                            "result": None}  # fmt: skip
    if date:
        data["date"] = date
    return json.dumps(data, ensure_ascii=False)


LATER = {
    "AB": {"prospektering": (5, 5, 5)},
    "CD": {"prospektering": (4, 4, 4), "behovsanalys": (1, 1, 1, 1)},
    "EF": {"prospektering": (4, 4, 4), "avslut": (4, 4, 4)},
    "GH": {"uppfoljning": (1, 1, 1, 1)},
}
# AB's later file comes first: the attempts are ordered by date, not by file.
EIGHT = [("ab-sep.json", export(LATER["AB"], "AB", LATE)), ("ab-mar.json", export({}, "AB", EARLY))]
for _label in ("CD", "EF", "GH"):
    EIGHT += [(f"{_label.lower()}-mar.json", export({}, _label, EARLY)),
              (f"{_label.lower()}-sep.json", export(LATER[_label], _label, LATE))]  # fmt: skip


def by_slug(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["slug"]: row for row in rows}


def test_two_dates_of_one_label_are_one_persons_two_attempts() -> None:
    view = team(DEFINITION, EIGHT)
    assert [f["error"] for f in view["files"]] == [None] * 8
    assert [
        (p["label"], p["file"], p["date"], p["earlier"]["file"], p["earlier"]["date"])
        for p in view["people"]
    ] == [  # fmt: skip
        ("AB", "ab-sep.json", LATE, "ab-mar.json", EARLY),
        ("CD", "cd-sep.json", LATE, "cd-mar.json", EARLY),
        ("EF", "ef-sep.json", LATE, "ef-mar.json", EARLY),
        ("GH", "gh-sep.json", LATE, "gh-mar.json", EARLY),
    ]
    assert view["respondents"] == 4
    assert view["summary"][0] == (
        "8 filer lästes: 8 självskattningar från 4 personer, 4 med två försök."
    )
    # the team's picture is everyone's later attempt: prospektering 100, 75, 75, 50 → 75
    assert by_slug(view["aggregate"]["competencies"])["prospektering"]["median"] == 75
    notes = {f["file"]: f["note"] for f in view["files"]}
    assert notes["ab-mar.json"] == (
        'Ett tidigare försök av "AB" (2026-03-01); teamets siffror bygger på det senare '
        "(2026-09-01), och förändringen visas under Över tid."
    )
    assert notes["ab-sep.json"] is None


def test_each_persons_clear_changes() -> None:
    change = team(DEFINITION, EIGHT)["change"]
    people = {p["label"]: p for p in change["people"]}
    assert {label: (p["up"], p["down"]) for label, p in people.items()} == {
        "AB": (["prospektering"], []),
        "CD": ([], ["behovsanalys"]),
        "EF": ([], []),
        "GH": ([], ["uppfoljning"]),
    }
    cd = by_slug(people["CD"]["competencies"])
    assert [(cd[s]["before"], cd[s]["after"], cd[s]["change"], cd[s]["reliable"],
             cd[s]["threshold"]) for s in ("prospektering", "behovsanalys", "avslut")] == [
        (50, 75, 25, None, 41), (50, 0, -50, "down", 36), (50, 50, 0, None, 41)]  # fmt: skip
    assert {
        label: (
            p["overall"]["before"],
            p["overall"]["after"],
            p["overall"]["change"],
            p["overall"]["reliable"],
            p["overall"]["threshold"],
        )
        for label, p in people.items()
    } == {  # fmt: skip
        "AB": (50, 59, 9, None, 18),
        "CD": (50, 43, -7, None, 18),
        "EF": (50, 59, 9, None, 18),
        "GH": (50, 38, -12, None, 18),
    }
    assert (people["AB"]["before_date"], people["AB"]["after_date"]) == (EARLY, LATE)


def test_the_teams_median_change_with_its_interval() -> None:
    change = team(DEFINITION, EIGHT)["change"]
    rows = by_slug(change["competencies"])
    shown = {slug: (r["compared"], r["median"], r["median_low"], r["median_high"],
                    r["median_coverage"]) for slug, r in rows.items()}  # fmt: skip
    assert shown == {
        "prospektering": (4, 25, 0, 50, 87),
        "behovsanalys": (4, 0, -50, 0, 87),
        "forhandling": (4, 0, 0, 0, 87),
        "avslut": (4, 0, 0, 25, 87),
        "uppfoljning": (4, 0, -50, 0, 87),
    }
    assert rows["prospektering"]["changes"] == [0, 25, 25, 50]
    assert {slug: (r["up"], r["down"]) for slug, r in rows.items() if r["up"] or r["down"]} == {
        "prospektering": (["AB"], []),
        "behovsanalys": ([], ["CD"]),
        "uppfoljning": ([], ["GH"]),
    }
    assert (change["counted"], change["set_aside"], change["min_team"]) == (4, [], 3)
    assert team(DEFINITION, EIGHT)["summary"][-1] == (
        "Två försök med olika datum finns för 4 personer; 3 av dem har en tydlig förändring i "
        "minst en kompetens, mer än mätfelet kan ge av en slump (se Över tid)."
    )


def test_below_three_people_the_teams_change_is_not_shown() -> None:
    view = team(DEFINITION, EIGHT[:4])  # AB (up) and CD (down): both changed clearly
    rows = by_slug(view["change"]["competencies"])
    assert (rows["prospektering"]["median"], rows["prospektering"]["changes"]) == (None, [])
    assert rows["prospektering"]["up"] == ["AB"]  # each person's own change is still shown
    assert view["summary"][-2:] == [
        "Två försök med olika datum finns för 2 personer; 2 av dem har en tydlig förändring i "
        "minst en kompetens, mer än mätfelet kan ge av en slump (se Över tid).",
        "Teamets förändring (medianen per kompetens) visas först från 3 personer med två "
        "försök vars svar inte följer ett mönster.",
    ]


def test_an_attempt_with_a_pattern_is_kept_out_of_the_teams_change() -> None:
    # GH's earlier attempt answers 3 everywhere (17 of 17 the same): straight-lining. GH is
    # still compared, but the team's change comes from AB, CD and EF: prospektering
    # 50, 25, 25 → median 25; n = 3: lowest–highest 25–50, coverage 1 − 2/8 = 75 %.
    flat = export({"uppfoljning": (3, 3, 3, 3)}, "GH", EARLY)
    files = [*EIGHT[:6], ("gh-mar.json", flat), EIGHT[7]]
    change = team(DEFINITION, files)["change"]
    assert (change["counted"], change["set_aside"]) == (3, ["GH"])
    assert [p["label"] for p in change["people"]] == ["AB", "CD", "EF", "GH"]
    row = by_slug(change["competencies"])["prospektering"]
    assert (row["median"], row["median_low"], row["median_high"], row["median_coverage"]) == (
        25, 25, 50, 75)  # fmt: skip
    assert by_slug(change["competencies"])["uppfoljning"]["down"] == []  # GH is not counted


def test_same_date_missing_date_and_a_third_attempt_are_refused() -> None:
    same_day = ("ab-igen.json", export({"avslut": (4, 4, 4)}, "AB", LATE))
    undated = ("ab-utan.json", export({"avslut": (2, 2, 2)}, "AB", None))
    third = ("ab-dec.json", export({"forhandling": (4, 4, 4)}, "AB", "2026-12-01"))
    copy = ("ab-kopia.json", export(LATER["AB"], "AB", "2026-10-01"))  # the same answers
    files = [EIGHT[0], same_day, undated, EIGHT[1], third, copy]
    errors = {f["file"]: f["error"] for f in team(DEFINITION, files)["files"]}
    assert (errors["ab-sep.json"], errors["ab-mar.json"]) == (None, None)
    assert errors["ab-igen.json"] == (
        'Det finns redan en självskattning märkt "AB" (ab-sep.json); den här visas inte. Är det '
        "två olika personer, ge dem olika märkning."
    )
    assert errors["ab-utan.json"] == (
        'Det finns redan en självskattning märkt "AB" (ab-sep.json); den här visas inte. Är det '
        "två olika personer, ge dem olika märkning. Två försök av samma person känns igen på "
        "olika datum i filerna, och en av dem saknar datum."
    )
    assert errors["ab-dec.json"] == (
        'Det finns redan två försök märkta "AB" (ab-mar.json och ab-sep.json); teamvyn jämför '
        "två försök per person, så den här visas inte."
    )
    assert errors["ab-kopia.json"] == "Samma svar som i ab-sep.json; filen räknas bara en gång."


def test_a_managers_second_rating_is_still_a_duplicate() -> None:
    files = [*EIGHT[:2], ("chef-1.json", export({}, "AB", EARLY, "manager")),
             ("chef-2.json", export(LATER["AB"], "AB", LATE, "manager"))]  # fmt: skip
    view = team(DEFINITION, files)
    assert view["files"][3]["error"].startswith('Det finns redan en chefsskattning märkt "AB"')
    assert len(view["pairs"]) == 1 and view["pairs"][0]["self_file"] == "ab-sep.json"


def test_no_two_attempts_no_change() -> None:
    assert team(DEFINITION, [EIGHT[0], EIGHT[2], EIGHT[4]])["change"] is None


def test_the_csv_has_a_date_and_a_row_per_attempt() -> None:
    rows = team(DEFINITION, EIGHT)["csv"].split("\r\n")
    assert rows[:5] == [
        "\ufeffPerson;Datum;Prospektering;Behovsanalys;Förhandling;Avslut;Uppföljning",
        "AB;2026-03-01;50;50;50;50;50",
        "AB;2026-09-01;100;50;50;50;50",
        "CD;2026-03-01;50;50;50;50;50",
        "CD;2026-09-01;75;0;50;50;50",
    ]
    assert rows[7:10] == ["GH;2026-03-01;50;50;50;50;50", "GH;2026-09-01;50;50;50;50;0", ""]
    undated = team(DEFINITION, [("x.json", export({}, "X", None))])["csv"].split("\r\n")
    assert undated[1] == "X;;50;50;50;50;50"


def test_the_command_line_gives_the_same_team_and_csv(tmp_path: Path) -> None:
    paths = []
    for name, text in EIGHT:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    run = [sys.executable, "-m", "scoring_py", "team", *paths, "--definition", str(FIXTURE)]
    done = subprocess.run(run, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout) == team(DEFINITION, EIGHT)
    done = subprocess.run([*run, "--csv"], capture_output=True, check=False)
    assert done.stdout == team(DEFINITION, EIGHT)["csv"].encode("utf-8")


def test_compare_json_names_the_attempt_that_cannot_be_read() -> None:
    early, late = EIGHT[1][1], EIGHT[0][1]
    result = json.loads(compare_json(DEFINITION, early, late))
    assert by_slug(result["competencies"])["prospektering"]["reliable"] == "up"
    assert (result["before"]["date"], result["after"]["date"]) == (EARLY, LATE)
    with pytest.raises(ScoringError, match="^Det senare försöket: Svaren är inte giltig JSON"):
        compare_json(DEFINITION, early, "{")


def test_the_timeline_scores_each_attempt_with_its_range() -> None:
    # The whole test from 17 answers: margin 1.6449 · 20.9165 / √17 = 8.344; AB before 50 →
    # 41–59 (floor 41.66, ceil 58.34); after 58.82 → 59, 50–68 (floor 50.48, ceil 67.17).
    # An older answer (not asked any more) is set aside and counted; a broken one says why.
    old = json.loads(EIGHT[1][1])
    old["answers"]["answers"]["gammalt-pastaende-1"] = 4
    shown = timeline(DEFINITION, [old, json.loads(EIGHT[0][1]), "{"])
    first, second, broken = shown["attempts"]
    assert (first["date"], first["answered"], first["retired"]) == (EARLY, 17, 1)
    assert first["overall"] == {"score": 50, "low": 41, "high": 59, "answered": 17,
                                "statements": 17}  # fmt: skip
    assert (second["overall"]["score"], second["overall"]["low"], second["overall"]["high"]) == (
        59, 50, 68)  # fmt: skip
    assert first["groups"] == []  # the fixture has no stages
    assert broken["error"].startswith("Svaren är inte giltig JSON")
    assert json.loads(timeline_json(DEFINITION, json.dumps([old]))) == timeline(DEFINITION, [old])


def test_half_the_statements_are_needed_for_the_whole_test() -> None:
    # 8 of 17 answered: fewer than half, so no whole-test score (as a stage of the report).
    few = json.loads(EIGHT[1][1])
    few["answers"]["answers"] = dict(list(few["answers"]["answers"].items())[:8])
    assert timeline(DEFINITION, [few])["attempts"][0]["overall"]["score"] is None
    few["answers"]["answers"] = dict(list(json.loads(EIGHT[1][1])["answers"]["answers"].items())
                                     [:9])  # fmt: skip
    assert timeline(DEFINITION, [few])["attempts"][0]["overall"]["score"] == 50
