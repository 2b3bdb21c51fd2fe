"""Load `content/` into a validated KnowledgeBase, or raise every problem at once."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import schema
from .body import Page, Problem, check_body, line_of
from .errors import ContentError, ContentErrors, in_order
from .frontmatter import Document, ParseFailed, guess_title, read_document, read_yaml
from .markdown_limits import markdown_problems
from .model import (
    ARTICLE_SECTION,
    COMPETENCY_SECTION,
    MINDSET_SECTION,
    ROLE_SECTION,
    SELFTEST_SECTION,
    Article,
    AssessmentSettings,
    Band,
    Competency,
    KnowledgeBase,
    Mindset,
    Role,
    ScaleStep,
    SelfTest,
    SelfTestScale,
    Statement,
    Target,
    naming_sentence,
)
from .names import name_problem, skeleton
from .slugs import slugify
from .static_files import static_file_problems
from .text_rules import (
    RESERVED_SLUGS,
    absolute_message,
    absolute_word,
    invisible,
    invisible_message,
    placeholder_message,
    strings,
)
from .validate import check_schema, field_name, suggestion

SETTINGS_FILE = "assessment.yml"
SECTIONS = {
    "competencies": schema.COMPETENCY,
    "mindsets": schema.MINDSET,
    "articles": schema.ARTICLE,
    "roles": schema.ROLE,
    "selftests": schema.SELFTEST,
}
FOLDERS = {
    "competencies": COMPETENCY_SECTION,
    "mindsets": MINDSET_SECTION,
    "articles": ARTICLE_SECTION,
    "roles": ROLE_SECTION,
    "selftests": SELFTEST_SECTION,
}
"""Where each section's pages are published (`kompetenser/<slug>/`)."""
RENAMED_SECTIONS = {"checks": "selftests"}
"""Folders that have a new name: refused, so that nothing in them goes unpublished unseen."""

T = TypeVar("T")


def load_content(root: Path, docs: Path | None = None) -> KnowledgeBase:
    """Read, validate and cross-check everything under `root` (the `content/` folder).

    `docs` is the folder of hand-written pages, which bodies may link to.

    Placeholders left from a template do not stop loading: they are in the knowledge
    base's `drafts`, which `check` and the build refuse and the preview shows.

    Raises:
        ContentErrors: with every problem found, each naming file, line and field.
    """
    loading = _Loading(root, docs)
    return loading.run()


class _Loading:
    """One pass over the content tree, collecting errors as it goes."""

    def __init__(self, root: Path, docs: Path | None) -> None:
        self.root = root
        self.docs_dir = docs
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []
        self.drafts: list[ContentError] = []  # placeholders: refused by check, shown in preview
        self.docs: dict[str, list[Document]] = {}
        # Titles and mindset names of files set aside because of their own errors: other
        # files may still refer to them without getting follow-on errors.
        self.broken_titles: set[str] = set()
        self.broken_uses: set[str] = set()
        self.unreadable: set[str] = set()
        self.retired: frozenset[str] = frozenset()  # assessment.yml's retired_ids

    def error(self, doc: Document, message: str, path: tuple[str | int, ...] = ()) -> None:
        self.errors.append(ContentError(doc.path, message, field_name(path), doc.line_of(path)))

    def run(self) -> KnowledgeBase:
        if not self.root.is_dir():
            raise ContentErrors([ContentError(self.root, "mappen med innehåll finns inte")])
        self._warn_unknown_entries()
        for section, section_schema in SECTIONS.items():
            self.docs[section] = self._read_section(section, section_schema)
        settings_doc = self._read(self.root / SETTINGS_FILE, read_yaml, schema.SETTINGS)
        if settings_doc is not None:
            self.retired = frozenset(settings_doc.data.get("retired_ids", ()))

        competencies = self._build_all("competencies", self._competency)
        mindsets = self._build_all("mindsets", self._mindset)
        articles = self._build_all("articles", self._article)
        roles = self._build_all("roles", self._role)
        selftests = self._build_all("selftests", self._selftest)
        settings = self._settings(settings_doc) if settings_doc else None

        self._check_references(competencies, mindsets, articles, roles)
        self._check_selftests(selftests, competencies, articles)
        if settings is not None and settings_doc is not None:
            self._check_min_answers(settings, settings_doc, competencies, selftests)
        self._check_bodies([*competencies, *mindsets, *articles, *roles, *selftests])
        if self.docs_dir is not None:
            self.errors.extend(static_file_problems(self.docs_dir))
        if self.errors or settings is None:
            raise ContentErrors(self.errors, self.warnings)
        return KnowledgeBase(
            sorted(competencies, key=lambda c: _collation(c.title)),
            sorted(mindsets, key=lambda m: _collation(m.title)),
            sorted(articles, key=lambda a: _collation(a.title)),
            sorted(roles, key=lambda r: _collation(r.title)),
            settings,
            tuple(in_order(self.warnings)),
            self.root,
            selftests=sorted(selftests, key=lambda t: _collation(t.title)),
            drafts=tuple(in_order(self.drafts)),
        )

    # -- reading ---------------------------------------------------------------------------

    def _shown(self, path: Path) -> Path:
        return Path(self.root.name) / path.relative_to(self.root)

    def _read(
        self, path: Path, reader: Callable[[Path, Path], Document], section_schema: schema.Schema
    ) -> Document | None:
        if path.is_symlink() and not path.resolve().is_relative_to(self.root.resolve()):
            self.errors.append(
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
            self.errors.append(ContentError(self._shown(path), problem))
            return None
        try:
            doc = reader(path, self._shown(path))
        except OSError as exc:
            self.errors.append(
                ContentError(self._shown(path), f"filen kan inte läsas ({exc.strerror})")
            )
            self.unreadable.add(path.parent.name)
            return None
        except ParseFailed as failed:
            self.errors.append(failed.error)
            self.unreadable.add(path.parent.name)
            title = guess_title(path)
            if title:
                self.broken_titles.add(one_line(title))
            return None
        schema_errors = check_schema(doc, section_schema)
        self.errors.extend(schema_errors)
        if schema_errors:
            self._set_aside(doc)
            return None
        doc.data = _one_line_texts(doc.data)  # every field is one line: tables, headings
        if self._text_problems(doc):
            self._set_aside(doc)
            return None
        return doc

    def _text_problems(self, doc: Document) -> bool:
        """Invisible characters (errors) and placeholders (drafts) in every field and the
        body; whether there were errors."""
        failed = False
        for path, text in strings(doc.data):
            named = invisible(text)
            if named:
                self.error(doc, invisible_message(named), path)
                failed = True
            draft = placeholder_message(text)
            if draft:
                where = field_name(path)
                self.drafts.append(ContentError(doc.path, draft, where, doc.line_of(path)))
        for number, line in enumerate(doc.body.split("\n")):
            named = invisible(line)
            if named:
                self.errors.append(
                    ContentError(doc.path, invisible_message(named), "text", doc.body_line + number)
                )
                failed = True
            draft = placeholder_message(line)
            if draft:
                self.drafts.append(ContentError(doc.path, draft, "text", doc.body_line + number))
        return failed

    def _set_aside(self, doc: Document) -> None:
        """Remember what a file that cannot be built names, to spare follow-on errors."""
        title = doc.data.get("title")
        if isinstance(title, str):
            self.broken_titles.update({one_line(title), skeleton(one_line(title))})
        mindsets = doc.data.get("mindsets")
        if isinstance(mindsets, list):
            named = [m.get("name") if isinstance(m, dict) else m for m in mindsets]
            self.broken_uses.update(one_line(name) for name in named if isinstance(name, str))

    def _read_section(self, section: str, section_schema: schema.Schema) -> list[Document]:
        folder = self.root / section
        docs = []
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if _ignored(path.name):
                continue
            if path.is_dir() or path.suffix != ".md":
                self._warn(path, _not_read(path, section))
                continue
            doc = self._read(path, read_document, section_schema)
            if doc is not None:
                docs.append(doc)
        return docs

    def _warn_unknown_entries(self) -> None:
        known = {*SECTIONS, SETTINGS_FILE}
        for path in sorted(self.root.iterdir()):
            if path.name in RENAMED_SECTIONS:
                new = RENAMED_SECTIONS[path.name]
                message = f"mappen heter nu {new}/; flytta filerna dit, annars publiceras de inte"
                self.errors.append(ContentError(self._shown(path), message))
            elif path.name not in known and not _ignored(path.name):
                self._warn(
                    path,
                    "används inte: innehållet läses bara från "
                    f"{', '.join(f'{name}/' for name in SECTIONS)} och {SETTINGS_FILE}",
                )

    def _warn(self, path: Path, message: str) -> None:
        self.warnings.append(ContentError(self._shown(path), message, warning=True))

    def _build_all(self, section: str, build: Callable[[Document], T]) -> list[T]:
        built = []
        seen: dict[str, Document] = {}
        # A file named after its own slug keeps the slug; the other one gets the error.
        docs = sorted(self.docs[section], key=lambda d: d.path.stem != _slug_of(d))
        for doc in docs:
            title = doc.data["title"]
            slug = slugify(title)
            look_alike = name_problem(title)
            if look_alike:
                self.error(doc, look_alike, ("title",))
                self._set_aside(doc)
                continue
            if not slug:
                self.error(doc, "titeln ger ingen adress (slug); använd bokstäver", ("title",))
                continue
            taken = self._taken(section, slug)
            if taken:
                self.error(doc, taken, ("title",))
                self._set_aside(doc)
                continue
            if len(slug) > schema.TITLE_MAX:
                self.error(
                    doc,
                    f"titeln ger en adress (slug) på {len(slug)} tecken; högst "
                    f"{schema.TITLE_MAX} – korta titeln",
                    ("title",),
                )
                continue
            if slug in seen:
                self.error(
                    doc,
                    f'ger samma adress (slug) "{slug}" som {seen[slug].path}; '
                    "varje titel ska ge en egen adress – byt titel",
                    ("title",),
                )
                self._set_aside(doc)
                continue
            seen[slug] = doc
            built.append(build(doc))
        return built

    def _taken(self, section: str, slug: str) -> str | None:
        """Why the site cannot publish a page of `section` at `slug`, or None."""
        folder = FOLDERS[section]
        where = f"{folder}/{slug}/"
        if slug in RESERVED_SLUGS:
            return (
                f'titeln ger adressen {where}, som är avdelningens egen sida ("{slug}"); '
                "välj en annan titel"
            )
        if self.docs_dir is not None and (
            (self.docs_dir / folder / f"{slug}.md").exists()
            or (self.docs_dir / folder / slug).exists()
        ):
            return (
                f"titeln ger adressen {where}, som en handskriven sida under docs/ redan har; "
                "välj en annan titel"
            )
        return None

    # -- building --------------------------------------------------------------------------

    def _body(self, doc: Document) -> str:
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

    def _competency(self, doc: Document) -> Competency:
        data = doc.data
        body = self._body(doc)
        statements = tuple(
            Statement(s["id"], s["text"], s["based_on"], s.get("reverse", False), s["manager_text"])
            for s in data["statements"]
        )
        flat_body = " ".join(body.split())
        for index, statement in enumerate(statements):
            if flat_body and " ".join(statement.based_on.split()) not in flat_body:
                self.error(
                    doc,
                    f'"{statement.based_on}" finns inte ordagrant i kompetensens text; '
                    "kopiera frasen exakt ur texten",
                    ("statements", index, "based_on"),
                )
        needed = math.ceil(len(statements) / 3)
        reverse = sum(s.reverse for s in statements)
        if reverse < needed:
            self.error(
                doc,
                f"{reverse} av de {len(statements)} påståendena är omvända; minst {needed} (en "
                "tredjedel) ska ha reverse: true, så att den som instämmer i allt syns",
                ("statements",),
            )
        for index, statement in enumerate(statements):
            if not _FIRST_PERSON.search(statement.text):
                self.error(
                    doc,
                    "påståendet ska vara skrivet i första person (jag …) om något man gör",
                    ("statements", index, "text"),
                )
            if not _ABOUT_SELLER.search(statement.manager_text):
                self.error(
                    doc,
                    "chefens version av påståendet ska handla om säljaren: skriv den med "
                    '"Säljaren …" (och hen/hens där det behövs)',
                    ("statements", index, "manager_text"),
                )
            giveaway = _GIVEAWAY.search(statement.text)
            if giveaway:
                self.error(
                    doc,
                    f'"{giveaway.group(0)}" avslöjar vilket svar som är det önskade; beskriv bara '
                    "vad du gör, inte varför det är bra eller dåligt",
                    ("statements", index, "text"),
                )
            for key in ("text", "manager_text"):
                word = absolute_word(getattr(statement, key))
                if word:
                    self.error(doc, absolute_message(word), ("statements", index, key))
            if statement.id in self.retired:
                self.error(doc, _retired_message(statement.id), ("statements", index, "id"))
        high_level = data.get("high_level")
        if high_level and flat_body and high_level not in flat_body:
            self.error(
                doc,
                f'"{high_level}" finns inte ordagrant i kompetensens text; kopiera meningen exakt',
                ("high_level",),
            )
        entries = [m if isinstance(m, dict) else {"name": m, "relation": "bygger på"}
                   for m in data["mindsets"]]  # fmt: skip
        return Competency(
            slug=slugify(data["title"]),
            title=data["title"],
            summary=data["summary"],
            mindsets=tuple(entry["name"] for entry in entries),
            keywords=tuple(data["keywords"]),
            statements=statements,
            body=body,
            path=doc.path,
            relations=tuple(entry["relation"] for entry in entries),
            high_level=high_level,
            practice=tuple(data.get("practice", ())),
            stage=data.get("stage"),
        )

    def _mindset(self, doc: Document) -> Mindset:
        data = doc.data
        body = self._body(doc)
        return Mindset(slugify(data["title"]), data["title"], data["summary"], body, doc.path)

    def _article(self, doc: Document) -> Article:
        data = doc.data
        body = self._body(doc)
        flat_body = " ".join(body.split())
        for index, cited in enumerate(data.get("cites", ())):
            if flat_body and cited not in flat_body:
                self.error(
                    doc,
                    f'"{cited}" nämns inte i artikelns text; `cites` tar bara upp det som '
                    "texten själv hänvisar till, skrivet som i texten",
                    ("cites", index),
                )
        return Article(
            slug=slugify(data["title"]),
            title=data["title"],
            lang=data["lang"],
            reading_time=data["reading_time"],
            summary=data["summary"],
            competencies=tuple(data["competencies"]),
            source=data.get("source"),
            body=body,
            path=doc.path,
            cites=tuple(data.get("cites", ())),
        )

    def _role(self, doc: Document) -> Role:
        data = doc.data
        targets = tuple(Target(t["competency"], t["level"], t["why"]) for t in data["targets"])
        seen: set[str] = set()
        for index, target in enumerate(targets):
            if target.competency in seen:
                self.error(
                    doc,
                    f'"{target.competency}" har redan ett mål i den här rollen; '
                    "varje kompetens får ett mål",
                    ("targets", index, "competency"),
                )
            seen.add(target.competency)
        return Role(
            slugify(data["title"]),
            data["title"],
            data["summary"],
            targets,
            self._body(doc),
            doc.path,
        )

    @staticmethod
    def _scale_problems(steps: list[dict[str, Any]]) -> list[str]:
        """An answer scale must have one step per value, every value in a row."""
        values = sorted(step["value"] for step in steps)
        if values == list(range(values[0], values[0] + len(values))):
            return []
        found = ", ".join(str(value) for value in values)
        return [
            f"skalan har värdena {found}; den ska ha varje heltal från det lägsta till det "
            "högsta, vart och ett en gång"
        ]

    def _settings(self, doc: Document) -> AssessmentSettings | None:
        """The settings; `scoring_py` checks their rules (bands, thresholds) when the
        definition is made. Here only what the content format needs: one step per value."""
        data = doc.data
        for problem in self._scale_problems(data["scale"]):
            self.error(doc, problem, ("scale",))
        return AssessmentSettings(
            scale=tuple(ScaleStep(s["value"], s["label"]) for s in data["scale"]),
            min_answers=data["min_answers"],
            bands=tuple(Band(b["min"], b["label"], b["text"]) for b in data["bands"]),
            quality=dict(data["quality"]),
            path=doc.path,
            limits=data["limits"],
            retired_ids=tuple(data.get("retired_ids", ())),
        )

    def _selftest(self, doc: Document) -> SelfTest:
        """A self-test; what needs its articles is checked in `_check_selftests`."""
        data = doc.data
        scales: list[SelfTestScale] = []
        for index, raw in enumerate(data["scales"]):
            statements = tuple(
                Statement(s["id"], s["text"], s["based_on"], s.get("reverse", False))
                for s in raw["statements"]
            )
            for item, statement in enumerate(statements):
                where = ("scales", index, "statements", item)
                word = absolute_word(statement.text)
                if word:
                    self.error(doc, absolute_message(word), (*where, "text"))
                if statement.id in self.retired:
                    self.error(doc, _retired_message(statement.id), (*where, "id"))
            if not any(s.reverse for s in statements):
                self.error(
                    doc,
                    "skalan har inget omvänt påstående; minst ett ska ha reverse: true, så att "
                    "den som instämmer i allt syns",
                    ("scales", index, "statements"),
                )
            if len(raw["band_texts"]) != len(data["bands"]):
                self.error(
                    doc,
                    f"har {len(raw['band_texts'])} texter men testet har {len(data['bands'])} "
                    "nivåer (bands); skriv en text per nivå, i samma ordning",
                    ("scales", index, "band_texts"),
                )
            slug = slugify(raw["title"])
            if slug in {scale.slug for scale in scales}:
                self.error(
                    doc,
                    "två skalor har samma namn; ge varje skala ett eget",
                    ("scales", index, "title"),
                )
            scales.append(
                SelfTestScale(
                    slug,
                    raw["title"],
                    raw["about"],
                    tuple(raw["band_texts"]),
                    statements,
                    desirable=raw.get("desirable"),
                )
            )
        for problem in self._scale_problems(data["scale"]):
            self.error(doc, problem, ("scale",))
        return SelfTest(
            slug=slugify(data["title"]),
            title=data["title"],
            summary=data["summary"],
            audience=data["audience"],
            articles=tuple(data["articles"]),
            scale=tuple(ScaleStep(s["value"], s["label"]) for s in data["scale"]),
            bands=tuple(Band(b["min"], b["label"], "") for b in data["bands"]),
            scales=tuple(scales),
            limits=data["limits"],
            body=self._body(doc),
            path=doc.path,
            min_answers=data.get("min_answers"),
        )

    def _check_selftests(
        self, selftests: list[SelfTest], competencies: list[Competency], articles: list[Article]
    ) -> None:
        """A self-test's articles exist and hold each statement's `based_on`; ids are unique
        in the whole site (an id names an answer wherever it is stored)."""
        by_path = {doc.path: doc for doc in self.docs["selftests"]}
        by_title = {article.title: article for article in articles}
        seen_ids = {s.id: c.path for c in competencies for s in c.statements}
        for selftest in selftests:
            doc = by_path[selftest.path]
            texts = []
            for index, title in enumerate(selftest.articles):
                if title in by_title:
                    texts.append(" ".join(by_title[title].body.split()))
                elif title not in self.broken_titles:
                    self.error(
                        doc,
                        f'okänd artikel "{title}"{suggestion(title, set(by_title))}',
                        ("articles", index),
                    )
            for scale_index, scale in enumerate(selftest.scales):
                for index, statement in enumerate(scale.statements):
                    where = ("scales", scale_index, "statements", index)
                    quoted = " ".join(statement.based_on.split())
                    if texts and not any(quoted in text for text in texts):
                        self.error(
                            doc,
                            f'"{statement.based_on}" finns inte ordagrant i testets artiklar; '
                            "kopiera meningen exakt ur artikeln",
                            (*where, "based_on"),
                        )
                    if statement.id in seen_ids:
                        self.error(
                            doc,
                            f'id "{statement.id}" används redan i {seen_ids[statement.id]}; '
                            "varje påstående ska ha ett eget id",
                            (*where, "id"),
                        )
                    seen_ids.setdefault(statement.id, selftest.path)

    def _check_min_answers(
        self,
        settings: AssessmentSettings,
        settings_doc: Document,
        competencies: list[Competency],
        selftests: list[SelfTest],
    ) -> None:
        """Every competency and scale has at least as many statements as it needs answers
        for a value; otherwise it could never be scored."""
        needed = settings.min_answers
        fewest = min(competencies, key=lambda c: len(c.statements), default=None)
        if fewest is not None and len(fewest.statements) < needed:
            self.error(
                settings_doc,
                f"{needed} svar krävs för ett värde, men kompetensen {fewest.title} har bara "
                f"{len(fewest.statements)} påståenden och kunde aldrig få något; sätt min_answers "
                f"till högst {len(fewest.statements)}",
                ("min_answers",),
            )
        by_path = {doc.path: doc for doc in self.docs["selftests"]}
        for selftest in selftests:
            wanted = selftest.min_answers or needed
            for index, scale in enumerate(selftest.scales):
                if len(scale.statements) >= wanted:
                    continue
                own = selftest.min_answers is not None
                source = "min_answers" if own else f"min_answers i {SETTINGS_FILE}"
                self.error(
                    by_path[selftest.path],
                    f"skalan har {len(scale.statements)} påståenden men {wanted} svar krävs för "
                    f"ett värde ({source}), så den kunde aldrig få något; "
                    + ("sänk min_answers" if own else "sätt min_answers i testet")
                    + f" till högst {len(scale.statements)} eller lägg till påståenden",
                    ("min_answers",) if own else ("scales", index, "statements"),
                )

    # -- cross-references ------------------------------------------------------------------

    def _check_references(
        self,
        competencies: list[Competency],
        mindsets: list[Mindset],
        articles: list[Article],
        roles: list[Role],
    ) -> None:
        by_path = {doc.path: doc for docs in self.docs.values() for doc in docs}
        competency_titles = {c.title for c in competencies}
        mindset_titles = {m.title for m in mindsets}

        def check(doc: Document, name: str, known: set[str], problem: str, path: tuple) -> bool:
            """Whether `name` is known; if not (and not set aside), report it."""
            if name in known:
                return True
            if name not in self.broken_titles:
                look_alike = name_problem(name)
                if look_alike:
                    meant = skeleton(name)
                    hint = f' (menade du "{meant}"?)' if meant in known else ""
                    self.error(doc, f'"{name}" {look_alike}{hint}', path)
                else:
                    self.error(doc, f'{problem} "{name}"{suggestion(name, known)}', path)
            return False

        seen_ids: dict[str, Path] = {}
        seen_texts: dict[tuple[str, ...], str] = {}
        used: set[str] = set()
        for competency in competencies:
            doc = by_path[competency.path]
            for index, name in enumerate(competency.mindsets):
                if check(doc, name, mindset_titles, "okänt tankesätt", ("mindsets", index)):
                    self._check_named(doc, competency, name, index)
                # A misspelt name counts as a use of the mindset it was probably meant as.
                used.add(name)
                if name not in mindset_titles:
                    used.update(difflib.get_close_matches(name, mindset_titles, n=1))
            for index, statement in enumerate(competency.statements):
                if statement.id in seen_ids:
                    self.error(
                        doc,
                        f'id "{statement.id}" används redan i {seen_ids[statement.id]}; '
                        "varje påstående ska ha ett eget id",
                        ("statements", index, "id"),
                    )
                seen_ids.setdefault(statement.id, competency.path)
                words = _content_words(statement.text)
                if words in seen_texts:
                    self.error(
                        doc,
                        f'säger samma sak som påståendet "{seen_texts[words]}"; varje påstående '
                        "ska mäta något eget – skriv om det ena",
                        ("statements", index, "text"),
                    )
                seen_texts.setdefault(words, statement.id)
        # An unreadable competency file may use any mindset, so then none counts as unused.
        unused_known = "competencies" not in self.unreadable
        for mindset in mindsets:
            if unused_known and mindset.title not in used | self.broken_uses:
                self.error(
                    by_path[mindset.path],
                    "inget av kompetensernas `mindsets` nämner det här tankesättet; "
                    "lägg till det i en kompetens eller ta bort filen",
                    ("title",),
                )
        for article in articles:
            doc = by_path[article.path]
            for index, name in enumerate(article.competencies):
                check(doc, name, competency_titles, "okänd kompetens", ("competencies", index))
        for role in roles:
            doc = by_path[role.path]
            for index, target in enumerate(role.targets):
                check(
                    doc,
                    target.competency,
                    competency_titles,
                    "okänd kompetens",
                    ("targets", index, "competency"),
                )

    def _check_bodies(self, items: list[Competency | Mindset | Article | Role | SelfTest]) -> None:
        """Every body as published: no active content, links that MkDocs can resolve.

        A body that Python-Markdown cannot render in bounded time is refused before rendering.
        """
        by_path = {doc.path: doc for docs in self.docs.values() for doc in docs}
        known = {item.src_uri for item in items} | self._docs_pages()
        for item in items:
            doc = by_path[item.path]
            seen: dict[str, int] = {}
            heavy = [Problem(message, needle) for message, needle in markdown_problems(item.body)]
            for problem in heavy or check_body(item.body, Page(item.src_uri, known)):
                nth = seen[problem.needle] = seen.get(problem.needle, -1) + 1
                nth = 0 if heavy else nth  # each needle of the pre-check names its own line
                line = doc.body_line + line_of(item.body, problem.needle, nth)
                self.errors.append(ContentError(doc.path, problem.message, "text", line))

    def _docs_pages(self) -> set[str]:
        if self.docs_dir is None or not self.docs_dir.is_dir():
            return set()
        files = self.docs_dir.rglob("*")
        return {path.relative_to(self.docs_dir).as_posix() for path in files if path.is_file()}

    def _check_named(self, doc: Document, competency: Competency, name: str, index: int) -> None:
        """A competency's text must name each of its mindsets in a sentence."""
        if competency.body.strip() and naming_sentence(competency.body, name) is None:
            self.error(
                doc,
                f'tankesättet "{name}" nämns inte i texten; nämn det med exakt det namnet '
                "i en mening (den visas på tankesättets sida)",
                ("mindsets", index),
            )


_FIRST_PERSON = re.compile(r"\b(jag|mig|min|mitt|mina)\b", re.IGNORECASE)
_ABOUT_SELLER = re.compile(r"\bsäljaren?s?\b|\bhen(s)?\b", re.IGNORECASE)
# Clauses that tell the visitor which answer is wanted ("… för att slippa …").
_GIVEAWAY = re.compile(
    r"\b(för att slippa|för att undvika|i stället för att|istället för att|så att stämningen)\b",
    re.IGNORECASE,
)


_FILLER = {"jag", "att", "och", "som", "i", "på", "en", "ett", "med", "för", "det", "den",
           "om", "till", "av", "mig", "min", "mitt", "mina", "är", "de", "när"}  # fmt: skip


def _retired_message(statement_id: str) -> str:
    """Why a statement may not use `statement_id`: it is in assessment.yml's retired_ids."""
    return (
        f'id "{statement_id}" står i retired_ids i {SETTINGS_FILE}: det har tillhört ett '
        "påstående som tagits bort eller bytt betydelse, och sparade och exporterade svar kan "
        "peka på det; ge påståendet ett nytt id som aldrig har använts"
    )


def _content_words(text: str) -> tuple[str, ...]:
    """A statement's words without filler, sorted: equal for the same words in any order."""
    words = re.findall(r"\w+", text.lower())
    return tuple(sorted(word for word in words if word not in _FILLER))


def one_line(value: str) -> str:
    """`value` with every run of whitespace (line breaks included) as one space, trimmed."""
    return " ".join(value.split())


def _one_line_texts(value: Any) -> Any:
    """`value` with every text in it on one line (runs of whitespace as one space)."""
    if isinstance(value, str):
        return one_line(value)
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


def _not_read(path: Path, section: str) -> str:
    """Why a file or folder in a section is not read, and what to do."""
    if path.is_dir():
        return f"undermappar läses inte; lägg filerna direkt i {section}/"
    if path.suffix.lower() == ".md":
        return (
            f"filen slutar på {path.suffix}, inte .md, och publiceras inte; byt namn till "
            f"{path.stem}.md"
        )
    return (
        "filen slutar inte på .md och publiceras inte; byt namn till .md om den ska med, "
        "annars flytta den från content/"
    )


def _slug_of(doc: Document) -> str:
    title = doc.data.get("title")
    return slugify(title) if isinstance(title, str) else ""


_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


def _collation(title: str) -> str:
    """Sort key that puts å, ä, ö after z, as Swedish readers expect."""
    return title.lower().translate(_SWEDISH_ORDER)
