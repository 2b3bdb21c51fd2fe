"""The README's command-line example works as written, for plain answers and the export."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

DEFINITION = "assets/sjalvskattning/bedomning.json"


def _section(readme: str, heading: str) -> str:
    start = readme.index(f"## {heading}")
    end = readme.find("\n## ", start + 1)
    return readme[start:end]


@pytest.mark.parametrize("as_export", [False, True])
def test_cli_example(root: Path, built_site, tmp_path: Path, as_export: bool) -> None:
    section = _section((root / "README.md").read_text("utf-8"), "Självskattningen på kommandoraden")
    shell, answers_text = re.findall(r"```(?:sh|json)\n(.*?)```", section, re.S)
    command = next(line for line in shell.splitlines() if "scoring_py" in line).split()
    assert command[0] == ".venv/bin/python"
    answers = json.loads(answers_text)
    if as_export:  # what the page's export button saves, with a stale result inside
        answers = {"format": "saljkompetens-export", "version": 1, "answers": answers,
                   "result": {"overall": 0}}  # fmt: skip
    (tmp_path / "mina-svar.json").write_text(json.dumps(answers), encoding="utf-8")
    (tmp_path / "site").symlink_to(built_site.path)  # the default definition: site/…
    done = subprocess.run(
        [sys.executable, *command[1:]], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    definition = json.loads((built_site.path / DEFINITION).read_text("utf-8"))
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    reverse = {i["id"]: i["reverse"] for c in definition["competencies"] for i in c["items"]}
    # The rule, by hand: a reverse statement counts as low + high − answer; the score is the
    # mean on the scale moved to 0–100, rounded half up. Which statements are reverse is the
    # content's to say, so it is read from the definition, not assumed.
    given = answers["answers"] if as_export else answers
    keyed = [low + high - v if reverse[k] else v for k, v in given["answers"].items()]
    expected = Fraction(sum(keyed), len(keyed)) - low
    expected = math.floor(expected * 100 / (high - low) + Fraction(1, 2))
    slug = next(iter(given["answers"])).rpartition("-")[0]  # prospektering
    competency = next(c for c in result["competencies"] if c["slug"] == slug)
    assert competency["score"] == expected
    assert result["role"]["slug"] == command[command.index("--role") + 1]
    assert result["answered"] == len(given["answers"])


def test_team_example(root: Path, built_site, tmp_path: Path) -> None:
    from tests.support.team_files import team_files

    section = _section((root / "README.md").read_text("utf-8"), "Teamets bild på kommandoraden")
    (shell,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    command = shell.split()
    definition = json.loads((built_site.path / DEFINITION).read_text())
    for name, text in team_files(definition, 3):
        (tmp_path / name).write_text(text, encoding="utf-8")  # svar-ab.json, svar-cd.json, …
    (tmp_path / "site").symlink_to(built_site.path)
    done = subprocess.run(
        [sys.executable, *command[1:]], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert rows[0].split(";")[0] == "\ufeffPerson"  # a Swedish spreadsheet: BOM and ;
    assert [row.split(";")[0] for row in rows[1:]] == ["AB", "CD", "EF"]
