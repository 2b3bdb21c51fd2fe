"""The real content: counts, and every relation shown on both sides."""

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


def test_counts(kb: KnowledgeBase) -> None:
    assert {c.title for c in kb.competencies} == SEED_COMPETENCIES
    assert {m.title for m in kb.mindsets} == SEED_MINDSETS
    assert len(kb.articles) == 4
    assert len(kb.roles) >= 3


def test_competency_bodies_are_three_seed_paragraphs(kb: KnowledgeBase, root) -> None:
    seed = (root.parent / "shared" / "seeds" / "000_117adda022b2c880.txt").read_text("utf-8")
    seed_lines = {line.strip() for line in seed.splitlines()}
    for competency in kb.competencies:
        paragraphs = [p.strip() for p in competency.body.split("\n\n") if p.strip()]
        assert len(paragraphs) == 3, competency.title
        for paragraph in paragraphs:
            assert paragraph in seed_lines, (competency.title, paragraph[:60])
        assert paragraphs[0].startswith(competency.title), competency.title


def test_every_named_mindset_has_a_page_and_is_named_in_the_text(kb: KnowledgeBase) -> None:
    titles = {m.title for m in kb.mindsets}
    for competency in kb.competencies:
        for name in competency.mindsets:
            assert name in titles
            assert naming_sentence(competency.body, name), (competency.title, name)


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


def test_statement_bank(kb: KnowledgeBase) -> None:
    ids = [s.id for c in kb.competencies for s in c.statements]
    assert len(ids) == len(set(ids))
    for competency in kb.competencies:
        assert len(competency.statements) >= 3
        assert any(s.reverse for s in competency.statements)
        flat = " ".join(competency.body.split())
        for statement in competency.statements:
            assert re.search(r"\bjag\b", statement.text, re.I), statement.text  # first person
            assert statement.based_on in flat


def test_roles_target_known_competencies(kb: KnowledgeBase) -> None:
    titles = {c.title for c in kb.competencies}
    for role in kb.roles:
        assert {t.competency for t in role.targets} <= titles
        assert all(0 <= t.level <= 100 for t in role.targets)
