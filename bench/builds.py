"""Timed `mkdocs build` runs, each in a fresh subprocess with a fresh output folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


class BuildFailed(RuntimeError):
    """`mkdocs build` exited non-zero; the message ends with its stderr."""


def build(project: Path, out: Path, strict: bool = True) -> float:
    """Build the site of `project/mkdocs.yml` into `out` (emptied first); wall seconds.

    The time includes starting Python and importing MkDocs, as for `make build`. Dirty pages
    are flushed first, so one build's disk writes are not charged to the next.
    """
    shutil.rmtree(out, ignore_errors=True)
    os.sync()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(out)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise BuildFailed(f"mkdocs build failed in {project}:\n{done.stderr[-3000:]}")
    return seconds


def sidebar_links(site: Path, page: str) -> int:
    """How many links the primary navigation (sidebar and phone drawer) of the built `page`
    (e.g. `kompetenser/x/index.html`) holds: the same at any N when the nav stays linear."""
    html = (site / page).read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--primary')
    end = html.index('class="md-sidebar md-sidebar--secondary"', start)
    return html.count('class="md-nav__link', start, end)
