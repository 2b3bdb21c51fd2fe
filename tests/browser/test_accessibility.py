"""Accessibility: axe-core on every page in both palettes, and the assessment by keyboard."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")}`);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(
    browser: Browser, all_pages: list[str], site_url: str, scheme: str
) -> None:
    assert AXE.is_file(), "axe-core missing: run `npm ci`"
    # bypass_csp only so that axe itself can be injected; the CSP has its own test
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, locale="sv-SE")
    page = context.new_page()
    found: dict[str, list[str]] = {}
    urls = all_pages
    for url in urls:
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE)
        if violations:
            found[url or "/"] = violations
    context.close()
    assert len(urls) > 40
    assert found == {}


def test_assessment_by_keyboard_alone(page: Page, site_url: str, kb) -> None:
    """Tab into the form, answer every statement with arrow keys, step on with "Nästa del",
    and land on the report when the last statement is answered."""
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-status[data-state="ready"]', timeout=90_000)
    steps = page.locator("#sk-form fieldset.sk-step")
    total = page.locator("#sk-form fieldset.sk-item").count()
    radios = page.locator("#sk-form input[type=radio]")
    assert radios.count() == total * (len(kb.settings.scale) + 1)  # + "Ej aktuellt i min roll"
    page.locator("#sk-role").focus()
    page.keyboard.press("Tab")  # into the first radio group of the first step
    for number in range(steps.count()):
        step = steps.nth(number)
        expect(step).to_be_visible()
        count = step.locator("fieldset.sk-item").count()
        for index in range(count):
            # a radio group gets focus on its first option; arrow right selects the next one
            page.keyboard.press("ArrowRight")
            if index < count - 1:
                page.keyboard.press("Tab")
        if number == steps.count() - 1:
            break  # the last answer opens the report
        page.keyboard.press("Tab")
        if number > 0:
            expect(step.locator('[data-nav="previous"]')).to_be_focused()
            page.keyboard.press("Tab")
        expect(step.locator('[data-nav="next"]')).to_be_focused()
        page.keyboard.press("Enter")
    assert page.locator("#sk-form input[type=radio]:checked").count() == total
    result = page.locator("#resultat")
    expect(result).to_have_attribute("data-state", "ready", timeout=30_000)
    expect(result).to_be_focused()
    expect(page.locator("#sk-questions")).to_be_hidden()
    # every item answered 2 (first option focused, then arrow right): normal items 2,
    # reverse items 6 − 2 = 4; score = (mean − 1) × 25, rounded half up
    scores = page.eval_on_selector_all(
        "#resultat li[data-competency][data-score]",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.competency, r.dataset.score]))",
    )
    for competency in kb.competencies:
        keyed = [4 if s.reverse else 2 for s in competency.statements]
        mean = Fraction(sum(keyed), len(keyed))
        assert scores[competency.slug] == str(math.floor((mean - 1) * 25 + Fraction(1, 2)))
    expect(page.locator("#sk-announce")).to_contain_text(f"{total} av {total}")
    page.keyboard.press("Tab")  # from the report's heading region into its content
    assert page.evaluate("document.activeElement.closest('#resultat') !== null")


def test_the_report_has_no_serious_violations(browser: Browser, site_url: str, kb) -> None:
    """axe-core on the report view itself, with a role chosen (table, legend, focus areas)."""
    context = browser.new_context(bypass_csp=True, locale="sv-SE")
    page = context.new_page()
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.select_option("#sk-role", index=1)
    values = [[s.id, "1" if s.reverse else "5"] for c in kb.competencies for s in c.statements]
    values[0][1] = "1" if values[0][1] == "5" else "5"  # one answer against the rest
    page.evaluate(
        """pairs => { for (const [name, value] of pairs) {
            const input = document.querySelector(`input[name="${name}"][value="${value}"]`);
            input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); } }""",
        values,
    )
    page.wait_for_selector('#resultat[data-state="ready"]', timeout=90_000)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE)
    context.close()
    assert violations == []


def test_the_team_view_has_no_serious_violations(
    browser: Browser, site_url: str, built_site
) -> None:
    """axe-core on the team view with people, the team's spread, a role and a pair."""
    import json

    from tests.support.team_files import team_files

    definition = json.loads(
        (built_site.path / "assets" / "sjalvskattning" / "bedomning.json").read_text("utf-8")
    )
    files = team_files(definition, 5, managers=1)
    context = browser.new_context(bypass_csp=True, locale="sv-SE")
    page = context.new_page()
    page.goto(site_url + "team/")
    page.select_option("#sk-team-role", index=1)
    page.set_input_files(
        "#sk-team-files",
        [{"name": n, "mimeType": "application/json", "buffer": t.encode()} for n, t in files],
    )
    page.wait_for_selector('#sk-team-result[data-state="ready"][data-people="5"]', timeout=90_000)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE)
    context.close()
    assert violations == []
