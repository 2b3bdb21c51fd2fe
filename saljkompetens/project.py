"""Where a project's parts live: one convention, used by the plugin and the macros alike.

```
mkdocs.yml      the site's configuration (its folder is the project root)
content/        the content (Markdown with YAML front matter)
docs/           the hand-written pages (MkDocs' `docs_dir`)
scoring_py/     the scoring package, built into a wheel for the browser
node_modules/   Pyodide, from the pinned npm package
build/          built wheels (a cache)
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Project:
    """A project, by its root folder and its docs folder."""

    root: Path
    docs: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def scoring_py(self) -> Path:
        return self.root / "scoring_py"

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def cache(self) -> Path:
        return self.root / "build"

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Project:
        """The project of a site configuration: MkDocs' (`config_file_path`) or Zensical's
        (`root_dir`), as plugins and mkdocs-macros' `env.conf` see it."""
        if config.get("config_file_path"):
            root = Path(config["config_file_path"]).parent
        else:
            root = Path(config.get("root_dir") or ".")
        root = root.resolve()
        return cls(root, (root / str(config.get("docs_dir") or "docs")).resolve())
