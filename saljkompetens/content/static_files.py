"""HTML and SVG files under docs/ that a browser would run: refused, with file and line.

MkDocs copies every file under docs/ that is not Markdown as it is: no meta CSP, no
sanitizer. Editors keep images there (the editor's guide), so an `.svg` or `.html` dropped
beside them is published and can be opened as a page of its own. Each `.html`, `.htm`,
`.xhtml` and `.svg` (any case) is read the way a browser reads it (static_rules.py says
what is refused, and why):

- HTML with html5lib, the HTML5 parsing algorithm (comments, raw text and `<noscript>`
  end where a browser ends them), both with scripting on and off;
- SVG, and XHTML too, as XML with the standard library's expat: no DOCTYPE in an SVG
  (so no entity can be declared: no billion laughs, no external entities), no processing
  instruction, and a file that is not well-formed has its own message.

Bounded: a file over MAX_BYTES is refused unread; expat is linear; html5lib does quadratic
work on some hostile markup (deep nesting, formatting elements opened again, long comments
or attribute lists), so its work is counted and stopped at MAX_WORK.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from html5lib import HTMLParser, treebuilders
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes

from .errors import ContentError
from .static_rules import html_problems
from .static_xml import xml_problems

# Largest file read, by suffix: expat reads 1 MB in well under a second, html5lib about
# 0.5 MB a second on markup-dense pages (and twice when there is a <noscript>).
MAX_BYTES = {".svg": 1_000_000, ".html": 500_000, ".htm": 500_000, ".xhtml": 500_000}
# html5lib's work, in units of one open element walked (~60 ns): 0.5 MB of real pages
# takes under 10 million; 25 million is about 1.5 s of the costliest kinds (deep nesting,
# formatting elements opened again and again), for both parses together.
MAX_WORK = 25_000_000
ELEMENT_WORK = 150  # making an element (~10 µs when html5lib copies one)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TOO_DEEP = (
    "filen är för invecklad för att kunna kontrolleras inom rimlig tid (djupt nästlade "
    "element, mycket långa taggar eller kommentarer); förenkla den"
)

Problem = tuple[int | None, str]  # (1-based line or None, Swedish message)


def static_file_problems(docs_dir: Path) -> list[ContentError]:
    """Every HTML and SVG file under `docs_dir` that carries active content, one error per
    thing found, named `docs/<path>` with its line."""
    errors = []
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix.lower() in MAX_BYTES and path.is_file():
            shown = Path(docs_dir.name) / path.relative_to(docs_dir)
            for line, message in file_problems(path):
                errors.append(ContentError(shown, message, line=line))
    return errors


def file_problems(path: Path) -> list[Problem]:
    """The problems of one file, by line, each once."""
    suffix = path.suffix.lower()
    size, limit = path.stat().st_size, MAX_BYTES[suffix]
    if size > limit:
        kind = "en SVG-fil" if suffix == ".svg" else "en HTML-fil"
        message = (
            f"filen är {_bytes(size)} byte; {kind} under docs/ får vara högst "
            f"{_bytes(limit)} byte, så den kontrolleras inte; gör den mindre"
        )
        return [(None, message)]
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        return [(None, f"filen kan inte läsas ({exc.strerror})")]
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return [(line, "filen är inte sparad som UTF-8; spara den som UTF-8")]
    found: list[Problem] = []
    if suffix in HTML_SUFFIXES:
        found += html_file_problems(text)
    if suffix in (".xhtml", ".svg"):
        found += xml_problems(text, svg=suffix == ".svg")
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda problem: problem[0] or 0)


def _bytes(count: int) -> str:
    """1 000 000: a space between thousands, as Swedish writes it."""
    return f"{count:,}".replace(",", " ")


def html_file_problems(text: str) -> list[Problem]:
    """Active content in an HTML file, as a browser parses it with scripting on and off."""
    found: list[Problem] = []
    work = 0
    # Scripting decides only how <noscript> is read; a browser may have it either way.
    for scripting in (True, False) if "noscript" in text.lower() else (True,):
        parser = _LinedParser(work)
        try:
            document = parser.parse(text, scripting=scripting)
        except _TooDeep:
            return [(None, TOO_DEEP)]
        work = parser.work
        for element in document.iter():
            if isinstance(element.tag, str):
                for attribute, message in html_problems(element.tag, list(element.attrib.items())):
                    found.append((parser.line_of(element, attribute), message))
    return found


class _TooDeep(Exception):
    """html5lib would need more than MAX_WORK steps for this file."""


class _CountingTokenizer(HTMLTokenizer):
    """html5lib's tokenizer loop (`__iter__`), counting the work each step costs: html5lib
    grows a token's text by copying it, checks each new attribute against the earlier ones,
    and the tree builder walks the open and the active formatting elements for each token.
    All of that is linear for ordinary pages and quadratic for hostile ones."""

    def __iter__(self) -> Iterator[Any]:
        parser, tree = self.parser, self.parser.tree
        inside = {self.dataState, self.rcdataState, self.rawtextState, self.scriptDataState,
                  self.plaintextState}  # fmt: skip
        self.tokenQueue = deque()
        while self.state():
            parser.work += 1 if self.state in inside else 1 + _size(self.currentToken)
            while self.stream.errors:
                yield {"type": tokenTypes["ParseError"], "data": self.stream.errors.pop(0)}
            while self.tokenQueue:
                parser.work += 1 + len(tree.openElements) + len(tree.activeFormattingElements)
                yield self.tokenQueue.popleft()
            if parser.work > MAX_WORK:
                raise _TooDeep


def _size(token: Any) -> int:
    """What html5lib's next step on `token` costs: the earlier attributes it compares a new
    one with, and the text it copies to grow the token (64 characters a unit)."""
    data = token.get("data") if isinstance(token, dict) else None
    if isinstance(data, list) and data:
        return len(data) + (len(data[-1][0]) + len(data[-1][1])) // 64
    return len(data) // 64 if isinstance(data, str) else 0


class _LinedParser(HTMLParser):
    """html5lib's parser that notes where each element's start tag ends, and counts work
    (ELEMENT_WORK for each element it makes, e.g. when it opens formatting elements again)."""

    def __init__(self, work: int = 0) -> None:
        super().__init__(tree=treebuilders.getTreeBuilder("etree"), namespaceHTMLElements=True)
        self.work = work  # shared by the parses of one file
        self._where: dict[int, tuple[int, str, int]] = {}
        self._made: list[Any] = []  # keeps the elements alive, so that their ids stay theirs
        make = self.tree.elementClass

        def element(name: str, namespace: str | None = None) -> Any:
            made = make(name, namespace)
            self._made.append(made)
            self._where[id(made._element)] = self._position()
            if name in ("html", "body"):  # a later <body …> adds its attributes to this one
                made._element.attrib = _LinedAttributes(self._position)
            self.work += ELEMENT_WORK
            if self.work > MAX_WORK:
                raise _TooDeep
            return made

        self.tree.elementClass = element

    def mainLoop(self) -> None:
        self.tokenizer.__class__ = _CountingTokenizer
        super().mainLoop()

    def parseError(self, errorcode: str = "", datavars: Any = None) -> None:
        """Parse errors are not needed here (html5lib would find each one's position)."""
        self.work += 1

    def _position(self) -> tuple[int, str, int]:
        """Where the tokenizer is, for `line_of` (html5lib's `position()` counts lines each
        time; this keeps the chunk and counts only for the elements that are reported)."""
        stream = self.tokenizer.stream
        return stream.prevNumLines, stream.chunk, stream.chunkOffset

    def line_of(self, element: Any, attribute: str | None = None) -> int | None:
        """The 1-based line where the start tag of `element` (or of its `attribute`) ends."""
        attributes = element.attrib
        where = self._where.get(id(element))
        if isinstance(attributes, _LinedAttributes) and attribute in attributes.where:
            where = attributes.where[attribute]
        if where is None:
            return None
        lines_before, chunk, offset = where
        return lines_before + chunk.count("\n", 0, offset) + 1


class _LinedAttributes(dict[str, str]):
    """The attributes of <html> or <body>, each with where it was set."""

    def __init__(self, position: Callable[[], tuple[int, str, int]]) -> None:
        super().__init__()
        self.position = position
        self.where: dict[str, tuple[int, str, int]] = {}

    def __setitem__(self, key: str, value: str) -> None:
        self.where[key] = self.position()
        super().__setitem__(key, value)
