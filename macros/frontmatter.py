"""Read a content file: UTF-8 text, YAML front matter with line numbers, Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, field_name

FieldPath = tuple[str | int, ...]

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TITLE_LINE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)

# PyYAML's problem texts, the Swedish wording, and whether the context mark (where the
# construct began) is a better place to point at than the problem mark.
_YAML_PROBLEMS: tuple[tuple[str, str, bool], ...] = (
    (
        "could not find expected ':'",
        'raden saknar kolon efter fältnamnet; väntade "namn: värde"',
        True,
    ),
    (
        "mapping values are not allowed here",
        'kolon följt av mellanslag (": ") är inte tillåtet här; sätt texten inom '
        "citattecken, eller kontrollera radens indrag",
        False,
    ),
    (
        "found character '\\t' that cannot start any token",
        "tabbtecken kan inte användas i YAML; dra in raden med mellanslag",
        False,
    ),
    (
        "found unexpected end of stream",
        "citattecknet som börjar här avslutas aldrig; väntade ett avslutande citattecken",
        True,
    ),
    (
        "expected ',' or ']'",
        "listan inom [ ] som börjar här avslutas inte; väntade ',' eller ']'",
        True,
    ),
    (
        "expected <block end>",
        "oväntat innehåll; kontrollera radens indrag och att inget står efter ett "
        "avslutande citattecken",
        False,
    ),
)


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
    data, lines, booleans = _parse_yaml(text, shown, line_offset=0)
    if not isinstance(data, dict):
        raise ParseFailed(ContentError(shown, "filen ska innehålla fält (nyckel: värde)", line=1))
    return Document(shown, data, "", lines, booleans=booleans)


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
    data, lines, booleans = _parse_yaml("\n".join(all_lines[1:end]), shown, line_offset=1)
    if not isinstance(data, dict):
        raise ParseFailed(
            ContentError(shown, "front matter ska innehålla fält (nyckel: värde)", line=2)
        )
    body = "\n".join(all_lines[end + 1 :]).strip("\n")
    return Document(shown, data, body, lines, body_line=end + 2, booleans=booleans)


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


def _yaml_problem(exc: yaml.MarkedYAMLError) -> tuple[str, yaml.Mark | None]:
    """The Swedish wording of a YAML syntax error, and the mark to point at."""
    problem = exc.problem or "okänt fel"
    for english, swedish, at_context in _YAML_PROBLEMS:
        if problem.startswith(english):
            mark = exc.context_mark if at_context and exc.context_mark else exc.problem_mark
            return swedish, mark
    return problem, exc.problem_mark or exc.context_mark


def _parse_yaml(
    text: str, shown: Path, line_offset: int
) -> tuple[Any, dict[FieldPath, int], dict[FieldPath, str]]:
    try:  # libyaml is several times faster; its error wording differs, so errors re-parse
        node, data = _compose(_FAST_LOADER, text)
    except yaml.YAMLError:
        node, data = _parse_or_explain(text, shown, line_offset)
    lines: dict[FieldPath, int] = {}
    booleans: dict[FieldPath, str] = {}
    if node is not None:
        _map_lines(node, (), lines, booleans, line_offset, shown)
    return data, lines, booleans


_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of one YAML document."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


def _parse_or_explain(text: str, shown: Path, line_offset: int) -> tuple[yaml.Node | None, Any]:
    """Parse with PyYAML's own loader, turning a syntax error into an editor's message."""
    try:
        return _compose(yaml.SafeLoader, text)
    except yaml.MarkedYAMLError as exc:
        problem, mark = _yaml_problem(exc)
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        raise ParseFailed(
            ContentError(shown, f"YAML-fel: {problem}", line=line, column=column)
        ) from None
    except yaml.YAMLError as exc:
        raise ParseFailed(ContentError(shown, f"YAML-fel: {exc}")) from None


def _map_lines(
    node: yaml.Node,
    path: FieldPath,
    lines: dict[FieldPath, int],
    booleans: dict[FieldPath, str],
    offset: int,
    shown: Path,
) -> None:
    """Record each field's line (and raw true/false text); refuse a key given twice."""
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value)
            child = (*path, name)
            line = key.start_mark.line + 1 + offset
            if name in seen:
                raise ParseFailed(
                    ContentError(
                        shown,
                        f'fältet "{name}" finns redan på rad {seen[name]}; '
                        "ett fält får bara finnas en gång – ta bort det ena",
                        field=field_name(child),
                        line=line,
                    )
                )
            seen[name] = line
            lines[child] = line
            _map_lines(value, child, lines, booleans, offset, shown)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _map_lines(item, (*path, index), lines, booleans, offset, shown)
    elif node.tag == _BOOL_TAG:
        booleans[path] = str(node.value)
