"""The scoring rules as data, for the page that explains them ("Så räknas resultatet").

Every number comes from the definition or from the constants and functions the scoring
itself uses, so the page cannot say one thing while the code does another.
"""

from typing import Any

from . import ranking
from .model import Definition
from .rounding import round_half_up

__all__ = ["rules"]


def rules(definition: Definition) -> dict[str, Any]:
    """The facts the explanation shows, as a new JSON-ready dict."""
    scale = definition.scale
    steps = scale.max - scale.min
    quality = definition.quality
    return {
        "scale": {
            "min": scale.min,
            "max": scale.max,
            "steps": [
                {"value": v, "label": scale.label(v)} for v in range(scale.min, scale.max + 1)
            ],
        },
        "reverse": {
            "total": scale.min + scale.max,
            "highest_counts_as": scale.keyed(scale.max, True),
        },
        "mapping": {"offset": scale.min, "factor": _number(100 / steps)},
        "min_answers": definition.min_answers,
        "bands": [{"min": b.min, "label": b.label, "text": b.text} for b in definition.bands],
        "top_count": ranking.TOP_COUNT,
        "quality": {
            "identical_min_answers": quality.identical_min_answers,
            "contradiction_min": quality.contradiction_min,
            "unanswered_percent": round_half_up(quality.unanswered_share * 100),
        },
    }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)
