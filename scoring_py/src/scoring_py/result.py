"""Builds the JSON-ready result dict (stable key order) and its canonical JSON text."""

import json
from fractions import Fraction
from typing import Any

from .answers import Answers
from .formats import RESULT_FORMAT, RESULT_VERSION
from .model import Definition, Role
from .quality import quality_notes
from .ranking import RoleGap, development_areas, role_gaps, strengths
from .rounding import round_half_up
from .scores import (
    CompetencyScore,
    MindsetScore,
    overall_score,
    score_competencies,
    score_mindsets,
)

__all__ = ["build_result", "to_canonical_json"]


def build_result(definition: Definition, answers: Answers, role: Role | None) -> dict[str, Any]:
    """Score the answers and return the result as a new JSON-ready dict.

    Every number in it is an integer rounded half up from the unrounded value,
    except role gaps, which are ``target - score`` with the rounded score so that
    the three numbers shown always agree.
    """
    scores = score_competencies(definition, answers)
    top = strengths(scores)
    return {
        "format": RESULT_FORMAT,
        "version": RESULT_VERSION,
        "answered": len(answers.values),
        "items": definition.item_count,
        "overall": _rounded(overall_score(scores)),
        "competencies": [_competency(definition, entry) for entry in scores],
        "mindsets": [_mindset(entry) for entry in score_mindsets(definition, scores)],
        "strengths": [_ranked(definition, entry) for entry in top],
        "development": [
            _ranked(definition, entry) for entry in development_areas(scores, exclude=top)
        ],
        "role": None if role is None else _role(role, role_gaps(role, scores)),
        "quality": quality_notes(definition, answers),
    }


def to_canonical_json(result: dict[str, Any]) -> str:
    """Serialize a result compactly, UTF-8 characters kept, key order preserved."""
    return json.dumps(
        result, ensure_ascii=False, sort_keys=False, indent=None, separators=(",", ":")
    )


def _rounded(value: Fraction | None) -> int | None:
    return None if value is None else round_half_up(value)


def _band(definition: Definition, score: Fraction | None) -> dict[str, str] | None:
    if score is None:
        return None
    band = definition.band_for(score)
    return {"label": band.label, "text": band.text}


def _competency(definition: Definition, entry: CompetencyScore) -> dict[str, Any]:
    competency = entry.competency
    return {
        "slug": competency.slug,
        "title": competency.title,
        "url": competency.url,
        "score": _rounded(entry.score),
        "scored": entry.scored,
        "answered": entry.answered,
        "items": len(competency.items),
        "band": _band(definition, entry.score),
    }


def _mindset(entry: MindsetScore) -> dict[str, Any]:
    return {
        "slug": entry.mindset.slug,
        "title": entry.mindset.title,
        "url": entry.mindset.url,
        "score": _rounded(entry.score),
        "competencies": [
            {"slug": c.competency.slug, "title": c.competency.title} for c in entry.competencies
        ],
    }


def _ranked(definition: Definition, entry: CompetencyScore) -> dict[str, Any]:
    competency = entry.competency
    band = _band(definition, entry.score)
    return {
        "slug": competency.slug,
        "title": competency.title,
        "score": _rounded(entry.score),
        "band": None if band is None else band["label"],
        "url": competency.url,
        "articles": [{"title": a.title, "url": a.url} for a in competency.articles],
    }


def _role(role: Role, gaps: list[RoleGap]) -> dict[str, Any]:
    return {
        "slug": role.slug,
        "title": role.title,
        "url": role.url,
        "gaps": [_gap(gap) for gap in gaps],
    }


def _gap(gap: RoleGap) -> dict[str, Any]:
    score = _rounded(gap.entry.score)
    return {
        "slug": gap.entry.competency.slug,
        "title": gap.entry.competency.title,
        "target": gap.target,
        "score": score,
        "gap": None if score is None else gap.target - score,
    }
