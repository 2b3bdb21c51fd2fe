"""The team view's "Hur exakta är påståendena i ert team?" in Chromium: from 30 people a row
per competency with its verdict, the same numbers as scoring_py; below 30 one line."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from scoring_py import team
from tests.support.team_files import team_files
from tests.support.team_page import add_files, open_team, wait_people

pytestmark = pytest.mark.browser

VERDICTS = {
    "narrower": "Webbplatsens intervall är för smala",
    "wider": "Webbplatsens intervall är bredare än de behöver",
    "agree": "Stämmer med era svar",
}


def complete(definition: dict[str, Any], count: int) -> list[tuple[str, str]]:
    """`count` realistic files with every statement answered: "Ej aktuellt" (4 % of the
    answers in team_files) counts as the middle of the scale, so that every competency has
    all `count` people complete."""
    middle = (definition["scale"]["min"] + definition["scale"]["max"]) // 2
    files = []
    for name, text in team_files(definition, count):
        data = json.loads(text)
        data["answers"] = {
            k: middle if v == "ej-aktuellt" else v for k, v in data["answers"].items()
        }
        files.append((name, json.dumps(data, ensure_ascii=False)))
    return files


def swedish(value: float, digits: int) -> str:
    text = f"{abs(value):.{digits}f}".replace(".", ",")
    return f"−{text}" if value < 0 else text


def test_thirty_people_show_a_row_per_competency_as_python(
    page: Page, site_url, definition
) -> None:
    files = complete(definition, 30)
    open_team(page, site_url)
    add_files(page, files)
    wait_people(page, 30)
    expected = team(definition, files)["quality"]
    assert len(expected["competencies"]) == len(definition["competencies"])
    rows = page.locator("tr[data-quality-competency]")
    expect(rows).to_have_count(len(definition["competencies"]))
    shown = rows.evaluate_all(
        "rows => rows.map(r => [r.dataset.qualityCompetency, r.dataset.verdict,"
        " [...r.cells].map(c => c.textContent)])"
    )
    for row, (slug, verdict, cells) in zip(expected["competencies"], shown, strict=True):
        assert (slug, verdict) == (row["slug"], row["verdict"])
        between = " till " if row["alpha_low"] < 0 else "–"
        alpha = (f"{swedish(row['alpha'], 2)} ({swedish(row['alpha_low'], 2)}{between}"
                 f"{swedish(row['alpha_high'], 2)})")  # fmt: skip
        sem = (f"{swedish(row['sem_data'], 1)} ({swedish(row['sem_low'], 1)}–"
               f"{swedish(row['sem_high'], 1)})")  # fmt: skip
        assert cells == [row["title"], "30", alpha, sem, swedish(row["sem_site"], 1),
                         VERDICTS[row["verdict"]]]  # fmt: skip
    section = page.locator("#sk-team-result")
    for sentence in expected["summary"]:
        expect(section.locator('[data-team-quality="summary"]')).to_contain_text(sentence)
    expect(section.locator("#sk-quality-note")).to_contain_text("högst 10\u00a0% av gångerna")


def test_twelve_people_see_from_how_many_it_appears(page: Page, site_url, definition) -> None:
    open_team(page, site_url)
    add_files(page, team_files(definition, 12))
    wait_people(page, 12)
    expect(page.locator("tr[data-quality-competency]")).to_have_count(0)
    line = page.locator('[data-team-quality="hidden"]')
    expect(line).to_have_count(1)
    expect(line).to_contain_text("från 30 personer (nu 12)")


def test_the_table_fits_a_phone_and_prints(browser, site_url, definition, tmp_path) -> None:
    """390 px: the page never scrolls sideways (the table scrolls in its own region). Printed
    on A4 the whole table fits the page's width, and its rows are in the PDF."""
    files = complete(definition, 30)
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="sv-SE")
    page = context.new_page()
    open_team(page, site_url)
    add_files(page, files)
    wait_people(page, 30)
    expect(page.locator("tr[data-quality-competency]").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wrap = page.locator(".sk-quality-wrap")
    assert wrap.evaluate("w => getComputedStyle(w).overflowX") == "auto"
    # printed: A4 less 1 cm each side is 190 mm, 718 px at 96 px per inch
    page.set_viewport_size({"width": 718, "height": 900})
    page.emulate_media(media="print")
    fits = wrap.evaluate("w => w.querySelector('table').getBoundingClientRect().right"
                         " <= w.getBoundingClientRect().right + 0.5")  # fmt: skip
    assert fits
    pdf = tmp_path / "team.pdf"
    page.pdf(
        path=str(pdf), format="A4", margin={s: "1cm" for s in ("top", "right", "bottom", "left")}
    )
    context.close()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Hur exakta är påståendena i ert team?" in text
    printed = " ".join(text.split())
    for row in team(definition, files)["quality"]["competencies"]:  # every row, to its verdict
        assert f"{swedish(row['sem_site'], 1)} {VERDICTS[row['verdict']]}" in printed
