"""The file formats of the self-assessment: each one's name, version and limits are here, and
the page gets them from :func:`page_formats` (the forms' ``data-formats``), never its own.

- the definition (``saljkompetens-bedomning``): what the assessment asks and how it scores,
  published by the site at :data:`DEFINITION_PATH` (:func:`definition_json` writes it);
- the answers (``saljkompetens-svar``): one person's answers and chosen role, a label, who
  answered, and for a self-test its slug (``selftest``; files written before call it
  ``check``, still read);
- the export (``saljkompetens-export``): the answers with the result the page showed, as the
  page's export button saves them (answers.js writes it; :func:`answers_object` unwraps it);
- the share link: :func:`share_key`;
- the result (``saljkompetens-resultat``), the team view (``saljkompetens-team``), the
  comparison of two attempts (``saljkompetens-jamforelse``) and the attempts over time
  (``saljkompetens-forsok``): written by :mod:`~scoring_py.result`, :mod:`~scoring_py.team`
  and :mod:`~scoring_py.compare`.

``read_definition(write_definition(d)) == d`` and ``read_answers(write_answers(a), d) == a``.
The page's own checks of answers (docs/assets/js/answers.js) are held to :func:`read_answers`
by the shared vectors in tests/fixtures/answers/vectors.json.
"""

import json
import unicodedata
from dataclasses import replace
from fractions import Fraction
from typing import Any

from .answers import (
    FORMER_SELFTEST_KEY,
    MANAGER,
    NOT_APPLICABLE,
    SELF,
    SELFTEST_KEY,
    Answers,
    answers_from_data,
    whole_number,
)
from .definition import definition_from_data
from .errors import ScoringError, describe_value
from .file_text import decode_file
from .json_text import MAX_DEPTH, MAX_TEXT_BYTES, parse_json_text
from .model import Definition, SelfTest
from .validation import fail

__all__ = [
    "ANSWERS_FORMAT",
    "ANSWERS_VERSION",
    "COMPARE_FORMAT",
    "COMPARE_VERSION",
    "DEFINITION_FORMAT",
    "DEFINITION_PATH",
    "DEFINITION_VERSION",
    "EXPORT_FORMAT",
    "IMPORT_MAX_BYTES",
    "LABEL_HIDDEN",
    "LABEL_MAX",
    "LABEL_SPACE",
    "NOT_APPLICABLE",
    "RESULT_FORMAT",
    "RESULT_VERSION",
    "SHARE_MAX_LENGTH",
    "SHARE_NOT_APPLICABLE",
    "TEAM_FORMAT",
    "TEAM_VERSION",
    "TIMELINE_FORMAT",
    "TIMELINE_VERSION",
    "answers_object",
    "decode_file",
    "definition_json",
    "page_formats",
    "read_answers",
    "read_answers_object",
    "read_definition",
    "read_label",
    "share_key",
    "write_answers",
    "write_definition",
]

DEFINITION_FORMAT = "saljkompetens-bedomning"
DEFINITION_VERSION = 1
DEFINITION_PATH = "assets/sjalvskattning/bedomning.json"
"""Where the site publishes the definition, relative to the site's root."""
ANSWERS_FORMAT = "saljkompetens-svar"
ANSWERS_VERSION = 1
EXPORT_FORMAT = "saljkompetens-export"
"""The page's export: ``{"format", "version": ANSWERS_VERSION, "answers": {…}, "result"}``."""
RESULT_FORMAT = "saljkompetens-resultat"
RESULT_VERSION = 2
TEAM_FORMAT = "saljkompetens-team"
TEAM_VERSION = 1
COMPARE_FORMAT = "saljkompetens-jamforelse"
COMPARE_VERSION = 1
TIMELINE_FORMAT = "saljkompetens-forsok"
TIMELINE_VERSION = 1

IMPORT_MAX_BYTES = 100 * 1024
"""Largest file the page imports as answers (an export with its result is a few kB)."""
LABEL_MAX = 40
"""Longest label (the name or initials on an export), in code points: Python's ``len``,
JavaScript's ``[...label].length`` (an emoji is one, not two)."""
LABEL_HIDDEN = ("Cc", "Cf", "Zl", "Zp")
"""Unicode categories a label may not contain: controls, format characters (direction
marks, zero-width characters), line and paragraph separators."""
LABEL_SPACE = (
    "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
)
"""What is trimmed from a label's ends: the spaces (category Zs) and tab, line feed, vertical
tab, form feed and carriage return. Neither Python's ``strip()`` (it also takes U+001C–U+001F
and U+0085) nor JavaScript's ``trim()`` (it also takes U+FEFF): both sides use this."""


def page_formats() -> dict[str, Any]:
    """What the page's scripts need to read and write the formats, as the forms carry it in
    ``data-formats``: names, versions, field names and values, and limits."""
    return {
        "answers": ANSWERS_FORMAT,
        "export": EXPORT_FORMAT,
        "version": ANSWERS_VERSION,
        "team": TEAM_FORMAT,
        "not_applicable": NOT_APPLICABLE,
        "raters": {"self": SELF, "manager": MANAGER},
        "selftest_key": SELFTEST_KEY,
        "former_selftest_key": FORMER_SELFTEST_KEY,
        "label_max": LABEL_MAX,
        "label_hidden": list(LABEL_HIDDEN),
        "label_space": LABEL_SPACE,
        "import_max_bytes": IMPORT_MAX_BYTES,
        "file_max_bytes": MAX_TEXT_BYTES,
        "json_max_depth": MAX_DEPTH,
        "share_not_applicable": SHARE_NOT_APPLICABLE,
        "share_max_length": SHARE_MAX_LENGTH,
    }


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


def definition_json(definition: "Definition | dict[str, Any]") -> str:
    """The definition as the JSON text the site publishes: of a :class:`Definition`, or of
    the object :func:`write_definition` made of one (as the site's build keeps it)."""
    data = write_definition(definition) if isinstance(definition, Definition) else definition
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


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
    return read_answers_object(answers_object(data), definition)


def read_answers_object(data: dict[str, Any], definition: Definition) -> Answers:
    """Read and check an answers object (never an export: :func:`answers_object` unwraps one).

    Raises:
        ScoringError: On any invalid answer, with a Swedish message naming it.
    """
    _check_answers_header(data)
    answers = answers_from_data(data, definition)
    return replace(answers, label=read_label(data.get("label")))


def answers_object(data: Any) -> dict[str, Any]:
    """The answers object of a file: the file itself, or the one in the page's export.

    Raises:
        ScoringError: If the file is no object, or an export of another version or without
            its answers.
    """
    if not isinstance(data, dict):
        raise ScoringError(f"Svaren måste vara ett JSON-objekt, fick {describe_value(data)}.")
    return _unwrap_export(data) if data.get("format") == EXPORT_FORMAT else data


def read_label(value: Any) -> str | None:
    """A label as given: its ends trimmed of :data:`LABEL_SPACE`, NFC, at most
    :data:`LABEL_MAX` code points, none of :data:`LABEL_HIDDEN`; None for none or "".

    Raises:
        ScoringError: If it is not text, too long, or could mislead (a hidden character).
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ScoringError(f'Märkningen ("label") måste vara text, fick {describe_value(value)}.')
    label = unicodedata.normalize("NFC", value.strip(LABEL_SPACE))
    if len(label) > LABEL_MAX:
        raise ScoringError(
            f'Märkningen ("label") får vara högst {LABEL_MAX} tecken, fick {len(label)}.'
        )
    hidden = [c for c in label if unicodedata.category(c) in LABEL_HIDDEN]
    if hidden:
        raise ScoringError(
            f'Märkningen ("label") innehåller ett osynligt tecken (U+{ord(hidden[0]):04X}); '
            "skriv den med vanliga bokstäver."
        )
    return label or None


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
        data[SELFTEST_KEY] = answers.selftest
    return data


def _unwrap_export(data: dict[str, Any]) -> dict[str, Any]:
    if whole_number(data.get("version")) != ANSWERS_VERSION:
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
    if whole_number(data.get("version")) != ANSWERS_VERSION:
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
SHARE_NOT_APPLICABLE = "x"
"""The unscored answer's character in a share link."""
SHARE_MAX_LENGTH = 4096
"""Longest share fragment the page reads (99 statements take about 150 characters)."""


def share_key(item_ids: "list[str] | tuple[str, ...] | frozenset[str]", scale_min: int,
              scale_max: int) -> str:  # fmt: skip
    """What a share link carries to say which statements its answers are for.

    The page's share link is ``#svar=<base64url>&v=<key>[&roll=<slug>]``: one character per
    statement in the order of the sorted ids (the answer's digit, ``0`` unanswered,
    :data:`SHARE_NOT_APPLICABLE` the unscored answer), so the form's order may change freely;
    at most :data:`SHARE_MAX_LENGTH` characters. ``key`` is the first
    :data:`SHARE_KEY_LENGTH` hex digits of the SHA-256 of the scale and the sorted ids; a link
    whose key differs was made for other statements (or another scale) and is refused, never
    read onto the wrong statements.
    """
    import hashlib  # only the site's build needs it, never the browser

    text = f"{scale_min}-{scale_max}\n" + "\n".join(sorted(item_ids))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SHARE_KEY_LENGTH]
