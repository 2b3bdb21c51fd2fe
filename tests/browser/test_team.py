"""The sales manager's team view in Chromium: files in, the team's picture out, nothing
uploaded or stored unless asked; and the manager's rating of a seller."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from bench.team_files import answers_file, team_files
from scoring_py import team

pytestmark = pytest.mark.browser

READY = '#sk-team-result[data-state="ready"]'


@pytest.fixture(scope="module")
def definition(built_site) -> dict[str, Any]:
    path = built_site.path / "assets" / "sjalvskattning" / "bedomning.json"
    return json.loads(path.read_text(encoding="utf-8"))


def add_files(page: Page, files: list[tuple[str, str]]) -> None:
    payload = [
        {"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")}
        for name, text in files
    ]
    page.set_input_files("#sk-team-files", payload)


def open_team(page: Page, site_url: str) -> None:
    page.goto(site_url + "team/")
    page.wait_for_selector('#sk-team[data-enhanced="true"]')


def wait_people(page: Page, count: int) -> None:
    page.wait_for_selector(f'{READY}[data-people="{count}"]', timeout=90_000)


def test_two_files_show_no_team_numbers_and_say_why(page: Page, site_url, definition) -> None:
    open_team(page, site_url)
    add_files(page, team_files(definition, 2))
    wait_people(page, 2)
    expect(page.locator("tr[data-person]")).to_have_count(2)
    expect(page.locator("[data-team-aggregate]")).to_have_count(0)
    expect(page.locator(".sk-team-hidden")).to_contain_text("minst 3 personers")
    expect(page.locator("#sk-team-result .sk-summary")).to_contain_text(
        "visas först från 3 personer"
    )


def test_five_files_show_the_team_and_the_same_numbers_as_python(
    page: Page, site_url, definition, built_site
) -> None:
    files = team_files(definition, 5)
    open_team(page, site_url)
    page.select_option("#sk-team-role", "nykundsjagare")
    add_files(page, files)
    wait_people(page, 5)
    expect(page.locator("[data-team-aggregate]")).to_have_count(1)
    expected = team(definition, files, "nykundsjagare")
    for person in expected["people"]:
        row = page.locator(f'tr[data-person="{person["label"]}"]')
        shown = row.locator("td[data-competency]").evaluate_all(
            "cells => cells.map(c => [c.dataset.competency, c.dataset.score])"
        )
        assert shown == [
            [c["slug"], "" if c["score"] is None else str(c["score"])]
            for c in person["competencies"]
        ]
    # the CSV the page saves is the one python -m scoring_py team --csv prints
    with page.expect_download() as download:
        page.click("#sk-team-csv")
    saved = Path(download.value.path()).read_bytes().decode("utf-8")  # \r\n kept
    assert saved == expected["csv"]
    assert saved.startswith("person,")
    # the priorities link to their competency pages
    first = expected["aggregate"]["priorities"][0]
    link = page.locator(f'.sk-priorities li[data-competency="{first}"] a').first
    expect(link).to_have_attribute("href", f"{site_url}kompetenser/{first}/")


def test_sorting_by_a_competency_and_by_person(page: Page, site_url, definition) -> None:
    open_team(page, site_url)
    add_files(page, team_files(definition, 6))
    wait_people(page, 6)
    slug = definition["competencies"][0]["slug"]
    page.click(f'button[data-sort="{slug}"]')
    scores = page.locator(f'tbody td[data-competency="{slug}"]').evaluate_all(
        "cells => cells.map(c => c.dataset.score)"
    )
    numbers = [int(s) for s in scores if s]
    assert numbers == sorted(numbers, reverse=True)
    expect(page.locator(f'th:has(button[data-sort="{slug}"])')).to_have_attribute(
        "aria-sort", "descending"
    )
    page.click('button[data-sort="person"]')
    labels = page.locator("tr[data-person]").evaluate_all("rows => rows.map(r => r.dataset.person)")
    assert labels == sorted(labels)


def test_a_broken_file_is_named_and_the_rest_are_shown(page: Page, site_url, definition) -> None:
    good = team_files(definition, 3)
    old = answers_file({"prospektering-99": 3}, "GAMMAL")
    files = [*good, ("trasig.json", "{ inte json"), ("gammal.json", old), good[0]]
    open_team(page, site_url)
    add_files(page, files)
    wait_people(page, 3)
    errors = page.locator("li[data-file-error]")
    expect(errors).to_have_count(3)
    expect(page.locator('li[data-file-error][data-file="trasig.json"]')).to_contain_text(
        "inte giltig JSON"
    )
    expect(page.locator('li[data-file-error][data-file="gammal.json"]')).to_contain_text(
        "andra påståenden"
    )
    # the same file twice: its second copy gets a name of its own and is refused
    expect(page.locator(f'li[data-file-error][data-file="{good[0][0]} (2)"]')).to_contain_text(
        "räknas bara en gång"
    )
    expect(page.locator("tr[data-person]")).to_have_count(3)
    expect(page.locator("[data-team-aggregate]")).to_have_count(1)


def test_self_and_manager_side_by_side(page: Page, site_url, definition) -> None:
    open_team(page, site_url)
    add_files(page, team_files(definition, 3, managers=1))
    wait_people(page, 3)
    pair = page.locator('[data-pair="AB"]')
    expect(pair).to_be_visible()
    expect(pair.locator("tbody tr")).to_have_count(len(definition["competencies"]))
    expect(page.locator('li[data-file="chefsskattning-ab.json"]')).to_contain_text(
        "chefens skattning av AB"
    )


def test_nothing_leaves_the_site_and_nothing_is_kept_unless_asked(
    context: BrowserContext, site_url, definition, requests
) -> None:
    page = context.new_page()
    open_team(page, site_url)
    assert not any("pyodide" in url for url in requests)  # Python starts with the first file
    add_files(page, team_files(definition, 4))
    wait_people(page, 4)
    assert requests.foreign(site_url) == []
    assert context.cookies() == []
    assert page.evaluate("Object.keys(localStorage)") == []
    page.click("#sk-team-save")
    assert page.evaluate("Object.keys(localStorage)") == ["saljkompetens.team.v1"]
    page.reload()
    wait_people(page, 4)  # the saved files come back on this device
    page.click("#sk-team-forget")
    assert page.evaluate("Object.keys(localStorage)") == []


def test_a_manager_rates_a_seller_and_the_team_view_pairs_them(
    context: BrowserContext, site_url, definition
) -> None:
    page = context.new_page()
    page.goto(site_url + "team/chefsskattning/")
    page.wait_for_selector('#sk-manager[data-enhanced="true"]')
    first = definition["competencies"][0]["items"][0]
    legend = page.locator(f'fieldset[data-item="{first["id"]}"] legend')
    expect(legend).to_contain_text("Säljaren")  # the statement is about the seller
    expect(page.locator(f'fieldset[data-item="{first["id"]}"]')).to_contain_text("Kan inte bedöma")
    ids = [item["id"] for c in definition["competencies"] for item in c["items"]]
    page.evaluate(
        """ids => { for (const id of ids) {
            const input = document.querySelector(`input[name='${id}'][value='3']`);
            input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); } }""",
        ids,
    )
    page.click("#sk-export")
    expect(page.locator("#sk-message")).to_contain_text("säljarens namn")  # a label first
    page.fill("#sk-label", "AB")
    page.locator("#sk-label").dispatch_event("change")
    with page.expect_download() as download:
        page.click("#sk-export")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"]["rater"] == "manager"
    assert exported["answers"]["label"] == "AB"
    # the manager's own self-assessment is untouched
    assert page.evaluate("Object.keys(localStorage)") == ["saljkompetens.chefsskattning.v1"]

    team_page = context.new_page()
    open_team(team_page, site_url)
    add_files(team_page, [*team_files(definition, 3), ("chef-ab.json", json.dumps(exported))])
    wait_people(team_page, 3)
    expect(team_page.locator('[data-pair="AB"]')).to_be_visible()


def test_the_sellers_export_carries_the_name_they_give(
    context: BrowserContext, site_url, definition
) -> None:
    page = context.new_page()
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.fill("#sk-label", "AB")
    page.locator("#sk-label").dispatch_event("change")
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    expect(page.locator("#sk-label")).to_have_value("AB")  # kept with the answers
    with page.expect_download() as download:
        page.click("#sk-export")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"]["label"] == "AB"
    assert "rater" not in exported["answers"]
    # a share link never carries the name
    page.click("#sk-share")
    assert "AB" not in page.input_value("#sk-share-link")
