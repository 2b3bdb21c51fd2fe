"""The MkDocs adapter: loads content, adds generated pages and browser assets.

Only event handlers live here; the model, pages and assets are plain Python.

Hooks:
- `on_startup`: remembers the command (`build` swaps in a finished site, `serve` previews).
- `on_config`: loads `content/` (priority 100: before mkdocs-macros, whose macros read it),
  the browser assets and the theme's inline scripts; a `build` is redirected to a
  temporary folder beside `site/`.
- `on_files`: adds the generated pages and the assessment's files.
- `on_post_page` / `on_post_template`: the CSP meta tag (priority -100: after every other
  plugin); in the preview, a banner when the content has errors.
- `on_build_error` / `on_shutdown`: a failed build leaves `site/` as it was; a finished
  one replaces it in one step.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content.errors import ContentErrors
from ..content.loader import load_content
from ..content.model import KnowledgeBase
from ..definition import checked_definition
from ..pages.render import render_pages
from .assets import AssetError, Pyodide, Wheel, build_wheel, find_pyodide
from .config import SaljkompetensConfig
from .csp import ThemeScripts, add_csp, page_policy
from .preview import error_banner

log = logging.getLogger("mkdocs.plugins.saljkompetens")

ASSET_DIR = "assets/sjalvskattning"
DEFINITION_URI = f"{ASSET_DIR}/bedomning.json"


class SaljkompetensPlugin(BasePlugin[SaljkompetensConfig]):
    """Generates the knowledge base from `content/` (see README)."""

    kb: KnowledgeBase | None = None  # the last content that loaded without errors …
    definition: dict[str, Any] = {}  # … and its assessment definition
    problems: ContentErrors | None = None  # the preview's current content errors
    wheel: Wheel | None = None
    pyodide: Pyodide | None = None
    theme_scripts: ThemeScripts | None = None
    command = ""
    final_site: Path | None = None  # `build`: where the finished site goes …
    building: Path | None = None  # … and where it is written first
    failed = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.command = command

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    @event_priority(100)  # before mkdocs-macros, which reads `self.kb`
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        content = self._path(config, self.config.content_dir)
        try:
            kb = load_content(content, Path(config.docs_dir))
            self.definition = checked_definition(kb)
            self.kb, self.problems = kb, None
            for warning in kb.warnings:
                log.info(str(warning))
        except ContentErrors as problems:
            if self.command != "serve":
                for error in [*problems.errors, *problems.warnings]:
                    log.error(str(error))
                raise PluginError(
                    f"Innehållet har {len(problems.errors)} fel (se ovan); inget publicerades."
                ) from None
            # Preview: never stop (MkDocs would hold every request); show the errors in the
            # terminal and on every page, and keep serving the last good content.
            self.problems = problems
            kept = "senaste fungerande innehåll" if self.kb else "sidorna utan innehåll"
            print(f"{problems.report()}\nFörhandsvisningen visar {kept}.", file=sys.stderr)
        if self.config.assessment:
            try:
                self.wheel = build_wheel(
                    self._path(config, self.config.scoring_dir),
                    self._path(config, self.config.cache_dir),
                )
                self.pyodide = find_pyodide(self._path(config, self.config.node_modules))
            except AssetError as exc:
                raise PluginError(str(exc)) from None
        self.theme_scripts = ThemeScripts.from_templates(config.theme.dirs)
        if self.command == "build":
            self._build_elsewhere(config)
        return config

    def asset_urls(self) -> dict[str, str]:
        """Site-relative URLs of the assessment's browser files."""
        if not (self.wheel and self.pyodide and self.kb):
            return {}
        return {
            "definition": DEFINITION_URI,
            "wheel": f"{ASSET_DIR}/{self.wheel.path.name}",
            "wheel_sha256": self.wheel.sha256,
            "pyodide": f"assets/pyodide/{self.pyodide.version}/",
        }

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.kb is None:
            return files
        for src_uri, markdown in render_pages(self.kb).items():
            files.append(File.generated(config, src_uri, content=markdown))
        if self.wheel and self.pyodide:
            definition = json.dumps(self.definition, ensure_ascii=False)
            files.append(File.generated(config, DEFINITION_URI, content=definition))
            urls = self.asset_urls()
            files.append(File.generated(config, urls["wheel"], abs_src_path=str(self.wheel.path)))
            for path in self.pyodide.files():
                uri = urls["pyodide"] + path.name
                files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

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

    def _finish_html(self, html: str, name: str) -> str:
        """Add the CSP (theme scripts only) and, in a preview with errors, the banner."""
        assert self.theme_scripts is not None
        if self.problems is not None:
            html = error_banner(html, self.problems, kept_content=self.kb is not None)
        checked = page_policy(html, self.theme_scripts)
        for body in checked.refused:
            log.warning(
                f"{name}: ett inbäddat skript som inte kommer från temat blockeras av "
                f"webbläsaren (CSP): {body[:80]!r}"
            )
        return add_csp(html, checked.policy)

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
