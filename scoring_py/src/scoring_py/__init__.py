"""Scores the Säljkompetens self-assessment (standard library only).

Runs unchanged on CPython 3.11+ and in Pyodide. Typical use::

    from scoring_py import score_json
    result_text = score_json(definition_text, answers_text, role=None)

Every invalid input raises :class:`ScoringError` with a Swedish message.
"""

from .answers import Answers
from .errors import ScoringError
from .formats import (
    ANSWERS_FORMAT,
    DEFINITION_FORMAT,
    DEFINITION_PATH,
    EXPORT_FORMAT,
    RESULT_FORMAT,
    definition_json,
    read_answers,
    read_definition,
    write_answers,
    write_definition,
)
from .model import Definition
from .scoring import prepare, score, score_json
from .team import team, team_csv, team_json

__all__ = [
    "ANSWERS_FORMAT",
    "DEFINITION_FORMAT",
    "DEFINITION_PATH",
    "EXPORT_FORMAT",
    "RESULT_FORMAT",
    "Answers",
    "Definition",
    "ScoringError",
    "definition_json",
    "prepare",
    "read_answers",
    "read_definition",
    "score",
    "score_json",
    "team",
    "team_csv",
    "team_json",
    "write_answers",
    "write_definition",
]

__version__ = "0.1.0"
