"""Driving the self-assessment page (/sjalvskattning/) in a Playwright page: open it, answer,
wait for Python and the result, read what it shows and stores. Used by
tests/browser/test_assessment_*.py and tests/browser/test_selftests.py."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page

STORAGE_KEY = "saljkompetens.svar.v1"
READY = '#sk-status[data-state="ready"]'
PYTHON_TIMEOUT = 60_000  # ms; Pyodide usually starts in ~5 s in headless Chromium


def items(definition: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for c in definition["competencies"] for item in c["items"]]


def open_assessment(page: Page, site_url: str, fragment: str = "") -> None:
    page.goto(f"{site_url}sjalvskattning/{fragment}")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')


def wait_python(page: Page) -> float:
    """Wait until the worker reports ready; returns the Python start time it measured."""
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    return float(page.get_attribute("#sk-assessment", "data-python-seconds") or "nan")


def answer(page: Page, values: dict[str, Any], *, real_clicks: bool = False) -> None:
    """Answer items. Real clicks where the item's step is on screen; otherwise (the form
    shows one step at a time) the radio is set by script and `change` dispatched, as a
    click would."""
    for item_id, value in values.items():
        radio = page.locator(f'input[name="{item_id}"][value="{value}"]')
        if real_clicks and radio.is_visible():
            radio.check()
        else:
            radio.evaluate(
                "input => { input.checked = true;"
                " input.dispatchEvent(new Event('change', {bubbles: true})); }"
            )


def wait_result(page: Page, answered: int) -> None:
    page.wait_for_selector(
        f'#resultat[data-state="ready"][data-answered="{answered}"]',
        state="attached",  # the report is a view of its own: it may be hidden meanwhile
        timeout=PYTHON_TIMEOUT,
    )


def shown_scores(page: Page) -> dict[str, str]:
    """data-score of every competency row of the profile ("" = not scored)."""
    return page.eval_on_selector_all(
        "#resultat li[data-competency][data-score]",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.competency, r.dataset.score]))",
    )


def checked(page: Page) -> dict[str, int]:
    return page.eval_on_selector_all(
        '#sk-form input[type="radio"]:checked',
        "inputs => Object.fromEntries(inputs.map(i => [i.name, Number(i.value)]))",
    )


def stored(page: Page) -> Any:
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def varied_answers(definition: dict[str, Any]) -> dict[str, int]:
    """A deterministic, non-uniform answer to every item."""
    return {item["id"]: (i * 3 % 5) + 1 for i, item in enumerate(items(definition))}


def no_foreign_requests(requests, site_url: str) -> None:
    assert requests.foreign(site_url) == []
