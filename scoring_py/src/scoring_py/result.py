"""The result: a JSON-ready dict with every number, name and sentence the report shows."""

import json
from fractions import Fraction
from typing import Any

from .answers import Answers
from .formats import RESULT_FORMAT, RESULT_VERSION, write_check
from .model import Competency, Definition, Role
from .quality import quality_notes
from .ranking import RoleStatus, development_areas, role_focus, role_statuses, strengths
from .rounding import round_half_up
from .scores import CompetencyScore, score_competencies
from .summary import summary

__all__ = ["PULLED_DOWN", "build_result", "to_canonical_json"]

PULLED_DOWN = 2
"""How many of a development area's lowest answers the report shows."""


def build_result(definition: Definition, answers: Answers, role: Role | None) -> dict[str, Any]:
    """Score the answers and return the result as a new JSON-ready dict.

    Scores are rounded half up from unrounded values; the range is the score's
    ``low``–``high``. Everything ranked or compared uses unrounded values; a role gap is
    ``target - shown score`` so that the numbers shown agree.
    """
    scores = score_competencies(definition, answers)
    profile_only = definition.check is not None  # a check's scales are a profile, not ranked
    top = [] if profile_only else strengths(scores)
    statuses = role_statuses(role, scores) if role else []
    focus_by_role = role_focus(statuses) if role else []
    development = [status.entry for status in focus_by_role] if role else development_areas(scores)
    if profile_only:
        development = []
    notes = quality_notes(definition, answers)
    role_context = None if role is None else (role, statuses, focus_by_role)
    return {
        "format": RESULT_FORMAT,
        "version": RESULT_VERSION,
        "answered": len(answers.values),
        "not_applicable": len(answers.not_applicable),
        "items": definition.item_count,
        "summary": summary(
            definition, answers, scores, top, development, role_context, bool(notes)
        ),
        "competencies": [_competency(definition, entry) for entry in scores],
        "strengths": [_brief(entry) for entry in top],
        "development": [_focus(definition, entry, statuses) for entry in development],  # fmt: skip
        "development_basis": "role" if role else "profile",
        "role": None if role is None else _role(role, statuses),
        "quality": notes,
        "limits": definition.limits,
        "check": None if definition.check is None else write_check(definition.check),
    }


def to_canonical_json(result: dict[str, Any]) -> str:
    """Serialize a result compactly, UTF-8 characters kept, key order preserved."""
    return json.dumps(
        result, ensure_ascii=False, sort_keys=False, indent=None, separators=(",", ":")
    )


def _rounded(value: Fraction | None) -> int | None:
    return None if value is None else round_half_up(value)


def _band(
    definition: Definition, competency: Competency, score: Fraction | None
) -> dict[str, Any] | None:
    """The band of a score: its label, text (the competency's own, if it has texts) and
    level (0 for the lowest band)."""
    if score is None:
        return None
    band = definition.band_for(score)
    return {
        "label": band.label,
        "text": competency.band_text(definition, band),
        "level": definition.bands.index(band),
    }


def _brief(entry: CompetencyScore) -> dict[str, Any]:
    competency = entry.competency
    return {
        "slug": competency.slug,
        "title": competency.title,
        "url": competency.url,
        "score": _rounded(entry.score),
        "low": entry.low,
        "high": entry.high,
    }


def _competency(definition: Definition, entry: CompetencyScore) -> dict[str, Any]:
    return {
        **_brief(entry),
        "answered": len(entry.answered),
        "items": len(entry.competency.items),
        "band": _band(definition, entry.competency, entry.score),
        "description": entry.competency.description,
    }


def _focus(
    definition: Definition, entry: CompetencyScore, statuses: list[RoleStatus]
) -> dict[str, Any]:
    """A development area with what the report says about it."""
    competency: Competency = entry.competency
    assert entry.score is not None
    total = sum(a.keyed for a in entry.answered)
    below_mean = [a for a in entry.answered if a.keyed * len(entry.answered) < total]
    lowest = sorted(below_mean, key=lambda a: a.keyed)[:PULLED_DOWN]
    status = next((s for s in statuses if s.entry is entry), None)
    mindsets = definition.mindsets_by_slug
    return {
        **_brief(entry),
        "band": _band(definition, competency, entry.score),
        "high_level": competency.high_level,
        "practice": list(competency.practice),
        "pulled_down": [
            {
                "id": a.item.id,
                "text": a.item.text,
                "answer": a.answer,
                "label": definition.scale.label(a.answer),
            }
            for a in lowest
        ],
        "mindsets": [
            {
                "slug": link.slug,
                "title": mindsets[link.slug].title,
                "url": mindsets[link.slug].url,
                "relation": link.relation,
                "sentence": link.sentence,
            }
            for link in competency.mindsets
        ],
        "articles": [{"title": a.title, "url": a.url} for a in competency.articles],
        "target": None if status is None else status.target,
        "why": None if status is None else status.why,
    }


def _role(role: Role, statuses: list[RoleStatus]) -> dict[str, Any]:
    return {
        "slug": role.slug,
        "title": role.title,
        "url": role.url,
        "targets": [_status(status) for status in statuses],
    }


def _status(status: RoleStatus) -> dict[str, Any]:
    score = _rounded(status.entry.score)
    return {
        **_brief(status.entry),
        "target": status.target,
        "why": status.why,
        "gap": None if score is None else status.target - score,
        "status": status.status,
    }
