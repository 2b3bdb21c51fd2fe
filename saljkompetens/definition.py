"""The content model as a `scoring_py` definition: built from `scoring_py`'s own objects,
written by `scoring_py`'s writer and read back by its reader, which checks every rule of
the assessment (scale, bands, thresholds, targets) in one place.

While a definition is built, `Origins` records where each of its fields came from (content
file and field), so that a refusal is reported at that file, line and field.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
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
from .content.model import AssessmentSettings, KnowledgeBase, ScaleStep, naming_sentence
from .content.schema import AUDIENCES, DESIRABLE, RELATIONS
from .content.yaml_reader import FieldPath


@dataclass(frozen=True)
class Origin:
    """A content file and the field in it that a definition field was made from."""

    path: Path
    field: FieldPath = ()


class Origins:
    """Where each field of a definition came from: its JSON path (`roles[0].targets[5].level`)
    → an `Origin` (`content/roles/x.md`, `targets[5].level`), recorded while it is built."""

    def __init__(self, root: Origin) -> None:
        self.root = root  # the file of the definition as a whole
        self._at: dict[str, Origin] = {"": root}

    def add(
        self, at: str, path: Path, field: FieldPath = (), *same: str, **named: FieldPath
    ) -> None:
        """`at` came from `field` of `path`; so did its fields `same` (named alike) and each
        of `named` (from the field named by its value, under `field`)."""
        self._at[at] = Origin(path, field)
        for name in same:
            self._at[f"{at}.{name}" if at else name] = Origin(path, (*field, name))
        for name, sub in named.items():
            self._at[f"{at}.{name}" if at else name] = Origin(path, (*field, *sub))

    def of(self, at: str) -> Origin:
        """Where the field at `at` came from: its own origin, or its nearest recorded parent's
        (`competencies[2].items[0].reverse` → `competencies[2].items[0]` …)."""
        while at not in self._at:
            at = at[: max(at.rfind("."), at.rfind("["), 0)]
        return self._at[at]


def build_definition(kb: KnowledgeBase) -> Definition:
    """The assessment of `kb` as `scoring_py` objects (not yet checked: see below)."""
    return trace_definition(kb)[0]


def trace_definition(kb: KnowledgeBase) -> tuple[Definition, Origins]:
    """The assessment of `kb` as `scoring_py` objects, and where each field came from."""
    settings = kb.settings
    origins = Origins(Origin(settings.path))
    _settings_origins(origins, settings)
    for index, c in enumerate(kb.competencies):
        at = f"competencies[{index}]"
        origins.add(at, c.path, (), "title", "high_level", "practice", slug=("title",),
                    url=("title",), group=("stage",))  # fmt: skip
        for number in range(len(c.practice)):
            origins.add(f"{at}.practice[{number}]", c.path, ("practice", number))
        for number in range(len(c.mindsets)):
            origins.add(f"{at}.mindsets[{number}]", c.path, ("mindsets", number))
        for number, article in enumerate(kb.articles_about(c)):
            where = ("competencies", article.competencies.index(c.title))
            origins.add(f"{at}.articles[{number}]", article.path, where)
        for number in range(len(c.statements)):
            where = ("statements", number)
            origins.add(f"{at}.items[{number}]", c.path, where, "id", "text", "reverse")
    for index, m in enumerate(kb.mindsets):
        origins.add(f"mindsets[{index}]", m.path, ("title",))
    for index, r in enumerate(kb.roles):
        origins.add(f"roles[{index}]", r.path, (), "title", slug=("title",), url=("title",))
        for number in range(len(r.targets)):
            where = ("targets", number)
            origins.add(f"roles[{index}].targets[{number}]", r.path, where, "competency",
                        "level", "why")  # fmt: skip
    definition = Definition(
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
    return definition, origins


def _settings_origins(origins: Origins, settings: AssessmentSettings) -> None:
    """The fields of the definition that come from assessment.yml."""
    path = settings.path
    origins.add("scale", path, ("scale",))
    origins.add("min_answers", path, ("min_answers",))
    origins.add("quality", path, ("quality",), *settings.quality)
    origins.add("limits", path, ("limits",))
    for index in range(len(settings.bands)):
        origins.add(f"bands[{index}]", path, ("bands", index), "min", "label", "text")


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
    return trace_selftest_definition(kb, selftest)[0]


def trace_selftest_definition(
    kb: KnowledgeBase, selftest: content.SelfTest
) -> tuple[Definition, Origins]:
    """A self-test's definition, and where each of its fields came from."""
    quality = _quality(kb.settings.quality)
    scale = _scale(selftest.scale)
    articles = tuple(Article(a.title, a.url) for a in map(kb.article, selftest.articles))
    sources = [kb.article(title).source for title in selftest.articles]
    origins = _selftest_origins(kb, selftest)
    definition = Definition(
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
    return definition, origins


def _selftest_origins(kb: KnowledgeBase, selftest: content.SelfTest) -> Origins:
    """A self-test's definition comes from its file, but for the quality rules (and
    `min_answers`, unless it has its own) from assessment.yml."""
    path, settings = selftest.path, kb.settings.path
    origins = Origins(Origin(path))
    origins.add("scale", path, ("scale",))
    origins.add("min_answers", *((path, ("min_answers",)) if selftest.min_answers else
                                 (settings, ("min_answers",))))  # fmt: skip
    origins.add("quality", settings, ("quality",), *kb.settings.quality)
    origins.add("quality.agree_min", path, ("scale",))  # moved to this test's own scale
    origins.add("limits", path, ("limits",))
    for index in range(len(selftest.bands)):
        origins.add(f"bands[{index}]", path, ("bands", index), "min", "label")
    for index, scale in enumerate(selftest.scales):
        at = f"competencies[{index}]"
        origins.add(at, path, ("scales", index), "title", "band_texts", "desirable",
                    slug=("title",), description=("about",))  # fmt: skip
        for number in range(len(scale.statements)):
            where = ("scales", index, "statements", number)
            origins.add(f"{at}.items[{number}]", path, where, "id", "text", "reverse")
        for number in range(len(selftest.articles)):
            origins.add(f"{at}.articles[{number}]", path, ("articles", number))
    origins.add("selftest", path, (), "title", "audience", slug=("title",), url=("title",),
                source=("articles",), not_applicable=("audience",))  # fmt: skip
    for number in range(len(selftest.articles)):
        origins.add(f"selftest.articles[{number}]", path, ("articles", number))
    return origins


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
        definition, origins = trace_selftest_definition(kb, selftest)
        data = write_definition(definition)
        try:
            read_definition(data)
        except ScoringError as error:
            errors.append(_content_error(kb, origins, error))
        written[selftest.slug] = data
    if errors:
        raise ContentErrors(errors)
    return written


def checked_definition(kb: KnowledgeBase) -> dict[str, Any]:
    """The definition JSON as `scoring_py` writes it, after `scoring_py` has read it back.

    Raises:
        ContentErrors: the rule `scoring_py` refused, at the content file and line.
    """
    definition, origins = trace_definition(kb)
    written = write_definition(definition)
    try:
        read_definition(written)
    except ScoringError as error:
        raise ContentErrors([_content_error(kb, origins, error)]) from None
    return written


def _content_error(kb: KnowledgeBase, origins: Origins, error: ScoringError) -> ContentError:
    """A refusal of `scoring_py` at the content file, line and field its field came from (the
    line as the loader read it). A field no content gave keeps `scoring_py`'s whole message."""
    origin = origins.of(error.path or "")
    own = origin is not origins.root and error.problem
    message = error.problem if own else str(error)
    line = kb.line_of(origin.path, origin.field) or 1
    return ContentError(origin.path, message or str(error), field_name(origin.field), line)
