"""Read a content file: UTF-8 text, YAML front matter with line numbers, Markdown body."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

FieldPath = tuple[str | int, ...]


class ParseFailed(Exception):
    """A file could not be read at all; `error` says why."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class Document:
    """A parsed content file.

    `lines` maps a field path such as `("statements", 2, "id")` to its 1-based line in
    the file, so that later checks can point an editor at the right line.
    """

    path: Path
    data: dict[str, Any]
    body: str
    lines: dict[FieldPath, int] = field(default_factory=dict)
    body_line: int = 1

    def line_of(self, path: FieldPath) -> int | None:
        """The line of the field at `path`, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def decode(path: Path, raw: bytes, shown: Path) -> str:
    """Decode UTF-8, or fail with the line of the first bad byte."""
    try:
        return raw.decode("utf-8")
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


def read_yaml(path: Path, shown: Path | None = None) -> Document:
    """Read a plain YAML file (no body)."""
    shown = shown or path
    text = decode(path, path.read_bytes(), shown)
    data, lines = _parse_yaml(text, shown, line_offset=0)
    if not isinstance(data, dict):
        raise ParseFailed(ContentError(shown, "filen ska innehålla fält (nyckel: värde)", line=1))
    return Document(shown, data, "", lines)


def read_document(path: Path, shown: Path | None = None) -> Document:
    """Read a Markdown file with YAML front matter between `---` lines."""
    shown = shown or path
    text = decode(path, path.read_bytes(), shown).replace("\r\n", "\n").lstrip("\ufeff")
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
    data, lines = _parse_yaml("\n".join(all_lines[1:end]), shown, line_offset=1)
    if not isinstance(data, dict):
        raise ParseFailed(
            ContentError(shown, "front matter ska innehålla fält (nyckel: värde)", line=2)
        )
    body = "\n".join(all_lines[end + 1 :]).strip("\n")
    return Document(shown, data, body, lines, body_line=end + 2)


def _parse_yaml(text: str, shown: Path, line_offset: int) -> tuple[Any, dict[FieldPath, int]]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or "okänt fel"
        raise ParseFailed(
            ContentError(shown, f"YAML-fel: {problem}", line=line, column=column)
        ) from None
    except yaml.YAMLError as exc:
        raise ParseFailed(ContentError(shown, f"YAML-fel: {exc}")) from None
    finally:
        loader.dispose()
    lines: dict[FieldPath, int] = {}
    if node is not None:
        _map_lines(node, (), lines, line_offset)
    return data, lines


def _map_lines(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], offset: int) -> None:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            lines[child] = key.start_mark.line + 1 + offset
            _map_lines(value, child, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _map_lines(item, (*path, index), lines, offset)
