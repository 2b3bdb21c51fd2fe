"""Immutable dataclasses describing a validated assessment definition."""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

from .errors import ScoringError, describe_value, shorten

__all__ = [
    "DESIRABLE",
    "RELATIONS",
    "Article",
    "AUDIENCES",
    "Band",
    "Competency",
    "Definition",
    "Item",
    "Mindset",
    "MindsetLink",
    "QualityRules",
    "Role",
    "Scale",
    "SelfTest",
    "Target",
]


@dataclass(frozen=True)
class Scale:
    """The answer scale, e.g. 1..5 with one label per step."""

    min: int
    max: int
    labels: tuple[str, ...]

    def keyed(self, value: int, reverse: bool) -> int:
        """Return the value as it counts: ``min + max - value`` for reverse items."""
        return self.min + self.max - value if reverse else value

    def label(self, value: int) -> str:
        """Return the label of a scale value."""
        return self.labels[value - self.min]


@dataclass(frozen=True)
class Band:
    """A result band: applies to scores from ``min`` up to the next band."""

    min: int
    label: str
    text: str


@dataclass(frozen=True)
class QualityRules:
    """Thresholds for the answer-quality notes (see :mod:`scoring_py.quality`)."""

    min_answers: int  # patterns are noted only from this many answers
    identical_share: Fraction  # straight-lining: this share of answers has one value
    agree_min: int  # an answer of at least this agrees with the statement
    acquiescence_share: Fraction  # agreeing with this share of statements and of opposites
    too_good_score: int  # all answers together score at least this (0–100)
    unanswered_share: Fraction  # more than this share unanswered or not applicable


@dataclass(frozen=True)
class Item:
    """One statement of the self-assessment."""

    id: str
    text: str
    reverse: bool


@dataclass(frozen=True)
class Article:
    """A knowledge-base article linked from a competency."""

    title: str
    url: str


RELATIONS = ("builds", "balances", "contrasts")
"""How a competency relates to a mindset: it builds on it, balances it, or its text sets it
against the mindset."""


@dataclass(frozen=True)
class MindsetLink:
    """A mindset a competency's text names, how, and the sentence that names it."""

    slug: str
    relation: str
    sentence: str


@dataclass(frozen=True)
class Competency:
    """A competency with its statements, mindsets and articles, and for the report: the
    sentence of its text on a high level, and practice suggestions."""

    slug: str
    title: str
    url: str
    mindsets: tuple[MindsetLink, ...]
    articles: tuple[Article, ...]
    items: tuple[Item, ...]
    high_level: str = ""
    practice: tuple[str, ...] = ()
    band_texts: tuple[str, ...] = ()  # one per band: what the band means for this scale
    description: str = ""  # what the source text says about this scale (a self-test's report)
    group: str = ""  # the group it belongs to (a stage of the sale), scored as a whole too
    desirable: str | None = None  # a self-test's scale: "high", "low" or None (a profile)

    def band_text(self, definition: "Definition", band: Band) -> str:
        """The band's text for this competency: its own if it has one, else the band's."""
        if self.band_texts:
            return self.band_texts[definition.bands.index(band)]
        return band.text


DESIRABLE = ("high", "low")
"""Which end of a self-test's scale its source treats as the goal (or none: a profile)."""

AUDIENCES = ("self", "organisation")
"""Who answers a self-test: a seller about themselves, or people about their own organisation."""


@dataclass(frozen=True)
class SelfTest:
    """A self-test written as content: its scales are the definition's competencies, scored by
    the same rules; answers to it carry its slug."""

    slug: str
    title: str
    url: str
    audience: str
    articles: tuple[Article, ...]
    source: str = ""
    not_applicable: str = "Ej aktuellt i min roll"  # the unscored answer, as the form calls it


@dataclass(frozen=True)
class Mindset:
    """A mindset. The statements do not measure mindsets: they get no score."""

    slug: str
    title: str
    url: str


@dataclass(frozen=True)
class Target:
    """A role's target level (0..100) for one competency."""

    competency: str
    level: int
    why: str


@dataclass(frozen=True)
class Role:
    """A seller role with target levels."""

    slug: str
    title: str
    url: str
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Definition:
    """A validated assessment definition (read with :func:`scoring_py.read_definition`)."""

    scale: Scale
    min_answers: int
    bands: tuple[Band, ...]
    quality: QualityRules
    competencies: tuple[Competency, ...]
    mindsets: tuple[Mindset, ...]
    roles: tuple[Role, ...]
    limits: str = ""  # what a self-assessment does not measure, shown with every result
    selftest: SelfTest | None = None  # a self-test from content; None for the competency assessment

    @property
    def not_applicable_label(self) -> str:
        """What the unscored answer is called on the form ("Ej aktuellt i min roll")."""
        return "Ej aktuellt i min roll" if self.selftest is None else self.selftest.not_applicable

    @property
    def parts_word(self) -> str:
        """What the scored parts are called: "kompetenser", or a self-test's "skalor"."""
        return "kompetenser" if self.selftest is None else "skalor"

    @cached_property
    def item_count(self) -> int:
        """Number of statements in the whole assessment."""
        return sum(len(competency.items) for competency in self.competencies)

    @cached_property
    def item_ids(self) -> frozenset[str]:
        """Ids of all statements."""
        return frozenset(item.id for c in self.competencies for item in c.items)

    @cached_property
    def mindsets_by_slug(self) -> Mapping[str, Mindset]:
        """Mindsets keyed by slug."""
        return {mindset.slug: mindset for mindset in self.mindsets}

    @cached_property
    def roles_by_slug(self) -> Mapping[str, Role]:
        """Roles keyed by slug."""
        return {role.slug: role for role in self.roles}

    def band_for(self, score: Fraction) -> Band:
        """Return the band with the highest ``min`` that is at most ``score``."""
        chosen = self.bands[0]
        for band in self.bands:
            if band.min <= score:
                chosen = band
        return chosen

    def role(self, slug: Any) -> Role:
        """Return the role with this slug.

        Raises:
            ScoringError: If ``slug`` is not a known role.
        """
        if not isinstance(slug, str):
            raise ScoringError(f"Rollen måste anges som text, fick {describe_value(slug)}.")
        if slug not in self.roles_by_slug:
            known = ", ".join(role.slug for role in self.roles) or "(inga roller finns)"
            raise ScoringError(f'Okänd roll "{shorten(slug)}". Giltiga roller: {known}.')
        return self.roles_by_slug[slug]
