"""The content model and the pages it renders, on the small fixture content
(tests/fixtures/minimal/content/): relations show on both sides, a mindset page quotes the
sentence of each competency that names it, a Norwegian article carries its language, and a
statement in the first person may use any of its forms.

Every expected value below is read off the fixture files by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from saljkompetens.content.errors import ContentErrors
from saljkompetens.content.loader import load_content
from saljkompetens.pages.render import render_pages

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
NORWEGIAN = """---
title: Om å spørre
lang: nb
reading_time: 2
summary: "Hvorfor gode spørsmål lønner seg."
competencies: [Fråga]
---
Den som spør, selger mer.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid tree."""
    return shutil.copytree(MINIMAL, tmp_path / "content")


def test_mindset_pages_quote_the_sentence_of_each_competency_that_names_them() -> None:
    pages = render_pages(load_content(MINIMAL))
    empati, logik = pages["tankesatt/empati.md"], pages["tankesatt/logik.md"]
    # lyssna.md: "… Den som lyssnar avbryter inte. Kompetensen bygger på Empati."
    assert "[Lyssna](../kompetenser/lyssna.md)" in empati
    assert "> Kompetensen bygger på Empati." in empati
    assert "Fråga" not in empati
    # fraga.md: "… Säljaren nöjer sig inte med det första svaret. Kompetensen bygger på Logik."
    assert "[Fråga](../kompetenser/fraga.md)" in logik
    assert "> Kompetensen bygger på Logik." in logik
    assert "Lyssna" not in logik
    assert "[Empati](../tankesatt/empati.md)" in pages["kompetenser/lyssna.md"]
    assert "[Logik](../tankesatt/logik.md)" in pages["kompetenser/fraga.md"]


def test_an_article_and_its_competency_link_to_each_other_and_no_other() -> None:
    pages = render_pages(load_content(MINIMAL))
    assert "](../kompetenser/lyssna.md)" in pages["artiklar/om-att-lyssna.md"]
    assert "](../kompetenser/fraga.md)" not in pages["artiklar/om-att-lyssna.md"]
    assert "[Om att lyssna](../artiklar/om-att-lyssna.md)" in pages["kompetenser/lyssna.md"]
    assert "om-att-lyssna" not in pages["kompetenser/fraga.md"]


def test_a_norwegian_article_is_marked_nb_and_a_swedish_one_is_not(content: Path) -> None:
    (content / "articles" / "om-a-sporre.md").write_text(NORWEGIAN, encoding="utf-8")
    pages = render_pages(load_content(content))
    norwegian, swedish = pages["artiklar/om-a-sporre.md"], pages["artiklar/om-att-lyssna.md"]
    assert '<div class="sk-article" lang="nb" markdown>' in norwegian
    assert norwegian.index('lang="nb"') < norwegian.index("Den som spør, selger mer.")
    assert 'lang="nb"' not in swedish
    assert "[Om å spørre](../artiklar/om-a-sporre.md)" in pages["kompetenser/fraga.md"]


@pytest.mark.parametrize(
    "text",
    [
        "Jag sammanfattar vad kunden har sagt.",
        "Kunden får mig att sammanfatta vad hen sagt.",
        "Min sammanfattning tar upp vad kunden sagt.",
        "Mitt möte slutar med en sammanfattning.",
        "Mina anteckningar sammanfattar vad kunden sagt.",
    ],
)
def test_a_statement_in_any_first_person_form_is_taken(content: Path, text: str) -> None:
    path = content / "competencies" / "lyssna.md"
    before = '"Jag sammanfattar vad kunden har sagt."'
    path.write_text(path.read_text("utf-8").replace(before, f'"{text}"'), "utf-8")
    statement = load_content(content).competency("Lyssna").statements[0]
    assert statement.text == text


def test_a_statement_without_the_first_person_is_refused(content: Path) -> None:
    path = content / "competencies" / "lyssna.md"
    before = '"Jag sammanfattar vad kunden har sagt."'
    text = path.read_text("utf-8").replace(before, '"Kunden hörs och sammanfattas."')
    path.write_text(text, "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    assert [str(error) for error in raised.value.errors] == [
        "content/competencies/lyssna.md:8: statements[0].text: påståendet ska vara skrivet i "
        "första person (jag …) om något man gör"
    ]
