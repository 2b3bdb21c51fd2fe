"""Compile the `.py` files of a zip archive to `.pyc`, so that imports skip compiling.

This module runs inside Pyodide's own Python under Node at build time (saljkompetens/
bytecode.mjs reads its source), because bytecode belongs to one Python version and Pyodide
is newer than the Python that builds the site. It uses the standard library only and works
on any Python 3.11 or later (the tests run it on the build's Python too).

Each `name.py` becomes `name.pyc` (no source beside it): an unchecked-hash pyc, which
Python's zip and file importers load without looking for a source to compare with. The
other entries are copied. Entries are sorted and dated 1980-01-01, so the same input and
Python give the same bytes.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]

EPOCH = (1980, 1, 1, 0, 0, 0)


def module_name(entry: str) -> str:
    """The dotted module name of a `.py` entry (`a/b/__init__.py` → `a.b`)."""
    parts = entry[: -len(".py")].split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def without_docstrings(tree: ast.Module) -> ast.Module:
    """`tree` without the docstrings of its module, classes and functions (what `optimize=2`
    leaves out, but keeping the asserts)."""
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    for node in ast.walk(tree):
        if isinstance(node, kinds) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                node.body = node.body[1:] or [ast.copy_location(ast.Pass(), first)]
    return tree


def compile_source(source: bytes, filename: str, optimize: int, docstrings: bool) -> object:
    """The code object of a module's source, as `compile()` makes it."""
    if docstrings:
        return compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    tree = without_docstrings(ast.parse(source, filename))
    return compile(tree, filename, "exec", dont_inherit=True, optimize=optimize)


def compile_archive(
    data: bytes,
    prefix: str,
    optimize: int = 0,
    drop: frozenset[str] = frozenset(),
    docstrings: bool = True,
) -> tuple[bytes, list[str]]:
    """The archive `data` with its modules compiled, and the names of the modules left out.

    `prefix`: where the archive's entries are imported from in the browser (the file names
    tracebacks show); `optimize`: as `compile()` (2 leaves out docstrings and asserts);
    `drop`: modules to leave out (those Python has frozen in, never read from the zip);
    `docstrings=False`: docstrings left out whatever `optimize` says.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    dropped: list[str] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for info in sorted(source.infolist(), key=lambda entry: entry.filename):
            if info.is_dir():
                continue
            name, body = info.filename, source.read(info.filename)
            if name.endswith(".py"):
                if module_name(name) in drop:
                    dropped.append(module_name(name))
                    continue
                code = compile_source(body, prefix + name, optimize, docstrings)
                body = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(body), False))
                name += "c"
            entry = zipfile.ZipInfo(name, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            zipped.writestr(entry, body)
    return out.getvalue(), dropped
