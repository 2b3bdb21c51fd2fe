"""One answers format for the command line and the page: the shared vectors
(tests/fixtures/answers/vectors.json; tests/js/format-vectors.test.mjs runs the same ones
through the page's import), and the names and limits the page gets from scoring_py."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from scoring_py.compare import attempt_date
from scoring_py.formats import LABEL_SPACE, NOT_APPLICABLE, page_formats, read_answers
from scoring_py.json_text import parse_json_text

from scoring_py import Answers, ScoringError

FIXTURES = Path(__file__).parent / "fixtures"
VECTORS = json.loads((FIXTURES / "answers" / "vectors.json").read_text("utf-8"))
DEFINITION = json.loads((FIXTURES / "scoring" / "definition.json").read_text("utf-8"))
DEFINITIONS = {
    "assessment": DEFINITION,
    "selftest": {**DEFINITION, "selftest": VECTORS["selftest"]},
}


def inputs(vector: dict[str, Any]) -> list[Any]:
    """What scoring_py reads of a vector: its text, or its object and the object as text."""
    if "text" in vector:
        return [vector["text"]]
    return [vector["data"], json.dumps(vector["data"], ensure_ascii=False)]


def shown(answers: Answers) -> dict[str, Any]:
    """Answers as a vector's ``yields`` states them."""
    values: dict[str, Any] = dict(answers.values)
    values.update(dict.fromkeys(answers.not_applicable, NOT_APPLICABLE))
    return {
        "answers": values,
        "role": answers.role,
        "label": answers.label,
        "rater": answers.rater,
        "selftest": answers.selftest,
    }


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_each_vector_is_accepted_or_refused_as_stated(vector: dict[str, Any]) -> None:
    definition = DEFINITIONS[vector.get("definition", "assessment")]
    for given in inputs(vector):
        if vector.get("refused"):
            with pytest.raises(ScoringError):
                read_answers(given, definition)
            continue
        expected = {"role": None, "label": None, "rater": "self", "selftest": None}
        expected.update(vector["yields"])
        assert shown(read_answers(given, definition)) == expected
    if "date" in vector:
        data = vector.get("data") or parse_json_text(vector["text"], "Svaren")
        assert attempt_date(data) == vector["date"]


def test_the_vectors_cover_every_part_of_the_format() -> None:
    vectors = VECTORS["vectors"]
    names = [v["name"] for v in vectors]
    assert len(set(names)) == len(names) >= 30
    refused = ["märkning", "roll", "id", "värde", "rater", "självtest", "format", "version",
               "answers", "inte ett objekt", "export", "JSON"]  # fmt: skip
    accepted = ["märkning", "roll", "värde", "rater", "självtest", "version", "export", "JSON",
                "datum"]  # fmt: skip
    for topic in refused:
        assert any(v.get("refused") for v in vectors if v["name"].startswith(topic)), topic
    for topic in accepted:
        assert any("yields" in v for v in vectors if v["name"].startswith(topic)), topic
    assert any("25 emoji" in name for name in names)
    assert any("(check)" in name for name in names)


def test_the_page_gets_the_formats_from_scoring_py() -> None:
    """The fixture the JavaScript tests read as `data-formats` is page_formats() itself."""
    fixture = json.loads((FIXTURES / "answers" / "formats.json").read_text("utf-8"))
    assert fixture == page_formats()
    assert set(page_formats()) >= {"answers", "export", "version", "team", "not_applicable",
                                   "label_max", "import_max_bytes", "file_max_bytes"}  # fmt: skip


def test_a_label_is_trimmed_of_the_spaces_and_five_controls_only() -> None:
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"}
    assert set(LABEL_SPACE) == spaces | set("\t\n\v\f\r")
