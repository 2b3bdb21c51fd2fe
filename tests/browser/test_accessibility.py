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
    """Tab into the form, answer every statement with arrow keys, read the result."""
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-status[data-state="ready"]', timeout=90_000)
    radios = page.locator("#sk-form input[type=radio]")
    groups = page.locator("#sk-form fieldset.sk-item")
    count = groups.count()
    page.locator("#sk-role").focus()
    page.keyboard.press("Tab")  # into the first radio group
    for index in range(count):
        # a radio group gets focus on its first option; arrow right selects the next one
        page.keyboard.press("ArrowRight")
        if index < count - 1:
            page.keyboard.press("Tab")
    assert page.locator("#sk-form input[type=radio]:checked").count() == count
    assert radios.count() == count * len(kb.settings.scale)
    page.keyboard.press("Tab")  # the submit button
    expect(page.locator("#sk-form button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")
    result = page.locator("#resultat")
    expect(result).to_have_attribute("data-state", "ready", timeout=30_000)
    expect(result).to_be_focused()
    # every item answered 2 (first option selected, then arrow right): normal items 2,
    # reverse items 6 − 2 = 4; four items, one reversed: (2+2+2+4)/4 = 2.5 → 37.5 → 38
    rows = page.locator("#resultat tr[data-competency]")
    scores = dict(
        rows.evaluate_all("rows => rows.map(r => [r.dataset.competency, r.dataset.score])")
    )
    for competency in kb.competencies:
        keyed = [4 if s.reverse else 2 for s in competency.statements]
        mean = Fraction(sum(keyed), len(keyed))
        assert scores[competency.slug] == str(math.floor((mean - 1) * 25 + Fraction(1, 2)))
    expect(page.locator("#sk-announce")).to_contain_text(f"{count} av {count}")
