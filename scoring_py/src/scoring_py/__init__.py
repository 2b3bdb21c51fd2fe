"""Scores the Säljkompetens self-assessment (standard library only).

Runs unchanged on CPython 3.11+ and in Pyodide. Typical use::

    from scoring_py import score_json
    result_text = score_json(definition_text, answers_text, role=None)

Every invalid input raises :class:`ScoringError` with a Swedish message.
"""

from .answers import ANSWERS_FORMAT, Answers, parse_answers
from .definition import DEFINITION_FORMAT, load_definition
from .errors import ScoringError
from .model import Definition
from .result import RESULT_FORMAT
from .scoring import score, score_json

__all__ = [
    "ANSWERS_FORMAT",
    "DEFINITION_FORMAT",
    "RESULT_FORMAT",
    "Answers",
    "Definition",
    "ScoringError",
    "load_definition",
    "parse_answers",
    "score",
    "score_json",
]

__version__ = "0.1.0"
