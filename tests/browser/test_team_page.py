"""The team page in real use, in Chromium: the manager's rating of a seller, exports that carry
their name, a stalled file, look-alike labels and encodings, the organisation self-test, files
listed at once, a phone, print."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, FilePayload, Page, Route, expect

from scoring_py import team
from tests.support.team_files import padded, team_files
from tests.support.team_page import add_files, open_team, today, wait_people

pytestmark = pytest.mark.browser


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
    # Everything answered: the page says so and points to the export.
    expect(page.locator("#sk-message")).to_contain_text(f"Alla {len(ids)} påståenden är besvarade")
    expect(page.locator('a[href="#spara-skattningen"]')).to_have_count(1)
    page.click("#sk-export")
    expect(page.locator("#sk-message")).to_contain_text("säljarens namn")  # a label first
    page.fill("#sk-label", "Björn Å")
    page.locator("#sk-label").dispatch_event("change")
    with page.expect_download() as download:
        page.click("#sk-export")
    # the name keeps å, ä and ö and carries the label
    assert download.value.suggested_filename == f"chefsskattning-Björn-Å-{today()}.json"
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
    page.fill("#sk-label", "Björn")
    page.locator("#sk-label").dispatch_event("change")
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    expect(page.locator("#sk-label")).to_have_value("Björn")  # kept with the answers
    with page.expect_download() as download:
        page.click("#sk-export")
    # not "saljkompetens-svar.json" for everyone, nor "bjo-rn": the label as written, the day
    assert download.value.suggested_filename == f"saljkompetens-svar-Björn-{today()}.json"
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"]["label"] == "Björn"
    assert "rater" not in exported["answers"]
    # a share link never carries the name
    page.click("#sk-share")
    assert "Bj" not in page.input_value("#sk-share-link")


def test_a_file_that_takes_too_long_is_stopped_and_the_others_are_shown(
    page: Page, site_url, definition
) -> None:
    files = team_files(definition, 6)
    files[2] = ("stor.json", padded(files[2][1]))
    assert len(files[2][1].encode()) < 1_000_000  # a valid file within the limit
    assert team(definition, files)["files"][2]["error"] is None  # CPython reads it
    open_team(page, site_url)
    page.evaluate("document.getElementById('sk-team').dataset.fileBudgetMs = '200'")
    add_files(page, files)
    wait_people(page, 5)
    stopped = page.locator('li[data-file-stopped][data-file="stor.json"]')
    expect(stopped).to_contain_text("poängräkningen kom inte vidare med den på 0,2 sekunder")
    expect(page.locator("li[data-file-error]")).to_have_count(1)
    expect(page.locator("tr[data-person]")).to_have_count(5)
    expected = team(definition, files[:2] + files[3:])  # the same numbers, without it
    assert page.locator("tr[data-person]").evaluate_all(
        "rows => rows.map(r => r.dataset.person)"
    ) == [p["label"] for p in expected["people"]]


def test_lookalike_labels_are_flagged_and_encodings_decided_as_the_cli(
    page: Page, site_url, definition
) -> None:
    (_, one), (_, two), (_, three) = team_files(definition, 3)
    cyrillic = json.loads(two)
    cyrillic["label"] = "\u0410nna"  # Cyrillic А
    latin = json.loads(one)
    latin["label"] = "Anna"
    files = [("anna.json", json.dumps(latin)), ("anna-2.json", json.dumps(cyrillic))]
    open_team(page, site_url)
    payload: list[FilePayload] = [
        {"name": n, "mimeType": "application/json", "buffer": t.encode()} for n, t in files
    ]
    payload.append(  # UTF-16 with a BOM: read, as python -m scoring_py reads it
        {
            "name": "utf16.json",
            "mimeType": "application/json",
            "buffer": b"\xff\xfe" + three.encode("utf-16-le"),
        }
    )
    payload.append(  # without a BOM: refused, with the same message as the CLI's
        {
            "name": "utf16-utan-bom.json",
            "mimeType": "application/json",
            "buffer": three.encode("utf-16-le"),
        }
    )
    page.set_input_files("#sk-team-files", payload)
    wait_people(page, 3)
    expect(page.locator('tr[data-person="\u0410nna"]')).to_have_attribute(
        "data-label-notes", "mixed-scripts lookalike"
    )
    anna = page.locator('tr[data-person="Anna"]')
    expect(anna).to_have_attribute("data-label-notes", "lookalike")
    expect(page.locator('li[data-file="anna.json"]')).to_contain_text(
        'ser likadan ut som "\u0410nna" (anna-2.json)'
    )
    expect(page.locator('li[data-file="anna-2.json"]')).to_contain_text("blandar latinska")
    expect(page.locator('li[data-file-error][data-file="utf16-utan-bom.json"]')).to_contain_text(
        "Filen kan inte läsas som text: den ska vara sparad som UTF-8 (med eller utan BOM) eller "
        "som UTF-16 med BOM."
    )
    expect(page.locator('li[data-file="utf16.json"]:not([data-file-error])')).to_have_count(1)


def test_the_organisation_selftest_shows_only_aggregates(page: Page, site_url, built_site) -> None:
    from tests.support.selftests import TRAITS, person

    five = [person(value, label) for value, label in zip(range(1, 6), "ABCDE", strict=True)]
    open_team(page, site_url)
    add_files(page, five)
    expect(page.locator("#sk-team-kind")).to_have_value(TRAITS)
    wait_people(page, 5)
    expect(page.locator("[data-team-aggregate]")).to_have_count(1)
    expect(page.locator("tr[data-person], [data-pair], .sk-dot, .sk-team-quality")).to_have_count(0)
    expect(page.locator("#sk-team-result .sk-summary")).to_contain_text(
        "Svaren om organisationen visas bara sammanställda, aldrig per person"
    )
    expect(page.locator("[data-team-aggregate]")).to_contain_text("Inga värden visas per person.")
    with page.expect_download() as download:
        page.click("#sk-team-csv")
    saved = Path(download.value.path()).read_bytes().decode("utf-8")
    option = page.locator(f'#sk-team-kind option[value="{TRAITS}"]')
    path = option.get_attribute("data-definition") or ""
    definition = (built_site.path / "team" / path).resolve().read_text(encoding="utf-8")
    assert saved == team(definition, five)["csv"]
    assert saved.startswith("\ufeffMått;") and saved.splitlines()[1].startswith("Lägst;")
    assert download.value.suggested_filename == f"saljkompetens-team-{TRAITS}-{today()}.csv"


def test_dropped_files_are_listed_at_once_before_python_is_ready(
    context: BrowserContext, site_url, definition
) -> None:
    """Pyodide's files are held back (as on a slow line): the files are listed at once with
    their size and state, and the line that says what happens is in view, under the drop
    zone; once Python may load, each file is done."""
    held: list[Route] = []
    released: list[bool] = []

    def hold(route: Route) -> None:  # answered only once the test releases them
        if released:
            route.continue_()
        else:
            held.append(route)

    context.route("**/assets/pyodide/**", hold)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    open_team(page, site_url)
    files = team_files(definition, 12)
    add_files(page, files)
    items = page.locator("#sk-team-file-list li[data-file]")
    expect(items).to_have_count(12)
    first = page.locator(f'li[data-file="{files[0][0]}"]')
    expect(first).to_have_attribute("data-file-state", "waiting")
    size = len(files[0][1].encode())
    expect(first).to_contain_text(
        f"{files[0][0]} ({f'{round(size / 1024, 1):g}'.replace('.', ',')} kB)"
    )
    expect(first).to_contain_text("väntar på poängräkningen")
    status = page.locator("#sk-team-progress-text")
    expect(status).to_contain_text("Poängräkningen startar")
    expect(status).to_contain_text("Teamets bild visas nedanför listan")
    for _ in range(100):  # the worker asks for Pyodide and is kept waiting
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the worker asked for Pyodide"
    assert page.evaluate("document.documentElement.dataset.python") != "ready"
    box = status.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 720  # in view
    expect(page.locator("#sk-team-result")).to_have_attribute("data-state", "updating")

    released.append(True)
    for route in held:
        route.continue_()
    wait_people(page, 12)
    expect(page.locator('#sk-team-file-list li[data-file-state="done"]')).to_have_count(12)
    expect(first).to_contain_text(f"klar – {json.loads(files[0][1])['label']}")
    expect(status).to_contain_text("12 filer av 12 används")


def test_the_team_view_fits_a_phone_and_reads_as_material_tables(
    browser, site_url, definition
) -> None:
    """390 px: nothing scrolls sideways (the heat map scrolls in its own region); the tables
    have Material's look (borders, padding: headers apart); the heat map's ranges are at
    least Material's table text (12.8 px); self and manager are all in points."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="sv-SE")
    page = context.new_page()
    open_team(page, site_url)
    page.select_option("#sk-team-role", "nykundsjagare")
    add_files(page, team_files(definition, 12, managers=2))
    wait_people(page, 12)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    head = page.locator(".sk-pair thead th").evaluate_all(
        "cells => cells.map(c => [c.textContent, getComputedStyle(c).paddingLeft])"
    )
    assert [text for text, _ in head][1:4] == ["Själv", "Chef", "Skillnad"]
    # at least 4 px each side, 8 px between two headers (the browser's default is 1 px)
    assert all(float(padding.removesuffix("px")) >= 4 for _, padding in head)
    border = page.locator(".sk-pair").first.evaluate("t => getComputedStyle(t).borderTopStyle")
    assert border == "solid"
    sizes = page.locator(".sk-cell-range").evaluate_all(
        "cells => cells.map(c => parseFloat(getComputedStyle(c).fontSize))"
    )
    assert min(sizes) >= 12.8
    # "80 45 −35", never "80 45 −1,4": the difference is in points, as the values beside it
    expected = team(definition, team_files(definition, 12, managers=2), "nykundsjagare")
    pair = expected["pairs"][0]
    row = page.locator(f'[data-pair="{pair["label"]}"] tbody tr').first
    cells = row.locator("td").all_inner_texts()
    first = pair["competencies"][0]
    points = first["points"]
    shown = "0" if points == 0 else (f"+{points}" if points > 0 else f"−{-points}")
    assert cells[:3] == [str(first["self"]), str(first["manager"]), shown]
    assert page.locator(".sk-pairs").count() == 1
    context.close()


def test_the_printed_team_view_is_at_most_two_pages_without_the_instructions(
    browser, site_url, definition, tmp_path
) -> None:
    """12 sellers and 2 of the manager's ratings, printed on A4 with 1 cm margins (as a print
    dialog does): at most two pages, counted by pdfinfo, and no instructions in it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    open_team(page, site_url)
    page.select_option("#sk-team-role", "nykundsjagare")
    add_files(page, team_files(definition, 12, managers=2))
    wait_people(page, 12)
    page.emulate_media(media="print")
    for hidden in (".sk-team-intro", "#sk-drop", ".sk-team-files", "#sk-team-actions"):
        assert page.locator(hidden).first.is_hidden(), hidden
    pdf = tmp_path / "team.pdf"
    margin = {side: "1cm" for side in ("top", "right", "bottom", "left")}
    page.pdf(path=str(pdf), format="A4", margin=margin)
    context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    assert 1 <= pages <= 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Så får du filerna" not in text.stdout and "Dra säljarnas svarsfiler" not in text.stdout
    assert "Teamets spridning" in text.stdout and "Själv och chef" in text.stdout


def test_a_selftests_export_carries_its_selftest_and_the_label(page: Page, site_url) -> None:
    from tests.support.selftests import ACHIEVEMENT

    page.goto(f"{site_url}sjalvtest/{ACHIEVEMENT}/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.fill("#sk-label", "Åsa Öberg")
    page.locator("#sk-label").dispatch_event("change")
    with page.expect_download() as download:
        page.click("#sk-export")
    assert (
        download.value.suggested_filename == f"saljkompetens-{ACHIEVEMENT}-Åsa-Öberg-{today()}.json"
    )
