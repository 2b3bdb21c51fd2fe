"""Load `content/` into a validated KnowledgeBase, or raise every problem at once.

The loader knows no kind: it reads the files of each kind in the table (`kinds.KINDS`),
checks them against the kind's schema and the rules for every text (text_rules.py), gives
each titled file its address (titles.py), and runs each kind's builder; then each kind's
rules across files, the statement ids once for all kinds (ids.py), and every page body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import kinds
from .body import Page, Problem, check_body, line_of
from .errors import ContentError, ContentErrors, in_order
from .frontmatter import Document, ParseFailed, guess_title, read_document, read_yaml
from .ids import check_ids
from .kinds.base import Kind, Loaded, Report
from .markdown_limits import markdown_problems
from .model import KnowledgeBase
from .parts import flat
from .static_files import static_file_problems
from .text_rules import invisible, invisible_message, placeholder_message, strings
from .titles import Titles
from .validate import check_schema, field_name


def load_content(root: Path, docs: Path | None = None) -> KnowledgeBase:
    """Read, validate and cross-check everything under `root` (the `content/` folder).

    `docs` is the folder of hand-written pages, which bodies may link to.

    Placeholders left from a template do not stop loading: they are in the knowledge
    base's `drafts`, which `check` and the build refuse and the preview shows.

    Raises:
        ContentErrors: with every problem found, each naming file, line and field.
    """
    return _Loading(root, docs, kinds.KINDS).run()


class _Loading:
    """One pass over the content tree, collecting problems in `report` as it goes."""

    def __init__(self, root: Path, docs: Path | None, table: tuple[Kind, ...]) -> None:
        self.root = root
        self.docs_dir = docs
        self.kinds = table
        self.report = Report()
        self.documents: dict[Path, Document] = {}

    def run(self) -> KnowledgeBase:
        if not self.root.is_dir():
            raise ContentErrors([ContentError(self.root, "mappen med innehåll finns inte")])
        self._warn_unknown_entries()
        read = {kind.name: self._read_kind(kind) for kind in self.kinds}
        titles = Titles(self.report, self.docs_dir)
        items = {kind.name: titles.build(kind, read[kind.name]) for kind in self.kinds}
        loaded = Loaded(self.report, items, self.documents)
        for kind in self.kinds:
            if kind.check is not None:
                kind.check(loaded)
        check_ids(loaded, self.kinds)
        pages = [item for kind in self.kinds if kind.section for item in items[kind.name]]
        self._check_bodies(pages)
        if self.docs_dir is not None:
            self.report.errors.extend(static_file_problems(self.docs_dir))
        missing = [kind for kind in self.kinds if kind.single and not items[kind.name]]
        if self.report.errors or missing:
            raise ContentErrors(self.report.errors, self.report.warnings)
        return KnowledgeBase(
            {kind.name: _in_title_order(items[kind.name]) for kind in self.kinds},
            tuple(in_order(self.report.warnings)),
            self.root,
            drafts=tuple(in_order(self.report.drafts)),
            documents=self.documents,
        )

    # -- reading ---------------------------------------------------------------------------

    def _shown(self, path: Path) -> Path:
        return Path(self.root.name) / path.relative_to(self.root)

    def _read_kind(self, kind: Kind) -> list[Document]:
        if kind.single:
            doc = self._read(self.root / kind.source, read_yaml, kind)
            return [doc] if doc is not None else []
        folder = self.root / kind.source
        docs = []
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if _ignored(path.name):
                continue
            if path.is_dir() or path.suffix != ".md":
                self._warn(path, _not_read(path, kind.source))
                continue
            doc = self._read(path, read_document, kind)
            if doc is not None:
                docs.append(doc)
        return docs

    def _read(
        self, path: Path, reader: Callable[[Path, Path], Document], kind: Kind
    ) -> Document | None:
        errors = self.report.errors
        if path.is_symlink() and not path.resolve().is_relative_to(self.root.resolve()):
            errors.append(
                ContentError(
                    self._shown(path),
                    "är en symbolisk länk till en fil utanför content/ och publiceras inte; "
                    "kopiera in filen i stället",
                    line=1,
                )
            )
            return None
        if not path.is_file():
            problem = "är en mapp, inte en fil" if path.is_dir() else "filen saknas"
            errors.append(ContentError(self._shown(path), problem))
            return None
        try:
            doc = reader(path, self._shown(path))
        except OSError as exc:
            errors.append(ContentError(self._shown(path), f"filen kan inte läsas ({exc.strerror})"))
            self.report.unreadable.add(kind.name)
            return None
        except ParseFailed as failed:
            errors.append(failed.error)
            self.report.unreadable.add(kind.name)
            title = guess_title(path)
            if title:
                self.report.broken_titles.add(flat(title))
            return None
        schema_errors = check_schema(doc, kind.schema)
        errors.extend(schema_errors)
        if schema_errors:
            Titles.set_aside(self.report, kind, doc)
            return None
        doc.data = _one_line_texts(doc.data)  # every field is one line: tables, headings
        if self._text_problems(doc):
            Titles.set_aside(self.report, kind, doc)
            return None
        self.documents[doc.path] = doc
        return doc

    def _text_problems(self, doc: Document) -> bool:
        """Invisible characters (errors) and placeholders (drafts) in every field and the
        body; whether there were errors."""
        failed = False
        for path, text in strings(doc.data):
            named = invisible(text)
            if named:
                self.report.error(doc, invisible_message(named), path)
                failed = True
            draft = placeholder_message(text)
            if draft:
                where = field_name(path)
                self.report.drafts.append(ContentError(doc.path, draft, where, doc.line_of(path)))
        for number, line in enumerate(doc.body.split("\n")):
            where_line = doc.body_line + number
            named = invisible(line)
            if named:
                problem = ContentError(doc.path, invisible_message(named), "text", where_line)
                self.report.errors.append(problem)
                failed = True
            draft = placeholder_message(line)
            if draft:
                self.report.drafts.append(ContentError(doc.path, draft, "text", where_line))
        return failed

    def _warn_unknown_entries(self) -> None:
        known = [kind.source for kind in self.kinds]
        folders = [f"{kind.source}/" for kind in self.kinds if not kind.single]
        files = [kind.source for kind in self.kinds if kind.single]
        renamed = {old: kind.source for kind in self.kinds for old in kind.former_sources}
        for path in sorted(self.root.iterdir()):
            if path.name in renamed:
                new = renamed[path.name]
                message = f"mappen heter nu {new}/; flytta filerna dit, annars publiceras de inte"
                self.report.errors.append(ContentError(self._shown(path), message))
            elif path.name not in known and not _ignored(path.name):
                where = f"{', '.join(folders)} och {', '.join(files)}"
                self._warn(path, f"används inte: innehållet läses bara från {where}")

    def _warn(self, path: Path, message: str) -> None:
        self.report.warnings.append(ContentError(self._shown(path), message, warning=True))

    # -- bodies ----------------------------------------------------------------------------

    def _check_bodies(self, items: list[Any]) -> None:
        """Every body as published: no active content, links that MkDocs can resolve.

        A body that Python-Markdown cannot render in bounded time is refused before rendering.
        """
        known = {item.src_uri for item in items} | self._docs_pages()
        for item in items:
            doc = self.documents[item.path]
            seen: dict[str, int] = {}
            heavy = [Problem(message, needle) for message, needle in markdown_problems(item.body)]
            for problem in heavy or check_body(item.body, Page(item.src_uri, known)):
                nth = seen[problem.needle] = seen.get(problem.needle, -1) + 1
                nth = 0 if heavy else nth  # each needle of the pre-check names its own line
                line = doc.body_line + line_of(item.body, problem.needle, nth)
                self.report.errors.append(ContentError(doc.path, problem.message, "text", line))

    def _docs_pages(self) -> set[str]:
        if self.docs_dir is None or not self.docs_dir.is_dir():
            return set()
        files = self.docs_dir.rglob("*")
        return {path.relative_to(self.docs_dir).as_posix() for path in files if path.is_file()}


def _one_line_texts(value: Any) -> Any:
    """`value` with every text in it on one line (runs of whitespace as one space)."""
    if isinstance(value, str):
        return flat(value)
    if isinstance(value, list):
        return [_one_line_texts(item) for item in value]
    if isinstance(value, dict):
        return {key: _one_line_texts(item) for key, item in value.items()}
    return value


_IGNORED_NAMES = {"Thumbs.db", "desktop.ini"}


def _ignored(name: str) -> bool:
    """Editor and system files: `.DS_Store`, `._x.md`, `.#x.md`, `x.md~`, `#x.md#` …"""
    return (
        name.startswith(".")
        or name.endswith("~")
        or (name.startswith("#") and name.endswith("#"))
        or name in _IGNORED_NAMES
    )


def _not_read(path: Path, folder: str) -> str:
    """Why a file or folder in a kind's folder is not read, and what to do."""
    if path.is_dir():
        return f"undermappar läses inte; lägg filerna direkt i {folder}/"
    if path.suffix.lower() == ".md":
        return (
            f"filen slutar på {path.suffix}, inte .md, och publiceras inte; byt namn till "
            f"{path.stem}.md"
        )
    return (
        "filen slutar inte på .md och publiceras inte; byt namn till .md om den ska med, "
        "annars flytta den från content/"
    )


_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


def _in_title_order(items: list[Any]) -> list[Any]:
    """Titled items sorted with å, ä, ö after z, as Swedish readers expect."""
    if not items or not hasattr(items[0], "title"):
        return items
    return sorted(items, key=lambda item: item.title.lower().translate(_SWEDISH_ORDER))
