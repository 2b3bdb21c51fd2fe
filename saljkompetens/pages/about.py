"""What the home page and "Om webbplatsen" show beside the content itself."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..content.model import Competency
from ..content.schema import STAGES

OTHER_STAGE = "Fler kompetenser"
_EMAIL = re.compile(r"^[^@\s<>()\[\]\\\"']+@[^@\s<>()\[\]\\\"']+\.[A-Za-z]{2,}$")
_WEB = re.compile(r"^https://[^\s<>()\[\]\\\"']+$")


def by_stage(competencies: Iterable[Competency]) -> list[tuple[str, list[Competency]]]:
    """The competencies grouped by `stage`, in the order of `STAGES`; those without a stage
    last, under "Fler kompetenser". Empty groups are left out."""
    groups: dict[str, list[Competency]] = {stage: [] for stage in (*STAGES, OTHER_STAGE)}
    for competency in competencies:
        groups[competency.stage or OTHER_STAGE].append(competency)
    return [(stage, members) for stage, members in groups.items() if members]


def contact_link(contact: str) -> str:
    """An e-mail address or https:// address as a link target; anything else is left out."""
    contact = contact.strip()
    if _WEB.match(contact):
        return contact
    if _EMAIL.match(contact):
        return f"mailto:{contact}"
    return ""
