"""The self-assessment page's scores in headless Chromium: worked out by hand, compared with a
role, and what the page says when Pyodide or the `scoring_py` wheel cannot be loaded.

Every test runs against the real site built with `mkdocs build --strict` and served on
127.0.0.1, with the self-hosted Pyodide and the `scoring_py` wheel.
"""

from __future__ import annotations

import math
import time
from fractions import Fraction

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.assessment_page import (
    PYTHON_TIMEOUT,
    answer,
    checked,
    items,
    no_foreign_requests,
    open_assessment,
    shown_scores,
    stored,
    varied_answers,
    wait_python,
    wait_result,
)


def hand_score(keyed: list[int]) -> int:
    """The rule by hand: mean of the keyed answers, (mean − 1) · 25, halves rounded up."""
    return math.floor((Fraction(sum(keyed), len(keyed)) - 1) * 25 + Fraction(1, 2))


def test_scores_match_hand_calculation(page: Page, site_url, definition, requests) -> None:
    competencies = definition["competencies"]
    assert definition["min_answers"] == 2
    assert (definition["scale"]["min"], definition["scale"]["max"]) == (1, 5)

    started = time.monotonic()
    open_assessment(page, site_url)
    expect(page.locator("#sk-status")).to_have_attribute("data-state", "loading")
    seconds = wait_python(page)
    print(f"\nPython ready after {time.monotonic() - started:.1f} s (worker: {seconds:.1f} s)")

    # Set 1: "4" everywhere. A normal item counts 4, a reverse one 6 − 4 = 2; with six
    # items, two reversed: (4 · 4 + 2 · 2) / 6 = 10/3 → (10/3 − 1) · 25 = 58.33 → 58.
    total = len(items(definition))
    answer(page, {item["id"]: 4 for item in items(definition)}, real_clicks=True)
    wait_result(page, total)
    expected = {
        c["slug"]: str(hand_score([2 if i["reverse"] else 4 for i in c["items"]]))
        for c in competencies
    }
    assert shown_scores(page) == expected
    assert hand_score([4, 4, 4, 4, 2, 2]) == 58  # the worked example above
    expect(page.locator("#resultat .sk-rows > li")).to_have_count(len(competencies))
    expect(page.locator("#sk-announce")).to_contain_text(f"{total} av {total} besvarade")
    expect(page.locator("#resultat li[data-code='straight-line']")).to_have_count(1)
    expect(page.locator("#resultat li[data-code]")).to_have_count(1)  # one note, not 18

    # Set 2: 5 on every normal item, 1 on every reverse item → all count 5 → 100 everywhere:
    # no differences, so no strengths or development areas, and one "too good" note.
    answer(page, {i["id"]: 1 if i["reverse"] else 5 for i in items(definition)})
    wait_result(page, total)
    page.wait_for_selector("#resultat li[data-code='too-good']")
    assert set(shown_scores(page).values()) == {"100"}
    expect(page.locator("#resultat [data-focus]")).to_have_count(0)
    expect(page.locator("#resultat li[data-code]")).to_have_count(1)
    expect(page.locator("#resultat li[data-code='too-good']")).to_have_count(1)

    # "Visa resultat" opens the report and moves focus to it.
    page.click("#sk-back")
    page.click('#sk-form button[type="submit"]')
    expect(page.locator("#resultat")).to_be_focused()

    # Partial: erase, then competency A gets one answer (< min_answers 2 → not scored)
    # and competency B two: normal item 2 → 2, reverse item 3 → 6 − 3 = 3;
    # mean 2.5 → (2.5 − 1) · 25 = 37.5 → 38 (half up); the 90 % range of two answers is
    # ± 1.6449 · 25 · √0.7 / √2 = ± 24.33 → 13.17–61.83, rounded outwards: 13–62.
    page.click("#sk-erase")
    page.click("#sk-erase")
    expect(page.locator("#resultat")).to_have_attribute("data-state", "empty")
    page.eval_on_selector("#sk-announce", "el => { el.textContent = ''; }")
    a, b = competencies[0], competencies[1]
    b_normal = next(i for i in b["items"] if not i["reverse"])
    b_reverse = next(i for i in b["items"] if i["reverse"])
    answer(page, {a["items"][0]["id"]: 5, b_normal["id"]: 2, b_reverse["id"]: 3})
    wait_result(page, 3)
    scores = shown_scores(page)
    assert scores[a["slug"]] == ""
    assert scores[b["slug"]] == "38"
    assert all(scores[c["slug"]] == "" for c in competencies[2:])
    row_b = page.locator(f'#resultat li[data-score][data-competency="{b["slug"]}"]')
    assert (row_b.get_attribute("data-low"), row_b.get_attribute("data-high")) == ("13", "62")
    expect(page.locator(f'#resultat li[data-competency="{a["slug"]}"]')).to_contain_text(
        "ej skattad"
    )
    expect(page.locator("#sk-announce")).to_have_text("")  # not the final item: no announcement

    wasm = [url for url in requests if url.endswith("/pyodide.asm.wasm")]
    assert wasm, "the worker's requests should be recorded"
    no_foreign_requests(requests, site_url)


def test_role_comparison_lists_largest_gap_first(page: Page, site_url, definition) -> None:
    open_assessment(page, site_url)
    wait_python(page)
    role = definition["roles"][0]
    page.select_option("#sk-role", role["slug"])
    answer(page, varied_answers(definition))
    wait_result(page, len(items(definition)))
    expect(page.locator("#resultat")).to_contain_text(f"Jämförelse med rollen {role['title']}")
    rows = page.locator("#resultat tr[data-role-competency]")
    expect(rows).to_have_count(len(role["targets"]))
    gaps = [int(g) for g in rows.evaluate_all("rows => rows.map(r => r.dataset.gap)")]
    assert gaps == sorted(gaps, reverse=True)
    scores = {k: int(v) for k, v in shown_scores(page).items()}
    targets = {t["competency"]: t["level"] for t in role["targets"]}
    for row in rows.evaluate_all(
        "rows => rows.map(r => [r.dataset.roleCompetency, r.dataset.gap])"
    ):
        assert int(row[1]) == targets[row[0]] - scores[row[0]]
    statuses = set(rows.evaluate_all("rows => rows.map(r => r.dataset.status)"))
    assert statuses <= {"under", "at", "over"}


# ---------------------------------------------------------------- failure modes


@pytest.mark.parametrize("file", ["pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"])
def test_missing_pyodide_file_is_named_within_seconds(
    context: BrowserContext, page: Page, site_url, definition, file: str
) -> None:
    context.route(f"**/pyodide/**/{file}", lambda route: route.fulfill(status=404, body="nej"))
    open_assessment(page, site_url)
    chosen = dict(list(varied_answers(definition).items())[:2])
    answer(page, chosen)
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=15_000)
    expect(page.locator("#sk-status")).to_contain_text(f"Filen {file} kunde inte hämtas (HTTP 404)")
    assert checked(page) == chosen
    assert stored(page)["answers"] == chosen


def test_blocked_pyodide_reports_error_and_keeps_answers(
    context: BrowserContext, page: Page, site_url, definition, requests
) -> None:
    context.route("**/pyodide/**", lambda route: route.abort())
    open_assessment(page, site_url)
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=PYTHON_TIMEOUT)
    expect(page.locator("#sk-status")).to_contain_text("Pyodide")
    expect(page.locator("#sk-status")).to_contain_text("dina svar sparas")

    chosen = dict(list(varied_answers(definition).items())[:6])
    answer(page, chosen, real_clicks=True)
    page.click('#sk-form button[type="submit"]')
    expect(page.locator("#sk-message")).to_contain_text("poängräkningen")
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page) == chosen
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=PYTHON_TIMEOUT)
    assert any("/pyodide/" in url for url in requests)
    no_foreign_requests(requests, site_url)


def test_tampered_wheel_is_refused(context: BrowserContext, page: Page, site_url, requests) -> None:
    context.route(
        "**/*.whl", lambda route: route.fulfill(status=200, body=b"PK not the real wheel")
    )
    open_assessment(page, site_url)
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=PYTHON_TIMEOUT)
    expect(page.locator("#sk-status")).to_contain_text("kontrollsumma")
    no_foreign_requests(requests, site_url)
