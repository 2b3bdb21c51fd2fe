"""The content model as a `scoring_py` definition: built from `scoring_py`'s own objects,
written by `scoring_py`'s writer and read back by its reader, which checks every rule of
the assessment (scale, bands, thresholds, targets) in one place. A refusal is reported
against the content file and line the field came from.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from scoring_py.model import (
    Article,
    Band,
    Competency,
    Definition,
    Item,
    Mindset,
    MindsetLink,
    QualityRules,
    Role,
    Scale,
    Target,
)

from scoring_py import ScoringError, read_definition, write_definition

from .content.errors import ContentError, ContentErrors, field_name
from .content.frontmatter import ParseFailed, read_document, read_yaml
from .content.model import KnowledgeBase, naming_sentence
from .content.schema import RELATIONS


def build_definition(kb: KnowledgeBase) -> Definition:
    """The assessment of `kb` as `scoring_py` objects (not yet checked: see below)."""
    settings = kb.settings
    quality = settings.quality
    steps = sorted(settings.scale, key=lambda step: step.value)
    return Definition(
        scale=Scale(steps[0].value, steps[-1].value, tuple(step.label for step in steps)),
        min_answers=settings.min_answers,
        bands=tuple(Band(b.min, b.label, b.text) for b in settings.bands),
        quality=QualityRules(
            min_answers=int(quality["min_answers"]),
            identical_share=Fraction(str(quality["identical_share"])),
            agree_min=int(quality["agree_min"]),
            acquiescence_share=Fraction(str(quality["acquiescence_share"])),
            too_good_score=int(quality["too_good_score"]),
            unanswered_share=Fraction(str(quality["unanswered_share"])),
        ),
        competencies=tuple(
            Competency(
                slug=c.slug,
                title=c.title,
                url=c.url,
                mindsets=tuple(
                    MindsetLink(
                        m.slug,
                        RELATIONS[c.relation(m.title)],
                        naming_sentence(c.body, m.title) or "",
                    )
                    for m in kb.mindsets_of(c)
                ),
                articles=tuple(Article(a.title, a.url) for a in kb.articles_about(c)),
                items=tuple(Item(s.id, s.text, s.reverse) for s in c.statements),
                high_level=c.high_level or "",
                practice=c.practice,
            )
            for c in kb.competencies
        ),
        mindsets=tuple(Mindset(m.slug, m.title, m.url) for m in kb.mindsets),
        roles=tuple(
            Role(
                slug=r.slug,
                title=r.title,
                url=r.url,
                targets=tuple(
                    Target(kb.competency(t.competency).slug, t.level, t.why) for t in r.targets
                ),
            )
            for r in kb.roles
        ),
        limits=settings.limits,
    )


def checked_definition(kb: KnowledgeBase) -> dict[str, Any]:
    """The definition JSON as `scoring_py` writes it, after `scoring_py` has read it back.

    Raises:
        ContentErrors: the rule `scoring_py` refused, at the content file and line.
    """
    written = write_definition(build_definition(kb))
    try:
        read_definition(written)
    except ScoringError as error:
        raise ContentErrors([_content_error(kb, error)]) from None
    return written


_INDEX = re.compile(r"^(\w+)\[(\d+)\]\.?(.*)$")
_FIELD = {"items": "statements"}  # definition name → content name, where they differ


def _content_error(kb: KnowledgeBase, error: ScoringError) -> ContentError:
    """Where in the content a definition field (`roles[0].targets[2].level`) came from."""
    path = error.path or ""
    source: Path = kb.settings.path
    rest = path
    match = _INDEX.match(path)
    if match and match.group(1) in ("competencies", "mindsets", "roles"):
        items = getattr(kb, match.group(1))
        source, rest = items[int(match.group(2))].path, match.group(3)
    elif path.startswith("scale"):
        rest = "scale"
    field = tuple(_parts(rest))
    message = error.problem or str(error)
    return ContentError(source, message, field_name(field), _line(kb, source, field))


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        parts.append(_FIELD.get(name, name))
        if index:
            parts.append(int(index))
    return parts


def _line(kb: KnowledgeBase, source: Path, field: tuple[str | int, ...]) -> int:
    """The field's line, read again from the file (this only happens for an error)."""
    reader = read_yaml if source == kb.settings.path else read_document
    try:
        document = reader(_on_disk(kb, source), source)
    except (OSError, ParseFailed):
        return 1
    return document.line_of(field) or 1


def _on_disk(kb: KnowledgeBase, shown: Path) -> Path:
    return kb.root.parent / shown  # the model's paths are shown as content/…
