"""Reading the site as a seller would: the way in from the home page, where each page
belongs, a competency's own rating, the 404 page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser

COMPETENCY = "prospektering"


def statements(definition: dict[str, Any], slug: str) -> list[dict[str, Any]]:
    return next(c["items"] for c in definition["competencies"] if c["slug"] == slug)


def checked(page: Page, item_id: str) -> str | None:
    """The value checked for a statement on the page, or None."""
    return page.evaluate(
        "id => document.querySelector(`input[name='${id}']:checked`)?.value ?? null", item_id
    )


def test_the_home_page_has_two_ways_in(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page).to_have_title("Säljkompetens")  # not "Säljkompetens - Säljkompetens"
    expect(page.locator("article h1")).to_have_text("Säljkompetens")
    expect(page.locator(".sk-path-note")).to_contain_text("minuter")
    page.locator("#sk-path-read").click()
    expect(page).to_have_url(f"{site_url}kompetenser/")
    page.go_back()
    page.locator("#sk-path-assess").click()
    expect(page).to_have_url(f"{site_url}sjalvskattning/")
    expect(page.locator("#sk-form")).to_be_visible()


def test_the_tabs_are_for_readers_and_the_guide_is_in_the_footer(page: Page, site_url) -> None:
    page.goto(site_url + "kompetenser/")
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert [t.strip() for t in tabs] == [
        "Start",
        "Kompetenser",
        "Tankesätt",
        "Artiklar",
        "Självskattning",
        "Team",
    ]
    page.locator(".md-footer").get_by_role("link", name="För redaktörer").click()
    expect(page).to_have_url(f"{site_url}redaktorsguide/")
    page.locator(".md-footer").get_by_role("link", name="Om webbplatsen").click()
    expect(page).to_have_url(f"{site_url}om-webbplatsen/")
    expect(page.locator("#kallor")).to_be_visible()
    expect(page.locator("article")).to_contain_text("Martin, S. (2018)")


@pytest.mark.parametrize(
    ("url", "tab", "trail"),
    [
        ("kompetenser/prospektering/", "Kompetenser", ["Start", "Kompetenser"]),
        ("tankesatt/hunger/", "Tankesätt", ["Start", "Tankesätt"]),
        ("artiklar/gor-som-topporganisationer-b2b/", "Artiklar", ["Start", "Artiklar"]),
        ("roller/nykundsjagare/", "Självskattning", ["Start", "Självskattning", "Roller"]),
    ],
)
def test_a_generated_page_shows_where_it_belongs(
    page: Page, site_url: str, url: str, tab: str, trail: list[str]
) -> None:
    page.goto(site_url + url)
    expect(page.locator(".md-tabs__item--active")).to_have_text(tab)
    assert [t.strip() for t in page.locator(".md-path__link").all_inner_texts()] == trail
    # its neighbours of the same kind, in Material's footer
    neighbours = page.locator(".md-footer__link")
    assert neighbours.count() >= 1
    neighbours.first.click()
    expect(page.locator(".md-tabs__item--active")).to_have_text(tab)


SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})  # å, ä, ö after z
SIBLINGS = """panel => [...panel.querySelectorAll(':scope > ul > li > .md-nav__link')]
    .filter(link => link.checkVisibility({visibilityProperty: true}))
    .map(link => {
        link.scrollIntoView({block: 'center'});
        const box = link.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return {title: link.textContent.trim(), current: link.matches('.md-nav__link--active'),
                seen: link.contains(hit)};
    })"""
"""The links of a nav panel as a reader sees them: title, marked as the current page, and
whether it is on screen and on top (a tap reaches it) once scrolled to."""


def reading_order(titles: list[str]) -> list[str]:
    return sorted(titles, key=lambda title: title.lower().translate(SWEDISH_ORDER))


@pytest.mark.parametrize("width", [390, 1280])
def test_a_competency_page_lists_its_siblings_in_the_sidebar_and_the_drawer(
    page: Page, site_url: str, kb, width: int
) -> None:
    """On a phone the drawer opens on Kompetenser and lists all 18 competencies; on a desktop
    the sidebar does; either way in reading order with the current page marked."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(site_url + f"kompetenser/{COMPETENCY}/")
    if width < 1220:  # Material's breakpoint for the sidebar
        expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()
        page.locator("label.md-header__button[for='__drawer']").click()
    panel = page.locator(".md-sidebar--primary nav[data-md-level='1'][aria-expanded='true']")
    expect(panel).to_have_count(1)
    title = (
        panel.locator(":scope > .md-nav__title")
        if width < 1220
        else page.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__container > a")
    )
    expect(title).to_be_in_viewport()
    expect(title).to_have_text("Kompetenser")
    page.wait_for_timeout(400)  # the drawer's slide-in (0.25 s)
    links = panel.evaluate(SIBLINGS)

    titles = [link["title"] for link in links]
    assert len(titles) == 18
    assert titles == reading_order([c.title for c in kb.competencies])
    assert [link["title"] for link in links if link["current"]] == ["Prospektering"]
    assert [link["title"] for link in links if not link["seen"]] == []


def test_the_drawer_on_a_role_page_opens_on_roller_under_sjalvskattning(
    page: Page, site_url: str, kb
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "roller/nykundsjagare/")
    page.locator("label.md-header__button[for='__drawer']").click()
    panel = page.locator(".md-sidebar--primary nav[data-md-level='2'][aria-expanded='true']")
    expect(panel.locator(":scope > .md-nav__title")).to_have_text("Roller")
    page.wait_for_timeout(400)
    links = panel.evaluate(SIBLINGS)
    assert [link["title"] for link in links] == reading_order([r.title for r in kb.roles])
    assert [link["title"] for link in links if link["current"]] == ["Nykundsjägare"]
    assert all(link["seen"] for link in links)


def test_a_competency_page_has_no_keyword_line_for_readers(page: Page, site_url) -> None:
    page.goto(site_url + f"kompetenser/{COMPETENCY}/")
    expect(page.locator("article")).not_to_contain_text("Sökord")
    expect(page.locator(".sk-keywords")).to_be_hidden()


def test_answers_given_on_a_competency_page_are_in_the_full_test_and_back(
    context: BrowserContext, site_url: str, definition, requests
) -> None:
    page = context.new_page()
    other = statements(definition, "kvalificering")[0]
    mine = statements(definition, COMPETENCY)
    normal = next(s for s in mine if not s["reverse"])
    reverse = next(s for s in mine if s["reverse"])
    # an answer to another competency, given in the full test first
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.evaluate(
        """id => { const input = document.querySelector(`input[name='${id}'][value='5']`);
        input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); }""",
        other["id"],
    )
    # reading a competency page loads no Python until there is something to score (a new
    # tab: the full test's own worker, started when the browser was idle, is gone with its tab)
    page.close()
    page = context.new_page()
    requests.clear()
    page.goto(site_url + f"kompetenser/{COMPETENCY}/")
    page.wait_for_selector('#sk-rating[data-enhanced="true"]')
    result = page.locator("#sk-rating-result")
    expect(result).to_have_attribute("data-state", "empty")
    assert not any("pyodide" in url for url in requests)
    page.locator(f'#sk-rating input[name="{normal["id"]}"][value="4"]').check()
    page.locator(f'#sk-rating input[name="{reverse["id"]}"][value="2"]').check()
    # both count 4: (4 − 1) × 25 = 75; the 90 % range of two answers is
    # ± 1.6449 · 25 · √0.7 / √2 = ± 24.33 → 50.67–99.33, rounded outwards: 50–100
    expect(result).to_have_attribute("data-score", "75", timeout=90_000)
    expect(result).to_have_attribute("data-low", "50")
    expect(result).to_have_attribute("data-high", "100")
    expect(result).to_contain_text("Enligt din skattning")

    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page, normal["id"]) == "4"
    assert checked(page, reverse["id"]) == "2"
    assert checked(page, other["id"]) == "5"  # the other answer is still there
    expect(page.locator("#sk-progress-text")).to_contain_text("3 av")
    third = next(s for s in mine if s["id"] not in (normal["id"], reverse["id"]))
    page.evaluate(
        """id => { const input = document.querySelector(`input[name='${id}'][value='ej-aktuellt']`);
        input.checked = true; input.dispatchEvent(new Event('change', {bubbles: true})); }""",
        third["id"],
    )

    page.goto(site_url + f"kompetenser/{COMPETENCY}/")
    page.wait_for_selector('#sk-rating[data-enhanced="true"]')
    assert checked(page, third["id"]) == "ej-aktuellt"
    result.scroll_into_view_if_needed()  # Python starts when the statements are in view
    # "Ej aktuellt" is not a scored answer: still two, still 75
    expect(result).to_have_attribute("data-score", "75", timeout=90_000)
    expect(result).to_have_attribute("data-answered", "2")


def test_a_change_in_another_tab_shows_on_the_competency_page(
    context: BrowserContext, site_url: str, definition
) -> None:
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto(site_url + f"kompetenser/{COMPETENCY}/")
        page.wait_for_selector('#sk-rating[data-enhanced="true"]')
    item = statements(definition, COMPETENCY)[0]["id"]
    first.locator(f'#sk-rating input[name="{item}"][value="3"]').check()
    expect(second.locator(f'#sk-rating input[name="{item}"][value="3"]')).to_be_checked()


def test_a_competency_page_says_so_when_answers_cannot_be_kept(page: Page, site_url) -> None:
    page.route("**/bedomning.json", lambda route: route.fulfill(status=503, body="nej"))
    page.goto(site_url + f"kompetenser/{COMPETENCY}/")
    expect(page.locator("#sk-rating-message")).to_contain_text("HTTP 503")
    expect(page.locator("#sk-rating-message")).to_contain_text("kan inte sparas")
    expect(page.locator("#sk-rating input[type=radio]").first).to_be_disabled()


def test_the_404_page_is_swedish_and_leads_on(page: Page, site_url: str) -> None:
    response = page.goto(site_url + "finns-inte/")
    assert response is not None and response.status == 404
    expect(page).to_have_title("Sidan finns inte – Säljkompetens")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("article h1")).to_have_text("Sidan finns inte")
    expect(page.locator("article")).not_to_contain_text("Not found")
    page.locator("article").get_by_role("link", name="Kompetenser").click()
    expect(page).to_have_url(f"{site_url}kompetenser/")
    page.go_back()
    page.get_by_label("Sök på webbplatsen").fill("kallsamtal")
    page.get_by_label("Sök på webbplatsen").press("Enter")
    expect(page.locator("input.md-search__input")).to_have_value("kallsamtal")
    expect(page.locator(".md-search-result__list")).to_contain_text("Prospektering")


@pytest.mark.parametrize(
    "url",
    ["artiklar/gor-som-topporganisationer-b2b/", f"kompetenser/{COMPETENCY}/", "tankesatt/hunger/"],
)
def test_reading_pages_print_their_text_without_the_site_around_it(
    page: Page, site_url: str, url: str
) -> None:
    page.goto(site_url + url)
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("article p").first).to_be_visible()
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("#sk-rating")).to_be_hidden()  # the rating is for the screen
    if url.startswith("artiklar/"):
        expect(page.locator(".sk-article-facts")).to_contain_text("Källa:")
