"""The MkDocs adapter: loads content, adds generated pages and browser assets.

Only event handlers live here; the model, pages and assets are plain Python.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .assessment import assessment_definition
from .browser_assets import AssetError, Pyodide, Wheel, build_wheel, find_pyodide
from .config import SaljkompetensConfig
from .csp import add_csp
from .errors import ContentErrors
from .loader import load_content
from .model import KnowledgeBase
from .pages import render_pages

log = logging.getLogger("mkdocs.plugins.saljkompetens")

ASSET_DIR = "assets/sjalvskattning"
DEFINITION_URI = f"{ASSET_DIR}/bedomning.json"


class SaljkompetensPlugin(BasePlugin[SaljkompetensConfig]):
    """Generates the knowledge base from `content/` (see README)."""

    kb: KnowledgeBase | None = None  # the last content that loaded without errors
    wheel: Wheel | None = None
    pyodide: Pyodide | None = None
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    @event_priority(100)  # before mkdocs-macros, which reads `self.kb`
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        content = self._path(config, self.config.content_dir)
        try:
            self.kb = load_content(content)
        except ContentErrors as problems:
            if self.serving and self.kb is not None:
                # Preview: show the errors, keep serving the last good content. (MkDocs
                # holds every request while a rebuild fails, so failing here would freeze it.)
                print(f"{problems.report()}\nVisar senaste fungerande innehåll.", file=sys.stderr)
            else:
                for error in problems.errors:
                    log.error(str(error))
                raise PluginError(
                    f"Innehållet har {len(problems.errors)} fel (se ovan); inget publicerades."
                ) from None
        if self.config.assessment:
            try:
                self.wheel = build_wheel(
                    self._path(config, self.config.scoring_dir),
                    self._path(config, self.config.cache_dir),
                )
                self.pyodide = find_pyodide(self._path(config, self.config.node_modules))
            except AssetError as exc:
                raise PluginError(str(exc)) from None
        return config

    def asset_urls(self) -> dict[str, str]:
        """Site-relative URLs of the assessment's browser files."""
        if not (self.wheel and self.pyodide):
            return {}
        return {
            "definition": DEFINITION_URI,
            "wheel": f"{ASSET_DIR}/{self.wheel.path.name}",
            "wheel_sha256": self.wheel.sha256,
            "pyodide": f"assets/pyodide/{self.pyodide.version}/",
        }

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri, markdown in render_pages(self.kb).items():
            files.append(File.generated(config, src_uri, content=markdown))
        if self.wheel and self.pyodide:
            definition = json.dumps(assessment_definition(self.kb), ensure_ascii=False)
            files.append(File.generated(config, DEFINITION_URI, content=definition))
            urls = self.asset_urls()
            files.append(File.generated(config, urls["wheel"], abs_src_path=str(self.wheel.path)))
            for path in self.pyodide.files():
                uri = urls["pyodide"] + path.name
                files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    @event_priority(-100)  # after every other plugin has changed the HTML
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return add_csp(output)

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        return add_csp(output_content) if template_name.endswith(".html") else output_content
