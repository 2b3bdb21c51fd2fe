"""The docs macros need no plugin: they run under mkdocs-macros and under Zensical's
macros extension (a plain dict for the configuration, pages by `path`), with the same
content the plugin reads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from macros import define_env
from saljkompetens.pages.escape import markdown_text


class Env:
    """What a macros extension hands to `define_env`: the config, the page, `macro()`."""

    def __init__(self, conf: Any, page: Any) -> None:
        self.conf, self.page = conf, page
        self.macros: dict[str, Callable[..., Any]] = {}

    def macro(self, function: Callable[..., Any]) -> Callable[..., Any]:
        self.macros[function.__name__] = function
        return function


@pytest.mark.parametrize(
    "conf, page",
    [
        (  # Zensical: a dict with root_dir, pages by path, no plugins at all
            lambda root: {"root_dir": str(root), "docs_dir": "docs"},
            SimpleNamespace(path="sjalvskattning/index.md"),
        ),
        (  # mkdocs-macros: MkDocs' config (config_file_path), pages by file.src_uri
            lambda root: {
                "config_file_path": str(root / "mkdocs.yml"),
                "docs_dir": str(root / "docs"),
            },
            SimpleNamespace(file=SimpleNamespace(src_uri="sjalvskattning/index.md")),
        ),
    ],
)
def test_macros_work_without_the_plugin(root: Path, kb, conf, page) -> None:
    env = Env(conf(root), page)
    define_env(env)
    cards = env.macros["competency_cards"]()
    first = kb.competencies[0]
    assert f"[{markdown_text(first.title)}](../kompetenser/{first.slug}.md)" in cards
    assert env.macros["counts"]()["statements"] == kb.statement_count
    form = env.macros["assessment_form"]()
    assert 'data-definition="../assets/sjalvskattning/bedomning.json"' in form
    assert 'data-root="../"' in form
    # every step of the scale, and "Ej aktuellt i min roll"
    assert form.count('type="radio"') == kb.statement_count * (len(kb.settings.scale) + 1)


NO_CONTACT = "Webbplatsen anger ingen kontaktadress."


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [
        (
            {"name": "Säljarnas förening", "contact": "info@example.se"},
            "Webbplatsen ges ut av Säljarnas förening.\n"
            "Kontakt: [info@example\\.se](mailto:info@example.se)",  # Markdown-escaped text
        ),
        (
            {"name": "A*b*", "contact": "javascript:alert(1)"},
            "Webbplatsen ges ut av A\\*b\\*.\n" + NO_CONTACT,
        ),
        ({}, "Utgivaren är inte angiven.\n" + NO_CONTACT),
    ],
)
def test_the_publisher_comes_from_the_config_as_text(root: Path, publisher, expected) -> None:
    conf = {"root_dir": str(root), "docs_dir": "docs", "extra": {"publisher": publisher}}
    env = Env(conf, SimpleNamespace(path="om-webbplatsen.md"))
    define_env(env)
    assert env.macros["publisher_info"]().strip() == expected
