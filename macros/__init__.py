"""Säljkompetens: content model, generated pages and MkDocs glue.

`define_env` is the entry point of mkdocs-macros (`module_name: macros`).
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register the macros for `docs/` pages (see `macros.docs_macros`)."""
    from .docs import register

    register(env)
