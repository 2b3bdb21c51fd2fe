"""The self-assessment page's storage in headless Chromium: answers kept over a reload and
erased at once, a full or disabled localStorage told at once, two tabs kept in step.

Every test runs against the real site built with `mkdocs build --strict` and served on
127.0.0.1, with the self-hosted Pyodide and the `scoring_py` wheel.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.assessment_page import (
    answer,
    checked,
    items,
    no_foreign_requests,
    open_assessment,
    stored,
    varied_answers,
    wait_python,
    wait_result,
)

# ---------------------------------------------------------------- storage


def test_reload_keeps_answers_and_erase_clears_everything(
    page: Page, site_url, definition, requests
) -> None:
    open_assessment(page, site_url)
    chosen = dict(list(varied_answers(definition).items())[:10])
    role = definition["roles"][-1]["slug"]
    answer(page, chosen)  # before Python is ready: the form works anyway
    page.select_option("#sk-role", role)
    assert stored(page)["answers"] == chosen
    assert stored(page)["role"] == role
    wait_python(page)
    wait_result(page, 10)

    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page) == chosen
    expect(page.locator("#sk-role")).to_have_value(role)
    expect(page.locator("#sk-progress-text")).to_have_text(f"10 av {len(items(definition))}")
    wait_python(page)
    wait_result(page, 10)

    page.click("#sk-erase")
    expect(page.locator("#sk-erase")).to_have_attribute("data-confirm", "1")
    assert stored(page) is not None  # one click is not enough
    page.click("#sk-erase")
    assert checked(page) == {}
    assert stored(page) is None
    expect(page.locator("#sk-role")).to_have_value("")
    expect(page.locator("#resultat")).to_have_attribute("data-state", "empty")
    expect(page.locator("#resultat tr[data-competency]")).to_have_count(0)
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page) == {}
    assert page.evaluate("document.cookie") == ""
    no_foreign_requests(requests, site_url)


# ---------------------------------------------------------------- storage full, two tabs


def test_full_storage_is_told_at_once_and_answers_stay(page: Page, site_url, definition) -> None:
    open_assessment(page, site_url)
    filled = page.evaluate(
        """() => {  // fill this origin's localStorage to its quota
            let chunk = "x".repeat(1 << 20), i = 0;
            while (chunk.length > 0) {
                try { localStorage.setItem(`fyllnad-${i++}`, chunk); }
                catch { chunk = chunk.slice(0, chunk.length >> 1); }
            }
            return i;
        }"""
    )
    assert filled > 1
    warning = page.locator("#sk-storage-warning")
    expect(warning).to_be_hidden()
    chosen = dict(list(varied_answers(definition).items())[-3:])  # far down the form
    answer(page, chosen, real_clicks=True)
    expect(warning).to_be_visible()
    expect(warning).to_be_in_viewport()  # told at once, where the visitor is
    expect(warning).to_contain_text("Dina svar kunde inte sparas")
    expect(warning).to_contain_text("lagring för den här webbplatsen är full")
    expect(page.locator("#sk-storage-export")).to_be_visible()
    assert checked(page) == chosen  # the answers stay in the page
    expect(page.locator("#sk-progress-text")).to_have_text(f"3 av {len(items(definition))}")
    with page.expect_download() as download_info:
        page.click("#sk-storage-export")
    exported = json.loads(Path(download_info.value.path()).read_text("utf-8"))
    assert exported["answers"]["answers"] == chosen

    # Room again: the next answer saves everything and the warning goes.
    page.evaluate("() => { for (const k of Object.keys(localStorage)) "
                  "if (k.startsWith('fyllnad-')) localStorage.removeItem(k); }")  # fmt: skip
    more = dict(list(varied_answers(definition).items())[:1])
    answer(page, more, real_clicks=True)
    expect(warning).to_be_hidden()
    assert stored(page)["answers"] == {**chosen, **more}


def test_disabled_storage_is_told(browser: Browser, site_url, definition) -> None:
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('nej', 'SecurityError'); }});"
    )
    try:
        page = context.new_page()
        open_assessment(page, site_url)
        expect(page.locator("#sk-storage-warning")).to_contain_text("tillåter inte")
        answer(page, dict(list(varied_answers(definition).items())[:2]), real_clicks=True)
        expect(page.locator("#sk-progress-text")).to_have_text(f"2 av {len(items(definition))}")
    finally:
        context.close()


def test_two_tabs_stay_in_step(context: BrowserContext, site_url, definition, requests) -> None:
    first, second = context.new_page(), context.new_page()
    open_assessment(first, site_url)
    open_assessment(second, site_url)
    ids = [item["id"] for item in items(definition)]

    answer(first, {ids[0]: 5})
    expect(second.locator("#sk-progress-text")).to_contain_text("1 av")
    assert checked(second) == {ids[0]: 5}
    answer(second, {ids[1]: 2})  # answers in both tabs merge; none is dropped
    expect(first.locator("#sk-progress-text")).to_contain_text("2 av")
    assert checked(first) == {ids[0]: 5, ids[1]: 2}
    assert stored(first)["answers"] == {ids[0]: 5, ids[1]: 2}

    # An erase holds in every tab: the other tab does not write the old answers back.
    first.click("#sk-erase")
    first.click("#sk-erase")
    expect(second.locator("#sk-message")).to_contain_text("raderades i en annan flik")
    assert checked(second) == {}
    answer(second, {ids[2]: 3})
    # Chromium passes one tab's localStorage writes to the others asynchronously: wait for
    # the first tab to have heard of it before reading its storage.
    expect(first.locator("#sk-progress-text")).to_contain_text("1 av")
    assert stored(first)["answers"] == {ids[2]: 3}
    no_foreign_requests(requests, site_url)
