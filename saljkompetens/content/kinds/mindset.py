"""Mindsets: `content/mindsets/<slug>.md`, published at `tankesatt/<slug>/`.

Which competencies draw on a mindset is said only in the competencies' files; a mindset that
no competency names is refused.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fields import TEXT, TITLE, Schema
from ..frontmatter import Document
from ..parts import flat
from ..slugs import slugify
from .base import Kind, Loaded, Report

if TYPE_CHECKING:
    from ..model import KnowledgeBase

MINDSET_SECTION = "tankesatt"

MINDSET: Schema = {
    "title": "Tankesätt",
    "type": "object",
    "required": ["title", "summary"],
    "additionalProperties": False,
    "properties": {
        "title": {
            **TITLE,
            "description": "Tankesättets namn, som kompetenserna skriver det.",
        },
        "summary": {**TEXT, "maxLength": 160, "description": "En kort mening för indexet."},
    },
}


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


def build(doc: Document, report: Report) -> Mindset:
    data = doc.data
    body = report.body(doc)
    return Mindset(slugify(data["title"]), data["title"], data["summary"], body, doc.path)


def check(loaded: Loaded) -> None:
    """Some competency names each mindset (a misspelt name counts as the one it was probably
    meant as; a competency file set aside or unreadable may name any)."""
    if "competency" in loaded.report.unreadable:
        return
    titles = {m.title for m in loaded.of("mindset")}
    used: set[str] = set()
    for competency in loaded.of("competency"):
        for name in competency.mindsets:
            used.add(name)
            if name not in titles:
                used.update(difflib.get_close_matches(name, titles, n=1))
    for data in loaded.report.set_aside.get("competency", []):
        named = data.get("mindsets")
        if isinstance(named, list):
            names = [m.get("name") if isinstance(m, dict) else m for m in named]
            used.update(flat(name) for name in names if isinstance(name, str))
    for mindset in loaded.of("mindset"):
        if mindset.title not in used:
            loaded.error(
                mindset,
                "inget av kompetensernas `mindsets` nämner det här tankesättet; "
                "lägg till det i en kompetens eller ta bort filen",
                ("title",),
            )


def page(kb: KnowledgeBase, mindset: Mindset) -> dict[str, Any]:
    return {"uses": kb.uses_of(mindset)}


KIND = Kind(
    name="mindset",
    source="mindsets",
    schema=MINDSET,
    build=build,
    check=check,
    section=MINDSET_SECTION,
    template="mindset.md.j2",
    page=page,
    tables={"mindset": MINDSET},
)
