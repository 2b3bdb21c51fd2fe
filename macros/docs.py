"""Macros for hand-written `docs/` pages: card grids, indexes and the assessment form.

Each macro returns Markdown (or HTML) for the page that calls it; links are made relative
to that page so MkDocs can validate them. The content comes from `saljkompetens.source`
(read once per change, shared with the plugin); nothing here asks the plugin, so the
macros run under mkdocs-macros and under Zensical's macros extension alike.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from scoring_py.explain import rules
from scoring_py.formats import (
    ANSWERS_FORMAT,
    ANSWERS_VERSION,
    DEFINITION_PATH,
    EXPORT_FORMAT,
    NOT_APPLICABLE,
)

from saljkompetens.assets import AssetError, browser_assets
from saljkompetens.content.model import KnowledgeBase
from saljkompetens.content.schema import LANGUAGES, SCHEMAS, schema_rows
from saljkompetens.pages.escape import markdown_text
from saljkompetens.pages.form import SECONDS_PER_STATEMENT, form_steps, minutes
from saljkompetens.pages.render import Trusted, relative_link, template
from saljkompetens.project import Project
from saljkompetens.source import ContentSource
from scoring_py import read_definition

NO_CONTENT = (
    '<p class="sk-preview-notice">Innehållet från content/ har fel och visas inte här; '
    "se listan överst på sidan.</p>"
)
NO_ASSESSMENT = (
    '<p class="sk-message" data-kind="error">Självskattningen finns inte i det här bygget: '
    "{reason}</p>"
)


# The file formats the page reads and writes, named by scoring_py, which owns them.
FORMATS = {
    "answers": ANSWERS_FORMAT,
    "export": EXPORT_FORMAT,
    "version": ANSWERS_VERSION,
    "not_applicable": NOT_APPLICABLE,
}


def register(env: Any) -> None:
    """Add the macros to a mkdocs-macros (or Zensical macros) environment."""
    project = Project.from_config(env.conf)

    def kb() -> KnowledgeBase | None:
        good = ContentSource.of(project).refresh().good
        return good.kb if good else None

    def here() -> str:
        page = env.page
        return page.file.src_uri if hasattr(page, "file") else str(page.path)

    def link(target: Any) -> Trusted:
        return Trusted(relative_link(here(), target.src_uri))

    def render(name: str, **context: Any) -> str:
        return template(name).render(link=link, **context)

    def content_macro(function: Callable[[KnowledgeBase], str]) -> Callable[[], str]:
        """A macro that shows content; without valid content (a preview), a notice."""

        @functools.wraps(function)
        def macro() -> str:
            base = kb()
            return NO_CONTENT if base is None else function(base)

        return env.macro(macro)

    @content_macro
    def competency_cards(base: KnowledgeBase) -> str:
        """A card grid of all competencies, each with its summary and mindsets."""
        cards = [(c, base.mindsets_of(c)) for c in base.competencies]
        return render("competency_cards.md.j2", cards=cards)

    @content_macro
    def mindset_index(base: KnowledgeBase) -> str:
        """All mindsets, each with the competencies that draw on it."""
        entries = [(m, [u.competency for u in base.uses_of(m)]) for m in base.mindsets]
        return render("mindset_index.md.j2", entries=entries)

    @content_macro
    def article_index(base: KnowledgeBase) -> str:
        """Cards for all articles with language and reading time."""
        return render("article_index.md.j2", articles=base.articles, languages=LANGUAGES)

    @content_macro
    def role_index(base: KnowledgeBase) -> str:
        """A list of the role profiles."""
        return render("role_index.md.j2", roles=base.roles)

    @env.macro
    def counts() -> dict[str, int]:
        """How many competencies, mindsets, articles, roles and statements there are."""
        base = kb()
        if base is None:
            keys = ("competencies", "mindsets", "articles", "roles", "statements", "minutes")
            return dict.fromkeys(keys, 0)
        return {
            "competencies": len(base.competencies),
            "mindsets": len(base.mindsets),
            "articles": len(base.articles),
            "roles": len(base.roles),
            "statements": base.statement_count,
            "minutes": minutes(base.statement_count),
        }

    @content_macro
    def assessment_form(base: KnowledgeBase) -> str:
        """The static self-assessment form and the empty result region (HTML)."""
        try:
            assets = browser_assets(project)
        except AssetError as error:
            return NO_ASSESSMENT.format(reason=error)
        here_uri = here()
        urls = {
            "definition": relative_link(here_uri, DEFINITION_PATH),
            "wheel": relative_link(here_uri, assets.wheel_uri),
            "pyodide": relative_link(here_uri, assets.pyodide_uri),
            "script": relative_link(here_uri, "assets/js/assessment.js"),
            "worker": relative_link(here_uri, "assets/js/scoring-worker.js"),
            "root": relative_link(here_uri, "index.md").removesuffix("index.md") or "./",
        }
        return render(
            "assessment_form.html.j2",
            kb=base,
            urls=urls,
            formats=FORMATS,
            wheel_sha256=assets.wheel.sha256,
            total=base.statement_count,
            minutes=minutes(base.statement_count),
            seconds_per_item=SECONDS_PER_STATEMENT,
            steps=form_steps(base),
            scale=sorted(base.settings.scale, key=lambda s: s.value),
        )

    @content_macro
    def assessment_limits(base: KnowledgeBase) -> str:
        """What a self-assessment does not measure (content: assessment.yml, `limits`)."""
        return markdown_text(base.settings.limits)

    @env.macro
    def field_reference(kind: str) -> str:
        """A table of the front-matter fields of a content type, from its schema."""
        return render("field_reference.md.j2", rows=schema_rows(SCHEMAS[kind]))

    @env.macro
    def scoring_explained() -> str:
        """How the result is computed: the rules as scoring_py applies them, the content."""
        good = ContentSource.of(project).refresh().good
        if good is None:
            return NO_CONTENT
        return render(
            "scoring_explained.md.j2",
            kb=good.kb,
            rules=rules(read_definition(good.definition)),
            link_tankesatt=Trusted(relative_link(here(), "tankesatt/index.md")),
        )
