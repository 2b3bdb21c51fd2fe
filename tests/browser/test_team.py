"""The sales manager's team view in Chromium: files in, the team's picture out (the same numbers
as Python), sorting, broken files, self beside manager, nothing uploaded or stored unless asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from scoring_py import team
from tests.support.team_files import answers_file, team_files
from tests.support.team_page import add_files, open_team, today, wait_people

pytestmark = pytest.mark.browser


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
    # the CSV the page saves is the one python -m scoring_py team --csv prints, byte for byte
    with page.expect_download() as download:
        page.click("#sk-team-csv")
    raw = Path(download.value.path()).read_bytes()
    saved = raw.decode("utf-8")  # \r\n and the BOM kept
    assert saved == expected["csv"]
    # for a Swedish spreadsheet: a BOM, ";" between the columns, the titles as headers
    titles = ";".join(c["title"] for c in definition["competencies"])
    assert raw.startswith(b"\xef\xbb\xbf" + f"Person;Datum;{titles}\r\n".encode())
    assert download.value.suggested_filename == f"saljkompetens-team-nykundsjagare-{today()}.csv"
    # with 5 people no priority can be told from chance, and the page says from how many
    assert expected["aggregate"]["priorities"] == []
    needed = expected["aggregate"]["priority_people"]
    expect(page.locator(".sk-no-priorities")).to_contain_text(f"kräver minst {needed} personer")
    medians = page.locator("[data-team-aggregate] li[data-competency]").evaluate_all(
        "rows => rows.map(r => [r.dataset.competency, r.dataset.medianLow, r.dataset.medianHigh])"
    )
    assert medians == [
        [row["slug"], str(row["median_low"]), str(row["median_high"])]
        for row in expected["aggregate"]["competencies"]
    ]


def test_nine_files_name_a_priority_that_links_to_its_page(
    page: Page, site_url, definition
) -> None:
    """Nine sellers far below one target (every answer there counting 1 → 0): so many below
    it that chance cannot explain it; the page names it and links to its competency."""
    role = next(r for r in definition["roles"] if r["slug"] == "nykundsjagare")
    weak = role["targets"][0]["competency"]
    files = []
    for name, text in team_files(definition, 9):
        data = json.loads(text)
        for competency in definition["competencies"]:
            if competency["slug"] == weak:
                for item in competency["items"]:
                    data["answers"][item["id"]] = 5 if item["reverse"] else 1
        files.append((name, json.dumps(data, ensure_ascii=False)))
    expected = team(definition, files, "nykundsjagare")
    assert weak in expected["aggregate"]["priorities"]
    open_team(page, site_url)
    page.select_option("#sk-team-role", "nykundsjagare")
    add_files(page, files)
    wait_people(page, 9)
    link = page.locator(f'.sk-priorities li[data-competency="{weak}"] a').first
    expect(link).to_have_attribute("href", f"{site_url}kompetenser/{weak}/")


def test_three_identical_files_rank_nothing(page: Page, site_url, definition) -> None:
    """Three sellers with the same even answers (every competency 75): one median, so no
    competency is named highest or lowest, and no priority."""
    even = {
        item["id"]: 2 if item["reverse"] else 4
        for competency in definition["competencies"]
        for item in competency["items"]
    }
    files = [(f"{n}.json", answers_file(even, n)) for n in ("AB", "CD", "EF")]
    open_team(page, site_url)
    page.select_option("#sk-team-role", "nykundsjagare")
    add_files(page, files)
    wait_people(page, 3)
    summary = page.locator("#sk-team-result .sk-summary")
    expect(summary).to_contain_text("medianen 75 i alla kompetenser")
    expect(summary).not_to_contain_text("högst i")
    expect(page.locator(".sk-priorities")).to_have_count(0)


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
