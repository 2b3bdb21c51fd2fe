"""scoring_py owns its formats: what it writes it reads back as the same objects, and the
definition the site publishes is one that scoring_py reads."""

from __future__ import annotations

import json
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from scoring_py.formats import EXPORT_FORMAT, share_key

from saljkompetens.content.errors import ContentErrors
from saljkompetens.content.loader import load_content
from saljkompetens.definition import build_definition, checked_definition
from scoring_py import (
    Answers,
    ScoringError,
    definition_json,
    read_answers,
    read_definition,
    write_answers,
    write_definition,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def definition():
    return read_definition((FIXTURES / "scoring" / "definition.json").read_text("utf-8"))


def test_definition_round_trip(definition) -> None:
    assert read_definition(write_definition(definition)) == definition
    assert read_definition(definition_json(definition)) == definition
    # the build keeps write_definition's object and publishes it with the same writer
    assert definition_json(write_definition(definition)) == definition_json(definition)
    other = replace(definition, min_answers=3, quality=replace(definition.quality,
                    unanswered_share=Fraction(3, 10)))  # fmt: skip
    assert read_definition(write_definition(other)) == other


def test_answers_and_export_round_trip(definition) -> None:
    answers = Answers({"prospektering-1": 4, "avslut-2": 1}, "nykundsjagare")
    assert read_answers(write_answers(answers), definition) == answers
    # the page's export (answers.js writes it): the answers as written, and the result shown
    exported = {"format": EXPORT_FORMAT, "version": 1, "answers": write_answers(answers)}
    assert read_answers({**exported, "result": None}, definition) == answers
    assert read_answers(json.dumps({**exported, "result": {"x": 1}}), definition) == answers


def test_the_sites_definition_is_read_by_scoring_py() -> None:
    kb = load_content(FIXTURES / "minimal" / "content")
    published = checked_definition(kb)
    assert read_definition(published) == build_definition(kb)
    assert [c["slug"] for c in published["competencies"]] == [c.slug for c in kb.competencies]


def test_a_rule_refused_by_scoring_py_points_at_the_content(tmp_path: Path) -> None:
    kb = load_content(FIXTURES / "minimal" / "content")
    broken = replace(kb.roles[0], targets=(replace(kb.roles[0].targets[0], level=101),))
    kb.roles[0] = broken
    with pytest.raises(ContentErrors) as raised:
        checked_definition(kb)
    (error,) = raised.value.errors
    assert str(error) == (
        "content/roles/saljare.md:6: targets[0].level: måste vara mellan 0 och 100, fick 101"
    )


def test_export_with_bad_inner_answers_names_them(definition) -> None:
    with pytest.raises(ScoringError, match='Svaren saknar "format"'):
        read_answers({"format": "saljkompetens-export", "version": 1, "answers": {}}, definition)


def test_share_key_names_the_statements_and_scale_not_their_order() -> None:
    # sha256 of "1-5\na-1\na-2\nb-1\nb-2", first 12 hex digits, worked out with coreutils:
    # printf '1-5\na-1\na-2\nb-1\nb-2' | sha256sum
    assert share_key(["b-2", "a-1", "b-1", "a-2"], 1, 5) == "e4cbb64d8199"
    assert share_key(["a-1", "a-2", "b-1", "b-2"], 1, 5) == "e4cbb64d8199"
    assert share_key(["a-1", "a-2", "b-1", "b-3"], 1, 5) != "e4cbb64d8199"
    assert share_key(["a-1", "a-2", "b-1", "b-2"], 1, 7) != "e4cbb64d8199"
