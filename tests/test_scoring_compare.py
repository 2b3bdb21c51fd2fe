"""Two attempts compared (scoring_py.compare and `python -m scoring_py compare`), worked out
by hand on the fixture definition (tests/fixtures/scoring/definition.json): prospektering
(3 statements, #2 reverse), behovsanalys (4, #3 reverse), forhandling (3, #2 reverse),
avslut (3, #3 reverse), uppfoljning (4, #2 and #4 reverse); 17 statements, min_answers 2.

With every competency and the whole test compared (5 + 1 = 6 comparisons, no stages in the
fixture): z = Φ⁻¹(1 − 0.1/12) = 2.3940; one answer's error 25 · √0.7 = 20.9165; the
threshold for n shared statements is ceil(2.3940 · 20.9165 · √(2/n)):
  n = 2: 50.07 → 51;  n = 3: 40.88 → 41;  n = 4: 35.41 → 36;  n = 17: 17.18 → 18.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from scoring_py.compare import compare, read_attempt

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
DEFINITION = FIXTURE.read_text(encoding="utf-8")
ITEMS = [
    (i["id"], i["reverse"]) for c in json.loads(DEFINITION)["competencies"] for i in c["items"]
]


def attempt(counts: dict[str, int], date: str | None = None, **extra: Any) -> dict[str, Any]:
    """Every statement answered so that it counts 3 (50), except the competencies in
    `counts`, which count as given (a reverse statement answered 6 − v)."""
    answers = {}
    for item, reverse in ITEMS:
        value = counts.get(item.rsplit("-", 1)[0], 3)
        answers[item] = 6 - value if reverse else value
    answers.update(extra)
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "answers": answers}
    if date:
        data["date"] = date
    return data


def rows(result: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        r["slug"]: (r["before"], r["after"], r["change"], r["reliable"], r["threshold"])
        for r in result["competencies"]
    }


def test_a_large_change_is_clear_and_a_small_one_is_not() -> None:
    # prospektering 50 → 100: +50 > 41, a clear improvement; the others 50 → 50.
    # The whole test: 17 statements counting 3, then 3 × 5 + 14 × 3 = 57 → 57/17 = 3.3529
    # → 58.82 → 59: +8.82 → +9, not more than 18.
    before = read_attempt(attempt({}, "2026-08-01"), DEFINITION)
    after = read_attempt(attempt({"prospektering": 5}, "2026-11-28"), DEFINITION)
    result = compare(DEFINITION, before, after)
    assert rows(result) == {
        "prospektering": (50, 100, 50, "up", 41),
        "behovsanalys": (50, 50, 0, None, 36),
        "forhandling": (50, 50, 0, None, 41),
        "avslut": (50, 50, 0, None, 41),
        "uppfoljning": (50, 50, 0, None, 36),
    }
    overall = result["overall"]
    assert (overall["before"], overall["after"], overall["change"]) == (50, 59, 9)
    assert (overall["reliable"], overall["threshold"], overall["paired"]) == (None, 18, 17)
    assert result["summary"] == [
        "Jämförelse av försöket 2026-08-01 med försöket 2026-11-28.",
        "Tydlig förbättring i Prospektering.",
        "Hela testet: 50 → 59 (+9 poäng), ingen säker förändring (gränsen är 18 poäng).",
    ]


def test_a_change_of_exactly_the_threshold_is_not_clear() -> None:
    # avslut from counting 3 (50) to 4, 4, 4 … is +25; with two statements answered in both
    # (avslut-3 left out of the second attempt): n = 2, threshold 51: 50 → 75 is not clear.
    before = read_attempt(attempt({}), DEFINITION)
    second = attempt({"avslut": 4})
    del second["answers"]["avslut-3"]
    after = read_attempt(second, DEFINITION)
    row = next(
        r for r in compare(DEFINITION, before, after)["competencies"] if r["slug"] == "avslut"
    )
    assert (row["paired"], row["before"], row["after"], row["change"]) == (2, 50, 75, 25)
    assert (row["threshold"], row["reliable"]) == (51, None)


def test_statements_of_an_older_item_bank_are_left_out_and_said() -> None:
    # The older attempt answered a statement that no longer exists and left two of
    # uppfoljning's out: uppfoljning is compared on the two statements both answered
    # (n = 2 ≥ min_answers); the retired answer is counted, never misapplied.
    old = attempt({"uppfoljning": 2}, "2025-06-01", **{"gammalt-pastaende-1": 4})
    del old["answers"]["uppfoljning-3"], old["answers"]["uppfoljning-4"]
    before = read_attempt(old, DEFINITION)
    after = read_attempt(attempt({"uppfoljning": 2}, "2026-06-01"), DEFINITION)
    result = compare(DEFINITION, before, after)
    row = next(r for r in result["competencies"] if r["slug"] == "uppfoljning")
    assert (row["paired"], row["before"], row["after"], row["change"]) == (2, 25, 25, 0)
    assert (result["before"]["retired"], result["after"]["retired"]) == (1, 0)
    assert result["summary"][1] == (
        "1 svar gällde påståenden som inte längre finns i självskattningen och jämförs inte; "
        "varje värde bygger på de påståenden som båda försöken besvarade."
    )


def test_a_competency_with_too_few_shared_statements_cannot_be_compared() -> None:
    # forhandling: only forhandling-1 answered in the first attempt: 1 < min_answers 2.
    first = attempt({})
    for item in ("forhandling-2", "forhandling-3"):
        del first["answers"][item]
    result = compare(
        DEFINITION, read_attempt(first, DEFINITION), read_attempt(attempt({}), DEFINITION)
    )
    row = next(r for r in result["competencies"] if r["slug"] == "forhandling")
    assert (row["paired"], row["before"], row["reliable"]) == (0, None, None)
    assert row["reason"] == "bara 1 av 3 påståenden besvarades i båda försöken; minst 2 behövs"
    assert "Förhandling kan inte jämföras" in " ".join(result["summary"])


def test_the_command_line_gives_the_same_numbers(tmp_path: Path) -> None:
    before, after = tmp_path / "fore.json", tmp_path / "efter.json"
    before.write_text(json.dumps(attempt({}, "2026-08-01")), "utf-8")
    export = {"format": "saljkompetens-export", "version": 1, "result": None,
              "answers": attempt({"prospektering": 5}, "2026-11-28")}  # fmt: skip
    after.write_text(json.dumps(export), "utf-8")
    run = [sys.executable, "-m", "scoring_py", "compare", str(before), str(after),
           "--definition", str(FIXTURE)]  # fmt: skip
    done = subprocess.run([*run, "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    view = json.loads(done.stdout)
    assert [
        {key: row[key] for key in ("slug", "before", "after", "change", "reliable")}
        for row in view["competencies"]
    ][0] == {"slug": "prospektering", "before": 50, "after": 100, "change": 50, "reliable": "up"}
    assert view == compare(DEFINITION, read_attempt(attempt({}, "2026-08-01"), DEFINITION),
                           read_attempt(export, DEFINITION))  # fmt: skip
    text = subprocess.run(run, capture_output=True, text=True, check=False).stdout
    assert "Prospektering: 50 → 100 (+50; gräns 41) – tydlig förbättring" in text
    assert "Avslut: 50 → 50 (+0; gräns 41) – ingen säker förändring" in text


def test_unchanged_people_are_rarely_told_of_a_clear_change() -> None:
    """The simulation of scoring_py.simulation (its model: true levels per competency, item
    noise giving r = .3, answers rounded to the scale), on the real assessment: an unchanged
    person answering twice is told of any clear change in under 10 % of 300 cases."""
    from scoring_py.simulation import change_rates

    from saljkompetens.content.loader import load_content
    from saljkompetens.definition import build_definition

    root = Path(__file__).resolve().parent.parent
    rates = change_rates(build_definition(load_content(root / "content")), people=300)
    assert rates["unchanged_any"] <= 0.10
    assert rates["all_plus_10_found"] > rates["unchanged_any"]  # it does see real change
