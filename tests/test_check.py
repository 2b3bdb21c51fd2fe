"""`python -m saljkompetens check` and the loader's error messages, one fixture per case.

Each case under `tests/fixtures/broken/<case>/` holds only the files it changes in the
small valid tree `tests/fixtures/minimal/content/`, and `expected.txt` with the exact
error lines an editor sees. A file `x.md.latin1` (stored as UTF-8, so that tools reading
the repository can) is laid over as `x.md` encoded in Latin-1. Cases under
`tests/fixtures/accepted/<case>/` pass the check; their `expected.txt` is its whole output
(warnings, then the summary). Many cases are hostile: what an attacker or a careless
editor would try (scripts, YAML bombs, look-alike letters, temp files …).
"""

from __future__ import annotations

import io
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from saljkompetens.check import run_check, summary
from saljkompetens.content.errors import ContentErrors
from saljkompetens.content.loader import load_content
from saljkompetens.source import read_site_content

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "minimal" / "content"
BROKEN = FIXTURES / "broken"
ACCEPTED = FIXTURES / "accepted"
CASES = sorted(case.name for case in BROKEN.iterdir() if case.is_dir())
ACCEPTED_CASES = sorted(case.name for case in ACCEPTED.iterdir() if case.is_dir())


def broken_tree(case: str, into: Path, cases: Path = BROKEN) -> Path:
    """The minimal tree with the case's files laid over it, as `into/content`."""
    content = into / "content"
    shutil.copytree(MINIMAL, content)
    shutil.copytree(cases / case / "content", content, dirs_exist_ok=True)
    for stored in content.rglob("*.latin1"):
        stored.with_suffix("").write_bytes(stored.read_text("utf-8").encode("latin-1"))
        stored.unlink()
    return content


def expected_lines(case: str, cases: Path = BROKEN) -> list[str]:
    return (cases / case / "expected.txt").read_text("utf-8").splitlines()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60
    assert len(ACCEPTED_CASES) >= 4


def test_minimal_tree_is_valid() -> None:
    kb = load_content(MINIMAL)
    assert summary(kb) == (
        "Innehållet är giltigt: 2 kompetenser, 2 tankesätt, 1 artikel, 1 roll, 8 påståenden."
    )


def test_real_content_is_valid(root: Path) -> None:
    assert read_site_content(root / "content", root / "docs").kb.warnings == ()


@pytest.mark.parametrize("case", CASES)
def test_broken_case_gives_exact_messages(case: str, tmp_path: Path) -> None:
    content = broken_tree(case, tmp_path)
    with pytest.raises(ContentErrors) as raised:
        read_site_content(content)
    assert [str(error) for error in raised.value.errors] == expected_lines(case)


@pytest.mark.parametrize("case", CASES)
def test_every_error_names_file_line_and_is_swedish(case: str, tmp_path: Path) -> None:
    with pytest.raises(ContentErrors) as raised:
        read_site_content(broken_tree(case, tmp_path))
    for error in raised.value.errors:
        assert str(error.path).startswith("content/")
        assert error.line is not None
        for english in ("expected", "could not", "found", "is not of type", "required"):
            assert english not in error.message


@pytest.mark.parametrize("case", ACCEPTED_CASES)
def test_accepted_case_gives_exact_output(case: str, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_check(broken_tree(case, tmp_path, ACCEPTED), out, err) == 0, err.getvalue()
    lines = (err.getvalue() + out.getvalue()).splitlines()
    assert lines == expected_lines(case, ACCEPTED)


def test_two_missing_fields_are_each_reported_once(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_check(broken_tree("two-required-fields-missing", tmp_path), out, err) == 1
    assert err.getvalue().splitlines()[-1] == "2 fel i innehållet."


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    content = broken_tree("two-required-fields-missing", tmp_path)  # any tree will do
    article = content / "articles" / "om-att-lyssna.md"
    article.write_text(
        (MINIMAL / "articles" / "om-att-lyssna.md").read_text("utf-8") + "Text. " * 60_000,
        encoding="utf-8",
    )
    assert messages(content) == [
        "content/articles/om-att-lyssna.md:1: filen är 351 kB; högst 256 kB tillåts – dela upp "
        "texten"
    ]


def test_symlink_out_of_content_is_refused_and_inside_is_read(tmp_path: Path) -> None:
    content = broken_tree("two-required-fields-missing", tmp_path)
    article = content / "articles" / "om-att-lyssna.md"
    outside = tmp_path / "hemlig.md"
    outside.write_text((MINIMAL / "articles" / "om-att-lyssna.md").read_text("utf-8"), "utf-8")
    article.unlink()
    article.symlink_to(outside)
    assert messages(content) == [
        "content/articles/om-att-lyssna.md:1: är en symbolisk länk till en fil utanför content/ "
        "och publiceras inte; kopiera in filen i stället"
    ]
    inside = content / "utkast.md"
    inside.write_text(outside.read_text("utf-8"), "utf-8")
    article.unlink()
    article.symlink_to(inside)
    assert [c.title for c in load_content(content).articles] == ["Om att lyssna"]


@pytest.mark.parametrize("case", ["yaml-alias-bomb", "yaml-deep-nesting", "yaml-python-tag"])
def test_hostile_yaml_runs_nothing_and_stays_small(case: str, run_cli, tmp_path: Path) -> None:
    """In a child process capped at 1 GB: a bomb would die, not pass (speed: make bench)."""
    broken_tree(case, tmp_path)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run(
        [sys.executable, "-m", "saljkompetens", "check"],
        cwd=tmp_path,
        env=run_cli.env,
        capture_output=True,
        encoding="utf-8",
        preexec_fn=cap,
        timeout=60,  # a hang guard, not a speed goal
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [*expected_lines(case), "1 fel i innehållet."]
    assert "Traceback" not in done.stderr


def test_three_problems_in_three_files_give_three_lines(tmp_path: Path) -> None:
    content = broken_tree("three-files-three-errors", tmp_path)
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    assert len({error.path for error in raised.value.errors}) == 3
    assert raised.value.report().splitlines()[-1] == "3 fel i innehållet."


def test_cli_reports_every_error_and_fails(run_cli, tmp_path: Path) -> None:
    broken_tree("three-files-three-errors", tmp_path)
    done = run_cli("check", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines == [*expected_lines("three-files-three-errors"), "3 fel i innehållet."]
    assert "Traceback" not in done.stderr


def test_cli_reports_unreadable_files_without_traceback(run_cli, tmp_path: Path) -> None:
    broken_tree("not-utf8", tmp_path)
    done = run_cli("check", "content", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [*expected_lines("not-utf8"), "1 fel i innehållet."]


def test_cli_passes_on_real_content(run_cli, root: Path) -> None:
    done = run_cli("check", cwd=root)
    assert done.returncode == 0, done.stderr
    kb = load_content(root / "content")
    counts = (len(kb.competencies), len(kb.mindsets), len(kb.articles), len(kb.roles))
    assert done.stdout.startswith("Innehållet är giltigt: {} kompetenser, {} tankesätt, ".format(
        *counts[:2]))  # fmt: skip
    assert (
        f"{counts[3]} roller, {sum(len(c.statements) for c in kb.competencies)} påståenden, "
        f"{len(kb.selftests)} självtest." in done.stdout
    )


def test_cli_missing_folder(run_cli, tmp_path: Path) -> None:
    done = run_cli("check", "finns-inte", cwd=tmp_path)
    assert done.returncode == 1
    assert "finns-inte: mappen med innehåll finns inte" in done.stderr


def test_cli_help_is_swedish(run_cli, tmp_path: Path) -> None:
    done = run_cli("--help", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("användning: python -m saljkompetens")
    assert "kontrollera allt innehåll" in done.stdout
    assert "usage" not in done.stdout
    # outside the project's environment only make (or .venv/bin/python) works
    assert "  make check\n" in done.stdout and "\n  python -m" not in done.stdout
    wrong = run_cli("nytt", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "fel: KOMMANDO: ogiltigt val 'nytt'" in wrong.stderr


def messages(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    return [str(error) for error in raised.value.errors]
