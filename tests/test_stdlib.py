"""The trimmed standard library holds what Pyodide's start-up and every scoring_py module need."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from saljkompetens.stdlib import StdlibZip, build_trimmed, scoring_imports

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
PACKAGE = ROOT / "scoring_py" / "src" / "scoring_py"


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_trimmed(PYODIDE / "python_stdlib.zip", PACKAGE, tmp_path_factory.mktemp("c"))


def modules(path: Path) -> set[str]:
    return set(StdlibZip(path.read_bytes()).files)


def test_trimmed_is_a_third_of_the_full_zip(trimmed: Path) -> None:
    assert trimmed.stat().st_size < (PYODIDE / "python_stdlib.zip").stat().st_size / 2.5


def test_every_stdlib_module_scoring_py_names_is_in_it(trimmed: Path) -> None:
    full, kept = modules(PYODIDE / "python_stdlib.zip"), modules(trimmed)
    named = {name for name in scoring_imports(PACKAGE) if name in full}
    assert {"json", "fractions", "dataclasses", "re"} <= named | {"json"}
    assert named <= kept, sorted(named - kept)


def test_every_module_importing_scoring_py_loads_is_in_it(trimmed: Path) -> None:
    """Import every scoring_py module in CPython and see which stdlib modules came with them
    (independent of the static reading that builds the zip)."""
    program = (
        "import json, pkgutil, sys, importlib\n"
        "before = set(sys.modules)\n"
        "import scoring_py\n"
        "for info in pkgutil.walk_packages(scoring_py.__path__, 'scoring_py.'):\n"
        "    if info.name != 'scoring_py.__main__':\n"
        "        importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = {name for name in json.loads(done.stdout) if not name.startswith("scoring_py")}
    full, kept = modules(PYODIDE / "python_stdlib.zip"), modules(trimmed)
    missing = {name for name in loaded & full if name not in kept}
    assert not missing, sorted(missing)


def test_the_workers_lock_header_is_this_pyodides() -> None:
    worker = (ROOT / "docs" / "assets" / "js" / "scoring-worker.js").read_text(encoding="utf-8")
    info = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    for key in ("abi_version", "arch", "platform", "python"):
        assert re.search(rf'{key}: "{re.escape(info[key])}"', worker), key


@pytest.mark.pyodide
def test_pyodide_starts_and_imports_all_of_scoring_py_with_it(
    trimmed: Path, tmp_path: Path
) -> None:
    """Pyodide boots on the trimmed zip and imports every scoring_py module (the parity
    tests, tests/test_scoring_pyodide.py, then score with it)."""
    node = shutil.which("node")
    assert node, "Node saknas"
    with zipfile.ZipFile(tmp_path / "scoring.zip", "w") as package:
        for path in PACKAGE.rglob("*.py"):
            package.write(path, path.relative_to(PACKAGE.parent).as_posix())
    archive = json.dumps(str(tmp_path / "scoring.zip"))
    script = (
        f"import {{ loadPyodide }} from {json.dumps((PYODIDE / 'pyodide.mjs').as_uri())};\n"
        "import { readFile } from 'node:fs/promises';\n"
        f"const py = await loadPyodide({{ stdLibURL: {json.dumps(str(trimmed))} }});\n"
        f"py.unpackArchive(new Uint8Array(await readFile({archive})), 'zip');\n"
        "console.log(py.runPython(`import importlib, os, scoring_py\n"
        "names = [n[:-3] for n in os.listdir(scoring_py.__path__[0]) if n.endswith('.py')]\n"
        "[importlib.import_module('scoring_py.' + n) for n in names if n != '__main__']\n"
        "len(names)`));\n"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-1500:]
    assert int(done.stdout.strip().splitlines()[-1]) >= 10
