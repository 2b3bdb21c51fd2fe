"""Titles and the addresses they give: each titled file gets a slug no other file, no
section's own page and no hand-written page under docs/ has, before its kind builds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fields import TITLE_MAX
from .frontmatter import Document
from .kinds.base import Kind, Report
from .names import name_problem, skeleton
from .parts import flat
from .slugs import slugify
from .text_rules import RESERVED_SLUGS


class Titles:
    """Builds the documents of each kind whose title gives a free address."""

    def __init__(self, report: Report, docs_dir: Path | None) -> None:
        self.report = report
        self.docs_dir = docs_dir

    def build(self, kind: Kind, docs: list[Document]) -> list[Any]:
        """Each document of `kind` built by the kind's builder, in file order, once its title
        is checked; a file named after its own slug keeps the slug, the other gets the error.
        A kind of one file (assessment.yml) has no title."""
        if kind.single:
            return [kind.build(doc, self.report) for doc in docs]
        built = []
        seen: dict[str, Document] = {}
        for doc in sorted(docs, key=lambda d: d.path.stem != _slug_of(d)):
            slug = self._slug(kind, doc, seen)
            if slug is not None:
                seen[slug] = doc
                built.append(kind.build(doc, self.report))
        return built

    def _slug(self, kind: Kind, doc: Document, seen: dict[str, Document]) -> str | None:
        """The document's slug, or None (with an error) when its title cannot have it."""
        title = doc.data["title"]
        slug = slugify(title)
        look_alike = name_problem(title)
        if look_alike:
            self.report.error(doc, look_alike, ("title",))
            self.set_aside(self.report, kind, doc)
            return None
        if not slug:
            self.report.error(doc, "titeln ger ingen adress (slug); använd bokstäver", ("title",))
            return None
        taken = self._taken(kind.section, slug)
        if taken:
            self.report.error(doc, taken, ("title",))
            self.set_aside(self.report, kind, doc)
            return None
        if len(slug) > TITLE_MAX:
            self.report.error(
                doc,
                f"titeln ger en adress (slug) på {len(slug)} tecken; högst "
                f"{TITLE_MAX} – korta titeln",
                ("title",),
            )
            return None
        if slug in seen:
            self.report.error(
                doc,
                f'ger samma adress (slug) "{slug}" som {seen[slug].path}; '
                "varje titel ska ge en egen adress – byt titel",
                ("title",),
            )
            self.set_aside(self.report, kind, doc)
            return None
        return slug

    def _taken(self, section: str | None, slug: str) -> str | None:
        """Why the site cannot publish a page of `section` at `slug`, or None."""
        if section is None:
            return None
        where = f"{section}/{slug}/"
        if slug in RESERVED_SLUGS:
            return (
                f'titeln ger adressen {where}, som är avdelningens egen sida ("{slug}"); '
                "välj en annan titel"
            )
        if self.docs_dir is not None and (
            (self.docs_dir / section / f"{slug}.md").exists()
            or (self.docs_dir / section / slug).exists()
        ):
            return (
                f"titeln ger adressen {where}, som en handskriven sida under docs/ redan har; "
                "välj en annan titel"
            )
        return None

    @staticmethod
    def set_aside(report: Report, kind: Kind, doc: Document) -> None:
        """Remember what a file that cannot be built names (its title, its data for the
        kind's rules), to spare other files follow-on errors."""
        title = doc.data.get("title")
        if isinstance(title, str):
            report.broken_titles.update({flat(title), skeleton(flat(title))})
        report.set_aside.setdefault(kind.name, []).append(doc.data)


def _slug_of(doc: Document) -> str:
    title = doc.data.get("title")
    return slugify(title) if isinstance(title, str) else ""
