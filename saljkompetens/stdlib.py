"""A trimmed Python standard library for Pyodide: only what its start-up and `scoring_py` import.

Pyodide's `python_stdlib.zip` (2.5 MB, already deflated) holds all of the standard library.
The browser needs the modules Pyodide imports when it starts and works (its own `pyodide`
and `_pyodide` packages, `site`, a few codecs) and those `scoring_py` imports on any code
path. Both are found statically: every `import` in those modules, also inside functions
and `try` blocks, is followed through the zip to a closure. A name the zip does not hold
is built into Pyodide's wasm (`math`, `_json`, …) or missing; the Pyodide tests catch the
latter (tests/test_stdlib.py).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

# What Pyodide imports as it starts (seen in Pyodide 314 under Node; the rest follows from
# these), and the codecs Python looks up by name, which no import statement names.
PYODIDE_ROOTS = (
    "site",
    "zipimport",
    "_pyodide._base",
    "_pyodide._core_docs",
    "_pyodide._future_helper",
    "_pyodide._importhook",
    "_pyodide.docs_argspec",
    "_pyodide.docstring",
    "_pyodide.jsbind",
    "pyodide",
    "pyodide._package_loader",
    "pyodide._state",
    "pyodide.code",
    "pyodide.common",
    "pyodide.ffi",
    "pyodide.webloop",
    "encodings",
    "encodings.aliases",
    "encodings.ascii",
    "encodings.cp437",  # zipfile: names of entries without the UTF-8 flag (unpackArchive)
    "encodings.latin_1",
    "encodings.utf_8",
    "encodings.utf_8_sig",
    "encodings.utf_16",
    "encodings.utf_32",
    "encodings.unicode_escape",
    "encodings.raw_unicode_escape",
)


# Imported only where `sys.platform == "win32"` (asyncio's event loop, the codecs' Windows
# code pages), which the static reading cannot tell; Pyodide never imports them.
WINDOWS_ONLY = frozenset(
    {
        "asyncio.proactor_events",
        "asyncio.windows_events",
        "asyncio.windows_utils",
        "encodings._win_cp_codecs",
    }
)


class StdlibZip:
    """The modules of a standard-library zip, by dotted name."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.files: dict[str, str] = {}  # module → file in the zip
        self.packages: set[str] = set()
        for name in self.zip.namelist():
            if not name.endswith(".py"):
                continue
            parts = name[:-3].split("/")
            if parts[-1] == "__init__":
                parts.pop()
                self.packages.add(".".join(parts))
            if parts and "-" not in "".join(parts[:-1]):
                self.files[".".join(parts)] = name

    def imports(self, module: str) -> set[str]:
        """The modules `module` imports when it is imported (not those its functions
        import when called), resolved, with parents."""
        source = self.zip.read(self.files[module]).decode("utf-8", "replace")
        return imports_of(module_level(source), module, module in self.packages)


_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]*)", re.M)


def imports_of(source: bytes | str, module: str, is_package: bool) -> set[str]:
    """Every module an `import` in `source` may load: `a.b.c` also gives `a` and `a.b`,
    `from a import b` gives `a` and `a.b` (which may be a submodule).

    Read line by line, not with `ast`: the zip is Pyodide's Python (3.14), newer than the
    Python that builds the site. A match inside a string only adds a module (safe).
    """
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for match in _IMPORT.finditer(text):
        for part in match.group(1).split(","):
            found.add(_with_parents(part.split(" as ")[0].strip()))
    for match in _FROM.finditer(text):
        base = match.group(1)
        level = len(base) - len(base.lstrip("."))
        base = base.lstrip(".")
        if level:
            parts = package.split(".")
            parts = parts[: len(parts) - level + 1]
            base = ".".join([*parts, base] if base else parts)
        found.add(_with_parents(base))
        names = re.sub(r"#[^\n]*|[()\\]", " ", match.group(2))
        for name in names.split(","):
            name = name.split(" as ")[0].strip()
            if name.isidentifier():
                found.add(_with_parents(f"{base}.{name}"))
    return {name for names in found for name in names.split("|") if name}


_BLOCK = re.compile(r"(try|if|elif|else|except|finally|with)\b")


def module_level(source: str) -> str:
    """The lines of `source` that run on import: those at column 0 and those inside
    a top-level `try`/`if`/`with` block (not inside `def`, `class` or `if __name__ …`)."""
    kept: list[str] = []
    inside = True
    for line in source.splitlines():
        if line[:1].strip() and not line.startswith(("#", ")", "]", "}")):
            inside = not line.startswith(("def ", "class ", "async ", "if __name__"))
            inside = inside or bool(_BLOCK.match(line)) and "__name__" not in line
            kept.append(line)
        elif inside:
            kept.append(line)
    return "\n".join(kept)


def _with_parents(name: str) -> str:
    parts = name.split(".")
    return "|".join(".".join(parts[: i + 1]) for i in range(len(parts)))


def closure(stdlib: StdlibZip, roots: Iterable[str]) -> set[str]:
    """The modules of the zip that `roots` import when imported, directly or not (but
    not the Windows-only ones)."""
    todo = [name for name in roots if name in stdlib.files]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name in WINDOWS_ONLY:
            continue
        seen.add(name)
        todo += [m for m in stdlib.imports(name) if m in stdlib.files and m not in seen]
    return seen


def scoring_imports(package: Path) -> set[str]:
    """Every module named by an import in the `scoring_py` sources under `package`."""
    found: set[str] = set()
    for path in package.rglob("*.py"):
        relative = path.relative_to(package.parent).with_suffix("")
        parts = list(relative.parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found |= imports_of(path.read_bytes(), ".".join(parts), is_package)
    return {name for name in found if name.split(".")[0] != package.name}


def trimmed(full: bytes, roots: Iterable[str]) -> bytes:
    """A zip of only the modules `roots` and Pyodide's start-up need, deflated, with fixed
    timestamps, so the same input gives the same bytes (and URL)."""
    stdlib = StdlibZip(full)
    keep = {stdlib.files[name] for name in closure(stdlib, [*PYODIDE_ROOTS, *roots])}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for name in sorted(keep):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(info, stdlib.zip.read(name))
    return out.getvalue()


def build_trimmed(full_zip: Path, scoring_package: Path, cache: Path) -> Path:
    """The trimmed zip for `scoring_package` (its `src/scoring_py`), cached by its inputs."""
    roots = sorted(scoring_imports(scoring_package))
    key = hashlib.sha256(full_zip.read_bytes())
    key.update("\n".join(roots).encode())
    key.update(Path(__file__).read_bytes())
    out = cache / "stdlib" / key.hexdigest()[:16] / "python_stdlib.zip"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_suffix(".tmp")
        partial.write_bytes(trimmed(full_zip.read_bytes(), roots))
        partial.replace(out)
    return out
