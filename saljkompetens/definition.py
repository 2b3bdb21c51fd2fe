"""The content model as a `scoring_py` definition: built from `scoring_py`'s own objects,
written by `scoring_py`'s writer and read back by its reader, which checks every rule of
the assessment (scale, bands, thresholds, targets) in one place. A refusal is reported
against the content file and line the field came from.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
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
    SelfTest,
    Target,
)

from scoring_py import ScoringError, read_definition, write_definition

from .content import model as content
from .content.errors import ContentError, ContentErrors, field_name
from .content.frontmatter import ParseFailed, read_document, read_yaml
from .content.model import KnowledgeBase, ScaleStep, naming_sentence
from .content.schema import AUDIENCES, DESIRABLE, RELATIONS


def build_definition(kb: KnowledgeBase) -> Definition:
    """The assessment of `kb` as `scoring_py` objects (not yet checked: see below)."""
    settings = kb.settings
    return Definition(
        scale=_scale(settings.scale),
        min_answers=settings.min_answers,
        bands=tuple(Band(b.min, b.label, b.text) for b in settings.bands),
        quality=_quality(settings.quality),
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
                group=c.stage or "",
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


def _scale(steps: tuple[ScaleStep, ...]) -> Scale:
    """An answer scale of the content as scoring_py's Scale (steps in value order)."""
    ordered = sorted(steps, key=lambda step: step.value)
    return Scale(ordered[0].value, ordered[-1].value, tuple(step.label for step in ordered))


def _quality(quality: dict[str, float]) -> QualityRules:
    """assessment.yml's thresholds for the notes on the answers, as exact numbers."""
    return QualityRules(
        min_answers=int(quality["min_answers"]),
        identical_share=Fraction(str(quality["identical_share"])),
        agree_min=int(quality["agree_min"]),
        acquiescence_share=Fraction(str(quality["acquiescence_share"])),
        too_good_score=int(quality["too_good_score"]),
        unanswered_share=Fraction(str(quality["unanswered_share"])),
    )


def build_selftest_definition(kb: KnowledgeBase, selftest: content.SelfTest) -> Definition:
    """A self-test as a `scoring_py` definition: its scales are scored as competencies are
    (the same rules, the quality notes of `assessment.yml`); answers carry its slug."""
    quality = _quality(kb.settings.quality)
    scale = _scale(selftest.scale)
    articles = tuple(Article(a.title, a.url) for a in map(kb.article, selftest.articles))
    sources = [kb.article(title).source for title in selftest.articles]
    return Definition(
        scale=scale,
        min_answers=selftest.min_answers or kb.settings.min_answers,
        bands=tuple(Band(b.min, b.label, "") for b in selftest.bands),
        quality=replace(quality, agree_min=_agree_min(_scale(kb.settings.scale), quality, scale)),
        competencies=tuple(
            Competency(
                slug=scale.slug,
                title=scale.title,
                url="",
                mindsets=(),
                articles=articles,
                items=tuple(Item(s.id, s.text, s.reverse) for s in scale.statements),
                band_texts=scale.band_texts,
                description=scale.about,
                desirable=DESIRABLE.get(scale.desirable or ""),
            )
            for scale in selftest.scales
        ),
        mindsets=(),
        roles=(),
        limits=selftest.limits,
        selftest=SelfTest(
            slug=selftest.slug,
            title=selftest.title,
            url=selftest.url,
            audience=AUDIENCES[selftest.audience],
            articles=articles,
            source="; ".join(source for source in sources if source),
            not_applicable=selftest.not_applicable_label,
        ),
    )


def _agree_min(base: Scale, quality: QualityRules, scale: Scale) -> int:
    """The assessment's "agrees from" answer at the same place on a self-test's own scale (4 on
    1–5 is three quarters up: 3 on 1–3), and always above the scale's lowest answer."""
    share = Fraction(quality.agree_min - base.min, base.max - base.min)
    return max(scale.min + 1, scale.min + math.ceil(share * (scale.max - scale.min)))


def checked_selftest_definitions(kb: KnowledgeBase) -> dict[str, dict[str, Any]]:
    """Every self-test's definition JSON (by slug), each read back by `scoring_py`.

    Raises:
        ContentErrors: every self-test's refused rule, at its file and line.
    """
    written, errors = {}, []
    for selftest in kb.selftests:
        data = write_definition(build_selftest_definition(kb, selftest))
        try:
            read_definition(data)
        except ScoringError as error:
            errors.append(_selftest_error(kb, selftest, error))
        written[selftest.slug] = data
    if errors:
        raise ContentErrors(errors)
    return written


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
_SELFTEST_FIELD = {"competencies": "scales", "items": "statements", "description": "about"}


def _selftest_error(
    kb: KnowledgeBase, selftest: content.SelfTest, error: ScoringError
) -> ContentError:
    """Where in a self-test's file a definition field (`competencies[1].band_texts`) came from."""
    field: tuple[str | int, ...] = tuple(
        _SELFTEST_FIELD.get(part, part) if isinstance(part, str) else part
        for part in _parts(error.path or "")
    )
    message = error.problem or str(error)
    try:
        document = read_document(_on_disk(kb, selftest.path), selftest.path)
        line = document.line_of(field) or 1
    except (OSError, ParseFailed):
        line = 1
    return ContentError(selftest.path, message, field_name(field), line)


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
