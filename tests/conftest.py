"""Shared fixtures: the real content, and the real site built once per test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from saljkompetens.content.loader import load_content
from saljkompetens.content.model import KnowledgeBase
from saljkompetens.source import SiteContent

ROOT = Path(__file__).resolve().parent.parent

# Material's end-of-life notice (printed on every build until 2027-05-05) silenced for the
# builds the tests run and compare, and only there: `make serve` and `make build` show it.
os.environ["NO_MKDOCS_2_WARNING"] = "1"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real content under content/, loaded and validated."""
    return load_content(ROOT / "content")


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m saljkompetens ARGS` in a folder, as an editor would."""

    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "saljkompetens", *args]
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, encoding="utf-8")

    run.env = env  # type: ignore[attr-defined]
    return run


@dataclass(frozen=True)
class BuiltSite:
    """A site built by `mkdocs build --strict` and what the build printed."""

    path: Path
    log: str


def make_site_config(content: Path, folder: Path) -> Path:
    """`folder` as a project that builds the real site from `content` instead: the real
    mkdocs.yml, docs/, macros, scoring_py and Pyodide linked in. Returns its mkdocs.yml."""
    (ROOT / "build").mkdir(exist_ok=True)  # the wheel cache, shared
    for name in ("docs", "overrides", "macros", "scoring_py", "node_modules", "build"):
        (folder / name).symlink_to(ROOT / name)
    if (folder / "content").absolute() != content.absolute():
        (folder / "content").symlink_to(content.absolute())
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


def build_site(content: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the site with `content`, run in `folder` (to `folder/site`)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]
    make_site_config(content, folder)
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site_config() -> Callable[[Path, Path], Path]:
    """`site_config(content, folder)`: a mkdocs.yml in `folder` that builds from `content`."""
    return make_site_config


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


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built from `tests/fixtures/published`: hostile text that check accepts."""
    folder = tmp_path_factory.mktemp("published")
    done = build_site(ROOT / "tests" / "fixtures" / "published" / "content", folder)
    assert done.returncode == 0, done.stderr
    return BuiltSite(folder / "site", done.stderr + done.stdout)


@pytest.fixture(scope="module")
def site() -> SiteContent:
    """Today's content as the site reads it, read once (tests/support/selftests.py)."""
    from tests.support.selftests import content

    return content()
