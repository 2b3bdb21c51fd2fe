"""The self-assessment as a visitor meets it: steps, resuming, and a report that opens at its
top, says only what the data supports, reads on a phone and prints on two pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

READY = '#sk-status[data-state="ready"]'


def items(definition: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for c in definition["competencies"] for item in c["items"]]


def open_page(page: Page, site_url: str, fragment: str = "") -> None:
    page.goto(f"{site_url}sjalvskattning/{fragment}")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')


def answer(page: Page, values: dict[str, Any]) -> None:
    """Set answers by script (a step hides the others) and dispatch `change` as a click does."""
    page.evaluate(
        """pairs => { for (const [name, value] of pairs) {
            const input = document.querySelector(`input[name="${name}"][value="${value}"]`);
            input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); } }""",
        [[k, str(v)] for k, v in values.items()],
    )


def wait_report(page: Page) -> None:
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_selector('#resultat[data-state="ready"]', timeout=60_000)


def flat(definition: dict[str, Any]) -> dict[str, int]:
    """Every normal statement 4, every reverse one 2: every competency counts 4 → 75."""
    return {i["id"]: 2 if i["reverse"] else 4 for i in items(definition)}


def test_the_form_shows_one_step_and_resumes_where_the_visitor_stopped(
    page: Page, site_url, definition
) -> None:
    open_page(page, site_url)
    steps = page.locator("fieldset.sk-step")
    assert steps.count() >= 5
    expect(steps.nth(0)).to_be_visible()
    expect(steps.nth(1)).to_be_hidden()
    first_step = (
        steps.nth(0).locator("fieldset.sk-item").evaluate_all("fs => fs.map(f => f.dataset.item)")
    )
    assert 8 <= len(first_step) <= 12
    # interleaved: the first step holds statements of several competencies
    competencies = (
        steps.nth(0)
        .locator("fieldset.sk-item")
        .evaluate_all("fs => new Set(fs.map(f => f.dataset.competency)).size")
    )
    assert competencies == len(first_step)
    answer(page, dict.fromkeys(first_step, 3))
    page.click('#steg-1 [data-nav="next"]')
    expect(steps.nth(1)).to_be_visible()
    expect(page.locator("#sk-time-left")).to_contain_text("minuter kvar")
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    expect(steps.nth(1)).to_be_visible()  # resumed at the first step with an unanswered item
    expect(steps.nth(0)).to_be_hidden()


def test_not_applicable_counts_as_unanswered(page: Page, site_url, definition) -> None:
    open_page(page, site_url)
    competency = definition["competencies"][0]
    first, second, *rest = competency["items"]
    answer(page, {first["id"]: 4, second["id"]: "ej-aktuellt"})
    expect(page.locator("#sk-progress-text")).to_contain_text("2 av")  # both were responded to
    page.click('#sk-form button[type="submit"]')
    wait_report(page)
    row = page.locator(f'#resultat li[data-score][data-competency="{competency["slug"]}"]')
    expect(row).to_have_attribute("data-score", "")  # one scored answer: not enough
    expect(page.locator("#resultat .sk-summary")).to_contain_text(
        "valt ”Ej aktuellt i min roll” för 1"
    )


def test_a_flat_profile_names_no_strengths_or_development_areas(
    page: Page, site_url, definition
) -> None:
    open_page(page, site_url)
    answer(page, flat(definition))
    wait_report(page)
    expect(page.locator("#resultat [data-focus]")).to_have_count(0)
    expect(page.locator("#resultat .sk-summary")).to_contain_text(
        "Ingen kompetens skiljer sig från de andra mer än vad mätningens felmarginal kan ge av "
        "en slump."
    )
    expect(page.locator("#resultat .sk-summary")).to_contain_text("(här ungefär")
    expect(page.locator("#resultat .sk-reflect")).to_have_count(0)  # all equal: none is lowest
    scores = page.locator("#resultat li[data-score]").evaluate_all(
        "rows => rows.map(r => r.dataset.score)"
    )
    assert set(scores) == {"75"}


def on_targets(definition: dict[str, Any], role: dict[str, Any]) -> dict[str, int]:
    """Each competency answered as near its target as its statements allow: the keyed sum
    round((target / 25 + 1) · n), spread as evenly as it goes (others as 75)."""
    levels = {t["competency"]: t["level"] for t in role["targets"]}
    values: dict[str, int] = {}
    for competency in definition["competencies"]:
        n = len(competency["items"])
        total = round((levels.get(competency["slug"], 75) / 25 + 1) * n)
        keyed = [total // n + (1 if k < total % n else 0) for k in range(n)]
        for item, counts in zip(competency["items"], keyed, strict=True):
            values[item["id"]] = 6 - counts if item["reverse"] else counts
    return values


def test_on_the_role_targets_nothing_is_under_or_over_and_it_says_why(
    page: Page, site_url, definition
) -> None:
    role = definition["roles"][0]
    open_page(page, site_url)
    page.select_option("select[name=roll]", role["slug"])
    answer(page, on_targets(definition, role))
    wait_report(page)
    statuses = page.locator("#resultat tr[data-status]").evaluate_all(
        "rows => rows.map(r => r.dataset.status)"
    )
    assert statuses and set(statuses) == {"at"}
    expect(page.locator("#resultat [data-focus]")).to_have_count(0)
    expect(page.locator("#resultat .sk-summary")).to_contain_text(
        "ligger du inte tydligt under målet i någon av de"
    )
    expect(page.locator("#sk-utveckla ~ p").first).to_contain_text(
        "ryms inom mätningens felmarginal"
    )


def test_one_large_deficit_is_named_and_nothing_else(page: Page, site_url, definition) -> None:
    """Every competency counts 4 (75) but one, which counts 1 (0): 75 points below the median
    of the others, far beyond its threshold (about 30), so it is the one development area."""
    weak = definition["competencies"][3]
    values = flat(definition)
    for item in weak["items"]:
        values[item["id"]] = 5 if item["reverse"] else 1
    open_page(page, site_url)
    answer(page, values)
    wait_report(page)
    focus = page.locator('#resultat [data-focus="development"]')
    expect(focus).to_have_count(1)
    expect(focus).to_have_attribute("data-competency", weak["slug"])
    expect(focus.locator(".sk-claim")).to_contain_text("−75 poäng mot medianen")
    expect(page.locator('#resultat [data-focus="strength"]')).to_have_count(0)
    expect(page.locator("#resultat .sk-summary")).to_contain_text(
        f"Tydligast under dina andra kompetenser ligger, enligt din skattning, {weak['title']}."
    )


def test_a_role_with_one_clear_shortfall_names_it(page: Page, site_url, definition) -> None:
    """Each competency answered to lie at or above its target (all count 5 → 100 where the
    target is 80 or more, all count 4 → 75 below that), except one set to count 1 → 0."""
    role = next(r for r in definition["roles"] if any(t["level"] >= 75 for t in r["targets"]))
    short = next(t["competency"] for t in role["targets"] if t["level"] >= 75)
    levels = {t["competency"]: t["level"] for t in role["targets"]}
    values: dict[str, int] = {}
    for competency in definition["competencies"]:
        slug = competency["slug"]
        counts = 1 if slug == short else 5 if levels.get(slug, 0) >= 80 else 4
        for item in competency["items"]:
            values[item["id"]] = 6 - counts if item["reverse"] else counts
    open_page(page, site_url)
    page.select_option("select[name=roll]", role["slug"])
    answer(page, values)
    wait_report(page)
    focus = page.locator('#resultat [data-focus="development"]')
    expect(focus).to_have_count(1)
    expect(focus).to_have_attribute("data-competency", short)
    under = page.locator('#resultat tr[data-status="under"]')
    expect(under).to_have_count(1)
    expect(under).to_have_attribute("data-role-competency", short)
    why = next(t["why"] for t in role["targets"] if t["competency"] == short)
    expect(focus).to_contain_text(why)  # the role's reason is shown
    expect(focus.locator("li")).not_to_have_count(0)  # practice, mindsets, reading


def test_the_report_opens_at_its_top(browser: Browser, page: Page, site_url, definition) -> None:
    open_page(page, site_url)
    page.wait_for_selector(READY, timeout=60_000)
    answer(page, flat(definition))  # the last answer opens the report
    wait_report(page)
    expect(page.locator("#resultat")).to_be_visible()
    expect(page.locator("#sk-questions")).to_be_hidden()
    assert page.url.endswith("#resultat")
    top = page.locator("#resultat").bounding_box()
    assert top is not None and 0 <= top["y"] < 200, top
    expect(page.locator("#resultat")).to_be_focused()

    # back to the statements, and "Visa resultat" opens it again
    page.go_back()
    expect(page.locator("#sk-questions")).to_be_visible()
    page.click('#sk-form button[type="submit"]')
    expect(page.locator("#resultat")).to_be_visible()
    top = page.locator("#resultat").bounding_box()
    assert top is not None and 0 <= top["y"] < 200, top

    # a share link opens the report of the shared answers
    page.click("#sk-share")
    link = page.input_value("#sk-share-link")
    other = browser.new_page()
    try:
        other.goto(link)
        other.wait_for_selector('#resultat[data-state="ready"]', timeout=60_000)
        expect(other.locator("#resultat")).to_be_visible()
        box = other.locator("#resultat").bounding_box()
        assert box is not None and 0 <= box["y"] < 200, box
    finally:
        other.close()


def test_the_report_reads_on_a_phone(browser: Browser, site_url, definition) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    try:
        page = context.new_page()
        open_page(page, site_url)
        page.select_option("select[name=roll]", definition["roles"][0]["slug"])
        answer(page, {i["id"]: (n * 3 % 5) + 1 for n, i in enumerate(items(definition))})
        wait_report(page)
        small = page.locator("#resultat").evaluate(
            """section => [...section.querySelectorAll('*')]
                .filter(e => e.offsetParent !== null && [...e.childNodes].some(
                    n => n.nodeType === 3 && n.textContent.trim()))
                .map(e => [e.tagName, parseFloat(getComputedStyle(e).fontSize),
                           e.textContent.trim().slice(0, 30)])
                .filter(([, size]) => size < 12)"""
        )
        assert small == []
        width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1], width
    finally:
        context.close()


def test_the_report_prints_on_at_most_two_pages(page: Page, site_url, definition) -> None:
    open_page(page, site_url)
    page.select_option("select[name=roll]", definition["roles"][0]["slug"])
    answer(page, {i["id"]: (n * 3 % 5) + 1 for n, i in enumerate(items(definition))})
    wait_report(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages
    expect(page.locator("#sk-report-meta")).to_contain_text("Självskattning ")
    expect(page.locator("#sk-report-meta")).to_contain_text("jämförd med rollen")


def test_the_scale_is_one_row_on_a_desktop_and_a_list_on_a_phone(
    browser: Browser, site_url
) -> None:
    for width, one_row in ((1280, True), (390, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            open_page(page, site_url)
            boxes = page.locator("fieldset.sk-item").first.locator(".sk-scale label")
            tops = {round(boxes.nth(i).bounding_box()["y"]) for i in range(boxes.count())}
            assert (len(tops) == 1) == one_row, (width, tops)
        finally:
            context.close()
