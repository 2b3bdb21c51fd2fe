"""Render the generated pages (competencies, mindsets, articles, roles, self-tests) as Markdown.

Content is inserted as data: every `{{ … }}` in a template is escaped for its place
(Markdown text in `*.md.j2`, HTML in `*.html.j2`) unless the template marks it as
`| markdown` (a checked Markdown body, or text written by this code) or `| html_text`.
The output is never rendered as a template again.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from ..content import kinds
from ..content.model import Competency, KnowledgeBase, SelfTest
from .escape import html_text, markdown_text
from .form import (
    SECONDS_PER_STATEMENT,
    AssessmentFiles,
    Group,
    assessment_urls,
    form_order,
    form_steps,
    minutes,
)
from .links import relative_link, served_at
from .trusted import TrustedHtml
from .words import plural

__all__ = [
    "SECTION_HOMES",
    "TEMPLATE_IDS",
    "Trusted",
    "page_groups",
    "relative_link",
    "render_pages",
    "template",
]

TEMPLATES = Path(__file__).parent / "templates"
ASSESSMENT_PAGE = "sjalvskattning/index.md"
ASSESSMENT_URL = "sjalvskattning/"  # a link in raw HTML, which MkDocs does not rewrite
SECTION_HOMES = {kind.section: kind.home for kind in kinds.KINDS if kind.section and kind.home}
"""Generated pages whose folder has no section of its own, and the folder of the section they
are listed in: the self-tests (`sjalvtest/<slug>/`) under Självskattning."""
TEMPLATE_IDS = frozenset({"skatta"})
"""Ids the page templates give headings (`{#skatta}`): kept when a page is sanitized,
though content may not use them."""


class Linkable(Protocol):
    src_uri: str


class Trusted(str):
    """Text that is inserted as it is: Markdown this code wrote, or a checked content body."""


def _escape_markdown(value: Any) -> Any:
    """Jinja `finalize` of Markdown templates: plain text is escaped as Markdown text."""
    if isinstance(value, Trusted | Markup) or not isinstance(value, str):
        return value
    return markdown_text(value)


def _html_text(value: str) -> Trusted:
    return Trusted(html_text(value))


def _template_folders() -> tuple[Path, ...]:
    """pages/templates/, then the folders of the kinds that bring their own page template."""
    own = [kind.templates for kind in kinds.KINDS if kind.templates is not None]
    return (TEMPLATES, *dict.fromkeys(own))


@cache
def _environment(html: bool, folders: tuple[Path, ...] = (TEMPLATES,)) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folders),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=html,
        finalize=None if html else _escape_markdown,
    )
    env.filters["markdown"] = Trusted
    env.filters["html_text"] = _html_text
    env.filters["plural"] = plural
    return env


def template(name: str) -> Template:
    """A page template: `*.html.j2` escapes for HTML, `*.md.j2` for Markdown text."""
    return _environment(name.endswith(".html.j2"), _template_folders()).get_template(name)


def render_pages(
    kb: KnowledgeBase,
    files: AssessmentFiles | None = None,
    min_team: int | None = None,
    trusted: TrustedHtml | None = None,
) -> dict[str, str]:
    """Every generated page, as `{src_uri: markdown}`. With the assessment's browser files,
    each competency page lets the visitor answer its statements there, and each self-test
    page shows its form; the forms are held in `trusted` (the page gets a key in their place, see
    trusted.py). `min_team`: from how many people the team view aggregates (scoring_py)."""
    pages: dict[str, str] = {}
    trusted = trusted if trusted is not None else TrustedHtml()

    def render(name: str, src_uri: str, **context: object) -> None:
        def link(target: Linkable) -> Trusted:
            return Trusted(relative_link(src_uri, target.src_uri))

        pages[src_uri] = template(name).render(link=link, **context)

    extras = _PageExtras(kb, files, trusted, min_team)
    for kind in kinds.KINDS:
        if kind.template is None:
            continue
        for item in kb.of(kind.name):
            context = {kind.name: item, **(kind.page(kb, item) if kind.page else {})}
            render(kind.template, item.src_uri, **context, **extras.of(kind.name, item))
    return pages


class _PageExtras:
    """What a page adds to its kind's values: the forms, and links in raw HTML."""

    def __init__(
        self,
        kb: KnowledgeBase,
        files: AssessmentFiles | None,
        trusted: TrustedHtml,
        min_team: int | None,
    ) -> None:
        self.kb, self.files, self.trusted, self.min_team = kb, files, trusted, min_team
        self.order = form_order(kb.competencies)

    def of(self, kind: str, item: Any) -> dict[str, object]:
        if kind == "competency":
            return self.competency(item)
        if kind == "selftest":
            return self.selftest(item)
        return {}

    def competency(self, competency: Competency) -> dict[str, object]:
        """The competency's own questions (with the assessment's files), and the link."""
        kb, files = self.kb, self.files
        rating = None
        if files:
            # Raw HTML links are not rewritten by MkDocs: make them relative to where the
            # page is served (`kompetenser/<slug>/`, MkDocs' directory URLs).
            served = served_at(competency.src_uri)
            urls = assessment_urls(served, files)
            urls["assessment"] = relative_link(served, ASSESSMENT_URL)
            html = template("competency_rating.html.j2").render(
                competency=competency,
                statements=[q.statement for q in self.order if q.competency is competency],
                formats=files.formats,
                urls=urls,
                wheel_sha256=files.wheel_sha256,
                scale=sorted(kb.settings.scale, key=lambda s: s.value),
                min_answers=kb.settings.min_answers,
                total=kb.statement_count,
                minutes=minutes(kb.statement_count),
            )
            rating = self.trusted.mark(competency.src_uri, html)
        return {
            "assessment_link": Trusted(relative_link(competency.src_uri, ASSESSMENT_PAGE)),
            "rating": rating,
        }

    def selftest(self, selftest: SelfTest) -> dict[str, object]:
        """The self-test's form (with the assessment's files), its length, the team link."""
        here = selftest.src_uri
        form = None
        if self.files:
            html = assessment_form(served_at(here), self.files, self.kb, selftest)
            form = self.trusted.mark(here, html)
        return {
            "minutes": minutes(len(selftest.statements)),
            "form": form,
            "team_link": Trusted(relative_link(here, "team/index.md")),
            "min_team": self.min_team,
        }


def assessment_form(
    here: str,
    files: AssessmentFiles,
    kb: KnowledgeBase,
    selftest: SelfTest | None = None,
) -> str:
    """The self-assessment's form on the page served at `here` (raw HTML, so its links are
    relative to that), or a self-test's: its statements, its own definition, no roles."""
    urls = assessment_urls(here, files)
    groups: Sequence[Group] = kb.competencies if selftest is None else selftest.scales
    steps = selftest.scale if selftest else kb.settings.scale
    if selftest is not None:
        urls["definition"] = relative_link(here, selftest.definition_uri)
    count = sum(len(group.statements) for group in groups)
    ids = [statement.id for group in groups for statement in group.statements]
    values = [step.value for step in steps]
    return template("assessment_form.html.j2").render(
        roles=kb.roles if selftest is None else [],
        selftest=selftest,
        not_applicable_label=(
            selftest.not_applicable_label if selftest else "Ej aktuellt i min roll"
        ),
        urls=urls,
        formats={**files.formats, "share_key": files.share_key(ids, min(values), max(values))},
        wheel_sha256=files.wheel_sha256,
        total=count,
        minutes=minutes(count),
        seconds_per_item=SECONDS_PER_STATEMENT,
        steps=form_steps(groups),
        scale=sorted(steps, key=lambda s: s.value),
    )


def page_groups(kb: KnowledgeBase) -> list[list[str]]:
    """The generated pages by kind, each kind in reading order (for their neighbours)."""
    return [[item.src_uri for item in kb.of(k.name)] for k in kinds.KINDS if k.template]
