"""How exact the statements are in a team (scoring_py.team_quality), worked out by hand.

Fixture (tests/fixtures/scoring/definition.json): scale 1..5; prospektering has 3 statements,
the second reverse. 32 sellers answer it as the 4 × 3 example of test_scoring_reliability.py
counts (keyed 1,2,3 / 2,2,3 / 3,4,4 / 4,5,5), each pattern 8 times; the reverse statement is
answered 6 − keyed (4, 4, 2, 1). In points, (keyed − 1) · 25: the first pattern is 0, 25, 50.

- α does not change when every row is repeated equally often (item and total variances grow
  alike), so α = 159/164 ≈ 0.9695 → 0.97; had the reverse statement not been turned, the
  rows would be 1,4,3 / 2,4,3 / 3,2,4 / 4,1,5 and α would differ.
- The residuals repeat too: SS_res = 8 · 5/6 = 20/3 on (32 − 1)(3 − 1) = 62 degrees of
  freedom, MS_res = 10/93 (scale steps²), so the data's standard error of a mean of 3 is
  25 · √(10/279) = 4.733 points → 4.7.
- Its interval, with Bonferroni over the 5 competencies (error 2 %): χ² quantiles of 62
  degrees of freedom by Wilson–Hilferty, h = 2/558, z = ∓2.3263: χ²(0.99) = 62 · 1.1357³ =
  90.82 and χ²(0.01) = 62 · 0.85714³ = 39.04, so 4.733 · √(62/90.82) = 3.91 → 3.9 and
  4.733 · √(62/39.04) = 5.96 → 6.0.
- The site's standard error for 3 statements is 25 · √0.7 / √3 = 12.076 → 12.1, above the
  data's interval: the site's ranges are "wider" than the answers suggest.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scoring_py.formats import read_definition
from scoring_py.team_quality import _summary, complete_rows

from scoring_py import read_answers, team

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
DEFINITION = FIXTURE.read_text(encoding="utf-8")
EARLY, LATE = "2026-03-01", "2026-09-01"

# What each statement counts as (keyed), per pattern; prospektering is the hand-worked one.
PATTERNS: list[dict[str, tuple[int, ...]]] = [
    {"prospektering": (1, 2, 3), "behovsanalys": (2, 3, 2, 3), "forhandling": (2, 2, 3),
     "avslut": (2, 3, 3), "uppfoljning": (2, 3, 2, 2)},
    {"prospektering": (2, 2, 3), "behovsanalys": (3, 3, 4, 2), "forhandling": (3, 2, 3),
     "avslut": (3, 3, 2), "uppfoljning": (3, 2, 3, 3)},
    {"prospektering": (3, 4, 4), "behovsanalys": (4, 3, 4, 4), "forhandling": (3, 4, 3),
     "avslut": (4, 3, 4), "uppfoljning": (3, 4, 3, 4)},
    {"prospektering": (4, 5, 5), "behovsanalys": (3, 4, 5, 4), "forhandling": (4, 4, 5),
     "avslut": (4, 5, 4), "uppfoljning": (4, 4, 5, 4)},
]  # fmt: skip
REVERSE = {"prospektering-2", "behovsanalys-3", "forhandling-2", "avslut-3", "uppfoljning-2",
           "uppfoljning-4"}  # fmt: skip


def raw(keyed: dict[str, tuple[int, ...]]) -> dict[str, Any]:
    """The answers a person gives to count as `keyed` (a reverse statement: 6 − keyed)."""
    values: dict[str, Any] = {}
    for slug, counts in keyed.items():
        for n, value in enumerate(counts, 1):
            item = f"{slug}-{n}"
            values[item] = 6 - value if item in REVERSE else value
    return values


def file(values: dict[str, Any], label: str, date: str | None = None,
         rater: str | None = None) -> str:  # fmt: skip
    inner: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "role": None,
                             "answers": values, "label": label}  # fmt: skip
    if rater:
        inner["rater"] = rater
    if date is None:
        return json.dumps(inner, ensure_ascii=False)
    return json.dumps({"format": "saljkompetens-export", "version": 1, "answers": inner,
                       "result": None, "date": date}, ensure_ascii=False)  # fmt: skip


def sellers(count: int) -> list[tuple[str, str]]:
    """`count` sellers P01 … answering the patterns in turn (8 each for 32)."""
    return [(f"p{n:02d}.json", file(raw(PATTERNS[(n - 1) % 4]), f"P{n:02d}"))
            for n in range(1, count + 1)]  # fmt: skip


def team_of_32() -> list[tuple[str, str]]:
    """The 32 sellers; P05–P08 also with an earlier attempt (answered quite differently),
    their later one dated; two sellers with "Ej aktuellt" on prospektering-1; and the
    manager's rating of P01–P04 (all prospektering answers 5)."""
    files = sellers(32)
    for n in range(5, 9):
        label = f"P{n:02d}"
        files[n - 1] = (f"p{n:02d}-sep.json", file(raw(PATTERNS[(n - 1) % 4]), label, LATE))
        odd = {**PATTERNS[0], "prospektering": (5, 1, 3)}
        files.append((f"p{n:02d}-mar.json", file(raw(odd), label, EARLY)))
    for label in ("X1", "X2"):
        values = {**raw(PATTERNS[label == "X2"]), "prospektering-1": "ej-aktuellt"}
        files.append((f"{label.lower()}.json", file(values, label)))
    for n in range(1, 5):
        values = {**raw(PATTERNS[0]), "prospektering-1": 5, "prospektering-2": 5,
                  "prospektering-3": 5}  # fmt: skip
        files.append((f"chef-p{n:02d}.json", file(values, f"P{n:02d}", rater="manager")))
    return files


def by_slug(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["slug"]: row for row in rows}


def test_the_patterns_are_keyed_points() -> None:
    definition = read_definition(DEFINITION)
    prospektering = definition.competencies[0]
    people = [read_answers(file(raw(p), "P"), definition) for p in PATTERNS]
    assert complete_rows(definition, prospektering, people) == [
        [0.0, 25.0, 50.0], [25.0, 25.0, 50.0], [50.0, 75.0, 75.0], [75.0, 100.0, 100.0]
    ]  # fmt: skip


def test_alpha_and_errors_by_hand_from_the_own_later_attempts_only() -> None:
    view = team(DEFINITION, team_of_32())
    assert [f["error"] for f in view["files"] if f["error"]] == []
    assert view["set_aside"] == [] and view["respondents"] == 34
    quality = view["quality"]
    assert (quality["min_people"], quality["people"], quality["error_percent"]) == (30, 34, 10)
    row = by_slug(quality["competencies"])["prospektering"]
    # the two with "Ej aktuellt" are left out; managers and earlier attempts never count
    assert (row["people"], row["items"]) == (32, 3)
    assert row["alpha"] == 0.97
    assert (row["sem_data"], row["sem_site"], row["verdict"]) == (4.7, 12.1, "wider")
    assert row["alpha_low"] < 0.97 < row["alpha_high"] <= 1
    assert (row["sem_low"], row["sem_high"]) == (3.9, 6.0)  # all five judged: error 2 %
    assert all(r["verdict"] is not None for r in quality["competencies"])


def test_ej_aktuellt_leaves_a_person_out_of_that_competency_only() -> None:
    rows = by_slug(team(DEFINITION, team_of_32())["quality"]["competencies"])
    assert rows["prospektering"]["people"] == 32
    assert {rows[s]["people"] for s in rows if s != "prospektering"} == {34}


def test_an_earlier_attempt_or_a_managers_rating_would_change_alpha() -> None:
    """The control: counting the earlier attempts as people instead gives another α."""
    files = team_of_32()
    relabelled = [(name, text.replace('"label": "P0', '"label": "Q0')) if "-mar" in name
                  else (name, text) for name, text in files]  # fmt: skip
    row = by_slug(team(DEFINITION, relabelled)["quality"]["competencies"])["prospektering"]
    assert row["people"] == 36 and row["alpha"] != 0.97


def test_below_thirty_people_only_says_from_how_many() -> None:
    quality = team(DEFINITION, sellers(29))["quality"]
    assert quality["competencies"] is None
    assert quality["summary"] == [
        "Hur exakta påståendena är i ert team visas från 30 personer (nu 29): då räknas "
        "Cronbachs α per kompetens och om webbplatsens intervall är bredare eller smalare än "
        "era svar visar."
    ]


def test_a_competency_with_too_few_complete_answers_is_listed_but_not_judged() -> None:
    files = sellers(30)
    for n in (1, 2):  # P01 and P02: "Ej aktuellt" on avslut-1, so 28 complete there
        values = {**raw(PATTERNS[n - 1]), "avslut-1": "ej-aktuellt"}
        files[n - 1] = (f"p{n:02d}.json", file(values, f"P{n:02d}"))
    quality = team(DEFINITION, files)["quality"]
    rows = by_slug(quality["competencies"])
    assert (rows["avslut"]["people"], rows["avslut"]["verdict"], rows["avslut"]["alpha"]) == (
        28, None, None)  # fmt: skip
    assert [r["slug"] for r in quality["competencies"]] == [
        "prospektering", "behovsanalys", "forhandling", "avslut", "uppfoljning"]  # fmt: skip
    assert rows["prospektering"]["people"] == 30 and rows["prospektering"]["alpha"] == 0.97
    assert quality["summary"][-1] == (
        "1 kompetens räknas inte: färre än 30 personer har besvarat alla påståenden där."
    )


def test_an_organisation_selftest_has_no_quality() -> None:
    from tests.support.selftests import TRAITS, content, person

    five = [person(v, label) for v, label in zip(range(1, 6), "ABCDE", strict=True)]
    text = json.dumps(content().selftests[TRAITS], ensure_ascii=False)
    assert team(text, five)["quality"] is None


def row(title: str, verdict: str | None) -> dict[str, Any]:
    return {"title": title, "verdict": verdict}


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ([row("A", "agree"), row("B", "agree")],
         ["Webbplatsens intervall stämmer med era svar i alla 2 kompetenser som kunde räknas."]),
        ([row("A", "narrower"), row("B", "wider"), row("C", "narrower"), row("D", "agree")],
         ["Webbplatsens intervall är smalare än era svar visar i A och C: där är mätfelet större "
          "än webbplatsen räknar med, så läs de enskilda värdena med större marginal.",
          "Webbplatsens intervall är bredare än era svar visar i B: där mäter påståendena "
          "säkrare än webbplatsen räknar med.",
          "I den övriga kompetensen stämmer intervallen med era svar."]),
        ([row("A", "wider"), row("B", "agree"), row("C", "agree"), row("D", None),
          row("E", None)],
         ["Webbplatsens intervall är bredare än era svar visar i A: där mäter påståendena "
          "säkrare än webbplatsen räknar med.",
          "I övriga 2 kompetenser stämmer intervallen med era svar.",
          "2 kompetenser räknas inte: färre än 30 personer har besvarat alla påståenden där."]),
        ([row("A", None)],
         ["Ingen av kompetenserna har 30 personer som besvarat alla dess påståenden, så hur "
          "exakta påståendena är kan inte räknas ännu."]),
    ],
)  # fmt: skip
def test_the_summary_in_words(rows: list[dict[str, Any]], said: list[str]) -> None:
    assert _summary(read_definition(DEFINITION), rows) == said


def test_the_command_line_prints_the_same_quality(tmp_path: Path) -> None:
    files = team_of_32()
    paths = []
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    run = [sys.executable, "-m", "scoring_py", "team", *paths, "--definition", str(FIXTURE)]
    done = subprocess.run(run, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    printed = json.loads(done.stdout)["quality"]
    assert printed == team(DEFINITION, files)["quality"]
    assert by_slug(printed["competencies"])["prospektering"]["alpha"] == 0.97
