"""The two self-tests written as content, scored by scoring_py's generic scales: one person's
answers, by hand.

The statements come from the content (each scale's plain and reverse ones), so the tests
hold when an editor rewrites, replaces or adds a statement; what they pin is the rules.
Every expected score is worked out by hand from them (see "Så räknas resultatet"):

- a reverse answer v counts 6 − v on the 1..5 scale; a scale's score is (mean − 1) · 25,
  rounded half up, and needs 2 answers (assessment.yml's min_answers; the seven traits say
  2 as well). Answering every plain statement v and every reverse one 6 − v makes every
  answer count v, whatever the number of statements: v = 1, 2, 3, 4, 5 → 0, 25, 50, 75, 100;
- each score has a range around it (its width is the scoring rules' and tested there);
- a self-test's bands are its own: 0 / 40 / 70, and each scale's band text is its own.
"""

from __future__ import annotations

import json

import pytest

from saljkompetens.source import SiteContent
from scoring_py import ScoringError, score_json
from tests.support.selftests import (
    ACHIEVEMENT,
    TRAITS,
    answers,
    counting,
    definition_text,
    grades,
    learner,
    organisation,
    score,
    the_selftest,
    traits,
)


def test_achievement_profile_by_hand(site: SiteContent) -> None:
    selftest = the_selftest(site, ACHIEVEMENT)
    learning, numbers = selftest.scales
    result = score(site, ACHIEVEMENT, learner(site))
    assert grades(result) == {
        learning.slug: (75, "Tydligt inslag"),
        numbers.slug: (25, "Litet inslag"),
    }
    # A profile: in the self-test's order, no strengths or development areas, no type word.
    assert [row["slug"] for row in result["competencies"]] == [learning.slug, numbers.slug]
    assert (result["strengths"], result["development"], result["role"]) == ([], [], None)
    n = len(selftest.statements)
    assert result["summary"] == [
        f"Du har svarat på {n} av {n} påståenden; 2 av 2 skalor har fått ett värde.",
        f"Enligt din skattning: {learning.title} – tydligt inslag och {numbers.title} – "
        "litet inslag. Läs skalorna var för sig och tillsammans; de är en profil, inte en typ.",
    ]
    first = result["competencies"][0]
    assert first["band"]["text"] == learning.band_texts[2]
    assert first["description"] == learning.about
    assert result["selftest"]["audience"] == "self"
    assert result["selftest"]["articles"] == [
        {
            "title": "Resultatorienterte selgere? Tja!",
            "url": "artiklar/resultatorienterte-selgere-tja/",
        }
    ]


def test_achievement_scales_are_scored_apart(site: SiteContent) -> None:
    """No statement of one scale counts towards the other: answering only the learning
    scale leaves the numbers scale without a value, and the other way round."""
    learning, numbers = the_selftest(site, ACHIEVEMENT).scales
    only_learning = score(site, ACHIEVEMENT, counting(learning, 5))
    assert grades(only_learning) == {
        learning.slug: (100, "Tydligt inslag"),
        numbers.slug: (None, None),
    }
    only_numbers = score(site, ACHIEVEMENT, counting(numbers, 1))
    assert grades(only_numbers) == {
        learning.slug: (None, None),
        numbers.slug: (0, "Litet inslag"),
    }


def test_achievement_few_answers_and_ties(site: SiteContent) -> None:
    # Learning: one answer (< 2) → no value. Numbers: a plain 5 and a reverse 1 (counts 5)
    # → 100.
    learning, numbers = the_selftest(site, ACHIEVEMENT).scales
    plain = next(s.id for s in numbers.statements if not s.reverse)
    reverse = next(s.id for s in numbers.statements if s.reverse)
    sparse = score(site, ACHIEVEMENT, {learning.statements[0].id: 5, plain: 5, reverse: 1})
    assert grades(sparse) == {
        learning.slug: (None, None),
        numbers.slug: (100, "Tydligt inslag"),
    }
    # All 3: both 50, both "Visst inslag": a tie stays a tie.
    middle = score(site, ACHIEVEMENT, dict.fromkeys(learner(site), 3))
    assert grades(middle) == {
        learning.slug: (50, "Visst inslag"),
        numbers.slug: (50, "Visst inslag"),
    }


def test_seven_traits_by_hand(site: SiteContent) -> None:
    by = traits(site)
    values = organisation(site)
    result = score(site, TRAITS, values)
    assert grades(result) == {
        by["styrning"].slug: (100, "Syns tydligt"),
        by["kultur"].slug: (50, "Syns delvis"),
        by["fiende"].slug: (0, "Syns lite"),
        by["tavling"].slug: (75, "Syns tydligt"),
        by["ansvar"].slug: (None, None),
        by["mojligheter"].slug: (25, "Syns lite"),
        by["gruppanda"].slug: (50, "Syns delvis"),
    }
    answered = sum(isinstance(v, int) for v in values.values())
    total = len(the_selftest(site, TRAITS).statements)
    assert result["summary"][0] == (
        f"Du har svarat på {answered} av {total} påståenden och valt ”Kan inte bedöma” för 1; "
        "6 av 7 skalor har fått ett värde."
    )
    opening, grades_in_order = result["summary"][1].split(": ", 1)
    assert opening.startswith("Enligt din skattning av ")  # the organisation, not "du"
    assert grades_in_order.startswith(f"{by['styrning'].title} – syns tydligt")
    assert result["quality"] == []
    assert result["selftest"]["audience"] == "organisation"
    assert result["selftest"]["source"].startswith("Martin, S. (2018). Sales Strategy Playbook")


def test_answers_of_another_selftest_are_refused(site: SiteContent) -> None:
    with pytest.raises(ScoringError, match=f'svar på självtestet "{TRAITS}"'):
        score_json(definition_text(site, ACHIEVEMENT), answers(TRAITS, {}), None)
    with pytest.raises(ScoringError) as refused:
        score_json(json.dumps(site.definition), answers(ACHIEVEMENT, {}), None)
    assert str(refused.value) == (
        'Filen innehåller svar på självtestet "larande-eller-bara-resultat", inte på '
        "kompetensskattningen. Öppna den på det självtestets egen sida."
    )
    first = the_selftest(site, ACHIEVEMENT).statements[0].id
    with pytest.raises(ScoringError, match="inte på Lärande eller bara resultat"):
        score_json(definition_text(site, ACHIEVEMENT), answers(None, {first: 3}), None)


def test_every_statement_is_grounded_in_its_article(site: SiteContent) -> None:
    """The closing note's claim: each statement quotes a sentence of its self-test's article."""
    for selftest in site.kb.selftests:
        texts = [" ".join(site.kb.article(t).body.split()) for t in selftest.articles]
        for statement in selftest.statements:
            assert any(" ".join(statement.based_on.split()) in t for t in texts), statement.id
        for scale in selftest.scales:
            assert any(s.reverse for s in scale.statements), scale.slug
