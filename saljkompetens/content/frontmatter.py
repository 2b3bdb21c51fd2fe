"""Read a content file: UTF-8 text, YAML front matter with line numbers, Markdown body."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError
from .yaml_reader import FieldPath, YamlProblem, parse

_TITLE_LINE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
# Control characters other than tab and line breaks, and the invisible marks that reverse
# the direction of text ("Trojan Source"): nothing an editor means to type.
# Control characters, line and paragraph separators (YAML counts U+0085, U+2028 and U+2029 as
# line breaks, so every later line number would be off) and bidi controls (they reorder text).
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")

MAX_FILE_BYTES = 256 * 1024
"""Largest content file; a long article is about 20 kB."""


class ParseFailed(Exception):
    """A file could not be read at all; `error` says why."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class Document:
    """A parsed content file.

    `lines` maps a field path such as `("statements", 2, "id")` to its 1-based line in
    the file, so that later checks can point an editor at the right line. `booleans`
    holds the source text of values YAML read as true/false (e.g. `no`), so that a
    message can show what the editor actually wrote.
    """

    path: Path
    data: dict[str, Any]
    body: str
    lines: dict[FieldPath, int] = field(default_factory=dict)
    body_line: int = 1
    booleans: dict[FieldPath, str] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of the field at `path`, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def read_text(path: Path, shown: Path) -> str:
    """The file as NFC-normalised text, or fail: too large, not UTF-8, control characters.

    NFC makes "Målorientering" saved by macOS (å as a + ring) equal to the one typed
    elsewhere.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ParseFailed(
            ContentError(
                shown,
                f"filen är {size // 1024} kB; högst {MAX_FILE_BYTES // 1024} kB tillåts – "
                "dela upp texten",
                line=1,
            )
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ParseFailed(
            ContentError(
                shown,
                f"filen är inte sparad som UTF-8 (ogiltig byte 0x{raw[exc.start]:02x}); "
                "spara om den som UTF-8",
                line=line,
            )
        ) from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").lstrip("\ufeff"))
    bad = _FORBIDDEN.search(text)
    if bad:
        char = bad.group()
        line = text.count("\n", 0, bad.start()) + 1
        code = " ".join(filter(None, [f"U+{ord(char):04X}", unicodedata.name(char, "")]))
        raise ParseFailed(
            ContentError(
                shown,
                f"filen innehåller ett osynligt styrtecken ({code}); "
                "ta bort det (det syns inte i de flesta redigerare)",
                line=line,
            )
        )
    return text


def _parse_yaml(
    text: str, shown: Path, line_offset: int
) -> tuple[Any, dict[FieldPath, int], dict[FieldPath, str]]:
    try:
        return parse(text, shown, line_offset)
    except YamlProblem as problem:
        raise ParseFailed(problem.error) from None


def read_yaml(path: Path, shown: Path | None = None) -> Document:
    """Read a plain YAML file (no body)."""
    shown = shown or path
    text = read_text(path, shown)
    data, lines, booleans = _parse_yaml(text, shown, line_offset=0)
    if not isinstance(data, dict):
        raise ParseFailed(ContentError(shown, "filen ska innehålla fält (nyckel: värde)", line=1))
    return Document(shown, data, "", lines, booleans=booleans)


def read_document(path: Path, shown: Path | None = None) -> Document:
    """Read a Markdown file with YAML front matter between `---` lines."""
    shown = shown or path
    text = read_text(path, shown)
    all_lines = text.split("\n")
    if not all_lines or all_lines[0].strip() != "---":
        raise ParseFailed(
            ContentError(shown, "filen ska börja med en rad '---' följd av front matter", line=1)
        )
    try:
        end = next(i for i in range(1, len(all_lines)) if all_lines[i].strip() == "---")
    except StopIteration:
        raise ParseFailed(
            ContentError(shown, "front matter avslutas inte med en rad '---'", line=1)
        ) from None
    data, lines, booleans = _parse_yaml("\n".join(all_lines[1:end]), shown, line_offset=1)
    if not isinstance(data, dict):
        raise ParseFailed(
            ContentError(shown, "front matter ska innehålla fält (nyckel: värde)", line=2)
        )
    rest = "\n".join(all_lines[end + 1 :])
    body = rest.strip("\n")
    skipped = len(rest) - len(rest.lstrip("\n")) if body else 0
    first_line = end + 2 + skipped  # 1-based line where the body starts
    return Document(shown, data, body, lines, body_line=first_line, booleans=booleans)


def guess_title(path: Path) -> str | None:
    """The `title:` of a file that could not be parsed, read line by line; best effort.

    Lets the loader avoid follow-on errors ("okänd kompetens") in files that refer to it.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = _TITLE_LINE.search(text)
    return found.group(1).strip("\"'") if found else None
