"""The command line, run as a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scoring_py import score_json

FIXTURE = Path(__file__).parent / "fixtures" / "scoring" / "definition.json"
ANSWERS = {
    "format": "saljkompetens-svar",
    "version": 1,
    "role": "nykundsjagare",
    "answers": {"prospektering-1": 4, "prospektering-2": 2, "avslut-1": 3, "avslut-2": 5},
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="ascii")  # output must not depend on the locale
    return subprocess.run(
        [sys.executable, "-m", "scoring_py", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def write_answers(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_score_prints_canonical_json(tmp_path: Path) -> None:
    path = write_answers(tmp_path, ANSWERS)
    done = run("score", str(path), "--definition", str(FIXTURE))
    assert (done.returncode, done.stderr) == (0, b"")
    expected = score_json(FIXTURE.read_text(encoding="utf-8"), path.read_text(encoding="utf-8"))
    assert done.stdout.decode("utf-8") == expected + "\n"


def test_role_option_overrides(tmp_path: Path) -> None:
    path = write_answers(tmp_path, dict(ANSWERS, role=None))
    done = run("score", str(path), f"--definition={FIXTURE}", "--role", "nykundsjagare")
    assert done.returncode == 0
    assert json.loads(done.stdout)["role"]["slug"] == "nykundsjagare"


def test_default_definition_path_is_the_built_site(tmp_path: Path) -> None:
    target = tmp_path / "site" / "assets" / "sjalvskattning"
    target.mkdir(parents=True)
    (target / "bedomning.json").write_bytes(FIXTURE.read_bytes())
    write_answers(tmp_path, ANSWERS)
    done = run("score", "svar.json", cwd=tmp_path)
    assert done.returncode == 0
    assert json.loads(done.stdout)["answered"] == 4


def test_bad_answers_exit_2_with_swedish_message(tmp_path: Path) -> None:
    path = write_answers(tmp_path, dict(ANSWERS, answers={"avslut-1": 9}))
    done = run("score", str(path), "--definition", str(FIXTURE))
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("utf-8") == (
        'fel: Svaret på påstående "avslut-1" är 9, men skalan går från 1 till 5.\n'
    )


def test_unknown_role_exit_2(tmp_path: Path) -> None:
    path = write_answers(tmp_path, ANSWERS)
    done = run("score", str(path), "--definition", str(FIXTURE), "--role", "vd")
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == 'fel: Okänd roll "vd". Giltiga roller: nykundsjagare.\n'


def test_missing_files_exit_2(tmp_path: Path) -> None:
    done = run("score", str(tmp_path / "finns-inte.json"), "--definition", str(FIXTURE))
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == (
        f"fel: hittar inte svarsfilen: {tmp_path / 'finns-inte.json'}\n"
    )
    path = write_answers(tmp_path, ANSWERS)
    done = run("score", str(path), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == (
        "fel: hittar inte bedömningsdefinitionen: site/assets/sjalvskattning/bedomning.json\n"
    )


def test_usage_errors_exit_2() -> None:
    for args, message in [
        ((), "fel: ange ett kommando, t.ex. score SVAR.json.\n"),
        (
            ("rakna",),
            'fel: okänt kommando "rakna". Använd "score", "compare" eller "team" (se --help).\n',
        ),
        (("score", "a.json", "--csv"), 'fel: okänd flagga "--csv" (se --help).\n'),
        (("score",), "fel: ange exakt en svarsfil: python -m scoring_py score SVAR.json\n"),
        (("score", "a.json", "--verbose"), 'fel: okänd flagga "--verbose" (se --help).\n'),
        (("score", "a.json", "--role"), "fel: --role behöver ett värde.\n"),
    ]:
        done = run(*args)
        assert done.returncode == 2, args
        assert done.stderr.decode("utf-8").endswith(message), args


def test_help_is_swedish() -> None:
    done = run("--help")
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert text.startswith("användning: python -m scoring_py score SVAR.json")
    assert "--definition SÖKVÄG" in text and "visa den här hjälpen" in text
    assert run("score", "--help").stdout == done.stdout


def test_the_pages_export_file_is_scored_as_it_is(tmp_path: Path) -> None:
    """The file the page exports: answers wrapped with the result the page showed."""
    export = {
        "format": "saljkompetens-export",
        "version": 1,
        "answers": ANSWERS,
        "result": {"format": "saljkompetens-resultat", "overall": 100},  # never trusted
    }
    path = write_answers(tmp_path, export)
    done = run("score", str(path), "--definition", str(FIXTURE))
    assert (done.returncode, done.stderr) == (0, b"")
    plain = tmp_path / "bara-svaren.json"
    plain.write_text(json.dumps(ANSWERS), encoding="utf-8")
    assert done.stdout == run("score", str(plain), "--definition", str(FIXTURE)).stdout
    # Scored anew, not copied: prospektering 4 and (reverse) 6 − 2 = 4, mean 4 → 75;
    # avslut 3 and 5, mean 4 → 75; the others unanswered.
    result = json.loads(done.stdout)
    scores = {entry["slug"]: entry["score"] for entry in result["competencies"]}
    assert (scores["prospektering"], scores["avslut"], scores["behovsanalys"]) == (75, 75, None)


def team_files(tmp_path: Path) -> list[Path]:
    """The four sellers of tests/test_scoring_team.py, a manager's rating and a broken file."""
    from tests.test_scoring_team import FOUR, MANAGER_AB, file

    files = [*FOUR, ("chef-ab.json", file(MANAGER_AB, "ab", "manager")), ("trasig.json", "{")]
    paths = []
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return paths


def test_team_csv_is_the_one_the_page_downloads(tmp_path: Path) -> None:
    from scoring_py import team

    paths = team_files(tmp_path)
    done = run("team", *map(str, paths), "--csv", "--role", "nykundsjagare",
               "--definition", str(FIXTURE))  # fmt: skip
    assert done.returncode == 1  # the broken file could not be used; the rest is shown
    expected = team(
        FIXTURE.read_text(encoding="utf-8"),
        [(p.name, p.read_text(encoding="utf-8")) for p in paths],
        "nykundsjagare",
    )
    assert done.stdout.decode("utf-8") == expected["csv"]
    # byte for byte: the BOM, ";" and the titles (Swedish Excel opens it in columns)
    assert done.stdout.startswith("\ufeffPerson;Datum;Prospektering;Behovsanalys;".encode())
    assert done.stdout.split(b"\r\n")[1] == b"AB;;100;50;75;25;"  # the files have no date
    assert b"fel i trasig.json:" in done.stderr


def test_team_json_with_good_files_exits_0(tmp_path: Path) -> None:
    paths = team_files(tmp_path)[:4]
    done = run("team", *map(str, paths), "--definition", str(FIXTURE))
    assert done.returncode == 0, done.stderr
    view = json.loads(done.stdout)
    assert [p["label"] for p in view["people"]] == ["AB", "Person 1", "Person 2", "D"]
    # D left 7 of 17 unanswered: shown, but kept out of the team's numbers
    assert (view["aggregate"]["people"], view["set_aside"]) == (3, ["D"])


def test_team_needs_a_file() -> None:
    done = run("team", "--definition", str(FIXTURE))
    assert done.returncode == 2
    assert "ange minst en svarsfil" in done.stderr.decode("ascii", "backslashreplace")


# -- hostile files ------------------------------------------------------------------------------

HOSTILE = Path(__file__).parent / "fixtures" / "answers"
EXPECTED = json.loads((HOSTILE / "expected.json").read_text(encoding="utf-8"))["score"]


def test_every_hostile_fixture_has_its_expected_message() -> None:
    assert sorted(p.name for p in HOSTILE.glob("hostile-*")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_file_gets_its_swedish_message_and_nothing_raw(name: str) -> None:
    path = HOSTILE / name
    done = run("score", str(path), "--definition", str(FIXTURE))
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode("utf-8") == EXPECTED[name].replace("{path}", str(path)) + "\n"
    assert not set(done.stderr.decode("utf-8")) & set("\x1b\x07\x7f\x9b\u202e\u2066\u2069")


def test_utf16_with_a_bom_is_read_as_the_page_reads_it(tmp_path: Path) -> None:
    utf8 = write_answers(tmp_path, ANSWERS)
    expected = run("score", str(utf8), "--definition", str(FIXTURE))
    text = json.dumps(ANSWERS)
    for name, data in [("le.json", b"\xff\xfe" + text.encode("utf-16-le")),
                       ("be.json", b"\xfe\xff" + text.encode("utf-16-be")),
                       ("bom8.json", b"\xef\xbb\xbf" + text.encode("utf-8"))]:  # fmt: skip
        (tmp_path / name).write_bytes(data)
        done = run("score", str(tmp_path / name), "--definition", str(FIXTURE))
        assert (done.returncode, done.stdout, done.stderr) == (0, expected.stdout, b""), name


def test_team_output_escapes_what_came_from_files(tmp_path: Path) -> None:
    """A file name with ESC and U+202E: named escaped on stderr, written as JSON's own
    escapes in the JSON, so the output is still the same JSON value."""
    from tests.test_scoring_team import FOUR

    paths = []
    for name, text in FOUR:
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    odd = tmp_path / "\x1b]0;titel\x07\u202enosj.json"
    odd.write_text("{", encoding="utf-8")
    done = run("team", *map(str, [*paths, odd]), "--definition", str(FIXTURE))
    assert done.returncode == 1
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    raw = set("\x1b\x07\u202e")
    assert not raw & set(out) and not raw & set(err)
    assert "fel i \\x1b]0;titel\\x07\\u202enosj.json: Svaren är inte giltig JSON" in err
    assert '"file":"\\u001b]0;titel\\u0007\\u202enosj.json"' in out
    assert json.loads(out)["files"][-1]["file"] == odd.name  # the same value, escaped
    csv_out = run("team", *map(str, paths), "--csv", "--definition", str(FIXTURE)).stdout
    assert csv_out.decode("utf-8").split("\r\n")[1] == "AB;;100;50;75;25;"


def test_score_output_escapes_format_characters_from_the_definition(tmp_path: Path) -> None:
    definition = json.loads(FIXTURE.read_text(encoding="utf-8"))
    definition["competencies"][0]["title"] = "Prospek\u202etering\u0085"
    path = tmp_path / "definition.json"
    path.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    done = run("score", str(write_answers(tmp_path, ANSWERS)), "--definition", str(path))
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "\u202e" not in out and "\x85" not in out
    assert "Prospek\\u202etering\\u0085" in out
    assert json.loads(out)["competencies"][0]["title"] == "Prospek\u202etering\u0085"


def test_every_control_and_format_character_is_escaped() -> None:
    """terminal.py lists the ranges; this Python's Unicode data must not have more."""
    import unicodedata

    from scoring_py.terminal import escape_controls, escape_json_controls

    hidden = "".join(
        chr(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
    )
    escaped = escape_controls(hidden, keep_newlines=False)
    assert escaped.isascii() and escaped.isprintable()
    assert escape_controls("a\nb\x1b") == "a\nb\\x1b"  # our own line breaks are kept
    assert escape_controls("\u202e\U000e0041\x9b") == "\\u202e\\U000e0041\\x9b"
    as_json = escape_json_controls(json.dumps(hidden, ensure_ascii=False))
    assert as_json.isascii() and json.loads(as_json) == hidden
