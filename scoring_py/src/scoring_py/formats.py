"""The file formats of the self-assessment, each read and written here and nowhere else.

- the definition (``saljkompetens-bedomning``): what the assessment asks and how it scores,
  published by the site at :data:`DEFINITION_PATH`;
- the answers (``saljkompetens-svar``): one person's answers and chosen role, and for a
  self-test its slug (``selftest``; files written before call it ``check``, still read);
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
from .model import Definition, SelfTest
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
    "share_key",
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
                **({"group": c.group} if c.group else {}),
                **({"desirable": c.desirable} if c.desirable else {}),
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
        **({"selftest": write_selftest(definition.selftest)} if definition.selftest else {}),
    }


def write_selftest(selftest: SelfTest) -> dict[str, Any]:
    """A self-test's header as JSON: in its definition, and in every result and team view."""
    return {
        "slug": selftest.slug,
        "title": selftest.title,
        "url": selftest.url,
        "audience": selftest.audience,
        "articles": [{"title": a.title, "url": a.url} for a in selftest.articles],
        "source": selftest.source,
        "not_applicable": selftest.not_applicable,
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
    if answers.selftest is not None:
        data["selftest"] = answers.selftest
    return data


def write_export(answers: Answers, result: dict[str, Any] | None) -> dict[str, Any]:
    """The page's export file: the answers and the result shown with them (or None)."""
    return {
        "format": EXPORT_FORMAT,
        "version": ANSWERS_VERSION,
        "answers": write_answers(answers),
        "result": result,
    }


_ENCODING_REFUSED = (
    "Filen kan inte läsas som text: den ska vara sparad som UTF-8 (med eller utan BOM) eller "
    "som UTF-16 med BOM."
)
"""The one message for a file in any other encoding (docs/assets/js/file-text.js says the same)."""

_BOMS = (
    (b"\xff\xfe\x00\x00", None),  # UTF-32 LE, before UTF-16 LE whose BOM it starts with
    (b"\x00\x00\xfe\xff", None),  # UTF-32 BE
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_file(data: bytes) -> str:
    """A file's bytes as text, by the rule the page follows too (file-text.js).

    UTF-8 with or without a BOM, and UTF-16 LE or BE with a BOM, are read (the BOM is
    dropped); anything else (invalid UTF-8, UTF-16 without a BOM, UTF-32, a NUL character) is
    refused. The vectors in tests/fixtures/encodings/vectors.json hold both to it.

    Raises:
        ScoringError: :data:`_ENCODING_REFUSED`.
    """
    encoding: str | None = "utf-8"
    for bom, named in _BOMS:
        if data.startswith(bom):
            encoding, data = named, data[len(bom) :]
            break
    if encoding is None:
        raise ScoringError(_ENCODING_REFUSED)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ScoringError(_ENCODING_REFUSED) from None
    if "\x00" in text:
        raise ScoringError(_ENCODING_REFUSED)
    return text


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


# -- the share link ---------------------------------------------------------------------------

SHARE_KEY_LENGTH = 12


def share_key(item_ids: "list[str] | tuple[str, ...] | frozenset[str]", scale_min: int,
              scale_max: int) -> str:  # fmt: skip
    """What a share link carries to say which statements its answers are for.

    The page's share link is ``#svar=<base64url>&v=<key>[&roll=<slug>]``: one character per
    statement in the order of the sorted ids (the answer's digit, ``0`` unanswered, ``x`` the
    unscored answer), so the form's order may change freely. ``key`` is the first
    :data:`SHARE_KEY_LENGTH` hex digits of the SHA-256 of the scale and the sorted ids; a link
    whose key differs was made for other statements (or another scale) and is refused, never
    read onto the wrong statements.
    """
    import hashlib  # only the site's build needs it, never the browser

    text = f"{scale_min}-{scale_max}\n" + "\n".join(sorted(item_ids))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SHARE_KEY_LENGTH]
