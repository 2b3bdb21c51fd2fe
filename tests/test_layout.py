"""The pipeline reads one way: content → pages → MkDocs adapter, content → definition →
scoring_py. Each stage imports only the stages before it; scoring_py only the standard
library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What each part may import from the project (besides itself and third-party libraries).
ALLOWED = {
    "saljkompetens/content": {"saljkompetens.content"},
    "saljkompetens/pages": {"saljkompetens.content", "saljkompetens.pages"},
    "saljkompetens/definition.py": {"saljkompetens.content", "scoring_py"},
    "saljkompetens/history.py": set(),
    "macros": {"saljkompetens.content", "saljkompetens.pages", "saljkompetens.source",
               "saljkompetens.project", "saljkompetens.assets", "saljkompetens.history",
               "scoring_py"},
}  # fmt: skip


def imports(path: Path, package: str) -> set[str]:
    """Absolute names of the modules `path` imports (relative imports resolved)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level]
                names.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                names.add(node.module)
    return names


def files(part: str) -> list[tuple[Path, str]]:
    target = ROOT / part
    found = [target] if target.is_file() else sorted(target.rglob("*.py"))
    return [(p, ".".join(p.relative_to(ROOT).with_suffix("").parts)) for p in found]


@pytest.mark.parametrize("part", ALLOWED)
def test_each_stage_imports_only_earlier_stages(part: str) -> None:
    own = {"saljkompetens", "macros", "scoring_py"}
    for path, module in files(part):
        for name in imports(path, module):
            if name.split(".")[0] not in own:
                continue
            allowed = ALLOWED[part] | {part.removesuffix(".py").replace("/", ".")}
            assert any(name == a or name.startswith(a + ".") for a in allowed), (path, name)


def test_nothing_imports_the_mkdocs_plugin_but_its_entry_point() -> None:
    for part in ("saljkompetens", "macros", "scoring_py/src"):
        for path, module in files(part):
            if "mkdocs_plugin" in module:
                continue
            assert not any("mkdocs_plugin" in n for n in imports(path, module)), path


def test_scoring_py_uses_only_the_standard_library() -> None:
    for path, _ in files("scoring_py/src/scoring_py"):
        for name in imports(path, "scoring_py." + path.stem):
            top = name.split(".")[0]
            assert top == "scoring_py" or top in sys.stdlib_module_names, (path, name)
