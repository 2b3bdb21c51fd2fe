"""Shared fixtures: the real content, and the real site built once per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.loader import load_content
from macros.model import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real content under content/, loaded and validated."""
    return load_content(ROOT / "content")


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m macros ARGS` in a folder, as an editor would."""

    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "macros", *args]
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, encoding="utf-8")

    run.env = env  # type: ignore[attr-defined]
    return run


@dataclass(frozen=True)
class BuiltSite:
    """A site built by `mkdocs build --strict` and what the build printed."""

    path: Path
    log: str


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Build the real site once per run, strictly, into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return BuiltSite(site, done.stderr + done.stdout)
