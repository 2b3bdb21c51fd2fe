"""The definition builder records where each field came from, so that a rule `scoring_py`
refuses is reported at the content file, line and field (as the loader read them)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from saljkompetens.content.errors import ContentErrors
from saljkompetens.content.loader import load_content
from saljkompetens.content.model import Band
from saljkompetens.content.scaffold import scaffold
from saljkompetens.definition import (
    Origin,
    Origins,
    checked_definition,
    trace_definition,
    trace_selftest_definition,
)

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
SETTINGS = Path("content/assessment.yml")
LYSSNA = Path("content/competencies/lyssna.md")
ARTICLE = Path("content/articles/om-att-lyssna.md")
ROLE = Path("content/roles/saljare.md")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return shutil.copytree(MINIMAL, tmp_path / "content")


def test_a_field_has_its_own_origin_or_its_nearest_parents() -> None:
    origins = Origins(Origin(SETTINGS))
    origins.add("roles[0]", ROLE, (), "title", slug=("title",))
    origins.add("roles[0].targets[1]", ROLE, ("targets", 1), "level")
    assert origins.of("roles[0].targets[1].level") == Origin(ROLE, ("targets", 1, "level"))
    assert origins.of("roles[0].targets[1].why") == Origin(ROLE, ("targets", 1))
    assert origins.of("roles[0].slug") == Origin(ROLE, ("title",))
    assert origins.of("roles[0].url") == Origin(ROLE, ())
    assert origins.of("roles[1].title") is origins.root
    assert origins.of("competencies[].items[].id") is origins.root


def test_every_kind_of_field_points_at_its_file_and_line(content: Path) -> None:
    kb = load_content(content)
    _, origins = trace_definition(kb)
    # Competencies in title order: Fråga, Lyssna. Lines counted in the fixture files.
    expected = {
        "competencies[1].items[2].reverse": (LYSSNA, ("statements", 2, "reverse"), 18),
        "competencies[1].items[3].id": (LYSSNA, ("statements", 3, "id"), 20),
        "competencies[1].mindsets[0].sentence": (LYSSNA, ("mindsets", 0), 4),
        "competencies[1].slug": (LYSSNA, ("title",), 2),
        "competencies[1].articles[0].url": (ARTICLE, ("competencies", 0), 6),
        "roles[0].targets[1].level": (ROLE, ("targets", 1, "level"), 9),
        "bands[2].min": (SETTINGS, ("bands", 2, "min"), 11),
        "quality.agree_min": (SETTINGS, ("quality", "agree_min"), 16),
        "scale.labels[4]": (SETTINGS, ("scale",), 1),
    }
    for at, (path, field, line) in expected.items():
        origin = origins.of(at)
        assert (origin.path, origin.field, kb.line_of(origin.path, origin.field)) == (
            path,
            field,
            line,
        ), at


def test_a_refusal_is_reported_at_the_line_read_without_reading_the_file_again(
    content: Path,
) -> None:
    kb = load_content(content)
    shutil.rmtree(content)  # the lines come from the loaded documents, not from the disk
    bands = kb.settings.bands
    changed = (*bands[:2], Band(40, "Stabil grund", "x"), bands[3])
    kb.items["settings"] = [replace(kb.settings, bands=changed)]
    with pytest.raises(ContentErrors) as raised:
        checked_definition(kb)
    [error] = raised.value.errors
    assert (error.path, error.line, error.field) == (SETTINGS, 11, "bands[2].min")
    assert "40" in error.message and "bands" not in error.message

    kb = load_content(shutil.copytree(MINIMAL, content))
    role = kb.roles[0]
    targets = (role.targets[0], replace(role.targets[1], level=101))
    kb.roles[0] = replace(role, targets=targets)
    with pytest.raises(ContentErrors) as raised:
        checked_definition(kb)
    [error] = raised.value.errors
    assert (error.path, error.line, error.field) == (ROLE, 9, "targets[1].level")


def test_a_selftest_field_comes_from_its_file_or_from_the_settings(content: Path) -> None:
    scaffold("selftest", "Lyssnartest", content)  # placeholders: loads, with drafts
    kb = load_content(content)
    [selftest] = kb.selftests
    _, origins = trace_selftest_definition(kb, selftest)
    own = Path("content/selftests/lyssnartest.md")
    assert origins.of("competencies[1].items[0].id") == Origin(
        own, ("scales", 1, "statements", 0, "id")
    )
    assert origins.of("competencies[0].description") == Origin(own, ("scales", 0, "about"))
    assert origins.of("bands[0].min") == Origin(own, ("bands", 0, "min"))
    assert origins.of("selftest.articles[0].title") == Origin(own, ("articles", 0))
    # The test has no min_answers of its own: the value, and a refusal, are assessment.yml's.
    assert origins.of("min_answers") == Origin(SETTINGS, ("min_answers",))
    assert kb.line_of(SETTINGS, ("min_answers",)) == 7
    assert origins.of("quality.too_good_score") == Origin(SETTINGS, ("quality", "too_good_score"))
