"""The JSON Schemas of every content kind, by name, for the editor's guide (`SCHEMAS`), and
the names other parts of the site use. Each schema is declared once, in its kind's module
(`kinds/`); the pieces kinds share are in `fields.py`."""

from __future__ import annotations

from .fields import TITLE_MAX, Schema, schema_rows
from .kinds import KINDS
from .kinds.article import ARTICLE, LANGUAGES
from .kinds.competency import COMPETENCY, RELATIONS, STAGES, STATEMENT
from .kinds.mindset import MINDSET
from .kinds.role import ROLE, TARGET
from .kinds.selftest import (
    AUDIENCES,
    DESIRABLE,
    NOT_APPLICABLE_LABELS,
    SELFTEST,
    SELFTEST_SCALE,
    SELFTEST_STATEMENT,
)
from .kinds.settings import SETTINGS

SCHEMAS: dict[str, Schema] = {name: table for kind in KINDS for name, table in kind.tables.items()}
"""Every field table the guide prints (`field_reference("statement")`), by name."""

__all__ = [
    "ARTICLE",
    "AUDIENCES",
    "COMPETENCY",
    "DESIRABLE",
    "LANGUAGES",
    "MINDSET",
    "NOT_APPLICABLE_LABELS",
    "RELATIONS",
    "ROLE",
    "SCHEMAS",
    "SELFTEST",
    "SELFTEST_SCALE",
    "SELFTEST_STATEMENT",
    "SETTINGS",
    "STAGES",
    "STATEMENT",
    "TARGET",
    "TITLE_MAX",
    "Schema",
    "schema_rows",
]
