""" "Så räknas resultatet" is rendered from the rules scoring_py applies and from the content:
change a rule or the scale, and the page says the new thing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import scoring_py.ranking

from macros import define_env

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"


class Env:
    """What a macros extension hands to `define_env` (Zensical's form: a plain dict)."""

    def __init__(self, conf: dict[str, str], page: object) -> None:
        self.conf, self.page, self.macros = conf, page, {}

    def macro(self, function):  # type: ignore[no-untyped-def]
        self.macros[function.__name__] = function
        return function


def explained(root: Path) -> str:
    env = Env({"root_dir": str(root), "docs_dir": "docs"}, SimpleNamespace(path="sa.md"))
    define_env(env)
    return env.macros["scoring_explained"]()


@pytest.fixture
def project(tmp_path: Path, root: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "content")
    (tmp_path / "docs").symlink_to(root / "docs")
    return tmp_path


def test_the_page_states_the_rules_in_force(project: Path) -> None:
    text = explained(project)
    assert "räknas som 6 − svaret: att instämma helt (5) i ett svagt beteende ger 1" in text
    assert "(medelvärde − 1) × 25" in text
    assert "färre än 2 svar" in text
    assert "Högst 3 nämns" in text
    assert "| 4 | ± 9,7 |" in text  # 16 · √(7/19) = 9.71


def test_a_changed_rule_changes_the_page(project: Path, monkeypatch) -> None:
    monkeypatch.setattr(scoring_py.ranking, "TOP_COUNT", 2)
    assert "Högst 2 nämns" in explained(project)


def test_the_scale_comes_from_the_content(project: Path) -> None:
    settings = project / "content" / "assessment.yml"
    steps = "".join(f'  - {{value: {v}, label: "Steg {v}"}}\n' for v in range(1, 8))
    text = settings.read_text("utf-8")
    text = re.sub(r"scale:\n(  - .*\n)+", "scale:\n" + steps, text)
    settings.write_text(text, encoding="utf-8")
    page = explained(project)
    assert "en skala från 1 till 7" in page
    assert "räknas som 8 − svaret: att instämma helt (7) i ett svagt beteende ger 1" in page
    assert "(medelvärde − 1) × 16,67" in page
    assert "| 7 | Steg 7 |" in page
