"""The MkDocs adapter: puts the generated pages, the definition and the browser assets into
the site, guards it with the CSP and publishes it whole.

Only event handlers live here; content, pages and assets are plain Python.

Hooks:
- `on_startup`: remembers the command (`build` swaps in a finished site, `serve` previews).
- `on_config`: reads the content (`saljkompetens.source`, shared with the macros) and the
  browser assets; a `build` is redirected to a temporary
  folder beside `site/`. A content error stops a build; a preview keeps going.
- `on_files`: adds the generated pages, the pages left at moved pages' former addresses
  (pages/moved.py) and the assessment's files.
- `on_nav`: places each generated page in its section, with its neighbours (navigation.py).
- `on_page_content`: a generated page keeps only what the content sanitizer allows, and
  gets its forms back (priority -100: last).
- `on_post_page` / `on_post_template`: the CSP meta tag (priority -100: after every other
  plugin); in a preview with content errors, a banner.
- `on_serve`: the preview's live-reload script may run under the CSP (live_reload.py).
- `on_build_error` / `on_shutdown`: a failed build leaves `site/` as it was; a finished
  one replaces it in one step.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from scoring_py.formats import definition_json
from scoring_py.team import MIN_TEAM

from ..assets import AssetError, BrowserAssets, browser_assets
from ..content.sanitize import clean
from ..history import swedish_date
from ..pages.moved import moved_pages
from ..pages.render import SECTION_HOMES, TEMPLATE_IDS, page_groups, render_pages
from ..pages.trusted import MissingForm, TrustedHtml
from ..project import Project
from ..source import ContentSource, publishable
from .config import SaljkompetensConfig
from .csp import add_csp, inline_scripts
from .navigation import place_pages
from .preview import error_banner

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.saljkompetens")


class SaljkompetensPlugin(BasePlugin[SaljkompetensConfig]):
    """Generates the knowledge base from `content/` (see README)."""

    source: ContentSource | None = None
    assets: BrowserAssets | None = None
    command = ""
    trusted: TrustedHtml | None = None  # the forms of the generated pages, by page
    generated: frozenset[str] = frozenset()  # src_uri of every generated page
    final_site: Path | None = None  # `build`: where the finished site goes …
    building: Path | None = None  # … and where it is written first
    failed = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Project.from_config(config)
        source = self.source = ContentSource.of(project).refresh()
        blocking = publishable(source)
        if blocking is not None:
            if self.command != "serve":
                for problem in [*blocking.errors, *blocking.warnings]:
                    log.error(str(problem))
                count = len(blocking.errors)
                raise PluginError(f"Innehållet har {count} fel (se ovan); inget publicerades.")
            # Preview: never stop (MkDocs would hold every request); show the errors in the
            # terminal and on every page, and keep serving the last good content (or the
            # content with its placeholders).
            print(f"{blocking.report()}\n{_shown(source)}", file=sys.stderr)
        if source.good:
            for warning in source.good.kb.warnings:
                log.info(str(warning))
        if self.config.assessment:
            try:
                self.assets = browser_assets(project)
            except AssetError as exc:
                raise PluginError(str(exc)) from None
        if source.changed:
            config.extra["content_changed"] = swedish_date(source.changed)
        if self.command == "build":
            self._build_elsewhere(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for static in _static_html(files, Path(config.docs_dir)):
            # An HTML file an editor put under docs/ is published as it is, so it gets the
            # same policy as every page (`check` refuses active content in it beforehand).
            files.remove(static)
            text = add_csp(Path(str(static.abs_src_path)).read_text(encoding="utf-8"))
            files.append(File.generated(config, static.src_uri, content=text))
        good = self.source.good if self.source else None
        if good is None:
            return files
        self.trusted = TrustedHtml()
        pages = render_pages(good.kb, self.assets, MIN_TEAM, self.trusted)
        self.generated = frozenset(pages)
        for src_uri, markdown in pages.items():
            files.append(File.generated(config, src_uri, content=markdown))
        for moved, html in moved_pages(good.kb, config.site_name, config.site_url or "").items():
            files.append(File.generated(config, moved, content=add_csp(html)))
        if self.assets:
            for uri, definition in good.definitions().items():
                files.append(File.generated(config, uri, content=definition_json(definition)))
            for uri, path in self.assets.files().items():
                files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        good = self.source.good if self.source else None
        if good is not None:
            # The sidebar lists a section's pages around the one being rendered, which
            # MkDocs names in `config._current_page` while it renders it.
            place_pages(
                nav,
                files,
                page_groups(good.kb),
                lambda: config._current_page,
                homes=SECTION_HOMES,
            )
        return nav

    @event_priority(-100)  # after every other plugin has changed the content
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page holds content: publish only what the sanitizer keeps, then put
        back the forms this code wrote (pages/trusted.py)."""
        if self.trusted is None or page.file.src_uri not in self.generated:
            return html
        try:
            return self.trusted.restore(page.file.src_uri, clean(html, TEMPLATE_IDS))
        except MissingForm as problem:
            raise PluginError(str(problem)) from None

    @event_priority(-100)  # after every other plugin has changed the HTML
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._finish_html(output, page.file.src_uri)

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._finish_html(output_content, template_name)

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """Development only: each served page lets MkDocs' live-reload script run, by its
        hash; the built files keep the strict policy."""
        from .live_reload import allow_live_reload  # only `mkdocs serve` needs it

        app = server.get_app()
        assert app is not None  # MkDocs sets it when it makes the server
        server.set_app(allow_live_reload(app))
        return server

    def _finish_html(self, html: str, name: str) -> str:
        """Add the CSP (no inline script runs) and, in a preview with errors, the banner."""
        assert self.source is not None
        blocking = publishable(self.source)
        if blocking is not None:
            html = error_banner(html, blocking, shown=_shown(self.source))
        for body in inline_scripts(html):
            log.warning(
                f"{name}: ett inbäddat skript blockeras av webbläsaren (CSP tillåter bara "
                f"webbplatsens egna filer): {body[:80]!r}"
            )
        return add_csp(html)

    # -- build elsewhere and swap ------------------------------------------------------------

    def _build_elsewhere(self, config: MkDocsConfig) -> None:
        """Write the build to a new folder beside `site_dir`; `on_shutdown` swaps it in."""
        final = Path(config.site_dir)
        final.parent.mkdir(parents=True, exist_ok=True)
        self.final_site = final
        self.failed = False
        self.building = Path(tempfile.mkdtemp(prefix=f".{final.name}-bygge-", dir=final.parent))
        umask = os.umask(0)
        os.umask(umask)
        self.building.chmod(0o777 & ~umask)  # as a folder made by MkDocs would be
        config.site_dir = str(self.building)

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        self.command = ""  # MkDocs may reuse this instance for the next command
        if self.final_site is None or self.building is None:
            return
        final, built = self.final_site, self.building
        self.final_site = self.building = None
        if self.failed:
            shutil.rmtree(built, ignore_errors=True)
            log.error(f"Bygget misslyckades; {final} är orörd.")
            return
        old = final.with_name(f".{final.name}-gammal-{os.getpid()}")
        if final.exists():
            final.rename(old)
        built.rename(final)
        shutil.rmtree(old, ignore_errors=True)


def _shown(source: ContentSource) -> str:
    """What the preview shows while the content cannot be published."""
    if source.problems is None:
        return "Förhandsvisningen visar innehållet ändå, med platshållarna."
    if source.good:
        return "Förhandsvisningen visar senaste fungerande innehåll."
    return "Förhandsvisningen visar sidorna utan innehållet från content/."


def _static_html(files: Files, docs: Path) -> list[File]:
    """The HTML files under docs/ that MkDocs would copy as they are."""
    root = docs.resolve()
    return [
        file
        for file in files
        if file.abs_src_path
        and Path(file.abs_src_path).suffix.lower() in (".html", ".htm")
        and Path(file.abs_src_path).resolve().is_relative_to(root)
    ]
