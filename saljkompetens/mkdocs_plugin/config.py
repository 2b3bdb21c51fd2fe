"""Settings of the Säljkompetens MkDocs plugin, each with its type and default.

Where content, `scoring_py` and Pyodide live is a project convention
(`saljkompetens.project`), the same for the plugin and the macros, so it is not a setting.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SaljkompetensConfig(Config):
    """`plugins: - saljkompetens: {...}` in mkdocs.yml."""

    assessment = c.Type(bool, default=True)
    """Publish the self-assessment's browser files: the definition, the `scoring_py` wheel
    and Pyodide. Off only for sites without the assessment page (e.g. small test sites)."""
