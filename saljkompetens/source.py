"""The project's content as the site uses it: read once per change and shared by the
MkDocs plugin and the macros (neither asks the other), with the last good content kept
for the preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from scoring_py.formats import DEFINITION_PATH

from .content.errors import ContentErrors
from .content.loader import load_content
from .content.model import KnowledgeBase
from .definition import checked_definition, checked_selftest_definitions
from .history import last_change
from .project import Project


@dataclass(frozen=True)
class SiteContent:
    """Content that loaded without errors, its assessment definition and each self-test's
    (JSON-ready, by slug)."""

    kb: KnowledgeBase
    definition: dict[str, Any]
    selftests: dict[str, dict[str, Any]] = field(default_factory=dict)

    def definitions(self) -> dict[str, dict[str, Any]]:
        """Every definition the site publishes (JSON-ready), by its address in the site."""
        own = {
            selftest.definition_uri: self.selftests[selftest.slug] for selftest in self.kb.selftests
        }
        return {DEFINITION_PATH: self.definition, **own}


def read_site_content(
    content: Path, docs: Path | None = None, *, drafts: bool = False
) -> SiteContent:
    """Everything `check` and the build check: the content and its definition. With
    `drafts` (the preview), placeholders left from a template do not stop it; they stay in
    `kb.drafts`.

    Raises:
        ContentErrors: every problem, each at its file, line and field.
    """
    kb = load_content(content, docs)
    if kb.drafts and not drafts:
        raise ContentErrors(kb.drafts, kb.warnings)
    return SiteContent(kb, checked_definition(kb), checked_selftest_definitions(kb))


@dataclass
class ContentSource:
    """The content of one project; `refresh()` reads it again only when a file changed.

    `good` may hold drafts (placeholders left from a template): the preview shows them, and
    the build refuses them (see `publishable`)."""

    project: Project
    good: SiteContent | None = None  # the last content that loaded without errors
    problems: ContentErrors | None = None  # the errors of the latest read, if any
    changed: date | None = None  # when the content last changed (see `history`)
    _stamp: tuple[tuple[str, int, int], ...] | None = field(default=None, repr=False)
    _shared: ClassVar[dict[Project, ContentSource]] = {}

    @classmethod
    def of(cls, project: Project) -> ContentSource:
        """The one source of `project` in this process."""
        if project not in cls._shared:
            cls._shared[project] = cls(project)
        return cls._shared[project]

    def refresh(self) -> ContentSource:
        """Read the content if any file under `content/` or `docs/` changed since last time."""
        stamp = _stamp(self.project.content) + _stamp(self.project.docs)
        if stamp != self._stamp:
            self._stamp = stamp
            self.changed = last_change(self.project.content)
            try:
                self.good = read_site_content(self.project.content, self.project.docs, drafts=True)
                self.problems = None
            except ContentErrors as problems:
                self.problems = problems
        return self


def publishable(source: ContentSource) -> ContentErrors | None:
    """What stops `source` from being published: its errors, or its drafts."""
    if source.problems is not None:
        return source.problems
    if source.good is not None and source.good.kb.drafts:
        return ContentErrors(source.good.kb.drafts, source.good.kb.warnings)
    return None


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file's path, modification time and size: what changes when an editor saves."""
    if not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            stat = path.lstat()
        except OSError:
            continue
        found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)
