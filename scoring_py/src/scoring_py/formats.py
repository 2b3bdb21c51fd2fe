"""The file formats of the self-assessment, each read and written here and nowhere else.

- the definition (``saljkompetens-bedomning``): what the assessment asks and how it scores,
  published by the site at :data:`DEFINITION_PATH`;
- the answers (``saljkompetens-svar``): one person's answers and chosen role;
- the export (``saljkompetens-export``): the answers with the result the page showed,
  as the page's export button saves them;
- the result (``saljkompetens-resultat``): written by :mod:`scoring_py.result`.

``read_definition(write_definition(d)) == d`` and ``read_answers(write_answers(a), d) == a``.
"""

import json
from fractions import Fraction
from typing import Any

from .answers import NOT_APPLICABLE, SELF, Answers, answers_from_data
from .definition import definition_from_data
from .errors import ScoringError, describe_value
from .json_text import parse_json_text
from .model import Check, Definition
from .validation import fail

__all__ = [
    "ANSWERS_FORMAT",
    "ANSWERS_VERSION",
    "DEFINITION_FORMAT",
    "DEFINITION_PATH",
    "DEFINITION_VERSION",
    "EXPORT_FORMAT",
    "NOT_APPLICABLE",
    "RESULT_FORMAT",
    "RESULT_VERSION",
    "read_answers",
    "read_definition",
    "write_answers",
    "write_definition",
    "write_export",
]

DEFINITION_FORMAT = "saljkompetens-bedomning"
DEFINITION_VERSION = 1
DEFINITION_PATH = "assets/sjalvskattning/bedomning.json"
"""Where the site publishes the definition, relative to the site's root."""
ANSWERS_FORMAT = "saljkompetens-svar"
ANSWERS_VERSION = 1
EXPORT_FORMAT = "saljkompetens-export"
RESULT_FORMAT = "saljkompetens-resultat"
RESULT_VERSION = 2


# -- the definition --------------------------------------------------------------------------


def read_definition(data: "dict[str, Any] | str | Definition") -> Definition:
    """Read and check a definition, given as a parsed JSON object or as JSON text.

    A :class:`Definition` is returned unchanged.

    Raises:
        ScoringError: If the definition is malformed (the message names the field).
    """
    if isinstance(data, Definition):
        return data
    if isinstance(data, str):
        data = parse_json_text(data, "Bedömningsdefinitionen")
    if not isinstance(data, dict):
        raise ScoringError(
            f"Bedömningsdefinitionen måste vara ett JSON-objekt, fick {describe_value(data)}."
        )
    if data.get("format") != DEFINITION_FORMAT:
        fail("format", f'måste vara "{DEFINITION_FORMAT}", fick {_got(data, "format")}')
    version = data.get("version")
    if isinstance(version, bool) or version != DEFINITION_VERSION:
        fail("version", f"måste vara {DEFINITION_VERSION}, fick {_got(data, 'version')}")
    return definition_from_data(data)


def write_definition(definition: Definition) -> dict[str, Any]:
    """The definition as a new JSON-ready object (see :func:`definition_json` for text)."""
    return {
        "format": DEFINITION_FORMAT,
        "version": DEFINITION_VERSION,
        "scale": {
            "min": definition.scale.min,
            "max": definition.scale.max,
            "labels": list(definition.scale.labels),
        },
        "min_answers": definition.min_answers,
        "bands": [{"min": b.min, "label": b.label, "text": b.text} for b in definition.bands],
        "quality": {
            "min_answers": definition.quality.min_answers,
            "identical_share": _number(definition.quality.identical_share),
            "agree_min": definition.quality.agree_min,
            "acquiescence_share": _number(definition.quality.acquiescence_share),
            "too_good_score": definition.quality.too_good_score,
            "unanswered_share": _number(definition.quality.unanswered_share),
        },
        "competencies": [
            {
                "slug": c.slug,
                "title": c.title,
                "url": c.url,
                "mindsets": [
                    {"slug": m.slug, "relation": m.relation, "sentence": m.sentence}
                    for m in c.mindsets
                ],
                "articles": [{"title": a.title, "url": a.url} for a in c.articles],
                "items": [{"id": i.id, "text": i.text, "reverse": i.reverse} for i in c.items],
                "high_level": c.high_level,
                "practice": list(c.practice),
                **({"band_texts": list(c.band_texts)} if c.band_texts else {}),
                **({"description": c.description} if c.description else {}),
            }
            for c in definition.competencies
        ],
        "mindsets": [{"slug": m.slug, "title": m.title, "url": m.url} for m in definition.mindsets],
        "roles": [
            {
                "slug": r.slug,
                "title": r.title,
                "url": r.url,
                "targets": [
                    {"competency": t.competency, "level": t.level, "why": t.why} for t in r.targets
                ],
            }
            for r in definition.roles
        ],
        "limits": definition.limits,
        **({"check": write_check(definition.check)} if definition.check else {}),
    }


def write_check(check: Check) -> dict[str, Any]:
    """A check's header as JSON: in its definition, and in every result and team view."""
    return {
        "slug": check.slug,
        "title": check.title,
        "url": check.url,
        "audience": check.audience,
        "articles": [{"title": a.title, "url": a.url} for a in check.articles],
        "source": check.source,
        "not_applicable": check.not_applicable,
    }


def definition_json(definition: Definition) -> str:
    """The definition as the JSON text the site publishes."""
    return json.dumps(write_definition(definition), ensure_ascii=False, allow_nan=False)


# -- answers and the export -------------------------------------------------------------------


def read_answers(
    data: "dict[str, Any] | str | Answers", definition: "Definition | dict[str, Any] | str"
) -> Answers:
    """Read and check answers: a plain answers object or the page's export file, as it is.

    The export's stored ``result`` is never read; the result is always computed anew.

    Raises:
        ScoringError: On any invalid input, with a Swedish message naming it.
    """
    definition = read_definition(definition)
    if isinstance(data, Answers):
        data = write_answers(data)
    elif isinstance(data, str):
        data = parse_json_text(data, "Svaren")
    if not isinstance(data, dict):
        raise ScoringError(f"Svaren måste vara ett JSON-objekt, fick {describe_value(data)}.")
    if data.get("format") == EXPORT_FORMAT:
        data = _unwrap_export(data)
    _check_answers_header(data)
    return answers_from_data(data, definition)


def write_answers(answers: Answers) -> dict[str, Any]:
    """The answers as a new ``saljkompetens-svar`` object."""
    values: dict[str, int | str] = dict(answers.values)
    values.update(dict.fromkeys(sorted(answers.not_applicable), NOT_APPLICABLE))
    data: dict[str, Any] = {
        "format": ANSWERS_FORMAT,
        "version": ANSWERS_VERSION,
        "answers": values,
        "role": answers.role,
    }
    if answers.label is not None:
        data["label"] = answers.label
    if answers.rater != SELF:
        data["rater"] = answers.rater
    if answers.check is not None:
        data["check"] = answers.check
    return data


def write_export(answers: Answers, result: dict[str, Any] | None) -> dict[str, Any]:
    """The page's export file: the answers and the result shown with them (or None)."""
    return {
        "format": EXPORT_FORMAT,
        "version": ANSWERS_VERSION,
        "answers": write_answers(answers),
        "result": result,
    }


def _unwrap_export(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version")
    if isinstance(version, bool) or version != ANSWERS_VERSION:
        raise ScoringError(
            f'Exportfilens version stöds inte: "version" ska vara {ANSWERS_VERSION}, '
            f"fick {_got(data, 'version')}."
        )
    inner = data.get("answers")
    if not isinstance(inner, dict):
        got = _got(data, "answers")
        raise ScoringError(f'Exportfilen saknar svaren: "answers" ska vara ett objekt, fick {got}.')
    return inner


def _check_answers_header(data: dict[str, Any]) -> None:
    if "format" not in data:
        raise ScoringError(f'Svaren saknar "format" (ska vara "{ANSWERS_FORMAT}").')
    if data["format"] != ANSWERS_FORMAT:
        raise ScoringError(
            f'Svaren har fel format: "format" ska vara "{ANSWERS_FORMAT}" (eller '
            f'"{EXPORT_FORMAT}" för en exportfil), fick {describe_value(data["format"])}.'
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version != ANSWERS_VERSION:
        raise ScoringError(
            f'Svarens version stöds inte: "version" ska vara {ANSWERS_VERSION}, '
            f"fick {_got(data, 'version')}."
        )


def _got(data: dict[str, Any], key: str) -> str:
    return describe_value(data[key]) if key in data else "inget värde"


def _number(value: Fraction) -> int | float:
    """A fraction as JSON: an integer, or the float that reads back as the same fraction."""
    if value.denominator == 1:
        return value.numerator
    return float(value)
