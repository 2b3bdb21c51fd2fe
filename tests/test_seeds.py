"""Today's content still holds the source texts it was written from (../shared/seeds/, beside
the repository): every seed competency, mindset and article is there, and each seed
competency's text is its three paragraphs from the seed, word for word.

The one deliberate test of today's content besides `check`: an editor may add anything, but a
seed text rewritten or removed is a change of the source material, made on purpose here too.
"""

from __future__ import annotations

from pathlib import Path

from saljkompetens.content.model import KnowledgeBase

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


def test_competency_bodies_are_three_seed_paragraphs(kb: KnowledgeBase, root: Path) -> None:
    seed = (root.parent / "shared" / "seeds" / "000_117adda022b2c880.txt").read_text("utf-8")
    seed_lines = {line.strip() for line in seed.splitlines()}
    for competency in (c for c in kb.competencies if c.title in SEED_COMPETENCIES):
        paragraphs = [p.strip() for p in competency.body.split("\n\n") if p.strip()]
        assert len(paragraphs) == 3, competency.title
        for paragraph in paragraphs:
            assert paragraph in seed_lines, (competency.title, paragraph[:60])
        assert paragraphs[0].startswith(competency.title), competency.title
