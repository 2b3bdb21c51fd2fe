"""The MkDocs adapter: a failed content load stops a build, but not a running preview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from macros.plugin import SaljkompetensPlugin

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "content")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    return tmp_path


def _plugin(project: Path, command: str) -> tuple[SaljkompetensPlugin, object]:
    plugin = SaljkompetensPlugin()
    errors, warnings = plugin.load_config({"assessment": False})
    assert errors == [] and warnings == []
    plugin.on_startup(command=command, dirty=False)
    return plugin, load_config(str(project / "mkdocs.yml"))


def _break(project: Path) -> None:
    article = next((project / "content" / "articles").glob("*.md"))
    article.write_text(article.read_text("utf-8").replace("lang: sv", "lang: en"), "utf-8")


def test_build_fails_on_invalid_content(project: Path) -> None:
    plugin, config = _plugin(project, "build")
    _break(project)
    with pytest.raises(PluginError, match="inget publicerades"):
        plugin.on_config(config)


def test_preview_keeps_last_good_content(project: Path, capsys) -> None:
    plugin, config = _plugin(project, "serve")
    plugin.on_config(config)
    good = plugin.kb
    _break(project)
    plugin.on_config(config)  # no exception: the preview keeps serving
    assert plugin.kb is good
    assert 'lang: "en" är inte tillåtet' in capsys.readouterr().err


def test_preview_without_a_good_state_fails(project: Path) -> None:
    plugin, config = _plugin(project, "serve")
    _break(project)
    with pytest.raises(PluginError):
        plugin.on_config(config)
