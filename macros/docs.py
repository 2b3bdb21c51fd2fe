"""Macros for hand-written `docs/` pages: card grids, indexes and the assessment form.

Each macro returns Markdown (or HTML) for the page that calls it; links are made
relative to that page so MkDocs can validate them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from saljkompetens.content.model import KnowledgeBase
from saljkompetens.content.schema import LANGUAGES, SCHEMAS, schema_rows
from saljkompetens.pages.render import Trusted, relative_link, template

NO_CONTENT = (
    '<p class="sk-preview-notice">Innehållet från content/ har fel och visas inte här; '
    "se listan överst på sidan.</p>"
)


def register(env: Any) -> None:
    """Add the macros to a mkdocs-macros environment."""
    plugin = env.conf.plugins["saljkompetens"]

    def kb() -> KnowledgeBase:
        return plugin.kb

    def content_macro(function: Callable[..., str]) -> Callable[..., str]:
        """A macro that shows content; in a preview without valid content, a notice."""

        @functools.wraps(function)
        def macro(*args: Any, **kwargs: Any) -> str:
            if plugin.kb is None:
                return NO_CONTENT
            return function(*args, **kwargs)

        return env.macro(macro)

    def here() -> str:
        return env.page.file.src_uri

    def link(target: Any) -> Trusted:
        return Trusted(relative_link(here(), target.src_uri))

    def render(name: str, **context: Any) -> str:
        return template(name).render(link=link, **context)

    @content_macro
    def competency_cards() -> str:
        """A card grid of all competencies, each with its summary and mindsets."""
        base = kb()
        cards = [(c, base.mindsets_of(c)) for c in base.competencies]
        return render("competency_cards.md.j2", cards=cards)

    @content_macro
    def mindset_index() -> str:
        """All mindsets, each with the competencies that draw on it."""
        base = kb()
        entries = [(m, [u.competency for u in base.uses_of(m)]) for m in base.mindsets]
        return render("mindset_index.md.j2", entries=entries)

    @content_macro
    def article_index() -> str:
        """Cards for all articles with language and reading time."""
        return render("article_index.md.j2", articles=kb().articles, languages=LANGUAGES)

    @content_macro
    def role_index() -> str:
        """A list of the role profiles."""
        return render("role_index.md.j2", roles=kb().roles)

    @env.macro
    def counts() -> dict[str, int]:
        """How many competencies, mindsets, articles, roles and statements there are."""
        base = kb()
        if base is None:
            return dict.fromkeys(("competencies", "mindsets", "articles", "roles", "statements"), 0)
        return {
            "competencies": len(base.competencies),
            "mindsets": len(base.mindsets),
            "articles": len(base.articles),
            "roles": len(base.roles),
            "statements": base.statement_count,
        }

    @content_macro
    def assessment_form() -> str:
        """The static self-assessment form and the empty result region (HTML)."""
        base = kb()
        urls = {
            key: (relative_link(here(), value) if key != "wheel_sha256" else value)
            for key, value in plugin.asset_urls().items()
        }
        urls["script"] = relative_link(here(), "assets/js/assessment.js")
        urls["worker"] = relative_link(here(), "assets/js/scoring-worker.js")
        return render(
            "assessment_form.html.j2",
            kb=base,
            urls=urls,
            total=base.statement_count,
            scale=sorted(base.settings.scale, key=lambda s: s.value),
        )

    @env.macro
    def field_reference(kind: str) -> str:
        """A table of the front-matter fields of a content type, from its schema."""
        return render("field_reference.md.j2", rows=schema_rows(SCHEMAS[kind]))

    @content_macro
    def scoring_explained() -> str:
        """How the result is computed, from the scoring settings and role targets."""
        return render(
            "scoring_explained.md.j2",
            kb=kb(),
            link_tankesatt=Trusted(relative_link(here(), "tankesatt/index.md")),
        )
