"""The assessment definition: the JSON that `scoring_py` and the page read.

Made from the content model at build time; the browser never sees the Markdown.
"""

from __future__ import annotations

from typing import Any

from scoring_py import ScoringError, load_definition

from .content.errors import ContentError, ContentErrors
from .content.model import KnowledgeBase

FORMAT = "saljkompetens-bedomning"
VERSION = 1


def assessment_definition(kb: KnowledgeBase) -> dict[str, Any]:
    """The definition as a JSON-ready dict (see `scoring_py.definition`)."""
    settings = kb.settings
    scale = sorted(settings.scale, key=lambda step: step.value)
    return {
        "format": FORMAT,
        "version": VERSION,
        "scale": {
            "min": scale[0].value,
            "max": scale[-1].value,
            "labels": [step.label for step in scale],
        },
        "min_answers": settings.min_answers,
        "bands": [{"min": b.min, "label": b.label, "text": b.text} for b in settings.bands],
        "quality": dict(settings.quality),
        "competencies": [
            {
                "slug": c.slug,
                "title": c.title,
                "url": c.url,
                "mindsets": [m.slug for m in kb.mindsets_of(c)],
                "articles": [{"title": a.title, "url": a.url} for a in kb.articles_about(c)],
                "items": [{"id": s.id, "text": s.text, "reverse": s.reverse} for s in c.statements],
            }
            for c in kb.competencies
        ],
        "mindsets": [{"slug": m.slug, "title": m.title, "url": m.url} for m in kb.mindsets],
        "roles": [
            {
                "slug": r.slug,
                "title": r.title,
                "url": r.url,
                "targets": [
                    {
                        "competency": kb.competency(t.competency).slug,
                        "level": t.level,
                        "why": t.why,
                    }
                    for t in r.targets
                ],
            }
            for r in kb.roles
        ],
    }


def checked_definition(kb: KnowledgeBase) -> dict[str, Any]:
    """The definition, after `scoring_py` has read it as the browser will.

    Raises:
        ContentErrors: if `scoring_py` refuses it (the content schema should not let
            that happen; this keeps check, build and scoring in step).
    """
    definition = assessment_definition(kb)
    try:
        load_definition(definition)
    except ScoringError as error:
        raise ContentErrors(
            [
                ContentError(
                    kb.settings.path,
                    f"poängräkningen (scoring_py) kan inte läsa självskattningen: {error}",
                    line=1,
                )
            ]
        ) from None
    return definition
