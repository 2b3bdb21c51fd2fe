"""Command line for editors: `check` and `new`, run as `make check` and `make new …`.

Every message names the make commands, which set up the project's environment first; a bare
`python -m saljkompetens` works only inside that environment (`.venv/bin/python`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from .check import run_check
from .content.scaffold import ALIASES, KINDS, ScaffoldError, next_steps, renamed_note, scaffold
from .content.schema import LANGUAGES

_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"följande argument saknas: \1"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"\1: ogiltigt val \2 (välj \3)",
    ),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (r"argument (\S+): expected one argument", r"\1: ett värde saknas"),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help with a Swedish usage heading."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Swedish headings, help flag and error messages."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str) -> NoReturn:
        for english, swedish in _ARGPARSE_MESSAGES:
            message = re.sub(english, swedish, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The `python -m saljkompetens` parser, with its two commands."""
    parser = _Parser(
        prog="python -m saljkompetens",
        description="Verktyg för innehållet i Säljkompetens (mappen content/).",
        epilog="Kör kommandona med make i projektets mapp (make sätter upp allt som behövs "
        "först):\n"
        "  make check\n"
        '  make new KIND=competency TITLE="Förhandling"\n'
        "Med flaggor, genom projektets egen Python:\n"
        '  .venv/bin/python -m saljkompetens new article "Så leder du säljmöten" --lang nb\n'
        '  .venv/bin/python -m saljkompetens new role "Innesäljare" --competency "Prospektering"\n'
        '  .venv/bin/python -m saljkompetens new selftest "Hur du planerar" --article "Rubrik"',
    )
    commands = parser.add_subparsers(
        dest="command", title="kommandon", metavar="KOMMANDO", parser_class=_Parser
    )
    commands.required = True

    check = commands.add_parser(
        "check",
        help="kontrollera allt innehåll och visa alla fel på en gång",
        description="Läser och kontrollerar allt innehåll, som bygget gör (i projektets mapp: "
        "make check). Varje fel visas på en rad med fil, rad, fält och vad som är fel; avslutar "
        "med kod 1 om något fel finns, annars 0.",
    )
    check.add_argument(
        "content", nargs="?", default="content", metavar="MAPP",
        help="mappen med innehåll (standard: content)",
    )  # fmt: skip

    new = commands.add_parser(
        "new",
        help="skapa en ny kompetens, artikel, roll eller ett självtest från en mall",
        description="Skapar content/<avsnitt>/<slug>.md från en mall där varje fält finns med "
        "och förklaras. Förhandsvisningen (make serve) visar platshållarna, men make check och "
        "bygget stoppar tills de är omskrivna. En befintlig fil skrivs aldrig över.",
    )
    new.add_argument(
        "kind", choices=[*KINDS, *ALIASES], metavar="TYP",
        help="competency (kompetens), article (artikel), role (roll) eller selftest (självtest)",
    )  # fmt: skip
    new.add_argument("title", metavar="TITEL", help="titeln; adressen (slug) bildas av den")
    new.add_argument(
        "--lang", choices=list(LANGUAGES), default="sv",
        help="artikelns språk: sv (svenska, standard) eller nb (norska, bokmål)",
    )  # fmt: skip
    new.add_argument(
        "--competency", metavar="NAMN",
        help="kompetensen en ny artikel eller roll hänvisar till (standard: den första)",
    )  # fmt: skip
    new.add_argument(
        "--mindset", metavar="NAMN",
        help="tankesättet en ny kompetens bygger på (standard: det första)",
    )  # fmt: skip
    new.add_argument(
        "--article", metavar="RUBRIK",
        help="artikeln ett nytt självtest bygger på (standard: den första)",
    )  # fmt: skip
    new.add_argument(
        "--content", default="content", metavar="MAPP",
        help="mappen med innehåll (standard: content)",
    )  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; the return value is the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(Path(args.content))
    note = renamed_note(args.kind)
    if note:
        print(note, file=sys.stderr)
    try:
        path = scaffold(
            args.kind,
            args.title,
            Path(args.content),
            lang=args.lang,
            competency=args.competency,
            mindset=args.mindset,
            article=args.article,
        )
    except ScaffoldError as exc:
        print(f"Ingen fil skapades: {exc}", file=sys.stderr)
        return 1
    print(next_steps(path, args.kind))
    return 0
