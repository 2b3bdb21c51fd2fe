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


def shown(hits: Locator) -> list[str]:
    """The text of every hit, with each hit's "N till på denna sida" opened."""
    expect(hits.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    for more in hits.locator("details.md-search-result__more > summary").all():
        more.click()
    return [
        " ".join(text.split()) for text in hits.locator(".md-search-result__item").all_inner_texts()
    ]


def statements(kb) -> set[str]:
    """Every statement the forms ask, as the seller and the manager read it."""
    asked = [s for c in kb.competencies for s in c.statements]
    asked += [s for selftest in kb.selftests for s in selftest.statements]
    return {text for s in asked for text in (s.text, s.manager_text) if text}


def test_search_lists_the_competency_first_and_no_statement_of_the_forms(
    page: Page, site_url: str, kb
) -> None:
    """The self-assessment, the self-tests and the manager's rating ask "Jag ringer kalla
    samtal …": search finds the text about prospecting, not the forms' statements."""
    hits = search(page, site_url, "kalla samtal")
    expect(hits.locator(".md-search-result__item h1").first).to_have_text(
        "Prospektering", timeout=10_000
    )
    texts = shown(hits)
    assert [s for s in statements(kb) for text in texts if s in text] == []
    assert not [t for t in texts if t.startswith(("Självskattning", "Chefens skattning"))]


def test_a_selftests_statements_are_not_searchable_but_its_text_is(
    page: Page, site_url: str, kb
) -> None:
    selftest = next(t for t in kb.selftests if t.slug == "larande-eller-bara-resultat")
    statement = selftest.statements[0].text  # "Efter ett viktigt kundmöte går jag igenom …"
    texts = shown(search(page, site_url, "kundmöte igenom bättre"))
    assert not [t for t in texts if statement in t]
    texts = shown(search(page, site_url, "lärande resultat skalor"))
    assert [t for t in texts if t.startswith(selftest.title)]


def test_the_norwegian_articles_snippets_are_its_text_not_its_facts(
    page: Page, site_url: str
) -> None:
    """Its page's search entry once held only "Språk: Norska (bokmål) · 5 min läsning"."""
    article = "artiklar/resultatorienterte-selgere-tja/"
    page.goto(site_url + article)
    text = page.locator(".sk-article").evaluate(
        "a => { const c = a.cloneNode(true); c.querySelector('.sk-article-facts').remove();"
        " return c.textContent }"
    )
    body = " ".join(text.split())
    hits = search(page, site_url, "selgere")
    item = hits.locator(f".md-search-result__item:has(> a[href$='/{article}'])")
    expect(item.locator("h1")).to_have_text("Resultatorienterte selgere? Tja!", timeout=10_000)
    item.locator("details > summary").click()
    snippets = [" ".join(s.split()) for s in item.locator("p").all_inner_texts()]
    assert snippets
    assert [s for s in snippets if "Språk" in s or "Källa" in s] == []
    assert [s for s in snippets if s[:60] not in body] == []


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
