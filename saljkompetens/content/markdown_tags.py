"""Counting, in one pass each, what HTML parsers will do with the tags in a Markdown body.

Used by `markdown_limits` (see there); the tags are those `markdown_scan.Body` found.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .markdown_scan import TAG_START, Body

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)  # fmt: skip
# HTML5's formatting elements: left open, a browser's parser opens them again in every block.
FORMATTING = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt",
     "u"}
)  # fmt: skip
_WORDS = re.compile(r"\S+")
_CLOSE = {"<!--": re.compile(r"--!?>"), "<![": re.compile(r"]]>"), "<?": re.compile(r"\?>")}


@dataclass(frozen=True)
class OpenElements:
    """HTML elements left open: per line, how many in one another; the sum over line ends and
    tags of the formatting elements open there (a browser's parser opens them again in each new
    block), and the oldest of those (name, line)."""

    depth: list[int]
    reopened: int
    oldest: tuple[str, int]


def tag_work(body: Body) -> tuple[int, int, int]:
    """Characters HTML parsers scan from each `<` that may start a tag to where it can end
    (`Body.tag_end`; a comment to `-->`), the tags without `>` before the next tag, and the line
    of the first of them."""
    text, size = body.text, len(body.text)
    closes = {kind: [m.start() for m in regex.finditer(text)] for kind, regex in _CLOSE.items()}
    starts = [match.start() for match in TAG_START.finditer(text)]
    work = opened = 0
    first = -1
    for number, start in enumerate(starts):
        kind = next((k for k in _CLOSE if text.startswith(k, start)), "")
        if kind:
            found = closes[kind]
            after = bisect.bisect_left(found, start + len(kind))
            stop = found[after] if after < len(found) else size
        else:
            stop = body.tag_end(start)
        work += stop - start
        if stop == size or (number + 1 < len(starts) and stop >= starts[number + 1]):
            opened += 1
            first = start if first < 0 else first
    return work, opened, body.line_at(max(first, 0))


def attributes(body: Body) -> tuple[int, int, str]:
    """The most attributes in one tag (up to its `>`) or attribute list `{ … }`: (count, line,
    which)."""
    words = [match.start() for match in _WORDS.finditer(body.text)]
    most, line, what = 0, 0, ""
    for tag in body.tags:
        if tag.closing or tag.end == len(body.text):
            continue  # never ended: parsers keep it as text
        count = bisect.bisect_left(words, tag.end) - bisect.bisect_right(words, tag.start)
        if count > most:
            most, line, what = count, body.line_at(tag.start), f"taggen <{tag.name}>"
    for index, text in enumerate(body.lines):
        start, end = text.find("{"), text.rfind("}")
        if 0 <= start < end:
            count = len(_WORDS.findall(text, start + 1 + text.startswith(":", start + 1), end))
            if count > most:
                most, line, what = count, index, "attributlistan { … }"
    return most, line, what


def open_elements(body: Body) -> OpenElements:
    """Simulate the open elements as a browser nests start and end tags (a conservative count:
    every tag in the text, also in code)."""
    depth = [0] * len(body.lines)
    stack: list[str] = []
    counts: dict[str, int] = {}
    formatting: list[tuple[str, int]] = []
    total, line = 0, 0
    oldest: tuple[str, int] | None = None
    for tag in body.tags:
        at = body.line_at(tag.start)
        total += len(formatting) * (at - line + 1)  # opened again in each block and tag
        if formatting and oldest is None:
            oldest = formatting[0]
        if at > line:
            depth[line + 1 : at + 1] = [len(stack)] * (at - line)
            line = at
        if tag.closing and counts.get(tag.name):
            while stack:
                name = stack.pop()
                counts[name] -= 1
                if name in FORMATTING:
                    formatting.pop()
                if name == tag.name:
                    break
        elif not tag.closing and tag.name not in VOID_TAGS:
            stack.append(tag.name)
            counts[tag.name] = counts.get(tag.name, 0) + 1
            if tag.name in FORMATTING:
                formatting.append((tag.name, at))
            depth[at] = max(depth[at], len(stack))
    total += len(formatting) * (len(body.lines) - line)
    depth[line + 1 :] = [len(stack)] * (len(body.lines) - line - 1)
    first = oldest or (formatting[0] if formatting else ("", 0))
    return OpenElements(depth, total, first)
