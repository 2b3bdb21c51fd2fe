"""Render the generated pages (competencies, mindsets, articles, roles) as Markdown."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from typing import Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .model import KnowledgeBase
from .schema import LANGUAGES

TEMPLATES = Path(__file__).parent / "templates"
ASSESSMENT_PAGE = "sjalvskattning/index.md"


class Linkable(Protocol):
    src_uri: str


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link from one source file to another, e.g. `../tankesatt/hunger.md`."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


@cache
def environment() -> Environment:
    """The Jinja environment for page templates (Markdown out, so no HTML escaping)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        autoescape=False,
    )


def render_pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page, as `{src_uri: markdown}`."""
    env = environment()
    pages: dict[str, str] = {}

    def render(template: str, src_uri: str, **context: object) -> None:
        def link(target: Linkable) -> str:
            return relative_link(src_uri, target.src_uri)

        pages[src_uri] = env.get_template(template).render(link=link, **context)

    for competency in kb.competencies:
        render(
            "competency.md.j2",
            competency.src_uri,
            competency=competency,
            mindsets=kb.mindsets_of(competency),
            articles=kb.articles_about(competency),
            assessment_link=relative_link(competency.src_uri, ASSESSMENT_PAGE),
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
