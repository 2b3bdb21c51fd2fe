"""The content model: plain dataclasses that know nothing of MkDocs.

Everything the site shows is derived from these objects; each fact is stored once
(e.g. which mindsets a competency draws on lives only on the competency). Each kind's
dataclass lives in its module under `kinds/` and is re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .errors import ContentError
from .frontmatter import Document
from .kinds.article import ARTICLE_SECTION, Article
from .kinds.competency import COMPETENCY_SECTION, Competency
from .kinds.mindset import MINDSET_SECTION, Mindset
from .kinds.role import ROLE_SECTION, Role, Target
from .kinds.selftest import SELFTEST_SECTION, SelfTest, SelfTestScale
from .kinds.settings import AssessmentSettings
from .parts import Band, ScaleStep, Statement, naming_sentence
from .yaml_reader import FieldPath

__all__ = [
    "ARTICLE_SECTION",
    "COMPETENCY_SECTION",
    "MINDSET_SECTION",
    "ROLE_SECTION",
    "SELFTEST_SECTION",
    "Article",
    "AssessmentSettings",
    "Band",
    "Competency",
    "KnowledgeBase",
    "Mindset",
    "MindsetUse",
    "Role",
    "ScaleStep",
    "SelfTest",
    "SelfTestScale",
    "Statement",
    "Target",
    "naming_sentence",
]


@dataclass(frozen=True)
class MindsetUse:
    """A competency whose text names a mindset: the sentence, and how they relate."""

    competency: Competency
    sentence: str
    relation: str = "bygger på"


@dataclass
class KnowledgeBase:
    """All content, validated and cross-linked: the items of each kind (`items`, by the
    kind's name, in title order; the settings are the one item of `settings`)."""

    items: dict[str, list[Any]]
    warnings: tuple[ContentError, ...] = ()  # e.g. files that were not read
    root: Path = Path("content")  # the content folder on disk
    drafts: tuple[ContentError, ...] = ()  # placeholders left: refused by check and the build
    documents: dict[Path, Document] = field(default_factory=dict, repr=False)
    _by_title: dict[str, Competency] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_title = {c.title: c for c in self.competencies}

    def of(self, kind: str) -> list[Any]:
        """The items of the kind named `kind` (none if it has none)."""
        return self.items.setdefault(kind, [])

    def line_of(self, path: Path, field_path: FieldPath) -> int | None:
        """The line of a field in a content file as it was read (None if unknown)."""
        document = self.documents.get(path)
        return document.line_of(field_path) if document else None

    @property
    def settings(self) -> AssessmentSettings:
        """The assessment's settings (assessment.yml)."""
        return cast("AssessmentSettings", self.of("settings")[0])

    @property
    def competencies(self) -> list[Competency]:
        return cast("list[Competency]", self.of("competency"))

    @property
    def mindsets(self) -> list[Mindset]:
        return cast("list[Mindset]", self.of("mindset"))

    @property
    def articles(self) -> list[Article]:
        return cast("list[Article]", self.of("article"))

    @property
    def roles(self) -> list[Role]:
        return cast("list[Role]", self.of("role"))

    @property
    def selftests(self) -> list[SelfTest]:
        return cast("list[SelfTest]", self.of("selftest"))

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
