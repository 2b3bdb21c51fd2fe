"""Settings of the Säljkompetens MkDocs plugin, each with its type and default."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SaljkompetensConfig(Config):
    """`plugins: - saljkompetens: {...}` in mkdocs.yml; paths are relative to mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    scoring_dir = c.Type(str, default="scoring_py")
    node_modules = c.Type(str, default="node_modules")
    cache_dir = c.Type(str, default="build")
    assessment = c.Type(bool, default=True)
