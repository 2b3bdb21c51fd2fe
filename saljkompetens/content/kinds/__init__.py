"""The content kinds, in one table: `KINDS`, in load order.

The loader, the page renderer, the scaffold (`make new`) and the editor's guide read this
table; nothing else names a kind's folder, schema or rules. Each kind is one module here
(see `base.Kind` for what it declares, and README, "Lägga till en innehållstyp").

Read `kinds.KINDS` when it is used, not at import, so that a test can register a kind.
"""

from __future__ import annotations

from . import article, competency, mindset, role, selftest, settings
from .base import FieldPath, Kind, Loaded, Report, Scaffold

KINDS: tuple[Kind, ...] = (
    competency.KIND,
    mindset.KIND,
    article.KIND,
    role.KIND,
    selftest.KIND,
    settings.KIND,
)

__all__ = ["KINDS", "FieldPath", "Kind", "Loaded", "Report", "Scaffold"]
