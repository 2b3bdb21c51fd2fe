"""YAML for editors: bounded, plain data only, every problem in Swedish with its line.

Before any YAML is built, the text's tokens are read once (libyaml, no recursion) and
refused if they hold what an editor never needs but an attacker can use: anchors and
aliases (`&a` / `*a`, the "billion laughs" memory bomb), tags (`!!python/…`), a second
document (`...`, `---`) or nesting deeper than `MAX_DEPTH`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, field_name

FieldPath = tuple[str | int, ...]

MAX_DEPTH = 8
"""Deepest nesting of lists and fields (the schemas need 4)."""

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
         yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)  # fmt: skip
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_REFUSED: tuple[tuple[type, str], ...] = (
    (
        yaml.AnchorToken,
        "YAML-ankare (&namn) används inte i innehållet; skriv ut värdet där det behövs",
    ),
    (
        yaml.AliasToken,
        "YAML-alias (*namn) används inte i innehållet; skriv ut värdet där det behövs",
    ),
    (
        yaml.TagToken,
        "YAML-taggar (som !!python/… eller !!str) används inte i innehållet; ta bort taggen",
    ),
    (
        yaml.DocumentEndToken,
        "raden '...' avslutar YAML för tidigt; ta bort den (front matter slutar med '---')",
    ),
    (
        yaml.DocumentStartToken,
        "en rad '---' mitt i fälten; front matter har bara en inledande och en avslutande '---'",
    ),
    (yaml.DirectiveToken, "YAML-direktiv (%…) används inte i innehållet; ta bort raden"),
)

# PyYAML's problem texts (start), the Swedish wording, and whether the context mark (where
# the construct began) is a better place to point at than the problem mark.
_PROBLEMS: tuple[tuple[str, str, bool], ...] = (
    (
        "could not find expected ':'",
        'raden saknar kolon efter fältnamnet; väntade "namn: värde"',
        True,
    ),
    (
        "mapping values are not allowed here",
        'kolon följt av mellanslag (": ") är inte tillåtet här; sätt texten inom citattecken, '
        "eller kontrollera radens indrag",
        False,
    ),
    (
        "found character '\\t' that cannot start any token",
        "tabbtecken kan inte användas i YAML; dra in raden med mellanslag",
        False,
    ),
    (
        "found a tab character",
        "tabbtecken kan inte användas i YAML; dra in raden med mellanslag",
        False,
    ),
    (
        "found character",
        "tecknet kan inte inleda ett värde i YAML; sätt texten inom citattecken",
        False,
    ),
    (
        "found unexpected end of stream",
        "citattecknet som börjar här avslutas aldrig; väntade ett avslutande citattecken",
        True,
    ),
    (
        "found unknown escape character",
        "okänd kod efter \\ i text inom dubbla citattecken; skriv \\\\ för ett bakstreck eller "
        "använd enkla citattecken",
        False,
    ),
    (
        "expected escape sequence",
        "ogiltig kod efter \\ i text inom dubbla citattecken; skriv \\\\ för ett bakstreck",
        False,
    ),
    (
        "expected ',' or ']'",
        "listan inom [ ] som börjar här avslutas inte; väntade ',' eller ']'",
        True,
    ),
    (
        "expected ',' or '}'",
        "fälten inom { } som börjar här avslutas inte; väntade ',' eller '}'",
        True,
    ),
    (
        "expected <block end>",
        "oväntat innehåll; kontrollera radens indrag och att inget står efter ett avslutande "
        "citattecken",
        False,
    ),
    (
        "block sequence entries are not allowed here",
        "en listpunkt (- ) står där den inte får stå; kontrollera radens indrag",
        False,
    ),
    (
        "expected the node content",
        "ett värde saknas här; skriv ett värde eller ta bort tecknet",
        False,
    ),
    (
        "expected chomping or indentation indicators",
        "efter | eller > får bara +, - eller en siffra stå på raden",
        False,
    ),
    (
        "expected a comment or a line break",
        "oväntad text efter värdet; flytta den till en egen rad eller sätt värdet inom citattecken",
        False,
    ),
    (
        "found unexpected document separator",
        "en rad '---' mitt i fälten; front matter har bara en inledande och en avslutande '---'",
        False,
    ),
    (
        "found unhashable key",
        "ett fältnamn måste vara en enkel text, inte en lista eller fält",
        False,
    ),
)
_TOO_DEEP = (
    f"fälten är nästlade i fler än {MAX_DEPTH} nivåer; innehållet behöver högst 4 – "
    "kontrollera hakparenteser och indrag"
)
_FALLBACK = "raden kan inte läsas som YAML; kontrollera indrag, kolon och citattecken"
_RUNAWAY_QUOTE = (
    "citattecknet som börjar här avslutas inte på raden, så texten fortsätter till nästa "
    "citattecken, på rad {line}; sätt ett avslutande citattecken"
)
_FIELD_LINE = re.compile(r"\s*(?:-\s|[A-Za-z_][\w-]*:(?:\s|$))")
"""A line that reads as a field (`name: …`) or a list item (`- …`)."""


class YamlProblem(Exception):
    """The YAML cannot be used; `error` says why, where and in Swedish."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


def parse(
    text: str, shown: Path, line_offset: int
) -> tuple[Any, dict[FieldPath, int], dict[FieldPath, str]]:
    """The data of one YAML document, each field's line, and raw true/false texts.

    Raises:
        YamlProblem: a syntax error, a refused construct, or too deep a nesting.
    """
    _refuse_constructs(text, shown, line_offset)
    try:  # libyaml is several times faster; its error wording differs, so errors re-parse
        node, data = _compose(_FAST_LOADER, text)
    except yaml.YAMLError:
        node, data = _parse_or_explain(text, shown, line_offset)
    except _HugeNumber as huge:
        raise _problem(shown, huge.message, huge.node.start_mark, line_offset) from None
    lines: dict[FieldPath, int] = {}
    booleans: dict[FieldPath, str] = {}
    if node is not None:
        _map_lines(node, (), lines, booleans, line_offset, shown)
    return data, lines, booleans


def _refuse_constructs(
    text: str, shown: Path, line_offset: int, loader: type = _FAST_LOADER
) -> None:
    """Read the tokens once; refuse anchors, aliases, tags, extra documents, deep nesting."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=loader):
            for kind, message in _REFUSED:
                if isinstance(token, kind) and not _harmless_start(token):
                    raise _problem(shown, message, token.start_mark, line_offset)
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _problem(shown, _TOO_DEEP, token.start_mark, line_offset)
            elif isinstance(token, _CLOSE):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):
            # libyaml reads ahead to 1,000 levels and stops there, before this loop sees
            # level 9; PyYAML's own scanner reads ahead at most a line, so it finds level 9.
            if loader is not yaml.SafeLoader:
                _refuse_constructs(text, shown, line_offset, yaml.SafeLoader)
            raise _problem(shown, _TOO_DEEP, exc.problem_mark, line_offset) from None
        # any other syntax error: parsing below words it


def _harmless_start(token: yaml.Token) -> bool:
    """An explicit `---` on the first line of a plain YAML file is fine."""
    return isinstance(token, yaml.DocumentStartToken) and token.start_mark.line == 0


def _problem(shown: Path, message: str, mark: Any, line_offset: int) -> YamlProblem:
    line = mark.line + 1 + line_offset if mark else None
    column = mark.column + 1 if mark else None
    return YamlProblem(ContentError(shown, f"YAML-fel: {message}", line=line, column=column))


MAX_DIGITS = 15
"""Longest integer content may write (Python refuses to read integers of over 4,300 digits
at all; no field needs more than a few)."""


class _HugeNumber(Exception):
    """An integer too long to be a value of any field."""

    def __init__(self, node: yaml.Node) -> None:
        digits = sum(char.isdigit() for char in str(node.value))
        self.node = node
        self.message = (
            f"talet har {digits} siffror; ett tal får ha högst {MAX_DIGITS} – kontrollera värdet"
        )


def _refuse_huge_numbers(node: yaml.Node) -> None:
    """Stop at an integer with more digits than any field can use, before it is read."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in current.value for part in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif current.tag == _INT_TAG and sum(c.isdigit() for c in current.value) > MAX_DIGITS:
            raise _HugeNumber(current)


def _compose(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of one YAML document."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_huge_numbers(node)
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


def _parse_or_explain(text: str, shown: Path, line_offset: int) -> tuple[yaml.Node | None, Any]:
    """Parse with PyYAML's own loader, turning a syntax error into an editor's message."""
    try:
        return _compose(yaml.SafeLoader, text)
    except _HugeNumber as huge:
        raise _problem(shown, huge.message, huge.node.start_mark, line_offset) from None
    except yaml.MarkedYAMLError as exc:
        runaway = _runaway_quote(text, exc.problem_mark or exc.context_mark)
        if runaway is not None:
            start, end = runaway
            message = _RUNAWAY_QUOTE.format(line=end.line + 1 + line_offset)
            raise _problem(shown, message, start, line_offset) from None
        problem = exc.problem or ""
        for english, swedish, at_context in _PROBLEMS:
            if problem.startswith(english):
                mark = exc.context_mark if at_context and exc.context_mark else exc.problem_mark
                raise _problem(shown, swedish, mark, line_offset) from None
        raise _problem(
            shown, _FALLBACK, exc.problem_mark or exc.context_mark, line_offset
        ) from None
    except (yaml.YAMLError, RecursionError):
        raise YamlProblem(
            ContentError(shown, f"YAML-fel: {_FALLBACK}", line=1 + line_offset)
        ) from None


def _runaway_quote(text: str, until: Any) -> tuple[Any, Any] | None:
    """Where the first quoted text before the error at `until` starts and ends, if it runs on
    over a line that reads as a field or a list item: its quote was not closed on its own
    line, so the next quote closed it, lines later, and the error came after that."""
    lines = text.split("\n")
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if until is not None and (start.line, start.column) >= (until.line, until.column):
                return None
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and end.line > start.line
                and any(_FIELD_LINE.match(line) for line in lines[start.line + 1 : end.line + 1])
            ):
                return start, end
    except yaml.YAMLError:
        pass  # the error itself: no runaway quote before it
    return None


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
                raise YamlProblem(
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
