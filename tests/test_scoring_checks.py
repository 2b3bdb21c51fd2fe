"""The two checks written as content, scored by scoring_py's generic scales. Every expected
number is worked out by hand from the rules (see "Så räknas resultatet"):

- a reverse answer v counts 6 − v on the 1..5 scale; a scale's score is (mean − 1) · 25,
  rounded half up, and needs 2 answers (assessment.yml's min_answers; the seven traits say
  2 as well);
- the range is the score ± max(16 · √(1 − rel), 100 / (4 · n)) with rel = 0.3n / (1 + 0.3(n − 1)):
  n = 2 → ±12.5, n = 3 → ±10.583, n = 6 → ±8.466; low is rounded down, high up, within 0..100;
- a check's bands are its own: 0 / 40 / 70, and each scale's band text is its own.

Achievement orientation (larande-eller-bara-resultat): ao-larande-1..4 and ao-resultat-1..4
plain, -5 and -6 reverse on both scales.
Seven traits (sju-kannetecken-pa-topporganisationer): reverse are styrning-3, kultur-3,
fiende-2, tavling-3, ansvar-2, ansvar-3, mojligheter-2, gruppanda-2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saljkompetens.source import SiteContent, read_site_content
from scoring_py import ScoringError, score_json, team_json

ROOT = Path(__file__).resolve().parent.parent
ACHIEVEMENT = "larande-eller-bara-resultat"
TRAITS = "sju-kannetecken-pa-topporganisationer"


@pytest.fixture(scope="module")
def site() -> SiteContent:
    return read_site_content(ROOT / "content", ROOT / "docs")


def definition_text(site: SiteContent, slug: str) -> str:
    return json.dumps(site.checks[slug], ensure_ascii=False)


def answers(slug: str | None, values: dict[str, Any], label: str | None = None) -> str:
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "answers": values}
    if slug is not None:
        data["check"] = slug
    if label is not None:
        data["label"] = label
    return json.dumps(data, ensure_ascii=False)


def numbered(prefix: str, *values: Any) -> dict[str, Any]:
    return {f"{prefix}-{n}": v for n, v in enumerate(values, 1) if v is not None}


# Learning: plain 4, reverse 2 → every answer counts 4 → 75 (±8.466: 66–84), "Tydligt inslag".
# Numbers alone: plain 2, reverse 4 → every answer counts 2 → 25 (16–34), "Litet inslag".
LEARNER = {**numbered("ao-larande", 4, 4, 4, 4, 2, 2), **numbered("ao-resultat", 2, 2, 2, 2, 4, 4)}


def score(site: SiteContent, slug: str, values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(score_json(definition_text(site, slug), answers(slug, values), None))


def rows(result: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        row["slug"]: (row["score"], row["low"], row["high"], row["band"] and row["band"]["label"])
        for row in result["competencies"]
    }


def test_achievement_profile_by_hand(site: SiteContent) -> None:
    result = score(site, ACHIEVEMENT, LEARNER)
    assert rows(result) == {
        "larande-och-arbetssatt": (75, 66, 84, "Tydligt inslag"),
        "siffrorna-ensamma": (25, 16, 34, "Litet inslag"),
    }
    # A profile: in the check's order, no strengths or development areas, no type word.
    assert [row["slug"] for row in result["competencies"]] == [
        "larande-och-arbetssatt",
        "siffrorna-ensamma",
    ]
    assert (result["strengths"], result["development"], result["role"]) == ([], [], None)
    assert result["summary"] == [
        "Du har svarat på 12 av 12 påståenden; 2 av 2 skalor har fått ett värde.",
        "Enligt din skattning: Lärande och arbetssätt – tydligt inslag och Siffrorna ensamma – "
        "litet inslag. Läs skalorna var för sig och tillsammans; de är en profil, inte en typ.",
    ]
    learning = result["competencies"][0]
    assert learning["band"]["text"].startswith("Enligt din skattning är lärandet")
    assert learning["description"].startswith("Artikeln kallar det oppnåelsesorientering")
    assert result["check"]["audience"] == "self"
    assert result["check"]["articles"] == [
        {
            "title": "Resultatorienterte selgere? Tja!",
            "url": "artiklar/resultatorienterte-selgere-tja/",
        }
    ]


def test_achievement_few_answers_and_ties(site: SiteContent) -> None:
    # Learning: one answer (< 2) → no value. Numbers: 5 and reverse 1 (counts 5) → 100,
    # ±12.5 → 87–100.
    sparse = score(site, ACHIEVEMENT, {"ao-larande-1": 5, "ao-resultat-1": 5, "ao-resultat-5": 1})
    assert rows(sparse) == {
        "larande-och-arbetssatt": (None, None, None, None),
        "siffrorna-ensamma": (100, 87, 100, "Tydligt inslag"),
    }
    # All 3: both 50 (±8.466: 41–59), both "Visst inslag": a tie stays a tie.
    middle = score(site, ACHIEVEMENT, dict.fromkeys(LEARNER, 3))
    assert rows(middle) == {
        "larande-och-arbetssatt": (50, 41, 59, "Visst inslag"),
        "siffrorna-ensamma": (50, 41, 59, "Visst inslag"),
    }


# Seven traits, one person (hand-worked per trait):
#   styrning     5, 4, rev 2 → 5, 4, 4 → 13/3 → 83.33 → 83 ±10.583 → 72–94   Syns tydligt
#   kultur       3, 3, rev 3 → 3, 3, 3 → 50 → 39–61                          Syns delvis
#   fiende       1, rev 5 → 1, 1 → 0 ±12.5 → 0–13                            Syns lite
#   tavling      "Kan inte bedöma", 4, rev 1 → 4, 5 → 87.5 → 88 → 75–100     Syns tydligt
#   ansvar       4 only → one answer, no value
#   mojligheter  2, rev 4 → 2, 2 → 25 → 12–38                                Syns lite
#   gruppanda    4, rev 3 → 4, 3 → 62.5 → 63 → 50–75                         Syns delvis
ORGANISATION = {
    **numbered("topp-styrning", 5, 4, 2),
    **numbered("topp-kultur", 3, 3, 3),
    **numbered("topp-fiende", 1, 5),
    **numbered("topp-tavling", "ej-aktuellt", 4, 1),
    **numbered("topp-ansvar", 4),
    **numbered("topp-mojligheter", 2, 4),
    **numbered("topp-gruppanda", 4, 3),
}


def test_seven_traits_by_hand(site: SiteContent) -> None:
    result = score(site, TRAITS, ORGANISATION)
    assert rows(result) == {
        "stark-styrning-frihet-inom-ramar": (83, 72, 94, "Syns tydligt"),
        "padrivande-kultur-med-tydliga-krav": (50, 39, 61, "Syns delvis"),
        "en-konkurrent-att-mata-sig-mot": (0, 0, 13, "Syns lite"),
        "tavling-och-hjalp-pa-samma-gang": (88, 75, 100, "Syns tydligt"),
        "eget-ansvar-for-att-leverera": (None, None, None, None),
        "blicken-pa-mojligheterna": (25, 12, 38, "Syns lite"),
        "stark-framatanda-i-gruppen": (63, 50, 75, "Syns delvis"),
    }
    assert result["summary"][0] == (
        "Du har svarat på 15 av 18 påståenden och valt ”Kan inte bedöma” för 1; "
        "6 av 7 skalor har fått ett värde."
    )
    assert result["summary"][1].startswith("Enligt din skattning av organisationen: Stark styrning")
    assert result["quality"] == []
    assert result["check"]["audience"] == "organisation"
    assert result["check"]["source"].startswith("Martin, S. (2018). Sales Strategy Playbook")


def person(value: int, label: str) -> tuple[str, str]:
    """Answers every statement of two traits so that each counts `value` (reverse: 6 − v)."""
    values = {
        **numbered("topp-styrning", value, value, 6 - value),
        **numbered("topp-fiende", 3, 3),
    }
    return f"{label}.json", answers(TRAITS, values, label)


def test_team_of_five_on_the_seven_traits(site: SiteContent) -> None:
    # Styrning counts 1..5 for the five → 0, 25, 50, 75, 100: median 50, lowest 0, highest
    # 100. Fiende 3, 3 for everyone → 50 each: median 50, spread 50–50. The other traits
    # have no answers: no value for anyone. A competency file is refused by name.
    files = [person(v, label) for v, label in zip(range(1, 6), "ABCDE", strict=True)]
    files.append(("kompetenser.json", answers(None, {"prospektering-1": 3}, "F")))
    text = team_json(
        definition_text(site, TRAITS),
        json.dumps([{"name": n, "text": t} for n, t in files]),
        None,
        None,
    )
    view = json.loads(text)
    aggregate = {row["slug"]: row for row in view["aggregate"]["competencies"]}
    styrning = aggregate["stark-styrning-frihet-inom-ramar"]
    assert (styrning["median"], styrning["lowest"], styrning["highest"]) == (50, 0, 100)
    assert sorted(styrning["scores"]) == [0, 25, 50, 75, 100]
    fiende = aggregate["en-konkurrent-att-mata-sig-mot"]
    assert (fiende["median"], fiende["lowest"], fiende["highest"]) == (50, 50, 50)
    assert aggregate["eget-ansvar-for-att-leverera"]["scored"] == 0
    assert view["aggregate"]["people"] == 5
    assert view["check"]["slug"] == TRAITS
    refused = view["files"][-1]
    assert refused["file"] == "kompetenser.json"
    assert refused["error"] == (
        "Filen innehåller svar på kompetensskattningen, inte på Sju kännetecken på "
        "topporganisationer. Öppna den på sidan Självskattning."
    )
    assert "de svarandes skattningar" in view["summary"][-1]
    assert "±13" in view["summary"][-1]  # two statements: ±12.5, shown rounded


def test_answers_of_another_check_are_refused(site: SiteContent) -> None:
    with pytest.raises(ScoringError, match="svar på självtestet|svar på självskattningen"):
        score_json(definition_text(site, ACHIEVEMENT), answers(TRAITS, {}), None)
    with pytest.raises(ScoringError) as refused:
        score_json(json.dumps(site.definition), answers(ACHIEVEMENT, {}), None)
    assert str(refused.value) == (
        'Filen innehåller svar på självskattningen "larande-eller-bara-resultat", inte på '
        "kompetensskattningen. Öppna den på den självskattningens egen sida."
    )
    with pytest.raises(ScoringError, match="inte på Lärande eller bara resultat"):
        score_json(definition_text(site, ACHIEVEMENT), answers(None, {"ao-larande-1": 3}), None)


def test_every_statement_is_grounded_in_its_article(site: SiteContent) -> None:
    """The closing note's claim: each statement quotes a sentence of its check's article."""
    for check in site.kb.checks:
        texts = [" ".join(site.kb.article(t).body.split()) for t in check.articles]
        for statement in check.statements:
            assert any(" ".join(statement.based_on.split()) in t for t in texts), statement.id
        for scale in check.scales:
            assert any(s.reverse for s in scale.statements), scale.slug
