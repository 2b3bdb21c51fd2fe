"""Render the generated pages (competencies, mindsets, articles, roles) as Markdown.

Content is inserted as data: every `{{ … }}` in a template is escaped for its place
(Markdown text in `*.md.j2`, HTML in `*.html.j2`) unless the template marks it as
`| markdown` (a checked Markdown body, or text written by this code) or `| html_text`.
The output is never rendered as a template again.
"""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from ..content.model import KnowledgeBase
from ..content.schema import LANGUAGES
from .escape import html_text, markdown_text

TEMPLATES = Path(__file__).parent / "templates"
ASSESSMENT_PAGE = "sjalvskattning/index.md"


class Linkable(Protocol):
    src_uri: str


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link from one source file to another, e.g. `../tankesatt/hunger.md`."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


class Trusted(str):
    """Text that is inserted as it is: Markdown this code wrote, or a checked content body."""


def _escape_markdown(value: Any) -> Any:
    """Jinja `finalize` of Markdown templates: plain text is escaped as Markdown text."""
    if isinstance(value, Trusted | Markup) or not isinstance(value, str):
        return value
    return markdown_text(value)


def _html_text(value: str) -> Trusted:
    return Trusted(html_text(value))


@cache
def _environment(html: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=html,
        finalize=None if html else _escape_markdown,
    )
    env.filters["markdown"] = Trusted
    env.filters["html_text"] = _html_text
    return env


def template(name: str) -> Template:
    """A page template: `*.html.j2` escapes for HTML, `*.md.j2` for Markdown text."""
    return _environment(name.endswith(".html.j2")).get_template(name)


def render_pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page, as `{src_uri: markdown}`."""
    pages: dict[str, str] = {}

    def render(name: str, src_uri: str, **context: object) -> None:
        def link(target: Linkable) -> Trusted:
            return Trusted(relative_link(src_uri, target.src_uri))

        pages[src_uri] = template(name).render(link=link, **context)

    for competency in kb.competencies:
        render(
            "competency.md.j2",
            competency.src_uri,
            competency=competency,
            mindsets=kb.mindsets_of(competency),
            articles=kb.articles_about(competency),
            assessment_link=Trusted(relative_link(competency.src_uri, ASSESSMENT_PAGE)),
        )
    for mindset in kb.mindsets:
        render("mindset.md.j2", mindset.src_uri, mindset=mindset, uses=kb.uses_of(mindset))
    for article in kb.articles:
        render(
            "article.md.j2",
            article.src_uri,
            article=article,
            competencies=kb.competencies_of(article),
            language_name=LANGUAGES[article.lang].capitalize(),
        )
    for role in kb.roles:
        targets = [(t, kb.competency(t.competency)) for t in role.targets]
        render("role.md.j2", role.src_uri, role=role, targets=targets)
    return pages
