"""The assessment's settings: `content/assessment.yml` (answer scale, bands, thresholds)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fields import ANSWER_SCALE, ID_PATTERN, TEXT, Schema
from ..frontmatter import Document
from ..parts import Band, ScaleStep
from .base import Kind, Loaded, Report

SETTINGS_FILE = "assessment.yml"

SETTINGS: Schema = {
    "title": "Inställningar för självskattningen",
    "type": "object",
    "required": ["scale", "min_answers", "bands", "quality", "limits"],
    "additionalProperties": False,
    "properties": {
        "scale": ANSWER_SCALE,
        "min_answers": {
            "type": "integer",
            "minimum": 1,
            "maximum": 12,
            "description": "Minsta antal svar för att en kompetens ska få ett värde.",
        },
        "bands": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10,
            "items": {
                "type": "object",
                "required": ["min", "label", "text"],
                "additionalProperties": False,
                "properties": {
                    "min": {"type": "integer", "minimum": 0, "maximum": 100},
                    "label": {**TEXT, "maxLength": 60},
                    "text": {**TEXT, "maxLength": 300},
                },
            },
            "description": "Nivåer formulerade som potential; en nivå gäller från `min`.",
        },
        "quality": {
            "type": "object",
            "required": [
                "min_answers",
                "identical_share",
                "agree_min",
                "acquiescence_share",
                "too_good_score",
                "unanswered_share",
            ],
            "additionalProperties": False,
            "properties": {
                "min_answers": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 1000,
                    "description": "Mönster noteras först från så här många svar.",
                },
                "identical_share": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Samma svar på minst den här andelen.",
                },
                "agree_min": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 9,
                    "description": "Svar från det här värdet räknas som att instämma.",
                },
                "acquiescence_share": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Instämmer i minst den här andelen av "
                    "påståendena och av de omvända.",
                },
                "too_good_score": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100,
                    "description": "Alla svar tillsammans ger minst så här mycket.",
                },
                "unanswered_share": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Obesvarat eller ej aktuellt över den här andelen.",
                },
            },
            "description": "Gränser för anteckningarna om svaren (se Så räknas resultatet).",
        },
        "limits": {
            **TEXT,
            "maxLength": 1000,
            "description": "Vad en självskattning inte mäter; visas med varje resultat och i "
            "exporten.",
        },
        "retired_ids": {
            "type": "array",
            "maxItems": 5000,
            "uniqueItems": True,
            "items": {"type": "string", "pattern": ID_PATTERN, "maxLength": 60},
            "description": "Id:n på påståenden (i kompetenser och självtest) som har tagits "
            "bort eller bytt betydelse. Sparade och exporterade svar kan peka på dem, så inget "
            "påstående får använda dem igen; kontrollen stoppar ett påstående med ett id härifrån.",
        },
    },
}


@dataclass(frozen=True)
class AssessmentSettings:
    """Scoring settings, from `content/assessment.yml`."""

    scale: tuple[ScaleStep, ...]
    min_answers: int
    bands: tuple[Band, ...]
    quality: dict[str, float]
    path: Path
    limits: str = ""
    retired_ids: tuple[str, ...] = ()  # ids of removed or changed statements, never reused


def scale_problems(steps: list[dict[str, Any]]) -> list[str]:
    """An answer scale must have one step per value, every value in a row."""
    values = sorted(step["value"] for step in steps)
    if values == list(range(values[0], values[0] + len(values))):
        return []
    found = ", ".join(str(value) for value in values)
    return [
        f"skalan har värdena {found}; den ska ha varje heltal från det lägsta till det "
        "högsta, vart och ett en gång"
    ]


def build(doc: Document, report: Report) -> AssessmentSettings:
    """The settings; `scoring_py` checks their rules (bands, thresholds) when the
    definition is made. Here only what the content format needs: one step per value."""
    data = doc.data
    for problem in scale_problems(data["scale"]):
        report.error(doc, problem, ("scale",))
    return AssessmentSettings(
        scale=tuple(ScaleStep(s["value"], s["label"]) for s in data["scale"]),
        min_answers=data["min_answers"],
        bands=tuple(Band(b["min"], b["label"], b["text"]) for b in data["bands"]),
        quality=dict(data["quality"]),
        path=doc.path,
        limits=data["limits"],
        retired_ids=tuple(data.get("retired_ids", ())),
    )


def check(loaded: Loaded) -> None:
    """Every competency has at least as many statements as a value needs answers."""
    for settings in loaded.of("settings"):
        needed = settings.min_answers
        fewest = min(loaded.of("competency"), key=lambda c: len(c.statements), default=None)
        if fewest is not None and len(fewest.statements) < needed:
            loaded.error(
                settings,
                f"{needed} svar krävs för ett värde, men kompetensen {fewest.title} har bara "
                f"{len(fewest.statements)} påståenden och kunde aldrig få något; sätt "
                f"min_answers till högst {len(fewest.statements)}",
                ("min_answers",),
            )


KIND = Kind(
    name="settings",
    source=SETTINGS_FILE,
    schema=SETTINGS,
    build=build,
    check=check,
    tables={"settings": SETTINGS},
)
