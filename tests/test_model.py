"""The real content: what the seeds hold is there, and every relation shows on both sides.

Rules every content must follow are the loader's (`make check`); these tests are about
today's content and still hold when an editor adds a competency, mindset or article.
"""

from __future__ import annotations

import re

from saljkompetens.content.model import KnowledgeBase, naming_sentence
from saljkompetens.pages.escape import markdown_text
from saljkompetens.pages.render import render_pages

SEED_COMPETENCIES = {
    "Prospektering", "Kvalificering", "Skapa rapport", "Effektiva frågor", "Processorientering",
    "Målorientering", "Vinna förtroende", "Kontrollera säljprocess", "Hantera invändningar",
    "Aktivt lyssnande", "Kritiskt tänkande", "Initiativ", "Presentation", "Tidsplanering",
    "Hantera misslyckanden", "Bestämd konkurrenskraft", "Begrepp om pengar",
    "Känslomässig objektivitet",
}  # fmt: skip
SEED_MINDSETS = {
    "Nästa steg", "Hunger", "Påverkan", "Hitta sanningen", "Läsa av situationen", "Jägare",
    "Empati", "Logik", "Socialt godkännande", "Ta kontroll", "Vinna", "Uthållighet",
}  # fmt: skip


SEED_ARTICLES = {
    "Därför hög säljaktivitet leder inte till försäljningsresultat",
    "Gör som topporganisationer “B2B”",
    "Resultatorienterte selgere? Tja!",
    "Varför traditionell säljutbildning inte löser organisationers verkliga försäljningsproblem",
}


def test_everything_from_the_seeds_is_there(kb: KnowledgeBase) -> None:
    assert {c.title for c in kb.competencies} >= SEED_COMPETENCIES
    assert {m.title for m in kb.mindsets} >= SEED_MINDSETS
    assert {a.title for a in kb.articles} >= SEED_ARTICLES


def test_competency_bodies_are_three_seed_paragraphs(kb: KnowledgeBase, root) -> None:
    seed = (root.parent / "shared" / "seeds" / "000_117adda022b2c880.txt").read_text("utf-8")
    seed_lines = {line.strip() for line in seed.splitlines()}
    for competency in (c for c in kb.competencies if c.title in SEED_COMPETENCIES):
        paragraphs = [p.strip() for p in competency.body.split("\n\n") if p.strip()]
        assert len(paragraphs) == 3, competency.title
        for paragraph in paragraphs:
            assert paragraph in seed_lines, (competency.title, paragraph[:60])
        assert paragraphs[0].startswith(competency.title), competency.title


def test_mindset_pages_list_each_using_competency_with_its_sentence(kb: KnowledgeBase) -> None:
    pages = render_pages(kb)
    for competency in kb.competencies:
        competency_page = pages[competency.src_uri]
        for mindset in kb.mindsets_of(competency):
            mindset_page = pages[mindset.src_uri]
            title = markdown_text(competency.title)
            assert f"[{title}](../kompetenser/{competency.slug}.md)" in mindset_page
            sentence = naming_sentence(competency.body, mindset.title)
            assert sentence and mindset.title in sentence
            assert sentence in " ".join(competency.body.split())  # quoted, not rewritten
            assert f"> {sentence}" in mindset_page
            title = markdown_text(mindset.title)
            assert f"[{title}](../tankesatt/{mindset.slug}.md)" in competency_page


def test_articles_and_competencies_link_both_ways(kb: KnowledgeBase) -> None:
    pages = render_pages(kb)
    links = 0
    for article in kb.articles:
        for competency in kb.competencies_of(article):
            assert f"](../kompetenser/{competency.slug}.md)" in pages[article.src_uri]
            title = markdown_text(article.title)
            assert f"[{title}](../artiklar/{article.slug}.md)" in pages[competency.src_uri]
            links += 1
    assert links >= 4


def test_norwegian_article_is_marked_nb(kb: KnowledgeBase) -> None:
    pages = render_pages(kb)
    norwegian = [a for a in kb.articles if a.lang == "nb"]
    assert len(norwegian) == 1
    assert '<div class="sk-article" lang="nb" markdown>' in pages[norwegian[0].src_uri]


def test_statements_are_in_the_first_person(kb: KnowledgeBase) -> None:
    for competency in kb.competencies:
        for statement in competency.statements:
            assert re.search(r"\bjag\b", statement.text, re.I), statement.text
