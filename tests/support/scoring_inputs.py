"""The small scoring definition of tests/fixtures/scoring/ and answers written for it, as the
validation tests (tests/test_scoring_validation_*.py) give them to `scoring_py`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scoring_py import ScoringError, read_answers

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "scoring" / "definition.json"
DEFINITION_TEXT = FIXTURE.read_text(encoding="utf-8")


def definition_dict() -> dict[str, Any]:
    return json.loads(DEFINITION_TEXT)


def answers(values: Any, **extra: Any) -> dict[str, Any]:
    return {"format": "saljkompetens-svar", "version": 1, "answers": values, **extra}


def error_of(data: Any) -> str:
    with pytest.raises(ScoringError) as caught:
        read_answers(data, definition_dict())
    return str(caught.value)
