"""Counting, in one pass each, the work Python-Markdown and the HTML parsers after it will do.

Used by `markdown_limits`; every count here is an upper bound (up to a constant) of a part of the
renderer's work that grows faster than the text, measured against Python-Markdown 3.11.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# md_in_html: elements whose content `markdown="1"` parses as one inline text.
SPAN_TAGS = frozenset(
    {"address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary",
     "td", "th"}
)  # fmt: skip
MARKER = re.compile(r"\*+|_+|`+|[\[<&\\]")
"""What may start an inline match: a run of `*`, `_` or backticks, or one `[`, `<`, `&`, `\\`."""
TAG_START = re.compile(r"<(?:[A-Za-z/?]|!(?:--|\[)?)")
_SPECIAL = re.compile("[>\"']")
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>`\x00]*)")
_MARKDOWN_ATTR = re.compile(r"markdown", re.IGNORECASE)
_MARKDOWN_VALUE = re.compile(r"markdown\s*(?:=\s*[\"']?([A-Za-z0-9]*))?", re.IGNORECASE)
_BRACKET = re.compile(r"\\.|[\[\]()]")
_BACKTICKS = re.compile(r"`+")
_LEAD = re.compile(r"(?:[ \t]|>|(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$))*")
_LIST_MARKER = re.compile(r"[-*+]|[0-9]+[.)]")
_FENCE = re.compile(r"`{3,}|~{3,}")
_HEADING_TAG = re.compile(r"<h[1-6]", re.IGNORECASE)
_BLOCK_CHARS = frozenset("#|<!`~=-*_+")
_LEAD_CHARS = frozenset(" \t>-*+0123456789")


@dataclass(frozen=True)
class Block:
    """A stycke: lines `first`…`last` (0-based, inclusive) and their text."""

    first: int
    last: int
    text: str

    @property
    def lines(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Tag:
    """A start or end tag (`<name`, `</name`) in the body."""

    start: int
    end: int  # where it can end at most: its `>`, or the end of the body
    name: str
    closing: bool


class Body:
    """A body's lines, stycken and tags, each found once."""

    def __init__(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as Python-Markdown reads it
        self.text = text
        self.lines = text.split("\n")
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self._specials, self._reach = _reach(text)
        self.tags = list(_tags(text, self.tag_end))
        self.blocks = _blocks(self.lines, list(self._span_regions()))

    def tag_end(self, start: int) -> int:
        """Where a tag starting at `start` can end at most (`_reach`)."""
        return self._reach[bisect.bisect_left(self._specials, start + 1)]

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def needle(self, line: int, last: int | None = None) -> str:
        """Text that is found first (case-insensitively, as `body.line_of` looks) on `line`, or
        on a later line up to `last` (a stycke); if every one is also on an earlier line, the
        text of `line` (or of the nearest line above with text)."""
        while line > 0 and not self.lines[line].strip():
            line -= 1
        lowered = self.text.lower().split("\n")
        for index in range(line, min(line if last is None else last, line + 100) + 1):
            text = self.lines[index].strip()
            if text and text.lower() not in "\n".join(lowered[:index]):
                return text
        return self.lines[line].strip() or self.lines[line]

    def _span_regions(self) -> Iterator[tuple[int, int]]:
        """Lines of `markdown="span"` elements (and `markdown` on `<p>`, `<li>`, `<td>` …), up to
        the last end tag of that name: md_in_html parses their content, blank lines too, as one
        inline text."""
        found = [match.start() for match in _MARKDOWN_ATTR.finditer(self.text)]
        last_close = {tag.name: tag.start for tag in self.tags if tag.closing}
        index, values = 0, dict[int, str]()
        for tag in self.tags:
            while index < len(found) and found[index] <= tag.start:
                index += 1
            if tag.closing or index == len(found) or found[index] >= tag.end:
                continue
            at = found[index]
            if at not in values:
                value = _MARKDOWN_VALUE.match(self.text, at)
                values[at] = ((value.group(1) if value else "") or "").lower()
            span = values[at] in ("", "1", "markdown") and tag.name in SPAN_TAGS
            if span or values[at] == "span":
                end = last_close.get(tag.name, -1)
                last = self.line_at(end) if end > tag.start else len(self.lines) - 1
                yield self.line_at(tag.start), last


def _tags(text: str, end: Callable[[int], int]) -> Iterator[Tag]:
    """Every `<name` and `</name`, with where it can end."""
    for match in _TAG.finditer(text):
        yield Tag(match.start(), end(match.start()), match.group(2).lower(), bool(match.group(1)))


def _reach(text: str) -> tuple[list[int], list[int]]:
    """Where a tag that starts before each `>`, `"` or `'` (their positions) can end at most:
    at the next `>`, unless a quoted value (a quote after `=`) runs past it to the same quote;
    the end of the text if nothing ends it. Computed from the end, in one pass."""
    specials = [match.start() for match in _SPECIAL.finditer(text)]
    reach = [len(text)] * (len(specials) + 1)
    following: dict[str, int] = {}
    for index in range(len(specials) - 1, -1, -1):
        at = specials[index]
        if text[at] == ">":
            reach[index] = at
            continue
        reach[index] = reach[index + 1]
        before = at - 1
        while before >= 0 and text[before] in " \t\n\r\f":
            before -= 1
        if before >= 0 and text[before] == "=":
            close = following.get(text[at])
            reach[index] = max(reach[index], reach[close + 1] if close is not None else at)
        following[text[at]] = index
    return specials, reach


def _blocks(lines: list[str], joined: list[tuple[int, int]]) -> list[Block]:
    """Runs of non-blank lines; a blank line inside a `joined` region does not end one."""
    until = [-1] * len(lines)
    for first, last in joined:
        until[first] = max(until[first], last)
    blocks: list[Block] = []
    start: int | None = None
    reach = -1
    for index, line in enumerate(lines):
        if until[index] > reach:
            reach = until[index]
        if index > reach and not line.strip(" \t"):
            if start is not None:
                blocks.append(Block(start, index - 1, "\n".join(lines[start:index])))
                start = None
        elif start is None:
            start = index
    if start is not None:
        blocks.append(Block(start, len(lines) - 1, "\n".join(lines[start:])))
    return blocks


def lead(line: str) -> tuple[int, int, str]:
    """Quote and list markers before the text, its indentation in levels of 4 columns, and the
    rest of the line."""
    if not line or line[0] not in _LEAD_CHARS:
        return 0, 0, line
    match = _LEAD.match(line)
    prefix = match.group() if match else ""
    markers = prefix.count(">") + len(_LIST_MARKER.findall(prefix))
    columns = len(prefix.expandtabs(4)) - len(prefix) + prefix.count(" ") + prefix.count("\t")
    return markers, max(0, columns - markers) // 4, line[len(prefix) :]


def line_elements(line: str) -> int:
    """Elements a line may start: a line that continues a paragraph starts none; a list item,
    quote, heading, rule, table row, box, fence or tag starts a few (and the paragraph after)."""
    markers, indent, rest = lead(line)
    if markers:
        return 2 + markers
    if not rest.strip() or (not indent and rest[0] not in _BLOCK_CHARS and "|" not in rest):
        return 0
    return 2


def headings(body: Body) -> list[int]:
    """Lines of what may be headings (`#`, a line of `=` or `-` under text, `<h1>`…`<h6>`): each
    is a section in the table of contents and in the search index."""
    found = [body.line_at(match.start()) for match in _HEADING_TAG.finditer(body.text)]
    for index, line in enumerate(body.lines):
        if line and (line[0] in "#=-" or line[0] in _LEAD_CHARS):
            rest = lead(line)[2]
            if rest.startswith("#") or (rest != "" and set(rest.rstrip()) <= {"=", "-"}):
                found.append(index)
    return sorted(found)


def elements(block: Block) -> int:
    """HTML elements (and entities) a stycke may become: its paragraph, what its lines start,
    its inline markers, tags and `>`, and its table cells."""
    return (
        1
        + sum(line_elements(line) for line in block.text.split("\n"))
        + len(MARKER.findall(block.text))
        + len(TAG_START.findall(block.text))
        + block.text.count(">")
        + cells(block)[0]
    )


def cells(block: Block) -> tuple[int, int]:
    """Cells a table in the stycke may get (each row as many as the widest line has columns),
    and that number of columns."""
    columns = max(_columns(row.strip(" \t")) for row in block.text.split("\n"))
    return (columns * block.lines if columns > 1 else 0), columns


def _columns(row: str) -> int:
    """Cells of a table row: one more than its `|`, less the ones at its start and end."""
    return max(1, row.count("|") + 1 - row.startswith("|") - (len(row) > 1 and row.endswith("|")))


def brackets(text: str) -> tuple[int, int, int]:
    """Characters Python-Markdown's loops scan for the `]` of each `[` (to the end of the stycke
    if none) and for the `)` of each `](`; and the `[` and `(` left open.

    A `]` or `)` between two backticks may be hidden in code, so it closes nothing here.
    """
    if "[" not in text:
        return 0, 0, 0
    first, last = text.find("`"), text.rfind("`")
    opens: list[int] = []
    parens: list[int] = []
    closed: list[int] = []
    ends: dict[int, int] = {}
    work = 0
    for match in _BRACKET.finditer(text):
        char, at = match.group(), match.start()
        if char == "[":
            opens.append(at)
        elif char == "(":
            parens.append(at)
        elif len(char) > 1 or first < at < last:
            continue
        elif char == "]" and opens:
            work += at - opens.pop()
            closed.append(at)
        elif char == ")" and parens:
            ends[parens.pop()] = at
    work += sum(len(text) - at for at in opens)
    quotes = [match.start() for match in re.finditer("[\"']", text)]
    unclosed = 0
    for at in closed:
        if not text.startswith("(", at + 1):
            continue
        end = ends.get(at + 1)
        if end is None or bisect.bisect_left(quotes, end) > bisect.bisect_right(quotes, at):
            work += len(text) - at  # to the end: a title in quotes may hide the `)`
            unclosed += end is None
        else:
            work += end - at
    return work, len(opens), unclosed


def backticks(text: str) -> tuple[int, int]:
    """Characters scanned for a run of the same length after each backtick run (to the end of
    the stycke if none); and the runs without one."""
    if "`" not in text:
        return 0, 0
    runs = [(match.start(), len(match.group())) for match in _BACKTICKS.finditer(text)]
    partner: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    work = 0
    for index in range(len(runs) - 1, -1, -1):
        start, size = runs[index]
        partner[index] = seen.get(size)
        work += (runs[seen[size]][0] if size in seen else len(text)) - start
        seen[size] = index
    opened = 0
    closers: set[int] = set()
    for index, other in enumerate(partner):
        if index in closers:
            continue
        if other is None:
            opened += 1
        else:
            closers.add(other)
    return work, opened


def fences(body: Body) -> tuple[int, int, int]:
    """Characters scanned from each ``` or ~~~ line for its closing line (to the end if none; an
    `hl_lines="` on the line starts it again at each quote); fences left open, the first one."""
    following: dict[str, int] = {}
    quotes = work = opened = first = 0
    end = len(body.text)
    for index in range(len(body.lines) - 1, -1, -1):
        line = body.lines[index]
        quotes += line.count('"') + line.count("'")
        fence = _FENCE.match(line)
        if not fence:
            continue
        start = body.starts[index]
        if fence.group() in following:
            work += following[fence.group()] - start
        else:
            work += (end - start) * (quotes + 1 if "hl_lines" in line else 1)
            opened, first = opened + 1, index
        if line.rstrip(" ") == fence.group():
            following[fence.group()] = start
    return work, opened, first
