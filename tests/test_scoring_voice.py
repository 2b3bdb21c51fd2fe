"""A report of someone else's answers never reads as one's own.

The result's sentences (summary and notes on the answers) are written to the person who
answered; with voice "other" (a share link's or an imported file's answers) they speak of the
answers instead. Every scenario below is scored both ways: the "other" sentences carry no
second-person word, and nothing but the sentences differs.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
import scoring_py.voice
from scoring_py.answers import NOT_APPLICABLE
from scoring_py.model import Definition

from saljkompetens.content.model import KnowledgeBase
from saljkompetens.definition import build_definition
from saljkompetens.source import SiteContent, read_site_content
from scoring_py import ScoringError, read_definition, score

SECOND_PERSON = re.compile(r"\b(du|dig|din|dina|ditt|dej|er|ert|era)\b", re.IGNORECASE)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real(kb: KnowledgeBase) -> Definition:
    return build_definition(kb)


@pytest.fixture(scope="module")
def site() -> SiteContent:
    return read_site_content(ROOT / "content", ROOT / "docs")


Case = tuple[Definition, dict[str, Any], str | None]


def cases(real: Definition, site: SiteContent) -> list[Case]:
    """The assessment's scenarios, then each self-test's (answers marked with its slug)."""
    found = [(real, answers, role) for answers, role in scenarios(real, None)]
    for slug, data in site.selftests.items():
        definition = read_definition(data)
        found += [(definition, answers, role) for answers, role in scenarios(definition, slug)]
    return found


def scenarios(definition: Definition, slug: str | None) -> list[tuple[dict[str, Any], str | None]]:
    """Answers that reach every kind of sentence: none, few, some not applicable, the same
    answer throughout, agreeing with everything, random (seed 7), one and two clear dips and
    peaks, each with and without a role."""
    ids = [item.id for c in definition.competencies for item in c.items]
    rng = random.Random(7)
    first, second = ([item.id for item in c.items] for c in definition.competencies[:2])

    reverse = {item.id for c in definition.competencies for item in c.items if item.reverse}

    def marked(value: int, *groups: list[str]) -> dict[str, Any]:
        """Varied answers (2–4), with `groups` answered `value` (keyed: reverse ones flipped)."""
        varied = {i: rng.choice((2, 3, 4)) for i in ids}
        return varied | {i: 6 - value if i in reverse else value for g in groups for i in g}

    answer_sets = [
        {ids[0]: 4, ids[1]: NOT_APPLICABLE, ids[2]: 3},
        marked(1, first),
        marked(1, first, second),
        marked(5, first),
        marked(5, first, second),
        marked(5, ids),  # everything at the best level
        {i: rng.choice((4, 5)) for i in ids},  # agreeing with everything, reverse ones too
        {},
        {ids[0]: 4, ids[1]: 2},
        dict.fromkeys(ids, 3),
        dict.fromkeys(ids, 5),
        {i: rng.randint(1, 5) for i in ids},
        {i: rng.randint(1, 5) for i in ids[: len(ids) // 2]},
    ]
    roles = [None, *(role.slug for role in definition.roles)]
    base = {"format": "saljkompetens-svar", "version": 1} | ({"selftest": slug} if slug else {})
    return [(base | {"answers": values}, role) for values in answer_sets for role in roles]


def sentences(result: dict[str, Any]) -> list[str]:
    return [*result["summary"], *(note["message"] for note in result["quality"])]


def test_another_readers_report_has_no_second_person(real: Definition, site: SiteContent) -> None:
    changed = 0
    for definition, answers, role in cases(real, site):
        own = score(definition, answers, role)
        other = score(definition, answers, role, voice="other")
        assert (own["voice"], other["voice"]) == ("self", "other")
        for sentence in sentences(other):
            assert not SECOND_PERSON.search(sentence), sentence
        rest = ("summary", "quality", "voice")
        assert {k: v for k, v in own.items() if k not in rest} == {
            k: v for k, v in other.items() if k not in rest
        }
        assert [n["code"] for n in own["quality"]] == [n["code"] for n in other["quality"]]
        changed += sentences(own) != sentences(other)
    assert changed >= 10  # the "self" sentences do speak to the person (the test bites)


def test_every_phrase_of_the_table_is_used(real: Definition, site: SiteContent) -> None:
    """A phrase no sentence contains any more would leave its rewording unused, and hide a
    new phrase that needs one."""
    written = " ".join(
        sentence
        for definition, answers, role in cases(real, site)
        for sentence in sentences(score(definition, answers, role))
    )
    unused = [own for own, _ in scoring_py.voice._OTHER if own not in written]
    assert not unused


def test_an_unknown_voice_is_refused(real: Definition) -> None:
    with pytest.raises(ScoringError, match="Okänd läsare"):
        score(real, {"format": "saljkompetens-svar", "version": 1, "answers": {}}, voice="du")
