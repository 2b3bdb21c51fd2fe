"""Command line: ``python -m scoring_py score ANSWERS.json [--role SLUG] [--definition PATH]``."""

import sys
from collections.abc import Sequence
from typing import TextIO

from .errors import ScoringError
from .formats import DEFINITION_PATH
from .json_text import MAX_TEXT_BYTES
from .scoring import score_json

__all__ = ["DEFAULT_DEFINITION", "main"]

DEFAULT_DEFINITION = f"site/{DEFINITION_PATH}"
"""Definition used when --definition is not given (from the built site)."""

EXIT_OK = 0
EXIT_ERROR = 2

HELP = f"""\
användning: python -m scoring_py score SVAR.json [--role ROLL] [--definition SÖKVÄG]

Räknar fram resultatet av självskattningen i Säljkompetens och skriver det
som JSON (samma format som i webbläsaren) till standard output.

kommandon:
  score SVAR.json        poängsätt svaren i SVAR.json: sidans exportfil
                         ("saljkompetens-export") eller bara svaren
                         ("saljkompetens-svar")

flaggor:
  --role ROLL            jämför med rollen ROLL (t.ex. nykundsjagare); ersätter
                         rollen i svarsfilen
  --definition SÖKVÄG    bedömningsdefinitionen att använda
                         (standard: {DEFAULT_DEFINITION},
                         från den byggda webbplatsen)
  -h, --help             visa den här hjälpen och avsluta

Avslutningsstatus: 0 om allt gick bra, 2 vid fel. Felet skrivs till
standard error som "fel: <meddelande>".
"""


class _UsageError(Exception):
    """Wrong command line; the message is Swedish."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        0 on success, 2 on any error (after printing ``fel: <meddelande>`` to stderr).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args:
            _write(sys.stderr, HELP)
            raise _UsageError("ange ett kommando, t.ex. score SVAR.json.")
        if "-h" in args or "--help" in args:
            _write(sys.stdout, HELP)
            return EXIT_OK
        answers_path, role, definition_path = _parse(args)
        result = score_json(
            _read(definition_path, "bedömningsdefinitionen"),
            _read(answers_path, "svarsfilen"),
            role,
        )
    except (ScoringError, _UsageError) as error:
        _write(sys.stderr, f"fel: {error}\n")
        return EXIT_ERROR
    _write(sys.stdout, result + "\n")
    return EXIT_OK


def _parse(args: list[str]) -> tuple[str, str | None, str]:
    command, *rest = args
    if command != "score":
        raise _UsageError(f'okänt kommando "{command}". Använd "score" (se --help).')
    options: dict[str, str] = {}
    positional: list[str] = []
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
        elif arg.startswith("-") and arg != "-":
            raise _UsageError(f'okänd flagga "{arg}" (se --help).')
        else:
            positional.append(arg)
    if len(positional) != 1:
        raise _UsageError("ange exakt en svarsfil: python -m scoring_py score SVAR.json")
    return positional[0], options.get("--role"), options.get("--definition", DEFAULT_DEFINITION)


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
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScoringError(f"{what} {path} är inte UTF-8-text.") from None


def _write(stream: TextIO, text: str) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()
