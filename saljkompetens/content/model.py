"""The content model: plain dataclasses that know nothing of MkDocs.

Everything the site shows is derived from these objects; each fact is stored once
(e.g. which mindsets a competency draws on lives only on the competency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .schema import NOT_APPLICABLE_LABELS

COMPETENCY_SECTION = "kompetenser"
MINDSET_SECTION = "tankesatt"
ARTICLE_SECTION = "artiklar"
ROLE_SECTION = "roller"
SELFTEST_SECTION = "sjalvtest"


@dataclass(frozen=True)
class Statement:
    """A self-assessment statement (item) of a competency.

    ```yaml
    - id: prospektering-2
      text: Jag väntar på att kampanjer ska ge mig nya möjligheter.
      manager_text: Säljaren väntar på att kampanjer ska ge hen nya möjligheter.
      reverse: true
      based_on: "inte beroende av kampanjer eller enstaka stora kunder"
    ```
    """

    id: str
    text: str
    based_on: str
    reverse: bool = False
    manager_text: str = ""  # the same statement about the seller, for a manager's rating


@dataclass(frozen=True)
class Competency:
    """A sales competency, from `content/competencies/<slug>.md`.

    ```yaml
    title: Prospektering
    summary: Förmågan att skapa ett stabilt inflöde av kvalificerade möjligheter.
    mindsets: [Nästa steg, Hunger, Påverkan]
    keywords: [prospektera, nykundsbearbetning]
    statements: [...]
    ```
    """

    slug: str
    title: str
    summary: str
    mindsets: tuple[str, ...]
    keywords: tuple[str, ...]
    statements: tuple[Statement, ...]
    body: str
    path: Path
    relations: tuple[str, ...] = ()  # per mindset: "bygger på", "balanserar" or "motpol"
    high_level: str | None = None  # the sentence of the text on a high level
    practice: tuple[str, ...] = ()  # practice suggestions for the report
    stage: str | None = None  # where in the sale it matters most (schema.STAGES)

    def relation(self, mindset: str) -> str:
        """How this competency relates to `mindset` ("bygger på" unless the file says)."""
        return dict(zip(self.mindsets, self.relations, strict=True)).get(mindset, "bygger på")

    @property
    def src_uri(self) -> str:
        return f"{COMPETENCY_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{COMPETENCY_SECTION}/{self.slug}/"


@dataclass(frozen=True)
class Mindset:
    """A mindset ("tankesätt"), from `content/mindsets/<slug>.md`.

    ```yaml
    title: Hunger
    summary: Drivkraften att hela tiden ta nästa nivå.
    ```
    The body is a short introduction; the competencies that draw on the mindset are
    derived from the competencies' `mindsets` field.
    """

    slug: str
    title: str
    summary: str
    body: str
    path: Path

    @property
    def src_uri(self) -> str:
        return f"{MINDSET_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{MINDSET_SECTION}/{self.slug}/"


@dataclass(frozen=True)
class Article:
    """An article on sales management, from `content/articles/<slug>.md`.

    ```yaml
    title: Gör som topporganisationer ”B2B”
    lang: sv
    reading_time: 5
    summary: ...
    competencies: [Målorientering, Initiativ]
    source: "Martin, S. (2018). Sales Strategy Playbook ..."
    ```
    """

    slug: str
    title: str
    lang: str
    reading_time: int
    summary: str
    competencies: tuple[str, ...]
    source: str | None
    body: str
    path: Path
    cites: tuple[str, ...] = ()  # named in the text as evidence, without a full reference

    @property
    def src_uri(self) -> str:
        return f"{ARTICLE_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{ARTICLE_SECTION}/{self.slug}/"


@dataclass(frozen=True)
class Target:
    """A role's target level (0–100) for one competency, with its reason."""

    competency: str
    level: int
    why: str


@dataclass(frozen=True)
class Role:
    """A role profile, from `content/roles/<slug>.md`.

    ```yaml
    title: Nykundsjägare
    summary: Säljer till nya kunder och fyller sin pipeline själv.
    targets:
      - {competency: Prospektering, level: 85, why: Pipeline ska vara egenproducerad.}
    ```
    """

    slug: str
    title: str
    summary: str
    targets: tuple[Target, ...]
    body: str
    path: Path

    @property
    def src_uri(self) -> str:
        return f"{ROLE_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{ROLE_SECTION}/{self.slug}/"


@dataclass(frozen=True)
class ScaleStep:
    """One answer option: its value and Swedish label."""

    value: int
    label: str


@dataclass(frozen=True)
class Band:
    """A score band worded as potential: applies from `min` up to the next band."""

    min: int
    label: str
    text: str


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


@dataclass(frozen=True)
class SelfTestScale:
    """One scale of a self-test: its statements, what the article says of it, a text per band."""

    slug: str
    title: str
    about: str
    band_texts: tuple[str, ...]
    statements: tuple[Statement, ...]
    desirable: str | None = None  # schema.DESIRABLE: "hög", "låg", or None for a profile scale


@dataclass(frozen=True)
class SelfTest:
    """A self-test written as content, from `content/selftests/<slug>.md`, scored by the same
    rules as the self-assessment; the body is its introduction.

    ```yaml
    title: Lärande eller bara resultat?
    audience: säljaren            # or organisationen
    articles: ["Resultatorienterte selgere? Tja!"]
    scale: [{value: 1, label: Stämmer inte alls}, ...]
    bands: [{min: 0, label: Litet inslag}, ...]
    scales: [{title: ..., about: ..., band_texts: [...], statements: [...]}]
    limits: ...
    ```
    """

    slug: str
    title: str
    summary: str
    audience: str  # schema.AUDIENCES: "säljaren" or "organisationen"
    articles: tuple[str, ...]
    scale: tuple[ScaleStep, ...]
    bands: tuple[Band, ...]
    scales: tuple[SelfTestScale, ...]
    limits: str
    body: str
    path: Path
    min_answers: int | None = None  # None: as in assessment.yml

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for scale in self.scales for s in scale.statements)

    @property
    def not_applicable_label(self) -> str:
        """What the unscored answer is called on this self-test's form."""
        return NOT_APPLICABLE_LABELS[self.audience]

    @property
    def src_uri(self) -> str:
        return f"{SELFTEST_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{SELFTEST_SECTION}/{self.slug}/"

    @property
    def definition_uri(self) -> str:
        """Where the site publishes this self-test's definition."""
        return f"assets/{SELFTEST_SECTION}/{self.slug}.json"


@dataclass(frozen=True)
class MindsetUse:
    """A competency whose text names a mindset: the sentence, and how they relate."""

    competency: Competency
    sentence: str
    relation: str = "bygger på"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def naming_sentence(text: str, name: str) -> str | None:
    """The sentence of `text` that names `name`, searching the last paragraph first."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    for paragraph in reversed(paragraphs):
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if pattern.search(sentence):
                return sentence
    return None


@dataclass
class KnowledgeBase:
    """All content, validated and cross-linked."""

    competencies: list[Competency]
    mindsets: list[Mindset]
    articles: list[Article]
    roles: list[Role]
    settings: AssessmentSettings
    warnings: tuple[ContentError, ...] = ()  # e.g. files that were not read
    root: Path = Path("content")  # the content folder on disk
    selftests: list[SelfTest] = field(default_factory=list)
    drafts: tuple[ContentError, ...] = ()  # placeholders left: refused by check and the build
    _by_title: dict[str, Competency] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_title = {c.title: c for c in self.competencies}

    @property
    def statement_count(self) -> int:
        """How many self-assessment statements there are in all."""
        return sum(len(c.statements) for c in self.competencies)

    def competency(self, title: str) -> Competency:
        """The competency with this title."""
        return self._by_title[title]

    def mindset_by_title(self, title: str) -> Mindset:
        """The mindset with this title."""
        return next(m for m in self.mindsets if m.title == title)

    def uses_of(self, mindset: Mindset) -> list[MindsetUse]:
        """The competencies that draw on `mindset`, each with its naming sentence."""
        uses = []
        for competency in self.competencies:
            if mindset.title in competency.mindsets:
                sentence = naming_sentence(competency.body, mindset.title) or ""
                relation = competency.relation(mindset.title)
                uses.append(MindsetUse(competency, sentence, relation))
        return uses

    def mindsets_of(self, competency: Competency) -> list[Mindset]:
        """The mindsets `competency` draws on, in the order its front matter gives."""
        return [self.mindset_by_title(title) for title in competency.mindsets]

    def articles_about(self, competency: Competency) -> list[Article]:
        """The articles that relate to `competency`."""
        return [a for a in self.articles if competency.title in a.competencies]

    def article(self, title: str) -> Article:
        """The article with this title."""
        return next(a for a in self.articles if a.title == title)

    def selftests_of(self, article: Article) -> list[SelfTest]:
        """The self-tests built on `article` ("Testa dig själv")."""
        return [t for t in self.selftests if article.title in t.articles]

    def competencies_of(self, article: Article) -> list[Competency]:
        """The competencies an article relates to."""
        return [self.competency(title) for title in article.competencies]
