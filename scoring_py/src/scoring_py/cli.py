"""Command line::

python -m scoring_py score ANSWERS.json [--role SLUG] [--definition PATH]
python -m scoring_py compare BEFORE.json AFTER.json [--json] [--definition PATH]
python -m scoring_py team FILE... [--role SLUG] [--csv] [--definition PATH]
"""

import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from .compare import compare, read_attempt
from .errors import ScoringError
from .formats import DEFINITION_PATH, decode_file
from .json_text import MAX_TEXT_BYTES
from .result import to_canonical_json
from .scoring import score_json
from .team import team, team_csv
from .terminal import escape_controls, escape_json_controls

__all__ = ["DEFAULT_DEFINITION", "main"]

DEFAULT_DEFINITION = f"site/{DEFINITION_PATH}"
"""Definition used when --definition is not given (from the built site)."""

EXIT_OK = 0
EXIT_SOME_FILES = 1
EXIT_ERROR = 2

HELP = f"""\
användning: python -m scoring_py score SVAR.json [--role ROLL] [--definition SÖKVÄG]
            python -m scoring_py compare FÖRE.json EFTER.json [--json] [--definition SÖKVÄG]
            python -m scoring_py team FIL... [--role ROLL] [--csv] [--definition SÖKVÄG]

Räknar fram resultatet av självskattningen i Säljkompetens och skriver det
som JSON (samma format som i webbläsaren) till standard output.

kommandon:
  score SVAR.json        poängsätt svaren i SVAR.json: sidans exportfil
                         ("saljkompetens-export") eller bara svaren
                         ("saljkompetens-svar")
  compare FÖRE EFTER     jämför två försök av samma person (svars- eller
                         exportfiler): per kompetens, per del av försäljningen
                         och för hela testet, med vad som är en tydlig
                         förändring och vad mätfelet kan ge; som text, eller
                         med --json som JSON (samma tal som sidan)
  team FIL...            teamets bild av flera säljares svarsfiler, som på
                         sidan /team/: JSON, eller med --csv en rad per person
                         (person och en kolumn per kompetens); för ett självtest
                         om organisationen bara raderna lägst, median, högst
                         och antal, aldrig en person

flaggor:
  --role ROLL            jämför med rollen ROLL (t.ex. nykundsjagare); ersätter
                         rollen i svarsfilen
  --csv                  (team) skriv tabellen som CSV i stället för JSON
  --json                 (compare) skriv jämförelsen som JSON i stället för text
  --definition SÖKVÄG    bedömningsdefinitionen att använda
                         (standard: {DEFAULT_DEFINITION},
                         från den byggda webbplatsen)
  -h, --help             visa den här hjälpen och avsluta

Filerna ska vara UTF-8 (med eller utan BOM) eller UTF-16 med BOM, som på
sidan. Styrtecken ur filerna (t.ex. ESC och U+202E) skrivs ut som \\x1b och
\\u202e, aldrig som de är.

Avslutningsstatus: 0 om allt gick bra, 1 om någon fil i team inte kunde
användas (de andra visas ändå), 2 vid fel. Fel skrivs till standard error
som "fel: <meddelande>" (för en fil: "fel i FIL: <meddelande>").
"""


class _UsageError(Exception):
    """Wrong command line; the message is Swedish."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        0 on success; 1 when `team` could not use some file (the rest is shown); 2 on any
        other error (after printing ``fel: <meddelande>`` to stderr).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args:
            _write(sys.stderr, HELP)
            raise _UsageError("ange ett kommando, t.ex. score SVAR.json.")
        if "-h" in args or "--help" in args:
            _write(sys.stdout, HELP)
            return EXIT_OK
        command, paths, role, definition_path, as_csv = _parse(args)
        definition = _read(definition_path, "bedömningsdefinitionen")
        if command == "compare":
            return _compare(definition, paths, as_csv)
        if command == "score":
            result = score_json(definition, _read(paths[0], "svarsfilen"), role)
            _write(sys.stdout, escape_json_controls(result) + "\n")
            return EXIT_OK
        return _team(definition, paths, role, as_csv)
    except (ScoringError, _UsageError) as error:
        _fail(None, error)
        return EXIT_ERROR


def _team(definition: str, paths: list[str], role: str | None, as_csv: bool) -> int:
    """The team view of the files at `paths`; each file that cannot be used is named."""
    files: list[tuple[str, str]] = []
    failed = False
    for path in paths:
        try:
            files.append((os.path.basename(path), _read(path, "svarsfilen")))
        except ScoringError as error:
            _fail(path, error)
            failed = True
    result = team(definition, files, role)
    for report in result["files"]:
        if report["error"]:
            _fail(report["file"], report["error"])
            failed = True
    if as_csv:
        _write(sys.stdout, team_csv(_escaped(result)))  # only its own line ends are raw
    else:
        _write(sys.stdout, escape_json_controls(to_canonical_json(result)) + "\n")
    return EXIT_SOME_FILES if failed else EXIT_OK


def _compare(definition: str, paths: list[str], as_json: bool) -> int:
    """Two attempts compared (scoring_py.compare), as JSON or as lines of text."""
    attempts = []
    for path in paths:
        try:
            attempts.append(read_attempt(_read(path, "svarsfilen"), definition))
        except ScoringError as error:
            raise ScoringError(f"{path}: {error}") from None
    result = compare(definition, *attempts)
    if as_json:
        _write(sys.stdout, escape_json_controls(to_canonical_json(result)) + "\n")
        return EXIT_OK
    lines = [*result["summary"], ""]
    words = {
        "up": "tydlig förbättring",
        "down": "tydlig försämring",
        None: "ingen säker förändring",
    }
    for row in result["competencies"]:
        if row["paired"]:
            change = f"{row['change']:+d}".replace("-", "−")
            lines.append(
                f"{row['title']}: {row['before']} → {row['after']} ({change}; gräns "
                f"{row['threshold']}) – {words[row['reliable']]}"
            )
        else:
            lines.append(f"{row['title']}: kan inte jämföras ({row['reason']})")
    _write(sys.stdout, escape_controls("\n".join(lines), keep_newlines=True) + "\n")
    return EXIT_OK


def _fail(path: str | None, error: object) -> None:
    """``fel: …`` or ``fel i FIL: …`` on stderr; what came from a file is escaped."""
    where = "fel" if path is None else f"fel i {path}"
    _write(sys.stderr, escape_controls(f"{where}: {error}", keep_newlines=False) + "\n")


def _escaped(value: Any) -> Any:
    """`value` (JSON-like) with every text's control and format characters escaped."""
    if isinstance(value, str):
        return escape_controls(value, keep_newlines=False)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value


def _parse(args: list[str]) -> tuple[str, list[str], str | None, str, bool]:
    command, *rest = args
    if command not in ("score", "compare", "team"):
        raise _UsageError(
            f'okänt kommando "{command}". Använd "score", "compare" eller "team" (se --help).'
        )
    options: dict[str, str] = {}
    positional: list[str] = []
    as_csv = False
    while rest:
        arg = rest.pop(0)
        name, has_value, value = arg.partition("=")
        if name in ("--role", "--definition"):
            if not has_value:
                if not rest:
                    raise _UsageError(f"{name} behöver ett värde.")
                value = rest.pop(0)
            if name in options:
                raise _UsageError(f"{name} får bara anges en gång.")
            options[name] = value
        elif (arg == "--csv" and command == "team") or (arg == "--json" and command == "compare"):
            as_csv = True  # the command's other output: CSV for team, JSON for compare
        elif arg.startswith("-") and arg != "-":
            raise _UsageError(f'okänd flagga "{arg}" (se --help).')
        else:
            positional.append(arg)
    if command == "score" and len(positional) != 1:
        raise _UsageError("ange exakt en svarsfil: python -m scoring_py score SVAR.json")
    if command == "compare" and len(positional) != 2:
        raise _UsageError(
            "ange två svarsfiler, den tidigare först: python -m scoring_py compare FÖRE.json "
            "EFTER.json"
        )
    if command == "team" and not positional:
        raise _UsageError("ange minst en svarsfil: python -m scoring_py team FIL...")
    definition = options.get("--definition", DEFAULT_DEFINITION)
    return command, positional, options.get("--role"), definition, as_csv


def _read(path: str, what: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except FileNotFoundError:
        raise ScoringError(f"hittar inte {what}: {path}") from None
    except OSError as error:
        raise ScoringError(f"kan inte läsa {what} {path}: {error.strerror}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise ScoringError(f"{what} {path} är större än 1 MB.")
    try:
        return decode_file(data)
    except ScoringError as error:
        raise ScoringError(f"{what} {path}: {error}") from None


def _write(stream: TextIO, text: str) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()
