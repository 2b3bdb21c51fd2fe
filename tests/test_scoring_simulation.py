"""The issue's goals for the report's claims, measured by the seeded simulation of the model
(scoring_py.simulation) on the real assessment and on a synthetic one:

- an even profile gets anything named at most 10 % of the time, at every level;
- a person exactly on every target of a role gets any "under"/"over" at most 10 %;
- a true deficit of 30 points in one competency is named a development area at least 40 %.

The simulated answers must also behave as the ranges assume: two answers of one competency
correlate about 0.3.
"""

import json
from pathlib import Path
from typing import Any

import pytest
import scoring_py.ranking
from scoring_py.model import Definition
from scoring_py.simulation import SEED, error_rates, item_correlation

from saljkompetens.content.model import KnowledgeBase
from saljkompetens.definition import build_definition
from scoring_py import read_definition

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
PEOPLE = 300


def synthetic_definition(
    competencies: int = 18, items: int = 4, reverse_every: int = 3, groups: int = 4
) -> dict[str, Any]:
    """A definition of `competencies` plain competencies k01, k02, … of `items` statements
    each; every `reverse_every`-th statement reverse (0: none); the competencies split in
    order into `groups` stages (0: none); two roles, one with targets 45, 60, 75, 90 in turn
    and one at 70 everywhere. Scale, bands and quality rules are the fixture's."""
    base = json.loads(FIXTURE.read_text(encoding="utf-8"))
    entries = []
    for c in range(competencies):
        statements = []
        for i in range(items):
            index = c * items + i
            reverse = bool(reverse_every) and index % reverse_every == reverse_every - 1
            statements.append({"id": f"k{c + 1:02}-{i + 1}", "text": f"Påstående {index + 1}.",
                               "reverse": reverse})  # fmt: skip
        entry = {"slug": f"k{c + 1:02}", "title": f"Kompetens {c + 1}",
                 "url": f"kompetenser/k{c + 1:02}/", "mindsets": [], "articles": [],
                 "items": statements, "high_level": "", "practice": []}  # fmt: skip
        if groups:
            entry["group"] = f"Del {c * groups // competencies + 1}"
        entries.append(entry)
    slugs = [entry["slug"] for entry in entries]
    roles = [
        {"slug": "spridd", "title": "Spridd", "url": "roller/spridd/",
         "targets": [{"competency": s, "level": (45, 60, 75, 90)[n % 4], "why": "x"}
                     for n, s in enumerate(slugs)]},
        {"slug": "jamn", "title": "Jämn", "url": "roller/jamn/",
         "targets": [{"competency": s, "level": 70, "why": "x"} for s in slugs]},
    ]  # fmt: skip
    return {**base, "competencies": entries, "mindsets": [], "roles": roles}


@pytest.fixture(scope="module")
def real(kb: KnowledgeBase) -> Definition:
    return build_definition(kb)


def assert_goals(definition: Definition, rates: dict[str, Any]) -> None:
    assert (rates["people"], rates["seed"], rates["deficit"]) == (PEOPLE, SEED, 30)
    assert len(rates["even"]) >= 3  # several levels, each within the goal
    assert max(rates["even"].values()) <= 0.10, rates["even"]
    assert set(rates["on_target"]) == {role.slug for role in definition.roles}
    assert max(rates["on_target"].values()) <= 0.10, rates["on_target"]
    assert rates["deficit_found"] >= 0.40, rates["deficit_found"]


def test_the_goals_hold_for_the_real_assessment(real: Definition) -> None:
    assert len(real.roles) >= 1  # the on-target goal is measured on every role
    assert_goals(real, error_rates(real, people=PEOPLE, seed=SEED))


@pytest.mark.parametrize("items", [5, 6])
def test_the_goals_hold_for_a_synthetic_assessment(items: int) -> None:
    # 18 competencies of `items` statements, a third of them reverse, in 4 stages.
    data = synthetic_definition(items=items)
    ids = [item for c in data["competencies"] for item in c["items"]]
    assert (len(ids), sum(item["reverse"] for item in ids)) == (18 * items, 6 * items)
    assert len({c["group"] for c in data["competencies"]}) == 4
    definition = read_definition(data)
    assert_goals(definition, error_rates(definition, people=PEOPLE, seed=SEED))


def test_four_statements_cannot_find_a_30_point_deficit_often_enough() -> None:
    # The limit the editor's guide states: with four statements a competency's threshold
    # against the median is ceil(2.8376 · √(437.5/4 + (π/2) · (437.5/4) / 17)) =
    # ceil(2.8376 · 10.93) = 32 (22 comparisons), more than the 30-point deficit, so it is
    # found well under 40 % of the time, while nothing is claimed too often.
    definition = read_definition(synthetic_definition(items=4))
    rates = error_rates(definition, people=PEOPLE, seed=SEED)
    assert rates["deficit_found"] < 0.4
    assert rates["even_worst"] <= 0.10 and rates["on_target_worst"] <= 0.10


def test_the_simulation_catches_a_rule_that_claims_too_much(monkeypatch) -> None:
    # With z = 1 for every comparison (no correction for their number, a ±1 SEM rule like
    # the old one), an even profile gets something named most of the time.
    monkeypatch.setattr(scoring_py.ranking, "critical_z", lambda comparisons: 1.0)
    definition = read_definition(synthetic_definition())
    rates = error_rates(definition, people=60, seed=SEED)
    assert min(rates["even"].values()) > 0.5
    assert min(rates["on_target"].values()) > 0.5


@pytest.mark.parametrize("seed", [SEED, 1])
def test_the_model_answers_correlate_as_the_ranges_assume(seed: int) -> None:
    assert 0.27 <= item_correlation(seed=seed) <= 0.33
