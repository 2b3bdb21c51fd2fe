"""When the content last changed: the date readers see in the footer and on "Om webbplatsen".

In a Git checkout whose `content/` has no uncommitted changes, that is the date of the last
commit that touched `content/` (a fresh clone's file times say nothing). Otherwise (content
being edited, or no Git) it is the newest modification time of a file under `content/`.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def last_change(content: Path) -> date | None:
    """The date `content` last changed, or None if it has no files."""
    committed = _committed(content)
    if committed is not None:
        return committed
    times = [p.stat().st_mtime for p in content.rglob("*") if p.is_file()]
    return datetime.fromtimestamp(max(times)).date() if times else None


def swedish_date(day: date) -> str:
    """`2026-11-25` as "25 november 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _committed(content: Path) -> date | None:
    """The last commit date of `content`, if Git knows it and nothing there is uncommitted."""
    if not content.is_dir():
        return None

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args, "--", "."],
            cwd=content,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return done.stdout.strip()

    try:
        if git("status", "--porcelain", "--untracked-files=normal"):
            return None
        stamp = git("log", "-1", "--format=%cs")
    except (OSError, subprocess.SubprocessError):
        return None
    return date.fromisoformat(stamp) if stamp else None
