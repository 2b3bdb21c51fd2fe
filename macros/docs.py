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
from scoring_py.team import MIN_TEAM

from saljkompetens.assets import AssetError, BrowserAssets, browser_assets
from saljkompetens.content.model import KnowledgeBase
from saljkompetens.content.schema import LANGUAGES, SCHEMAS, schema_rows
from saljkompetens.history import swedish_date
from saljkompetens.pages.about import by_stage, contact_link
from saljkompetens.pages.escape import markdown_text
from saljkompetens.pages.form import SECONDS_PER_STATEMENT, assessment_urls, form_steps, minutes
from saljkompetens.pages.links import served_at
from saljkompetens.pages.render import Trusted, relative_link, template
from saljkompetens.pages.render import assessment_form as form_html
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

    def assessment_macro(
        function: Callable[[KnowledgeBase, BrowserAssets], str],
    ) -> Callable[[], str]:
        """A content macro that also needs the assessment's browser files; without them (no
        Pyodide installed, say), a notice saying why."""

        @functools.wraps(function)
        def with_assets(base: KnowledgeBase) -> str:
            try:
                assets = browser_assets(project)
            except AssetError as error:
                return NO_ASSESSMENT.format(reason=error)
            return function(base, assets)

        return content_macro(with_assets)

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
    def selftest_list(base: KnowledgeBase) -> str:
        """The self-tests written as content, each with its summary and who answers it."""
        return render("selftest_list.md.j2", selftests=base.selftests)

    @content_macro
    def stage_overview(base: KnowledgeBase) -> str:
        """The competencies grouped by where in the sale they matter most (`stage`)."""
        return render("stage_overview.md.j2", groups=by_stage(base.competencies))

    @env.macro
    def article_cards(limit: int = 3) -> str:
        """Cards for the articles that concern the most competencies (at most `limit`)."""
        base = kb()
        if base is None:
            return NO_CONTENT
        chosen = sorted(base.articles, key=lambda a: -len(a.competencies))[:limit]
        return render("article_index.md.j2", articles=chosen, languages=LANGUAGES)

    @content_macro
    def about_sources(base: KnowledgeBase) -> str:
        """Each text's source, as far as the text names one."""
        return render("about_sources.md.j2", competencies=base.competencies, articles=base.articles)

    @env.macro
    def publisher_info() -> str:
        """Who publishes the site and how to reach them (`extra.publisher` in mkdocs.yml)."""
        given = (env.conf.get("extra") or {}).get("publisher") or {}
        return render(
            "publisher.md.j2",
            publisher=str(given.get("name") or ""),
            contact=contact_link(str(given.get("contact") or "")),
        )

    @env.macro
    def last_content_change() -> str:
        """The date the content last changed, in Swedish ("25 november 2026")."""
        changed = ContentSource.of(project).refresh().changed
        return swedish_date(changed) if changed else "okänt datum"

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

    @assessment_macro
    def assessment_form(base: KnowledgeBase, assets: BrowserAssets) -> str:
        """The static self-assessment form and the empty result region (HTML)."""
        return form_html(served_at(here()), assets, base)

    @assessment_macro
    def manager_form(base: KnowledgeBase, assets: BrowserAssets) -> str:
        """The manager's rating of a seller: the statements about the seller (HTML)."""
        return render(
            "manager_form.html.j2",
            urls=assessment_urls(served_at(here()), assets),
            formats=assets.formats,
            total=base.statement_count,
            minutes=minutes(base.statement_count),
            seconds_per_item=SECONDS_PER_STATEMENT,
            steps=form_steps(base.competencies),
            scale=sorted(base.settings.scale, key=lambda s: s.value),
        )

    @assessment_macro
    def team_page(base: KnowledgeBase, assets: BrowserAssets) -> str:
        """The team view: the sellers' files in, the team's picture out (HTML)."""
        served = served_at(here())
        selftests = [(t, relative_link(served, t.definition_uri)) for t in base.selftests]
        return render(
            "team_page.html.j2",
            kb=base,
            selftests=selftests,
            urls=assessment_urls(served, assets),
            wheel_sha256=assets.wheel_sha256,
            formats=assets.formats,
        )

    @assessment_macro
    def progress_page(base: KnowledgeBase, assets: BrowserAssets) -> str:
        """The visitor's saved attempts, two compared and all over time (HTML)."""
        served = served_at(here())
        ids = [s.id for c in base.competencies for s in c.statements]
        values = [step.value for step in base.settings.scale]
        key = assets.share_key(ids, min(values), max(values))  # the one the form's answers carry
        urls = assessment_urls(served, assets)
        urls["progress_script"] = relative_link(served, "assets/js/progress.js")
        return render(
            "progress_page.html.j2",
            urls=urls,
            wheel_sha256=assets.wheel_sha256,
            formats={**assets.formats, "share_key": key},
        )

    @content_macro
    def assessment_limits(base: KnowledgeBase) -> str:
        """What a self-assessment does not measure (content: assessment.yml, `limits`)."""
        return markdown_text(base.settings.limits)

    @env.macro
    def team_minimum() -> int:
        """From how many people the team view shows the team's aggregates (scoring_py)."""
        return MIN_TEAM

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
