"""The scoring rules as data, for the page that explains them ("Så räknas resultatet").

Every number comes from the definition or from the constants and functions the scoring
itself uses, so the page cannot say one thing while the code does another.
"""

from typing import Any

from . import ranking, scores
from .model import Definition
from .result import PULLED_DOWN
from .rounding import round_half_up

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
            "assumed_sd": scores.ASSUMED_SD,
            "item_correlation": _number(float(scores.ITEM_CORRELATION)),
            "margins": [
                {"answered": n, "margin": _number(round(float(scores.margin(scale, n)), 1))}
                for n in range(definition.min_answers, most + 1)
            ],
        },
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


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)
