"""`python -m saljkompetens check`: validate the content and report every problem at once."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from .content.errors import ContentErrors
from .content.model import KnowledgeBase
from .source import read_site_content


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def summary(kb: KnowledgeBase) -> str:
    """The one-line success message, with counts of everything loaded."""
    parts = [
        _count(len(kb.competencies), "kompetens", "kompetenser"),
        _count(len(kb.mindsets), "tankesätt", "tankesätt"),
        _count(len(kb.articles), "artikel", "artiklar"),
        _count(len(kb.roles), "roll", "roller"),
        _count(kb.statement_count, "påstående", "påståenden"),
    ]
    if kb.selftests:
        parts.append(_count(len(kb.selftests), "självtest", "självtest"))
    warned = len(kb.warnings)
    note = f" ({_count(warned, 'varning', 'varningar')} ovan)" if warned else ""
    return f"Innehållet är giltigt: {', '.join(parts)}.{note}"


def run_check(content: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check `content` as the build will (and the pages in `docs/` beside it, for links).

    Prints warnings and the summary (exit 0), or every problem and a count (exit 1).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        kb = read_site_content(content, content.parent / "docs").kb
    except ContentErrors as problems:
        print(problems.report(), file=err)
        return 1
    for warning in kb.warnings:
        print(warning, file=err)
    print(summary(kb), file=out)
    return 0
