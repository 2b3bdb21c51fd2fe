"""Role profiles: `content/roles/<slug>.md`, published at `roller/<slug>/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fields import NAME, TEXT, TITLE, Schema
from ..frontmatter import Document
from ..slugs import slugify
from .base import Kind, Loaded, Report, Scaffold

if TYPE_CHECKING:
    from ..model import KnowledgeBase

ROLE_SECTION = "roller"

TARGET: Schema = {
    "type": "object",
    "required": ["competency", "level", "why"],
    "additionalProperties": False,
    "properties": {
        "competency": {**NAME, "description": "Kompetensens namn."},
        "level": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "description": "Målnivå 0–100 på samma skala som resultatet.",
        },
        "why": {**TEXT, "maxLength": 200, "description": "Kort motivering."},
    },
}

ROLE: Schema = {
    "title": "Roll",
    "type": "object",
    "required": ["title", "summary", "targets"],
    "additionalProperties": False,
    "properties": {
        "title": {**TITLE, "description": "Rollens namn."},
        "summary": {**TEXT, "maxLength": 160, "description": "En kort mening."},
        "targets": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": TARGET,
            "description": "Målnivå per kompetens, med motivering.",
        },
    },
}


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


def build(doc: Document, report: Report) -> Role:
    """A role; one target per competency."""
    data = doc.data
    targets = tuple(Target(t["competency"], t["level"], t["why"]) for t in data["targets"])
    seen: set[str] = set()
    for index, target in enumerate(targets):
        if target.competency in seen:
            report.error(
                doc,
                f'"{target.competency}" har redan ett mål i den här rollen; '
                "varje kompetens får ett mål",
                ("targets", index, "competency"),
            )
        seen.add(target.competency)
    title = data["title"]
    return Role(slugify(title), title, data["summary"], targets, report.body(doc), doc.path)


def check(loaded: Loaded) -> None:
    """Each competency a role sets a target for exists."""
    titles = {c.title for c in loaded.of("competency")}
    for role in loaded.of("role"):
        for index, target in enumerate(role.targets):
            where = ("targets", index, "competency")
            loaded.refers(role, target.competency, titles, "okänd kompetens", where)


def page(kb: KnowledgeBase, role: Role) -> dict[str, Any]:
    return {"targets": [(t, kb.competency(t.competency)) for t in role.targets]}


KIND = Kind(
    name="role",
    source="roles",
    schema=ROLE,
    build=build,
    check=check,
    section=ROLE_SECTION,
    template="role.md.j2",
    page=page,
    tables={"role": ROLE, "target": TARGET},
    scaffold=Scaffold("role.md.j2", "ny roll", aliases=("roll",), parts={"target": TARGET}),
)
