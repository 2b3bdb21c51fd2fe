"""What a content kind declares (`Kind`), and what its builder and cross-file rules are given:
`Report` (problems found so far) and `Loaded` (everything built, for rules across files)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ContentError, field_name
from ..fields import Schema
from ..frontmatter import Document
from ..names import name_problem, skeleton
from ..parts import Statement
from ..validate import suggestion
from ..yaml_reader import FieldPath

if TYPE_CHECKING:
    from ..model import KnowledgeBase

__all__ = ["FieldPath", "Kind", "Loaded", "Report", "Scaffold"]


@dataclass(frozen=True)
class Scaffold:
    """How `make new KIND=<name>` writes a new file of a kind (content/templates/)."""

    template: str  # "competency.md.j2" in content/templates/
    noun: str  # "ny kompetens": what the new file is, with its adjective
    aliases: tuple[str, ...] = ()  # other names `make new` takes (Swedish ones)
    former: tuple[str, ...] = ()  # former names: still taken, with a note
    parts: Mapping[str, Schema] = field(default_factory=dict)  # template name → schema
    context: Callable[[KnowledgeBase, Mapping[str, str | None]], dict[str, Any]] | None = None
    """More template values from the content and the command's options (e.g. `article`)."""


@dataclass(frozen=True)
class Kind:
    """One kind of content: where its files are, their schema, how one file becomes a model
    object and which rules span files. `loader.py` reads only this; `kinds/__init__.py`
    lists every kind in load order.

    A kind with `section` and `template` gets a page per item at `<section>/<slug>/`; its
    model object then has `slug`, `title`, `body`, `path`, `src_uri` and `url`.
    """

    name: str  # the kind's name in code and in `make new KIND=…`
    source: str  # its folder under content/ ("competencies"), or its one file ("x.yml")
    schema: Schema
    build: Callable[[Document, Report], Any]  # one checked document → its model object
    check: Callable[[Loaded], None] | None = None  # rules across files (references …)
    statements: Callable[[Any], Iterable[tuple[Statement, FieldPath]]] | None = None
    """Its statements, each with its place in the file: their ids are checked once, for every
    kind together (`ids.py`)."""
    section: str | None = None  # published folder: pages at `<section>/<slug>/`
    template: str | None = None  # page template (saljkompetens/pages/templates/)
    templates: Path | None = None  # folder with the page template, if not pages/templates
    page: Callable[[KnowledgeBase, Any], dict[str, Any]] | None = None
    """The page template's values besides the item itself (named as the kind)."""
    home: str | None = None  # the section its pages are listed under, if not their own
    tables: Mapping[str, Schema] = field(default_factory=dict)  # field tables for the guide
    scaffold: Scaffold | None = None
    former_sources: tuple[str, ...] = ()  # folder names it had: refused, never skipped

    @property
    def single(self) -> bool:
        """Whether the kind is one YAML file (assessment.yml) rather than a folder."""
        return self.source.endswith((".yml", ".yaml"))


@dataclass
class Report:
    """Problems found while loading, and what files set aside because of their own errors
    name, so that other files referring to them get no follow-on errors."""

    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    drafts: list[ContentError] = field(default_factory=list)  # placeholders from a template
    broken_titles: set[str] = field(default_factory=set)
    set_aside: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # kind → data
    unreadable: set[str] = field(default_factory=set)  # kinds with a file YAML cannot read

    def error(self, doc: Document, message: str, path: FieldPath = ()) -> None:
        """An error in `doc` at the field `path` (its line from the document)."""
        self.errors.append(ContentError(doc.path, message, field_name(path), doc.line_of(path)))

    def body(self, doc: Document) -> str:
        """The document's Markdown body; an error if it is empty."""
        if not doc.body.strip():
            self.errors.append(
                ContentError(
                    doc.path,
                    "texten efter front matter är tom; skriv sidans text under "
                    "den avslutande raden '---'",
                    line=doc.body_line - 1,
                )
            )
        return doc.body


@dataclass
class Loaded:
    """Every model object built, by kind, in the order built; for the cross-file rules."""

    report: Report
    items: dict[str, list[Any]]
    documents: dict[Path, Document]

    def of(self, kind: str) -> list[Any]:
        """The items of the kind named `kind` (none if it is not registered)."""
        return self.items.get(kind, [])

    def doc(self, item: Any) -> Document:
        """The document `item` was built from."""
        return self.documents[item.path]

    def error(self, item: Any, message: str, path: FieldPath = ()) -> None:
        """An error in the file of `item`, at the field `path`."""
        self.report.error(self.doc(item), message, path)

    def refers(self, item: Any, name: str, known: set[str], problem: str, path: FieldPath) -> bool:
        """Whether `name` (at `path` in the file of `item`) is one of the titles `known`; if
        not, an error with a suggestion, unless a file set aside has that title."""
        if name in known:
            return True
        if name not in self.report.broken_titles:
            look_alike = name_problem(name)
            if look_alike:
                meant = skeleton(name)
                hint = f' (menade du "{meant}"?)' if meant in known else ""
                self.error(item, f'"{name}" {look_alike}{hint}', path)
            else:
                self.error(item, f'{problem} "{name}"{suggestion(name, known)}', path)
        return False
