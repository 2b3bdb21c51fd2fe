"""The scoring rules as data, for the page that explains them ("Så räknas resultatet").

Every number comes from the definition or from the constants and functions the scoring
itself uses, so the page cannot say one thing while the code does another.
"""

import math
from typing import Any

from . import ranking, scores
from .formats import write_definition
from .model import Definition
from .quality import FIRM_BLOCKERS
from .result import PULLED_DOWN
from .rounding import round_half_up
from .simulation import LATENT_NOISE, error_rates, item_correlation

__all__ = ["rules"]


def rules(definition: Definition) -> dict[str, Any]:
    """The facts the explanation shows, as a new JSON-ready dict."""
    scale = definition.scale
    steps = scale.max - scale.min
    quality = definition.quality
    most = max(len(c.items) for c in definition.competencies)
    return {
        "scale": {
            "min": scale.min,
            "max": scale.max,
            "steps": [
                {"value": value, "label": scale.label(value)}
                for value in range(scale.min, scale.max + 1)
            ],
        },
        "reverse": {
            "total": scale.min + scale.max,
            "highest_counts_as": scale.keyed(scale.max, True),
        },
        "mapping": {"offset": scale.min, "factor": _number(100 / steps)},
        "min_answers": definition.min_answers,
        "bands": [{"min": b.min, "label": b.label, "text": b.text} for b in definition.bands],
        "range": {
            "item_sd": scores.ITEM_SD,
            "item_correlation": _number(float(scores.ITEM_CORRELATION)),
            "error_sd": _number(round(scores.error_sd(), 1)),
            "coverage": round_half_up(scores.COVERAGE * 100),
            "z": round(scores.range_z(), 3),
            "margins": [
                {"answered": n, "margin": _number(round(float(scores.margin(scale, n)), 1))}
                for n in range(definition.min_answers, most + 1)
            ],
        },
        "claims": _claims(definition),
        "simulation": _simulation(definition),
        "simulation_max": SIMULATED_MAX,
        "top_count": ranking.TOP_COUNT,
        "min_scored": ranking.MIN_SCORED,
        "pulled_down": PULLED_DOWN,
        "quality": {
            "min_answers": quality.min_answers,
            "identical_percent": round_half_up(quality.identical_share * 100),
            "agree_min": quality.agree_min,
            "agree_label": scale.label(quality.agree_min),
            "acquiescence_percent": round_half_up(quality.acquiescence_share * 100),
            "too_good_score": quality.too_good_score,
            "unanswered_percent": round_half_up(quality.unanswered_share * 100),
        },
    }


def _claims(definition: Definition) -> dict[str, Any]:
    """The error rate of the report's claims and the thresholds it gives, for the most
    common case: every competency (and stage) scored from all its statements."""
    sizes = sorted({len(c.items) for c in definition.competencies})
    groups = {c.group for c in definition.competencies if c.group}
    comparisons = len(definition.competencies) + (len(groups) if len(groups) >= 2 else 0)
    z = ranking.critical_z(comparisons)
    typical_sem = scores.sem(
        sorted(len(c.items) for c in definition.competencies)[len(definition.competencies) // 2]
    )
    reference = math.sqrt(math.pi / 2) * typical_sem / math.sqrt(len(definition.competencies) - 1)
    role_sizes = sorted({len(r.targets) for r in definition.roles})
    return {
        "family_error": round_half_up(ranking.FAMILY_ERROR * 100),
        "comparisons": comparisons,
        "groups": len(groups),
        "z": _number(round(z, 2)),
        "thresholds": [
            {
                "answered": n,
                "profile": math.ceil(z * math.sqrt(scores.sem(n) ** 2 + reference**2)),
                "role": [
                    {"targets": k, "threshold": math.ceil(ranking.critical_z(k) * scores.sem(n))}
                    for k in role_sizes
                ],
            }
            for n in sizes
        ],
        "groups_thresholds": _group_thresholds(definition, z),
        "withheld_by": list(FIRM_BLOCKERS),
    }


def _group_thresholds(definition: Definition, z: float) -> list[dict[str, Any]]:
    """Each stage's threshold against the mean of the other stages (all answered)."""
    sizes: dict[str, int] = {}
    for competency in definition.competencies:
        if competency.group:
            sizes[competency.group] = sizes.get(competency.group, 0) + len(competency.items)
    if len(sizes) < 2:
        return []
    rows = []
    for name, items in sizes.items():
        others = [scores.sem(n) for other, n in sizes.items() if other != name]
        reference = math.sqrt(sum(se**2 for se in others)) / len(others)
        threshold = math.ceil(z * math.sqrt(scores.sem(items) ** 2 + reference**2))
        rows.append({"name": name, "items": items, "threshold": threshold})
    return rows


SIMULATED_MAX = 60
"""The most competencies the page simulates for (a real assessment has far fewer; a
generated test site of thousands would take minutes)."""

_SIMULATED: dict[str, dict[str, Any]] = {}


def _simulation(definition: Definition) -> dict[str, Any] | None:
    """The simulated error rates (scoring_py.simulation), in whole percent; computed once per
    definition in a process (the preview rebuilds often)."""
    if definition.selftest is not None or len(definition.competencies) > SIMULATED_MAX:
        return None
    key = _key(definition)
    if key not in _SIMULATED:
        _SIMULATED.clear()
        _SIMULATED[key] = _simulated(definition)
    return _SIMULATED[key]


def _simulated(definition: Definition) -> dict[str, Any]:
    rates = error_rates(definition)
    titles = {role.slug: role.title for role in definition.roles}
    percent = lambda share: round_half_up(share * 100)  # noqa: E731
    return {
        "people": rates["people"],
        "seed": rates["seed"],
        "latent_noise": _number(LATENT_NOISE),
        "item_correlation": _number(round(item_correlation(), 2)),
        "even": [{"level": int(k), "percent": percent(v)} for k, v in rates["even"].items()],
        "even_worst": percent(rates["even_worst"]),
        "on_target": [
            {"role": slug, "title": titles[slug], "percent": percent(v)}
            for slug, v in rates["on_target"].items()
        ],
        "on_target_worst": percent(rates["on_target_worst"]),
        "deficit": rates["deficit"],
        "deficit_found": percent(rates["deficit_found"]),
    }


def _key(definition: Definition) -> str:
    import json

    return json.dumps(write_definition(definition), sort_keys=True, ensure_ascii=False)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)
