"""Browse the built knowledge base in Chromium as a seller would."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser


def search(page: Page, site_url: str, query: str) -> Locator:
    """Type `query` into Material's search box; return the list of hits."""
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    return page.locator(".md-search-result__list")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("möjlighet", "Prospektering"),  # the text says "möjligheter": Swedish stemming
        ("invändning", "Hantera invändningar"),  # "invändningar" in the text
        ("nykundsbearbetning", "Prospektering"),  # a keyword from front matter only
        ("oppnåelsesorienterte", "Resultatorienterte selgere? Tja!"),  # Norwegian article
        ("kallsamtal", "Prospektering"),  # the text says "kalla samtal"; a keyword finds it
    ],
)
def test_search_finds_pages(page: Page, site_url: str, query: str, expected: str) -> None:
    hits = search(page, site_url, query)
    expect(hits.locator(".md-search-result__item h1, .md-search-result__item h2")).to_contain_text(
        [expected], timeout=10_000
    )


def test_follow_links_competency_mindset_competency(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Prospektering", exact=True).first.click()
    expect(page).to_have_url(f"{site_url}kompetenser/prospektering/")
    expect(page.locator("article h1")).to_have_text("Prospektering")

    page.locator("article").get_by_role("link", name="Hunger", exact=True).click()
    expect(page).to_have_url(f"{site_url}tankesatt/hunger/")
    # the mindset page quotes the sentence of each competency that names it
    expect(page.locator("article blockquote").first).to_contain_text("Hunger")

    page.locator("article").get_by_role("link", name="Målorientering", exact=True).click()
    expect(page).to_have_url(f"{site_url}kompetenser/malorientering/")
    expect(page.locator("article h1")).to_have_text("Målorientering")


def test_norwegian_article_is_read_as_norwegian(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}artiklar/resultatorienterte-selgere-tja/")
    lang = page.locator("article h1").evaluate("h => h.closest('[lang]').lang")
    assert lang == "nb"


def test_browsing_stays_on_the_site(page: Page, site_url: str, requests) -> None:
    for path in ["", "kompetenser/", "tankesatt/", "artiklar/", "kompetenser/prospektering/",
                 "tankesatt/ta-kontroll/", "artiklar/gor-som-topporganisationer-b2b/"]:  # fmt: skip
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    expect(search(page, site_url, "kvalificering")).to_contain_text("Kvalificering")
    assert requests, "the request log recorded nothing"
    assert requests.foreign(site_url) == []
    assert page.context.cookies() == []


def test_the_search_term_never_reaches_the_server(page: Page, site_url: str, requests) -> None:
    """Material's search.highlight would open a hit as `…?h=<term>`: a request that tells
    the server what the visitor searched for. The feature is off; the hit opens plainly."""
    hits = search(page, site_url, "kallsamtal")
    hits.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert "kompetenser/" in page.url
    assert not [url for url in requests if "kallsamtal" in url or "?h=" in url]
