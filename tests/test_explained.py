""" "Så räknas resultatet" is rendered from the rules scoring_py applies and from the content:
change a rule or the scale, and the page says the new thing."""

from __future__ import annotations

import re
import shutil
from fractions import Fraction
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
    assert "Högst 3 kompetenser nämns" in text


def test_the_page_states_the_ranges_and_their_coverage(project: Path) -> None:
    # One answer's error 25 · √(1 − 0.3) = 20.92; z90 = inv_cdf(0.95) = 1.6449; the two
    # competencies have 4 statements and min_answers is 2: rows for 2, 3 and 4 answers.
    text = explained(project)
    assert "**90&nbsp;%-intervall**" in text
    assert "ett svar varierar mellan personer med ungefär 25 poäng" in text
    assert "samvarierar 0,3" in text
    assert "Ett enskilt svars fel blir då 20,9 poäng" in text
    assert (
        "| 2 | ± 24,3 |\n| 3 | ± 19,9 |\n| 4 | ± 17,2 |\n" in text
    )  # 14.790, 12.076, 10.458 · z90
    assert "| 5 | ± " not in text


def test_the_page_gives_z_to_its_own_precision(project: Path) -> None:
    # z90 = 1.64485: "1,645" (three decimals) or "1,64" (two), never "1,65".
    text = explained(project)
    assert "Intervallet är ± 1,645 gånger det" in text or "Intervallet är ± 1,64 gånger" in text


def test_the_page_states_the_thresholds_of_the_claims(project: Path) -> None:
    # Two competencies, no stages: 2 comparisons, z_2 = inv_cdf(1 − 0.10/4) = 1.9600.
    # Against the median of the other (4 answers each): sem² = 437.5/4 = 109.375, the
    # median's (π/2) · 109.375 / 1 = 171.81; 1.96 · √281.18 = 32.87 → 33.
    # The role's two targets: ceil(1.96 · 10.458 = 20.50) = 21.
    text = explained(project)
    assert "högst 10 gånger av 100" in text
    assert "(2: varje kompetens), så gränsen blir 1,96 gånger" in text
    assert "| 4 | mer än 33 poäng |" in text
    assert "| 4 | 2 | värdet ± 21 poäng |" in text
    assert "Försäljningens delar" not in text  # no stages in this content


def test_the_page_shows_the_simulation_the_tests_run(project: Path) -> None:
    from scoring_py.simulation import SEED, error_rates

    from saljkompetens.content.loader import load_content
    from saljkompetens.definition import build_definition

    rates = error_rates(build_definition(load_content(project / "content")))
    text = explained(project)
    assert f"simulering av {rates['people']} personer per fall (fast startvärde {SEED})" in text
    for level, share in rates["even"].items():
        percent = f"{round(share * 100)}&nbsp;%"
        row = f"| Samma nivå ({level}) i alla kompetenser: något utpekat | {percent} |"
        assert row in text
    assert "| Exakt på målen för Säljare: något under eller över | " in text


def test_a_changed_rule_changes_the_page(project: Path, monkeypatch) -> None:
    monkeypatch.setattr(scoring_py.ranking, "TOP_COUNT", 2)
    assert "Högst 2 kompetenser nämns" in explained(project)


def test_a_changed_error_rate_changes_the_thresholds(project: Path, monkeypatch) -> None:
    # FAMILY_ERROR 5 %: z_2 = inv_cdf(1 − 0.05/4) = 2.2414; 2.2414 · √281.18 = 37.58 → 38;
    # the role: ceil(2.2414 · 10.458 = 23.44) = 24.
    monkeypatch.setattr(scoring_py.ranking, "FAMILY_ERROR", Fraction(1, 20))
    text = explained(project)
    assert "högst 5 gånger av 100" in text
    assert "gränsen blir 2,24 gånger" in text
    assert "| 4 | mer än 38 poäng |" in text
    assert "| 4 | 2 | värdet ± 24 poäng |" in text


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
