"""Answers and exports made before the self-test field was renamed (`check`, now
`selftest`): still read, scored and refused alike, for one person and for a team; written
again with `selftest` only. The expected numbers are those of
tests/test_scoring_selftests_scores.py and tests/test_scoring_selftests_team.py.
"""

from __future__ import annotations

import json

import pytest

from saljkompetens.source import SiteContent
from scoring_py import ScoringError, read_answers, score_json, write_answers
from tests.support.selftests import (
    ACHIEVEMENT,
    TRAITS,
    answers,
    definition_text,
    former,
    grades,
    learner,
    organisation_view,
    person,
    the_selftest,
    traits,
)


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
