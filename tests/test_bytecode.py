"""Bytecode for the browser: saljkompetens/pyc.py (here on the build's own Python) and
saljkompetens/bytecode.py (Pyodide's Python under Node; the parity tests in
tests/test_scoring_pyodide.py score with what it makes)."""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from saljkompetens.bytecode import compile_for_browser
from saljkompetens.pyc import compile_archive, module_name

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"

SOURCES = {
    "pkg/__init__.py": '"""The package."""\nfrom .mod import twice\n',
    "pkg/mod.py": (
        '"""A module."""\n\n\ndef twice(n):\n    """Twice n."""\n'
        "    assert n >= 0, 'negativt'\n    return 2 * n\n\n\n"
        'class Box:\n    """Only a docstring."""\n'
    ),
    "pkg-0.1.dist-info/METADATA": "Name: pkg\n",
}


def archive(entries: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        for name, text in entries.items():
            zipped.writestr(name, text)
    return out.getvalue()


def test_module_names_of_entries() -> None:
    assert module_name("a/b/__init__.py") == "a.b"
    assert module_name("a/b.py") == "a.b"
    assert module_name("site.py") == "site"


def test_sources_become_sourceless_pyc_and_the_rest_is_copied() -> None:
    out, dropped = compile_archive(archive(SOURCES), "/home/pyodide/")
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert names == ["pkg-0.1.dist-info/METADATA", "pkg/__init__.pyc", "pkg/mod.pyc"]
    assert dropped == []


def test_the_same_input_gives_the_same_bytes() -> None:
    first, second = (compile_archive(archive(SOURCES), "/p/")[0] for _ in range(2))
    assert first == second


def test_dropped_modules_are_left_out_and_named() -> None:
    out, dropped = compile_archive(archive(SOURCES), "/p/", drop=frozenset({"pkg.mod"}))
    assert dropped == ["pkg.mod"]
    assert "pkg/mod.pyc" not in zipfile.ZipFile(io.BytesIO(out)).namelist()


@pytest.mark.parametrize(
    ("optimize", "docstrings", "doc", "asserts"),
    [
        (0, True, "Twice n.", True),
        (0, False, None, True),  # the wheel: docstrings out, asserts kept
        (2, True, None, False),  # the standard library: both out
    ],
)
def test_the_compiled_package_imports_from_the_zip_without_its_source(
    tmp_path: Path, optimize: int, docstrings: bool, doc: str | None, asserts: bool
) -> None:
    out, _ = compile_archive(archive(SOURCES), "/p/", optimize, docstrings=docstrings)
    (tmp_path / "pkg.zip").write_bytes(out)
    sys.path.insert(0, str(tmp_path / "pkg.zip"))
    try:
        import pkg  # type: ignore[import-not-found]
        from pkg import mod  # type: ignore[import-not-found]

        assert pkg.twice(21) == 42
        assert mod.twice.__doc__ == doc
        assert mod.__file__ == str(tmp_path / "pkg.zip" / "pkg" / "mod.pyc")
        assert mod.twice.__code__.co_filename == "/p/pkg/mod.py"  # as tracebacks will say
        assert isinstance(mod.Box(), mod.Box)  # a class left with no body but `pass`
        if asserts:
            with pytest.raises(AssertionError, match="negativt"):
                mod.twice(-1)
        else:
            assert mod.twice(-1) == -2
    finally:
        sys.path.remove(str(tmp_path / "pkg.zip"))
        for name in ("pkg", "pkg.mod"):
            sys.modules.pop(name, None)


@pytest.mark.pyodide
def test_pyodide_compiles_for_its_own_python_and_leaves_out_its_frozen_modules(
    tmp_path: Path,
) -> None:
    """Compiled by Pyodide 3.14 under Node: the pyc magic is 3.14's, not this Python's, and
    the modules frozen into Pyodide (os, site, the import system …) are not in the zip."""
    if not shutil.which("node"):
        pytest.fail("Node saknas")
    stdlib = tmp_path / "stdlib.zip"
    stdlib.write_bytes(archive({"os.py": "x = 1\n", "json/__init__.py": '"""j"""\n'}))
    wheel = tmp_path / "w-0.1-py3-none-any.whl"
    wheel.write_bytes(archive(SOURCES))
    made = compile_for_browser(wheel, stdlib, PYODIDE, tmp_path / "cache")
    kept = zipfile.ZipFile(made.stdlib).namelist()
    assert kept == ["json/__init__.pyc"]
    pyc = zipfile.ZipFile(made.wheel).read("pkg/mod.pyc")
    magic_314 = (3627).to_bytes(2, "little") + b"\r\n"  # CPython 3.14's MAGIC_NUMBER
    assert pyc[:4] == magic_314
    assert made == compile_for_browser(wheel, stdlib, PYODIDE, tmp_path / "cache")  # cached
