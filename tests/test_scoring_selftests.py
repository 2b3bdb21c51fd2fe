"""The two self-tests written as content, scored by scoring_py's generic scales.

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

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from saljkompetens.content.model import SelfTest, SelfTestScale
from saljkompetens.source import SiteContent, read_site_content
from scoring_py import ScoringError, read_answers, score_json, team_json, write_answers

ROOT = Path(__file__).resolve().parent.parent
ACHIEVEMENT = "larande-eller-bara-resultat"
TRAITS = "sju-kannetecken-pa-topporganisationer"


@functools.cache
def content() -> SiteContent:
    """Today's content, read once (the browser and Pyodide tests import the answers below)."""
    return read_site_content(ROOT / "content", ROOT / "docs")


@pytest.fixture(scope="module")
def site() -> SiteContent:
    return content()


def definition_text(site: SiteContent, slug: str) -> str:
    return json.dumps(site.selftests[slug], ensure_ascii=False)


def answers(slug: str | None, values: dict[str, Any], label: str | None = None) -> str:
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "answers": values}
    if slug is not None:
        data["selftest"] = slug
    if label is not None:
        data["label"] = label
    return json.dumps(data, ensure_ascii=False)


def the_selftest(site: SiteContent, slug: str) -> SelfTest:
    return next(test for test in site.kb.selftests if test.slug == slug)


def counting(scale: SelfTestScale, value: int) -> dict[str, int]:
    """Answers to every statement of `scale` that each count `value` (reverse: 6 − v)."""
    return {s.id: 6 - value if s.reverse else value for s in scale.statements}


TRAIT_NAMES = ("styrning", "kultur", "fiende", "tavling", "ansvar", "mojligheter", "gruppanda")
"""The seven traits in the article's (and the self-test's) order."""


def traits(site: SiteContent) -> dict[str, SelfTestScale]:
    """The seven traits' scales by a short name."""
    return dict(zip(TRAIT_NAMES, the_selftest(site, TRAITS).scales, strict=True))


def score(site: SiteContent, slug: str, values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(score_json(definition_text(site, slug), answers(slug, values), None))


def grades(result: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """(score, band) per scale; and each range holds its score."""
    for row in result["competencies"]:
        if row["score"] is not None:
            assert row["low"] <= row["score"] <= row["high"], row["slug"]
    return {
        row["slug"]: (row["score"], row["band"] and row["band"]["label"])
        for row in result["competencies"]
    }


def learner(site: SiteContent) -> dict[str, int]:
    """Learning counts 4 (→ 75, "Tydligt inslag"); numbers count 2 (→ 25, "Litet inslag")."""
    learning, numbers = the_selftest(site, ACHIEVEMENT).scales
    return {**counting(learning, 4), **counting(numbers, 2)}


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


def organisation(site: SiteContent) -> dict[str, Any]:
    """One person's answers on the seven traits (hand-worked per trait):

    styrning     every answer counts 5                         → 100  Syns tydligt
    kultur       every answer 3                                → 50   Syns delvis
    fiende       every answer counts 1                         → 0    Syns lite
    tavling      first "Kan inte bedöma", the others count 4   → 75   Syns tydligt
    ansvar       only the first statement answered             → no value (1 < 2)
    mojligheter  every answer counts 2                         → 25   Syns lite
    gruppanda    every answer counts 3                         → 50   Syns delvis
    """
    by = traits(site)
    first_tavling = by["tavling"].statements[0].id
    return {
        **counting(by["styrning"], 5),
        **counting(by["kultur"], 3),
        **counting(by["fiende"], 1),
        **counting(by["tavling"], 4),
        first_tavling: "ej-aktuellt",
        by["ansvar"].statements[0].id: 4,
        **counting(by["mojligheter"], 2),
        **counting(by["gruppanda"], 3),
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


LEARNER = learner(content())
ORGANISATION = organisation(content())


def evened(scale: SelfTestScale) -> dict[str, int]:
    """Answers to every statement of `scale` whose counts average 3 (so it scores 50) but are
    not all equal: the first counts 2, the second 4, the rest 3 (reverse: 6 − v)."""
    counts = [2, 4] + [3] * (len(scale.statements) - 2)
    return {s.id: 6 - c if s.reverse else c for s, c in zip(scale.statements, counts, strict=True)}


def person(value: int, label: str, site: SiteContent | None = None) -> tuple[str, str]:
    """Answers every statement: styrning so that each counts `value` (reverse: 6 − v),
    fiende so that each counts 3, every other trait `evened` (50). Nothing is left
    unanswered and the answers vary, so no file is kept out of the team's numbers."""
    by = traits(site or content())
    values = {name: evened(scale) for name, scale in by.items()}
    values["styrning"] = counting(by["styrning"], value)
    values["fiende"] = counting(by["fiende"], 3)
    merged = {key: answer for part in values.values() for key, answer in part.items()}
    return f"{label}.json", answers(TRAITS, merged, label)


def test_team_of_five_on_the_seven_traits(site: SiteContent) -> None:
    # Styrning counts 1..5 for the five → 0, 25, 50, 75, 100: median 50, lowest 0, highest
    # 100; with 5 people the median's interval is lowest–highest, 1 − 2/32 = 93 %.
    # Fiende counts 3 for everyone → 50 each: median 50, spread 50–50. The other traits are
    # evened: 50 for everyone. A competency file is refused by name.
    by = traits(site)
    files = [person(v, label, site) for v, label in zip(range(1, 6), "ABCDE", strict=True)]
    files.append(("kompetenser.json", answers(None, {"prospektering-2": 3}, "F")))
    text = team_json(
        definition_text(site, TRAITS),
        json.dumps([{"name": n, "text": t} for n, t in files]),
        None,
        None,
    )
    view = json.loads(text)
    aggregate = {row["slug"]: row for row in view["aggregate"]["competencies"]}
    styrning = aggregate[by["styrning"].slug]
    assert (styrning["median"], styrning["lowest"], styrning["highest"]) == (50, 0, 100)
    assert (styrning["median_low"], styrning["median_high"], styrning["median_coverage"]) == (
        0,
        100,
        93,
    )
    assert "scores" not in styrning  # about the organisation: no value per person, no dots
    assert (view["people"], view["pairs"], view["per_person"]) == ([], [], False)
    assert view["respondents"] == 5
    fiende = aggregate[by["fiende"].slug]
    assert (fiende["median"], fiende["lowest"], fiende["highest"]) == (50, 50, 50)
    ansvar = aggregate[by["ansvar"].slug]
    assert (ansvar["scored"], ansvar["median"], ansvar["highest"]) == (5, 50, 50)
    assert view["aggregate"]["people"] == 5
    assert view["selftest"]["slug"] == TRAITS
    refused = view["files"][-1]
    assert refused["file"] == "kompetenser.json"
    assert refused["error"] == (
        "Filen innehåller svar på kompetensskattningen, inte på Sju kännetecken på "
        "topporganisationer. Öppna den på sidan Självskattning."
    )
    assert view["summary"][-1] == ("Enligt de svarandes skattningar är medianen 50 i alla skalor.")


def organisation_view(site: SiteContent, files: list[tuple[str, str]]) -> dict[str, Any]:
    payload = json.dumps([{"name": n, "text": t} for n, t in files])
    return json.loads(team_json(definition_text(site, TRAITS), payload, None, None))


def test_the_organisation_selftest_shows_no_value_per_person(site: SiteContent) -> None:
    """Its page promises answers only together, from 3 people: no people, no pairs, no dots,
    and the CSV holds the aggregates (the five of the test above), never a person's row."""
    files = [person(v, label, site) for v, label in zip(range(1, 6), "ABCDE", strict=True)]
    view = organisation_view(site, files)
    assert (view["people"], view["pairs"], view["respondents"]) == ([], [], 5)
    assert all("scores" not in row for row in view["aggregate"]["competencies"])
    slugs = [c["slug"] for c in view["competencies"]]
    titles = [c["title"] for c in view["competencies"]]
    styrning = slugs.index(traits(site)["styrning"].slug)

    def row(name: str, values: dict[int, int]) -> str:
        return ";".join([name, *(str(values.get(i, "")) for i in range(len(slugs)))])

    others = dict.fromkeys(range(len(slugs)), 50)  # every other trait evened: 50
    assert view["csv"].split("\r\n") == [
        "\ufeff" + ";".join(["Mått", *titles]),  # a Swedish spreadsheet: BOM and ;
        row("Lägst", others | {styrning: 0}),
        row("Median", others),
        row("Högst", others | {styrning: 100}),
        row("Antal med värde", dict.fromkeys(range(len(slugs)), 5)),
        "",
    ]
    assert view["summary"][:2] == [
        "5 filer lästes: 5 personers svar om organisationen.",
        "Svaren om organisationen visas bara sammanställda, aldrig per person: inga enskilda "
        "värden, varken i tabellen, i CSV-filen eller i spridningen.",
    ]
    text = json.dumps(view)
    for label in "ABCDE":  # a label is only on its file's line, never with a value
        assert text.count(f'"label": "{label}"') == 1


def test_the_organisation_selftest_with_two_people_shows_nothing_but_the_count(
    site: SiteContent,
) -> None:
    view = organisation_view(site, [person(1, "A", site), person(5, "B", site)])
    assert (view["aggregate"], view["people"], view["respondents"]) == (None, [], 2)
    titles = [c["title"] for c in view["competencies"]]
    assert view["csv"] == "\ufeffMått;" + ";".join(titles) + "\r\n"
    assert view["summary"][0] == "2 filer lästes: 2 personers svar om organisationen."
    assert "visas först från 3 personer" in view["summary"][2]


def test_a_managers_rating_has_no_place_in_the_organisation_selftest(site: SiteContent) -> None:
    data = json.loads(person(3, "A", site)[1]) | {"rater": "manager"}
    view = organisation_view(site, [("chef.json", json.dumps(data))])
    assert view["files"][0]["error"] == (
        "Det här är en chefs skattning av en säljare; ett självtest om organisationen "
        "sammanställer bara var och ens egna svar."
    )


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


def former(text: str) -> str:
    """Answers as the site wrote them before the field was renamed: `check`, not `selftest`."""
    data = json.loads(text)
    data["check"] = data.pop("selftest")
    return json.dumps(data, ensure_ascii=False)


def test_answers_and_exports_made_before_the_rename_still_score(site: SiteContent) -> None:
    """Files exported before the field was called `selftest` name their self-test `check`:
    read as they are, scored alike (learner: 75 and 25, worked out above), refused alike on
    another self-test's page; written again, they carry `selftest` only."""
    learning, numbers = the_selftest(site, ACHIEVEMENT).scales
    old = former(answers(ACHIEVEMENT, learner(site)))
    result = json.loads(score_json(definition_text(site, ACHIEVEMENT), old, None))
    assert grades(result) == {
        learning.slug: (75, "Tydligt inslag"),
        numbers.slug: (25, "Litet inslag"),
    }
    export = {
        "format": "saljkompetens-export",
        "version": 1,
        "answers": json.loads(old),
        "result": {"check": {"slug": ACHIEVEMENT}},  # an old result: never read
    }
    again = json.loads(score_json(definition_text(site, ACHIEVEMENT), json.dumps(export), None))
    assert again["competencies"] == result["competencies"]
    with pytest.raises(ScoringError, match=f'svar på självtestet "{ACHIEVEMENT}"'):
        score_json(definition_text(site, TRAITS), old, None)
    with pytest.raises(ScoringError, match="inte på kompetensskattningen"):
        score_json(json.dumps(site.definition), old, None)
    written = write_answers(read_answers(old, definition_text(site, ACHIEVEMENT)))
    assert (written["selftest"], "check" in written) == (ACHIEVEMENT, False)


def test_the_team_reads_files_made_before_the_rename(site: SiteContent) -> None:
    """Five organisation files with `check` give the same team as with `selftest` (the
    team of five above: styrning's median 50, lowest 0, highest 100)."""
    files = [person(v, label, site) for v, label in zip(range(1, 6), "ABCDE", strict=True)]
    old = [(name, former(text)) for name, text in files]
    view = organisation_view(site, old)
    styrning = next(
        row
        for row in view["aggregate"]["competencies"]
        if row["slug"] == traits(site)["styrning"].slug
    )
    assert (styrning["median"], styrning["lowest"], styrning["highest"]) == (50, 0, 100)
    assert [report.get("error") for report in view["files"]] == [None] * 5
    assert view["aggregate"] == organisation_view(site, files)["aggregate"]
