"""The self-tests written as content, in Chromium: each answered to its profile, kept apart
from the self-assessment, listed where readers find them, refused when a file is for another
self-test; answers stored and links made before the self-tests moved (from
`sjalvskattning/<slug>/` to `sjalvtest/<slug>/`) still work; the team view of five
organisation files; and a scaffolded self-test that builds and works with no code change. The
expected numbers are those worked out by hand in tests/test_scoring_selftests_*.py."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import build_site
from tests.support.assessment_page import answer, wait_python
from tests.support.selftests import (
    ACHIEVEMENT,
    LEARNER,
    ORGANISATION,
    TRAITS,
    answers,
    person,
)
from tests.support.team_page import add_files, open_team, wait_people

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 60_000


def open_selftest(page: Page, base: str, slug: str) -> None:
    page.goto(f"{base}sjalvtest/{slug}/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')


def wait_result(page: Page, answered: int) -> None:
    page.wait_for_selector(
        f'#resultat[data-state="ready"][data-answered="{answered}"]',
        state="attached",
        timeout=TIMEOUT,
    )


def scales(page: Page) -> dict[str, str]:
    """data-score of every scale row of the report ("" = no value)."""
    return page.eval_on_selector_all(
        "#resultat li[data-scale][data-score]",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.scale, r.dataset.score]))",
    )


def stored(page: Page, key: str) -> Any:
    text = page.evaluate("key => localStorage.getItem(key)", key)
    return None if text is None else json.loads(text)


def test_achievement_selftest_gives_its_profile(page: Page, site_url: str) -> None:
    open_selftest(page, site_url, ACHIEVEMENT)
    answer(page, LEARNER)  # the last answer opens the report
    wait_result(page, 12)
    assert scales(page) == {"larande-och-arbetssatt": "75", "styrs-av-siffrorna": "25"}
    report = page.locator("#resultat")
    expect(report).to_be_visible()
    expect(report).to_contain_text("Lärande och arbetssätt – Tydligt inslag")
    expect(report).to_contain_text("Vad artikeln säger: Artikeln kallar det oppnåelsesorientering")
    expect(report).to_contain_text("de är en profil, inte en typ")
    expect(report.locator('a[href$="artiklar/resultatorienterte-selgere-tja/"]')).to_have_count(1)
    # A profile, not a ranking: no strengths, no development areas, no roles.
    for absent in ("#sk-utveckla", "#sk-role"):
        expect(page.locator(absent)).to_have_count(0)
    # Kept under the self-test's own key; the self-assessment's answers are not touched.
    kept = stored(page, f"saljkompetens.sjalvtest.{ACHIEVEMENT}.v1")
    assert kept["selftest"] == ACHIEVEMENT and "check" not in kept
    assert kept["answers"] == LEARNER
    assert stored(page, "saljkompetens.svar.v1") is None


def test_seven_traits_give_their_profile(page: Page, site_url: str) -> None:
    open_selftest(page, site_url, TRAITS)
    expect(page.locator('input[name="topp-tavling-1"][value="ej-aktuellt"]')).to_have_count(1)
    expect(page.locator(".sk-not-applicable").first).to_contain_text("Kan inte bedöma")
    answer(page, ORGANISATION)
    wait_python(page)
    page.locator("#sk-form button[type=submit]").evaluate("button => button.click()")
    wait_result(page, sum(isinstance(v, int) for v in ORGANISATION.values()))
    assert scales(page) == {
        "stark-styrning-frihet-inom-ramar": "100",
        "padrivande-kultur-med-tydliga-krav": "50",
        "en-konkurrent-att-mata-sig-mot": "0",
        "tavling-och-hjalp-pa-samma-gang": "75",
        "eget-ansvar-for-att-leverera": "",
        "blicken-pa-mojligheterna": "25",
        "stark-framatanda-i-gruppen": "50",
    }
    report = page.locator("#resultat")
    expect(report).to_contain_text("Martin, S. (2018)")
    expect(report).to_contain_text("Din bild av organisationen")
    # The page says where the article's claims are its author's view.
    expect(page.locator(".admonition").first).to_contain_text("Författarens syn")


def test_a_file_for_another_selftest_is_refused_and_nothing_is_lost(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    open_selftest(page, site_url, ACHIEVEMENT)
    answer(page, {"ao-larande-1": 5})
    other = tmp_path / "sju.json"
    other.write_text(answers(TRAITS, {"topp-fiende-3": 4}), encoding="utf-8")
    page.set_input_files("#sk-import", str(other))
    expect(page.locator("#sk-message")).to_contain_text(
        'svar på självtestet "sju-kannetecken-pa-topporganisationer", inte på självtestet '
        "Lärande eller bara resultat?"
    )
    kept = stored(page, f"saljkompetens.sjalvtest.{ACHIEVEMENT}.v1")
    assert kept["answers"] == {"ao-larande-1": 5}
    # The competency assessment refuses it too, and names where it belongs.
    competencies = tmp_path / "larande.json"
    competencies.write_text(answers(ACHIEVEMENT, {"ao-larande-1": 4}), encoding="utf-8")
    page.goto(f"{site_url}sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.set_input_files("#sk-import", str(competencies))
    expect(page.locator("#sk-message")).to_contain_text("inte på kompetensskattningen")
    assert stored(page, "saljkompetens.svar.v1") is None


def test_the_export_names_its_selftest_and_imports_again(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    open_selftest(page, site_url, ACHIEVEMENT)
    answer(page, LEARNER)
    wait_result(page, 12)
    with page.expect_download() as download_info:
        page.click("#sk-export")
    today = date.today().isoformat()  # no label given: the name is left out
    assert download_info.value.suggested_filename == f"saljkompetens-{ACHIEVEMENT}-{today}.json"
    path = tmp_path / "export.json"
    download_info.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["answers"]["selftest"] == ACHIEVEMENT and "check" not in exported["answers"]
    assert exported["result"]["selftest"]["slug"] == ACHIEVEMENT
    page.evaluate("localStorage.clear()")
    open_selftest(page, site_url, ACHIEVEMENT)
    page.set_input_files("#sk-import", str(path))
    expect(page.locator("#sk-message")).to_contain_text("Filen är öppnad")
    page.click("#sk-keep-shared")  # nothing of one's own to replace: one click
    expect(page.locator("#sk-message")).to_contain_text("importerade svaren är nu dina")
    wait_result(page, 12)
    assert scales(page) == {"larande-och-arbetssatt": "75", "styrs-av-siffrorna": "25"}


def test_answers_stored_before_the_move_are_moved_and_kept(page: Page, site_url: str) -> None:
    """Answers under the former key, with the former `check` field, show and score as before
    (the learner's 75 and 25), and move to the new key; the former key is gone, and the next
    change writes `selftest`."""
    former = f"saljkompetens.test.{ACHIEVEMENT}.v1"
    key = f"saljkompetens.sjalvtest.{ACHIEVEMENT}.v1"
    old = json.loads(answers(ACHIEVEMENT, LEARNER))
    old["check"] = old.pop("selftest")
    page.goto(site_url)  # the site's origin, whose storage the page reads
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [former, json.dumps(old)])
    open_selftest(page, site_url, ACHIEVEMENT)
    wait_result(page, 12)
    assert scales(page) == {"larande-och-arbetssatt": "75", "styrs-av-siffrorna": "25"}
    assert stored(page, former) is None
    assert stored(page, key)["answers"] == LEARNER
    answer(page, {"ao-larande-1": 3})
    kept = stored(page, key)
    assert (kept["answers"]["ao-larande-1"], kept["selftest"], "check" in kept) == (
        3,
        ACHIEVEMENT,
        False,
    )


def test_the_former_address_sends_a_share_link_on_with_its_answers(
    page: Page, site_url: str
) -> None:
    """A share link made when the self-test was at `sjalvskattning/<slug>/`: the page left
    there goes on to the new address with the fragment, and the shared answers show."""
    open_selftest(page, site_url, ACHIEVEMENT)
    answer(page, LEARNER)
    wait_result(page, 12)
    page.click("#sk-share")
    link = page.input_value("#sk-share-link")
    here = f"{site_url}sjalvtest/{ACHIEVEMENT}/"
    assert link.startswith(f"{here}#svar=")
    page.evaluate("localStorage.clear()")
    page.goto(link.replace(here, f"{site_url}sjalvskattning/{ACHIEVEMENT}/"))
    expect(page).to_have_url(link)
    expect(page.locator("#sk-shared")).to_be_visible()
    wait_result(page, 12)
    assert scales(page) == {"larande-och-arbetssatt": "75", "styrs-av-siffrorna": "25"}


def test_the_former_address_links_on_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(f"{site_url}sjalvskattning/{TRAITS}/")
        expect(page).to_have_url(f"{site_url}sjalvskattning/{TRAITS}/")  # no script: it stays
        page.get_by_role("link", name="Sju kännetecken på topporganisationer").click()
        expect(page).to_have_url(f"{site_url}sjalvtest/{TRAITS}/")
    finally:
        context.close()


def test_selftests_are_listed_on_the_assessment_page_and_their_articles(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}sjalvskattning/")
    for slug in (ACHIEVEMENT, TRAITS):
        expect(page.locator(f'#fler-sjalvtest ~ ul a[href$="{slug}/"]')).to_have_count(1)
    for article, slug in (
        ("resultatorienterte-selgere-tja", ACHIEVEMENT),
        ("gor-som-topporganisationer-b2b", TRAITS),
    ):
        page.goto(f"{site_url}artiklar/{article}/")
        expect(page.locator("#testa-dig-sjalv")).to_have_count(1)
        expect(page.locator(f'#testa-dig-sjalv ~ ul a[href$="sjalvtest/{slug}/"]')).to_have_count(1)


def test_the_team_view_aggregates_five_organisation_files(page: Page, site_url: str) -> None:
    open_team(page, site_url)
    add_files(
        page, [person(value, label) for value, label in zip(range(1, 6), "ABCDE", strict=True)]
    )
    expect(page.locator("#sk-team-kind")).to_have_value(TRAITS)  # followed the files
    wait_people(page, 5)
    aggregate = page.locator("[data-team-aggregate]")
    expect(aggregate).to_have_count(1)
    expect(
        aggregate.locator('li[data-competency="stark-styrning-frihet-inom-ramar"]')
    ).to_have_attribute("data-median", "50")
    expect(
        aggregate.locator('li[data-competency="en-konkurrent-att-mata-sig-mot"]')
    ).to_have_attribute("data-median", "50")
    expect(page.locator(f'[data-team-selftest="{TRAITS}"]')).to_contain_text("Martin, S. (2018)")
    expect(page.locator("#sk-team-role-bar")).to_be_hidden()
    # The self-test promises aggregates only: no respondent's own values are shown.
    expect(page.locator("tr[data-person]")).to_have_count(0)


def test_a_scaffolded_selftest_builds_and_works(page: Page, tmp_path: Path, serve_folder) -> None:
    content = tmp_path / "content"
    subprocess.run(["cp", "-r", str(ROOT / "content"), str(content)], check=True)
    made = subprocess.run(
        [sys.executable, "-m", "saljkompetens", "new", "selftest", "Mitt eget test",
         "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    new = content / "selftests" / "mitt-eget-test.md"  # the editor rewrites the placeholders
    new.write_text(new.read_text("utf-8").replace("latshållare", "rov"), "utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    built = build_site(content, folder)
    assert built.returncode == 0, built.stderr
    base = serve_folder(folder / "site")
    open_selftest(page, base, "mitt-eget-test")
    ids = page.eval_on_selector_all("fieldset.sk-item", "items => items.map(i => i.dataset.item)")
    assert len(ids) == 4
    answer(page, dict.fromkeys(ids, 3))
    wait_result(page, 4)
    assert scales(page) == {"skala-1": "50", "skala-2": "50"}
    page.goto(f"{base}sjalvskattning/")
    expect(page.locator('#fler-sjalvtest ~ ul a[href$="mitt-eget-test/"]')).to_have_count(1)


def test_a_hostile_selftest_report_shows_text_and_runs_nothing(
    page: Page, published_site, serve_folder
) -> None:
    """The report is built from the self-test's texts: they stay text (tests/fixtures/published)."""
    base = serve_folder(published_site.path)
    open_selftest(page, base, "lyssnartest-img-src-x-onerror-window-pwned-11-7-7")
    answer(page, {"lyssnartest-1": 3, "lyssnartest-2": 1})  # both count 3 of 1–3: 100
    wait_result(page, 2)
    row = page.locator('#resultat li[data-scale="lyssna-svg-onload-window-pwned-14-pipe"]')
    expect(row).to_have_attribute("data-score", "100")
    expect(row).to_contain_text("Lyssna <svg onload=window.__pwned=14> | pipe")
    expect(page.locator("#resultat")).to_contain_text("Artikeln {{ 7*7 }} säger <i>att</i>")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#resultat svg, #resultat script, #resultat img").count() == 0


def test_a_selftests_report_has_no_serious_accessibility_violations(browser, site_url: str) -> None:
    from tests.browser.test_accessibility import AXE, RUN_AXE

    context = browser.new_context(bypass_csp=True, locale="sv-SE")  # only to inject axe
    try:
        page = context.new_page()
        open_selftest(page, site_url, ACHIEVEMENT)
        answer(page, LEARNER)
        wait_result(page, 12)
        page.add_script_tag(path=str(AXE))
        assert page.evaluate(RUN_AXE) == []
    finally:
        context.close()
