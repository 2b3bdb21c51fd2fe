"""Follow-up over time in Chromium: attempts saved on the visitor's own device (only when
asked), two of them compared and all of them over time on /sjalvskattning/utveckling/, an
older export made with another item bank, and a team of four with two attempts each on
/team/. The page's numbers are those of scoring_py in CPython (compare, timeline, team)."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from scoring_py.compare import compare, read_attempt, timeline

from scoring_py import team
from tests.support.team_files import answers_for, profile

pytestmark = pytest.mark.browser

ATTEMPTS_KEY = "saljkompetens.forsok.v1"
PYTHON_TIMEOUT = 90_000


@pytest.fixture(scope="module")
def retired(root: Path) -> list[str]:
    """Statements the assessment no longer asks (content/assessment.yml, retired_ids)."""
    import yaml

    return list(
        yaml.safe_load((root / "content" / "assessment.yml").read_text("utf-8"))["retired_ids"]
    )


def keyed(definition: dict[str, Any], slug: str, value: int) -> dict[str, int]:
    """Every statement of competency `slug` answered so that it counts `value`."""
    competency = next(c for c in definition["competencies"] if c["slug"] == slug)
    return {i["id"]: 6 - value if i["reverse"] else value for i in competency["items"]}


def first_answers(definition: dict[str, Any]) -> dict[str, Any]:
    """A seller's varied answers (seeded), the first competency counting 1 everywhere."""
    rng = random.Random(11)
    answers = answers_for(definition, profile(definition, rng), rng)
    return {**answers, **keyed(definition, definition["competencies"][0]["slug"], 1)}


def answer(page: Page, values: dict[str, Any]) -> None:
    page.evaluate(
        """values => { for (const [id, value] of Object.entries(values)) {
            const input = document.querySelector(`input[name='${id}'][value='${value}']`);
            input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); } }""",
        values,
    )


def save_attempt(page: Page, site_url: str, values: dict[str, Any], day: str) -> None:
    """On `day`: answer `values` on the self-assessment, open the report, save the attempt."""
    page.clock.set_fixed_time(datetime.fromisoformat(f"{day}T12:00:00"))
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    answer(page, values)
    page.evaluate("document.getElementById('sk-form').requestSubmit()")  # "Visa resultat"
    answered = sum(isinstance(value, int) for value in values.values())
    page.wait_for_selector(
        f'#resultat[data-state="ready"][data-answered="{answered}"]', timeout=PYTHON_TIMEOUT
    )
    page.click("#sk-save-attempt")
    expect(page.locator("#sk-attempt-status")).to_contain_text(
        f"Försöket är sparat i den här webbläsaren ({day}"
    )


def open_progress(page: Page, site_url: str, attempts: int) -> None:
    page.goto(site_url + "sjalvskattning/utveckling/")
    page.wait_for_selector(f'#sk-progress-page[data-enhanced="true"][data-attempts="{attempts}"]')
    page.wait_for_selector('#sk-comparison[data-state="ready"]', timeout=PYTHON_TIMEOUT)
    page.wait_for_selector('#sk-timeline[data-state="ready"]', timeout=PYTHON_TIMEOUT)


def shown_rows(page: Page, hook: str) -> dict[str, tuple[str, str, str, str]]:
    return page.eval_on_selector_all(
        f"#sk-comparison [{hook}]",
        f"""rows => Object.fromEntries(rows.map(r => [r.getAttribute('{hook}'),
            [r.dataset.before, r.dataset.after, r.dataset.change, r.dataset.reliable]]))""",
    )


def expected_rows(rows: list[dict[str, Any]], key: str) -> dict[str, list[str]]:
    text = lambda v: "" if v is None else str(v)  # noqa: E731
    return {row[key]: [text(row["before"]), text(row["after"]), text(row["change"]),
                       row["reliable"] or "none"] for row in rows}  # fmt: skip


def test_two_saved_attempts_compared_a_large_change_named_a_small_one_not(
    context: BrowserContext, site_url, definition, requests
) -> None:
    page = context.new_page()
    first = first_answers(definition)
    big, small = definition["competencies"][0]["slug"], definition["competencies"][1]["slug"]
    second = {**first, **keyed(definition, big, 5)}
    nudged = next(i for i in definition["competencies"][1]["items"] if not i["reverse"])
    second[nudged["id"]] = 4 if first[nudged["id"]] != 4 else 5  # one statement, one step or so
    save_attempt(page, site_url, first, "2026-03-02")
    save_attempt(page, site_url, second, "2026-09-01")
    expect(page.locator("#sk-attempt-status")).to_contain_text("Du har 2 sparade försök")
    page.click("#sk-save-attempt")  # the same attempt again is not kept twice
    expect(page.locator("#sk-attempt-status")).to_contain_text("är redan sparat")

    open_progress(page, site_url, 2)
    expect(page.locator("#sk-attempt-list li")).to_have_count(2)
    expect(page.locator("#sk-attempt-list li").first).to_contain_text("2026-03-02")
    data = lambda values, day: {"format": "saljkompetens-svar", "version": 1,  # noqa: E731
                                "answers": values, "role": None, "date": day}  # fmt: skip
    expected = compare(definition, read_attempt(data(first, "2026-03-02"), definition),
                       read_attempt(data(second, "2026-09-01"), definition))  # fmt: skip
    rows = shown_rows(page, "data-change-competency")
    assert rows == expected_rows(expected["competencies"], "slug")
    assert rows[big] == ["0", "100", "100", "up"]  # the large change is named
    assert rows[small][3] == "none" and rows[small][2] not in ("", "0")  # the small one is not
    expect(page.locator(f'[data-change-competency="{big}"]')).to_contain_text("tydlig förbättring")
    assert shown_rows(page, "data-change-group") == expected_rows(expected["groups"], "name")
    overall = page.locator("#sk-comparison [data-change-overall]")
    expect(overall).to_have_attribute("data-change", str(expected["overall"]["change"]))
    expect(page.locator("#sk-comparison .sk-summary")).to_contain_text(expected["summary"][0])
    # the chart over time: the whole test and each stage, one row per attempt, oldest first
    over_time = timeline(definition, [data(first, "2026-03-02"), data(second, "2026-09-01")])
    shown = page.eval_on_selector_all(
        '#sk-timeline li[data-measure="Hela testet"] li[data-attempt-date]',
        "rows => rows.map(r => [r.dataset.attemptDate, r.dataset.score, r.dataset.low,"
        " r.dataset.high])",
    )
    assert shown == [[a["date"], str(a["overall"]["score"]), str(a["overall"]["low"]),
                      str(a["overall"]["high"])] for a in over_time["attempts"]]  # fmt: skip
    stages = len(over_time["attempts"][0]["groups"])
    expect(page.locator("#sk-timeline li[data-measure]")).to_have_count(1 + stages)

    assert requests.foreign(site_url) == []
    assert sorted(page.evaluate("Object.keys(localStorage)")) == [
        ATTEMPTS_KEY,
        "saljkompetens.svar.v1",
    ]
    # "Radera mina svar" erases the saved attempts too, and says so where it asks
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.click("#sk-erase")
    expect(page.locator("#sk-erase")).to_have_text(
        "Klicka igen för att radera alla svar och sparade försök"
    )
    page.click("#sk-erase")
    assert page.evaluate("Object.keys(localStorage)") == []


def test_an_older_export_from_another_item_bank_is_compared_on_what_both_answered(
    context: BrowserContext, site_url, definition, retired, tmp_path: Path
) -> None:
    page = context.new_page()
    now = first_answers(definition)
    save_attempt(page, site_url, now, "2026-09-01")
    # An export from an older item bank: one retired statement, and only one statement of
    # the last competency (too few to compare it); the rest as answered now, but the second
    # competency lower.
    last, second = definition["competencies"][-1], definition["competencies"][1]["slug"]
    older = {key: value for key, value in now.items()
             if key not in {i["id"] for i in last["items"][1:]}}  # fmt: skip
    older.update(keyed(definition, second, 1))
    older[retired[0]] = 4
    export = {"format": "saljkompetens-export", "version": 1, "date": "2025-06-01", "result": None,
              "answers": {"format": "saljkompetens-svar", "version": 1, "answers": older,
                          "role": None}}  # fmt: skip
    file = tmp_path / "gammal-export.json"
    file.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")

    page.goto(site_url + "sjalvskattning/utveckling/")
    page.wait_for_selector('#sk-progress-page[data-enhanced="true"][data-attempts="1"]')
    page.set_input_files("#sk-attempt-file", str(file))
    expect(page.locator("#sk-attempts-message")).to_contain_text("daterat 2025-06-01 i filen")
    expect(page.locator("#sk-attempts-message")).to_contain_text(
        "1 av svaren gäller påståenden som inte längre finns"
    )
    expect(page.locator("#sk-progress-page")).to_have_attribute("data-attempts", "2")
    page.wait_for_selector('#sk-comparison[data-state="ready"]', timeout=PYTHON_TIMEOUT)
    expected = compare(
        definition,
        read_attempt(export, definition),
        read_attempt(
            {"format": "saljkompetens-svar", "version": 1, "answers": now, "date": "2026-09-01"},
            definition,
        ),
    )
    assert expected["before"]["retired"] == 1
    assert shown_rows(page, "data-change-competency") == expected_rows(
        expected["competencies"], "slug"
    )
    summary = page.locator("#sk-comparison .sk-summary")
    expect(summary).to_contain_text(
        "1 svar gällde påståenden som inte längre finns i självskattningen"
    )
    row = page.locator(f'[data-change-competency="{last["slug"]}"]')
    expect(row).to_have_attribute("data-comparable", "false")
    expect(row).to_contain_text("kan inte jämföras: bara 1 av")
    # the same file again is not added twice
    page.set_input_files("#sk-attempt-file", str(file))
    expect(page.locator("#sk-attempts-message")).to_contain_text("finns redan")
    expect(page.locator("#sk-attempt-list li")).to_have_count(2)


def dated(definition: dict[str, Any], answers: dict[str, Any], label: str, day: str) -> str:
    inner = {
        "format": "saljkompetens-svar",
        "version": 1,
        "answers": answers,
        "role": None,
        "label": label,
    }
    return json.dumps({"format": "saljkompetens-export", "version": 1, "date": day, "result": None,
                       "answers": inner}, ensure_ascii=False)  # fmt: skip


def test_a_team_of_four_with_two_attempts_each(page: Page, site_url, definition) -> None:
    rng = random.Random(5)
    files = []
    for label, shift in (("AB", 1.2), ("CD", 0.0), ("EF", 0.3), ("GH", -1.0)):
        levels = profile(definition, rng)
        earlier = answers_for(definition, levels, rng)
        files.append((f"{label}-mars.json", dated(definition, earlier, label, "2026-03-01")))
        later = answers_for(definition, levels, rng, shift=shift)
        files.append((f"{label}-sept.json", dated(definition, later, label, "2026-09-01")))
    expected = team(definition, files)
    assert [f["error"] for f in expected["files"]] == [None] * 8
    page.goto(site_url + "team/")
    page.wait_for_selector('#sk-team[data-enhanced="true"]')
    payload = [{"name": n, "mimeType": "application/json", "buffer": t.encode("utf-8")}
               for n, t in files]  # fmt: skip
    page.set_input_files("#sk-team-files", payload)
    page.wait_for_selector(
        '#sk-team-result[data-state="ready"][data-people="4"]', timeout=PYTHON_TIMEOUT
    )
    expect(page.locator("tr[data-person]")).to_have_count(4)
    expect(page.locator("tr[data-change-person]")).to_have_count(4)
    for person in expected["change"]["people"]:
        cells = page.locator(
            f'tr[data-change-person="{person["label"]}"] td[data-change-competency]'
        )
        shown = cells.evaluate_all(
            "cells => cells.map(c => [c.dataset.changeCompetency, c.dataset.change,"
            " c.dataset.reliable])"
        )
        text = lambda v: "" if v is None else str(v)  # noqa: E731
        assert shown == [[c["slug"], text(c["change"]), c["reliable"] or "none"]
                         for c in person["competencies"]]  # fmt: skip
    clear = sum(1 for p in expected["change"]["people"] for c in p["competencies"] if c["reliable"])
    assert clear > 0  # a shift of a whole step is found somewhere
    teams = page.eval_on_selector_all(
        "[data-change-team]",
        "rows => rows.map(r => [r.dataset.changeTeam, r.dataset.median, r.dataset.medianLow,"
        " r.dataset.medianHigh])",
    )
    assert teams == [[r["slug"], str(r["median"]), str(r["median_low"]), str(r["median_high"])]
                     for r in expected["change"]["competencies"]]  # fmt: skip
    expect(page.locator('li[data-file="AB-mars.json"]')).to_contain_text("Ett tidigare försök av")
    expect(page.locator("#sk-team-result .sk-summary")).to_contain_text(
        "Två försök med olika datum finns för 4 personer"
    )
    with page.expect_download() as download:
        page.click("#sk-team-csv")
    saved = Path(download.value.path()).read_bytes().decode("utf-8")
    assert saved == expected["csv"]
    assert saved.split("\r\n")[1].startswith("AB;2026-03-01;")
