"""The trimmed standard library holds what Pyodide's start-up and every scoring_py module need."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from saljkompetens.stdlib import (
    StdlibZip,
    build_trimmed,
    imports_of,
    module_level,
    scoring_imports,
)
from saljkompetens.stdlib import trimmed as trimmed_zip

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


def test_imports_are_read_with_their_parents_and_relative_ones_resolved() -> None:
    source = (
        "import json\n"
        "import os.path, re as regex\n"
        "from collections import abc, OrderedDict\n"
        "from . import sibling\n"
        "from .sub import (thing,  # the first\n"
        "    other)\n"
        "def later():\n"
        "    import textwrap\n"
        'x = "import nothing"\n'
    )
    assert imports_of(source, "pkg.mod", is_package=False) == {
        "json", "os", "os.path", "re", "collections", "collections.abc",
        "collections.OrderedDict", "pkg", "pkg.sibling", "pkg.sub", "pkg.sub.thing",
        "pkg.sub.other", "textwrap",
    }  # fmt: skip
    # In a package's __init__, "." is the package itself.
    assert imports_of("from . import a\n", "pkg", is_package=True) == {"pkg", "pkg.a"}


def test_only_what_runs_on_import_is_module_level() -> None:
    source = (
        "import a\n"
        "def f():\n    import b\n"
        "class C:\n    import c\n"
        "try:\n    import d\nexcept ImportError:\n    import e\n"
        'if __name__ == "__main__":\n    import f\n'
        'if sys.platform == "x":\n    import g\n'
        "with x:\n    import h\n"
        "async def k():\n    import i\n"
    )
    assert imports_of(module_level(source), "m", is_package=False) == {"a", "d", "e", "g", "h"}


def test_scoring_imports_names_every_import_on_any_path_but_its_own(tmp_path: Path) -> None:
    package = tmp_path / "mypkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .core import run\nimport json\n")
    (package / "core.py").write_text(
        "from fractions import Fraction\nfrom . import helpers\nimport mypkg.helpers\n"
        "def run():\n    import statistics\n"
    )
    (package / "helpers.py").write_text("import re\n")
    assert scoring_imports(package) == {
        "json",
        "fractions",
        "fractions.Fraction",
        "re",
        "statistics",
    }


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def test_the_trimmed_zip_keeps_what_the_roots_and_start_up_import_and_nothing_else() -> None:
    full = _zip(
        {
            "site.py": "import os\n",  # Pyodide's start-up imports site
            "os.py": "import posixpath\n",
            "posixpath.py": "",
            "encodings/__init__.py": "",  # looked up by name at start-up
            "json/__init__.py": "from .decoder import JSONDecoder\n",
            "json/decoder.py": "import re\n",
            "json/tool.py": "import argparse\n",  # json does not import it
            "re/__init__.py": "",
            "argparse.py": "",
            "unused.py": "import os\n",
            "tkinter/__init__.py": "",
        }
    )
    out = trimmed_zip(full, ["json"])
    assert sorted(zipfile.ZipFile(io.BytesIO(out)).namelist()) == [
        "encodings/__init__.py", "json/__init__.py", "json/decoder.py", "os.py",
        "posixpath.py", "re/__init__.py", "site.py",
    ]  # fmt: skip
    assert trimmed_zip(full, ["json"]) == out  # the same bytes, so the same URL


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
