"""The result: a JSON-ready dict with every number, name and sentence the report shows."""

import json
from fractions import Fraction
from typing import Any

from .answers import Answers
from .formats import RESULT_FORMAT, RESULT_VERSION, write_selftest
from .model import Competency, Definition, Role
from .quality import FIRM_BLOCKERS, quality_notes
from .ranking import (
    FAMILY_ERROR,
    MIN_SCORED,
    Comparison,
    Profile,
    RoleStatus,
    profile,
    reflection,
    role_focus,
    role_statuses,
)
from .rounding import round_half_up
from .scores import COVERAGE, CompetencyScore, GroupScore, score_competencies, score_groups
from .summary import summary
from .voice import in_voice

__all__ = ["PULLED_DOWN", "build_result", "to_canonical_json"]

PULLED_DOWN = 2
"""How many of a development area's lowest answers the report shows (more when tied)."""


def build_result(
    definition: Definition, answers: Answers, role: Role | None, voice: str = "self"
) -> dict[str, Any]:
    """Score the answers and return the result as a new JSON-ready dict; its sentences speak
    to the person who answered, or (`voice` "other") of them to another reader.

    Scores are rounded half up from unrounded values; the range is the score's
    ``low``–``high`` (a :data:`~scoring_py.scores.COVERAGE` interval). What is named
    (strengths, development areas, stages, the role's under/over) is only what differs by
    more than the measurement's error allows (see `ranking`); when the answers follow a
    pattern that makes them unreliable (straight-lining, agreeing with opposites), nothing
    is named and the report says why.
    """
    scores = score_competencies(definition, answers)
    groups = score_groups(definition, scores)
    notes = quality_notes(definition, answers)
    blockers = [note["code"] for note in notes if note["code"] in FIRM_BLOCKERS]
    profile_only = definition.selftest is not None  # a self-test's scales: a profile, not ranked
    compared = profile(scores, groups)
    statuses = role_statuses(role, scores) if role else []
    if blockers:  # values stay; no claim is made about them
        statuses = [_withheld(s) for s in statuses]
    firm = not profile_only and not blockers
    focus_by_role = role_focus(statuses) if role else []
    strengths = _competencies(compared.named("high")) if firm else []
    if role:
        development = [s.entry for s in focus_by_role]
    else:
        development = _competencies(compared.named("low")) if firm else []
    group_claims = {
        "high": compared.named("high", groups=True) if firm else [],
        "low": compared.named("low", groups=True) if firm else [],
    }
    nothing_named = not strengths and not development and not any(group_claims.values())
    enough = sum(entry.scored for entry in scores) >= MIN_SCORED
    reflect = reflection(scores) if nothing_named and firm and enough and role is None else []
    role_context = None if role is None else (role, statuses, focus_by_role)
    return {
        "format": RESULT_FORMAT,
        "version": RESULT_VERSION,
        "answered": len(answers.values),
        "not_applicable": len(answers.not_applicable),
        "items": definition.item_count,
        "summary": [
            in_voice(sentence, voice)
            for sentence in summary(
                definition,
                answers,
                scores,
                strengths,
                development,
                group_claims,
                role_context,
                notes,
                blockers,
                _smallest(compared),
            )
        ],
        "claims": _claims(compared, blockers, profile_only),
        "competencies": [_competency(definition, entry, compared) for entry in scores],
        "groups": [_group(entry, compared) for entry in groups],
        "strengths": [_claimed(entry, compared) for entry in strengths],
        "development": [_focus(definition, entry, statuses, compared) for entry in development],
        "development_basis": "role" if role else "profile",
        "reflect": [_brief(entry) for entry in reflect],
        "role": None if role is None else _role(role, statuses),
        "quality": [{**note, "message": in_voice(note["message"], voice)} for note in notes],
        "voice": voice,
        "limits": definition.limits,
        "selftest": None if definition.selftest is None else write_selftest(definition.selftest),
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


def _competencies(comparisons: list[Comparison]) -> list[CompetencyScore]:
    return [c.entry for c in comparisons if isinstance(c.entry, CompetencyScore)]


def _claims(compared: Profile, blockers: list[str], profile_only: bool) -> dict[str, Any]:
    """How sure the report's claims are: the range's coverage, the error rate of the whole
    report, its z and number of comparisons, and why nothing is named, if so."""
    return {
        "coverage": round_half_up(COVERAGE * 100),
        "family_error": round_half_up(FAMILY_ERROR * 100),
        "comparisons": compared.comparisons,
        "z": round(compared.z, 2),
        "smallest_difference": _smallest(compared),
        "withheld": blockers,
        "profile_only": profile_only,
    }


def _smallest(compared: Profile) -> int | None:
    """The typical threshold of a competency against the others (the median one)."""
    thresholds = sorted(c.threshold for c in compared.competencies)
    return thresholds[len(thresholds) // 2] if thresholds else None


def _difference(comparison: Comparison | None) -> dict[str, Any]:
    """How far a score lies from the person's own reference, and the threshold."""
    if comparison is None:
        return {"difference": None, "reference": None, "threshold": None}
    return {
        "difference": comparison.shown,
        "reference": round_half_up(comparison.reference),
        "threshold": comparison.threshold,
    }


def _claimed(entry: CompetencyScore, compared: Profile) -> dict[str, Any]:
    found = next((c for c in compared.competencies if c.entry is entry), None)
    return {**_brief(entry), **_difference(found)}


def _competency(
    definition: Definition, entry: CompetencyScore, compared: Profile
) -> dict[str, Any]:
    found = next((c for c in compared.competencies if c.entry is entry), None)
    return {
        **_brief(entry),
        "answered": len(entry.answered),
        "items": len(entry.competency.items),
        "band": _band(definition, entry.competency, entry.score),
        "description": entry.competency.description,
        "group": entry.competency.group,
        **_difference(found),
    }


def _group(entry: GroupScore, compared: Profile) -> dict[str, Any]:
    found = next((c for c in compared.groups if c.entry is entry), None)
    return {
        "name": entry.name,
        "score": _rounded(entry.score),
        "low": entry.low,
        "high": entry.high,
        "answered": entry.answered,
        "items": sum(len(member.competency.items) for member in entry.members),
        "competencies": [member.competency.slug for member in entry.members],
        "direction": None if found is None else found.direction,
        **_difference(found),
    }


def _withheld(status: RoleStatus) -> RoleStatus:
    """A role status with no decision: the answers' pattern makes it unreliable."""
    return RoleStatus(status.entry, status.target, status.why, status.gap, None)


def _pulled_down(entry: CompetencyScore) -> list[Any]:
    """The answers that pulled the score down most: below the competency's mean, lowest
    first; all answers equal to the last one shown are shown too (ties are not cut)."""
    total = sum(a.keyed for a in entry.answered)
    below_mean = sorted(
        (a for a in entry.answered if a.keyed * len(entry.answered) < total),
        key=lambda a: a.keyed,
    )
    if len(below_mean) <= PULLED_DOWN:
        return below_mean
    last = below_mean[PULLED_DOWN - 1].keyed
    return [a for a in below_mean if a.keyed <= last]


def _focus(
    definition: Definition,
    entry: CompetencyScore,
    statuses: list[RoleStatus],
    compared: Profile,
) -> dict[str, Any]:
    """A development area with what the report says about it."""
    competency: Competency = entry.competency
    assert entry.score is not None
    lowest = _pulled_down(entry)
    status = next((s for s in statuses if s.entry is entry), None)
    found = next((c for c in compared.competencies if c.entry is entry), None)
    mindsets = definition.mindsets_by_slug
    return {
        **_brief(entry),
        **_difference(found),
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
        "role_low": None if status is None else status.low,
        "role_high": None if status is None else status.high,
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
        "role_low": status.low,
        "role_high": status.high,
    }
