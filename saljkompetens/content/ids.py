"""Statement ids, checked once for every kind that has statements: each id is used by one
statement in the whole site (it names an answer wherever answers are stored), and never one
that `retired_ids` in assessment.yml lists."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .kinds.base import Kind, Loaded
from .kinds.settings import SETTINGS_FILE


def check_ids(loaded: Loaded, kinds: Iterable[Kind]) -> None:
    """Report a retired or repeated id at its statement; the first file (in load order)
    keeps an id."""
    retired = {i for settings in loaded.of("settings") for i in settings.retired_ids}
    seen: dict[str, Path] = {}
    for kind in kinds:
        if kind.statements is None:
            continue
        for item in loaded.of(kind.name):
            for statement, where in kind.statements(item):
                if statement.id in retired:
                    loaded.error(item, _retired_message(statement.id), (*where, "id"))
                if statement.id in seen:
                    loaded.error(
                        item,
                        f'id "{statement.id}" används redan i {seen[statement.id]}; '
                        "varje påstående ska ha ett eget id",
                        (*where, "id"),
                    )
                seen.setdefault(statement.id, item.path)


def _retired_message(statement_id: str) -> str:
    """Why a statement may not use `statement_id`: it is in assessment.yml's retired_ids."""
    return (
        f'id "{statement_id}" står i retired_ids i {SETTINGS_FILE}: det har tillhört ett '
        "påstående som tagits bort eller bytt betydelse, och sparade och exporterade svar kan "
        "peka på det; ge påståendet ett nytt id som aldrig har använts"
    )
