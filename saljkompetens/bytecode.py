"""The wheel and the trimmed standard library as Python bytecode, compiled at build time.

In the browser, Python compiles every module it imports from source at each start: most of
Pyodide's start-up and of importing `scoring_py`. Shipping `.pyc` files instead halves the
time to a first result (bench/startup.py). Bytecode belongs to one Python version, and
Pyodide's Python (3.14) is newer than the Python that builds the site, so Pyodide itself
compiles them: `node saljkompetens/bytecode.mjs` loads the pinned Pyodide from
node_modules and runs saljkompetens/pyc.py there.

- The standard library: compiled with `optimize=2` (no docstrings or asserts, a mode the
  standard library supports) and without debug ranges, which keeps it within the first
  visit's byte budget; the modules Pyodide has frozen into its wasm are left out (Python
  never reads them from the zip).
- The wheel: compiled with `optimize=0` (asserts kept: `scoring_py` behaves as in the
  tests), without docstrings and debug ranges.

Both are cached in `build/bytecode/` by their inputs, Pyodide's version and these files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "bytecode.mjs"
COMPILER = HERE / "pyc.py"
STDLIB_PREFIX = "/lib/python314.zip/"  # where Pyodide puts the standard library zip
WHEEL_PREFIX = "/home/pyodide/"  # where the worker unpacks the wheel (the working folder)
STDLIB_OPTIMIZE, WHEEL_OPTIMIZE = 2, 0  # the wheel's docstrings are left out all the same
TIMEOUT_S = 300


class BytecodeError(Exception):
    """Bytecode could not be made; the message says why (in Swedish)."""


@dataclass(frozen=True)
class Compiled:
    """The compiled wheel and standard library."""

    wheel: Path
    stdlib: Path


def _key(wheel: Path, stdlib: Path, pyodide: Path) -> str:
    digest = hashlib.sha256()
    for path in (wheel, stdlib, SCRIPT, COMPILER, pyodide / "package.json"):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(f"{STDLIB_OPTIMIZE} {WHEEL_OPTIMIZE} {STDLIB_PREFIX} {WHEEL_PREFIX}".encode())
    return digest.hexdigest()[:16]


def compile_for_browser(wheel: Path, stdlib: Path, pyodide: Path, cache: Path) -> Compiled:
    """`wheel` and `stdlib` compiled by the Pyodide in `pyodide` (its npm folder), from
    `cache` when made before.

    Raises:
        BytecodeError: Node is missing or the compiling failed.
    """
    out = cache / "bytecode" / _key(wheel, stdlib, pyodide)
    compiled = Compiled(out / wheel.name, out / "python_stdlib.zip")
    if compiled.wheel.is_file() and compiled.stdlib.is_file():
        return compiled
    node = shutil.which("node")
    if node is None:
        raise BytecodeError("Node.js saknas; den behövs för att kompilera Python-koden")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        work = Path(tmp)
        jobs = [
            {
                "input": str(stdlib),
                "output": str(work / compiled.stdlib.name),
                "prefix": STDLIB_PREFIX,
                "optimize": STDLIB_OPTIMIZE,  # which leaves out the docstrings
                "docstrings": True,
                "dropFrozen": True,
            },
            {
                "input": str(wheel),
                "output": str(work / compiled.wheel.name),
                "prefix": WHEEL_PREFIX,
                "optimize": WHEEL_OPTIMIZE,
                "docstrings": False,
                "dropFrozen": False,
            },
        ]
        (work / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
        command = [node, str(SCRIPT), str(pyodide), str(COMPILER), str(work / "jobs.json")]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise BytecodeError(f"kompileringen tog mer än {TIMEOUT_S} s") from None
        if done.returncode != 0:
            raise BytecodeError(f"kompileringen misslyckades:\n{done.stderr[-2000:]}")
        for path in (compiled.stdlib, compiled.wheel):  # both, or neither, in the cache
            (work / path.name).replace(path)
    return compiled
