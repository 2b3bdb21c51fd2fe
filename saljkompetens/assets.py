"""Files the self-assessment needs in the browser: the scoring_py wheel and Pyodide.

Every file here may be cached forever, so each URL names its content:
`assets/pyodide/<version>/` holds Pyodide's own files, and `assets/pyodide/app-<hash>/`
the wheel and the trimmed standard library it needs (saljkompetens.stdlib), the hash
covering both. The worker takes the standard library from beside the wheel.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from scoring_py.formats import DEFINITION_PATH, page_formats, share_key

from .bytecode import BytecodeError, compile_for_browser
from .project import Project
from .stdlib import build_trimmed

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
STDLIB = "python_stdlib.zip"
PUBLISHED = tuple(name for name in PYODIDE_FILES if name != STDLIB)  # the trimmed one instead
_SKIP = {"build", "dist", "__pycache__"}


class AssetError(Exception):
    """A browser asset could not be found or made; the message says what to do."""


@dataclass(frozen=True)
class Wheel:
    """A built wheel of `scoring_py` and its sha256."""

    path: Path
    sha256: str


@dataclass(frozen=True)
class Pyodide:
    """The Pyodide distribution from the pinned npm package."""

    version: str
    folder: Path

    def files(self) -> list[Path]:
        """Pyodide's files as published (its full standard library is not)."""
        return [self.folder / name for name in PUBLISHED]

    @property
    def stdlib(self) -> Path:
        """The full standard library zip of the npm package."""
        return self.folder / STDLIB


def _source_digest(project: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(project.rglob("*")):
        parts = set(path.relative_to(project).parts)
        if path.is_file() and not parts & _SKIP and not any(p.endswith(".egg-info") for p in parts):
            digest.update(str(path.relative_to(project)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_wheel(project: Path, cache: Path) -> Wheel:
    """The wheel of `project`, from `cache` if its sources are unchanged (see `_build`)."""
    if not (project / "pyproject.toml").is_file():
        raise AssetError(f"poängräkningens paket saknas: {project}/pyproject.toml finns inte")
    return _built(project, cache, _source_digest(project))


@lru_cache(maxsize=8)
def _built(project: Path, cache: Path, digest: str) -> Wheel:
    return _build(project, cache, digest)


def _build(project: Path, cache: Path, digest: str) -> Wheel:
    """Build the wheel with the standard `build` frontend; reuse it while sources are unchanged.

    The build runs on a clean copy of `project`, so nothing is written into the source tree.
    """
    out = cache / "wheels" / digest
    wheels = sorted(out.glob("*.whl"))
    if not wheels:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / project.name
            shutil.copytree(project, copy, ignore=shutil.ignore_patterns(*_SKIP, "*.egg-info"))
            command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
            done = subprocess.run(
                [*command, "--outdir", str(out), str(copy)], capture_output=True, text=True
            )
        wheels = sorted(out.glob("*.whl"))
        if done.returncode != 0 or not wheels:
            raise AssetError(f"kunde inte bygga hjulet för {project}:\n{done.stderr[-2000:]}")
    wheel = wheels[0]
    return Wheel(wheel, hashlib.sha256(wheel.read_bytes()).hexdigest())


def find_pyodide(node_modules: Path) -> Pyodide:
    """Locate the pinned Pyodide package, or explain how to install it."""
    folder = node_modules / "pyodide"
    try:
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise AssetError(
            f"Pyodide saknas i {folder}; kör `npm ci` (eller `make setup`) först"
        ) from None
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise AssetError(f"Pyodide {version} i {folder} saknar {', '.join(missing)}")
    return Pyodide(version, folder)


@dataclass(frozen=True)
class BrowserAssets:
    """The assessment's browser files and their site-relative URLs."""

    wheel: Wheel
    pyodide: Pyodide
    stdlib: Path  # the trimmed standard library

    @cached_property
    def app_uri(self) -> str:
        """The folder of the wheel and its standard library, named by both files' content."""
        digest = hashlib.sha256(self.wheel.sha256.encode())
        digest.update(hashlib.sha256(self.stdlib.read_bytes()).digest())
        return f"assets/pyodide/app-{digest.hexdigest()[:16]}/"

    @property
    def wheel_uri(self) -> str:
        return self.app_uri + self.wheel.path.name

    @property
    def stdlib_uri(self) -> str:
        return self.app_uri + STDLIB

    @property
    def pyodide_uri(self) -> str:
        return f"assets/pyodide/{self.pyodide.version}/"

    @property
    def definition_uri(self) -> str:
        return DEFINITION_PATH

    @property
    def wheel_sha256(self) -> str:
        return self.wheel.sha256

    @property
    def formats(self) -> dict[str, Any]:
        """The file formats the page reads and writes, their names and limits, as scoring_py,
        which owns them, gives them to the page (every form's `data-formats`)."""
        return page_formats()

    def share_key(self, item_ids: list[str], low: int, high: int) -> str:
        """What a share link of a form with these statements and scale carries (scoring_py)."""
        return share_key(item_ids, low, high)

    def files(self) -> dict[str, Path]:
        """Site-relative URI → source file, for every file to publish."""
        files = {self.wheel_uri: self.wheel.path, self.stdlib_uri: self.stdlib}
        files.update({self.pyodide_uri + path.name: path for path in self.pyodide.files()})
        return files


def browser_assets(project: Project) -> BrowserAssets:
    """The wheel (built once per change of `scoring_py/`), the pinned Pyodide and the
    standard library trimmed to what they import, both compiled to bytecode by Pyodide
    (saljkompetens.bytecode).

    Raises:
        AssetError: what is missing and how to get it.
    """
    wheel = build_wheel(project.scoring_py, project.cache)
    pyodide = find_pyodide(project.node_modules)
    package = project.scoring_py / "src" / "scoring_py"
    stdlib = build_trimmed(pyodide.stdlib, package, project.cache)
    try:
        compiled = compile_for_browser(wheel.path, stdlib, pyodide.folder, project.cache)
    except BytecodeError as error:
        raise AssetError(str(error)) from None
    digest = hashlib.sha256(compiled.wheel.read_bytes()).hexdigest()
    return BrowserAssets(Wheel(compiled.wheel, digest), pyodide, compiled.stdlib)
