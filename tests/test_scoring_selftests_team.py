"""The organisation self-test (Sju kännetecken) read as a team by scoring_py: only the
aggregates, from 3 people, never a value per person. Each number is worked out by hand from
the rules (tests/support/selftests.py): a reverse answer v counts 6 − v, a scale's score is
(mean − 1) · 25, rounded half up.
"""

from __future__ import annotations

import json

from saljkompetens.source import SiteContent
from scoring_py import team_json
from tests.support.selftests import (
    TRAITS,
    answers,
    definition_text,
    organisation_view,
    person,
    traits,
)


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
