"""Refuse Markdown that the renderer cannot turn into HTML in bounded time: a linear pre-check.

Python-Markdown 3.11 is quadratic or worse on some bodies (measured; see
tests/test_markdown_limits.py): each `[` is matched by a character loop that runs to its `]` or
to the end of the paragraph (16 kB of `[a ` take 8 s, 64 kB over a minute), a run of backticks
looks for one of the same length the same way, `](` for its `)`, an opening code fence for its
closing fence, a tag without `>` for the next `>` of the whole body; block processors search
the rest of a paragraph once per line; each inline match rebuilds its paragraph; nesting ends in
a RecursionError; a table pads every row to the header's width; and the checks after rendering
parse every element and attribute again. Each limit below bounds one of these and is counted on
the source in one pass (markdown_scan.py, markdown_tags.py). A *stycke* is a run of lines
without a blank line: no inline text of the renderer crosses one (the content of
`markdown="span"` elements, which does, is counted as one stycke). The limits are far above what
the site's texts use.

`markdown_problems` returns (Swedish message, needle); the needle is text from the line concerned.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import markdown_scan as scan
from . import markdown_tags as tags

MAX_DEPTH = 16  # lists, quotes and indented boxes in one another (RecursionError near 250)
MAX_HTML_DEPTH = 48  # HTML elements left open in one another
MAX_MARKERS = 300  # per stycke: runs of * _ ` and each [ < & \ (each match rebuilds the stycke)
MAX_BLOCK_WORK = 10_000_000  # sum over stycken of lines × characters
MAX_BRACKET_WORK = 500_000  # characters scanned for the ] of each [ and the ) of each ](
MAX_BACKTICK_WORK = 500_000  # characters scanned for the closing run of each backtick run
MAX_TAG_WORK = 2_000_000  # characters scanned for the end of each tag
MAX_FENCE_WORK = 10_000_000  # characters scanned for the closing line of each code fence
MAX_ATTRIBUTES = 40  # in one tag or attribute list { … }
MAX_TABLE_CELLS = 5_000  # per table: rows × the header's columns
MAX_ELEMENTS = 5_000  # HTML elements (and entities) the body may become, estimated
MAX_HEADINGS = 500  # each is a section in the page's table of contents and in the search index
MAX_REOPENED = 2_000  # formatting tags (<b> …) left open, summed over each later line and tag

LIMITS = {
    "depth": MAX_DEPTH, "html_depth": MAX_HTML_DEPTH, "markers": MAX_MARKERS,
    "block_work": MAX_BLOCK_WORK, "bracket_work": MAX_BRACKET_WORK,
    "backtick_work": MAX_BACKTICK_WORK, "tag_work": MAX_TAG_WORK, "fence_work": MAX_FENCE_WORK,
    "attributes": MAX_ATTRIBUTES, "table_cells": MAX_TABLE_CELLS, "elements": MAX_ELEMENTS,
    "headings": MAX_HEADINGS, "reopened": MAX_REOPENED,
}  # fmt: skip
"""Each limit by the name `measures` uses."""

Problem = tuple[str, str]


def markdown_problems(body: str) -> list[Problem]:
    """(Swedish message, needle) for each limit `body` goes beyond; [] if it may be rendered."""
    doc = scan.Body(body)
    opened = tags.open_elements(doc)
    return [*_nesting(doc, opened), *_stycken(doc), *_scans(doc), *_tags(doc, opened), *_size(doc)]


def measures(body: str) -> dict[str, int]:
    """What each limit counts in `body` (the largest per line, stycke or tag where it is one)."""
    doc = scan.Body(body)
    opened = tags.open_elements(doc)
    return {
        "depth": max(sum(scan.lead(line)[:2]) for line in doc.lines),
        "html_depth": max(opened.depth),
        "markers": max((len(scan.MARKER.findall(b.text)) for b in doc.blocks), default=0),
        "block_work": sum(block.lines * len(block.text) for block in doc.blocks),
        "bracket_work": sum(scan.brackets(block.text)[0] for block in doc.blocks),
        "backtick_work": sum(scan.backticks(block.text)[0] for block in doc.blocks),
        "tag_work": tags.tag_work(doc)[0],
        "fence_work": scan.fences(doc)[0],
        "attributes": tags.attributes(doc)[0],
        "table_cells": max((scan.cells(block)[0] for block in doc.blocks), default=0),
        "elements": sum(scan.elements(block) for block in doc.blocks),
        "headings": len(scan.headings(doc)),
        "reopened": opened.reopened,
    }


def _nesting(doc: scan.Body, opened: tags.OpenElements) -> Iterator[Problem]:
    """Lists, quotes and boxes in one another; HTML elements left open in one another."""
    depth, line = 0, 0
    for index, text in enumerate(doc.lines):
        markers, indent, _ = scan.lead(text)
        if markers + indent > depth:
            depth, line = markers + indent, index
    if depth > MAX_DEPTH:
        yield (
            f"texten ligger {depth} nivåer djupt här (listor, citat och indrag i varandra); "
            f"högst {MAX_DEPTH} går – gör strukturen plattare",
            doc.needle(line),
        )
    depths = opened.depth
    line = max(range(len(depths)), key=depths.__getitem__)  # the first line this deep
    if depths[line] > MAX_HTML_DEPTH:
        yield (
            f"{_n(depths[line])} HTML-element är öppna i varandra (utan sluttaggar emellan); "
            f"högst {MAX_HTML_DEPTH} går – stäng dem med sluttaggar (</div> …)",
            doc.needle(line),
        )


def _stycken(doc: scan.Body) -> Iterator[Problem]:
    """Markers per stycke; the block parser's work over all stycken."""
    over = [(len(scan.MARKER.findall(b.text)), b) for b in doc.blocks]
    over = [(markers, block) for markers, block in over if markers > MAX_MARKERS]
    if over:
        markers, block = over[0]
        yield (
            f"stycket har {_n(markers)} tecken som inleder formatering eller länkar "
            f"(* _ ` [ < & \\); högst {MAX_MARKERS} går i ett stycke – dela upp det med tomma "
            f"rader{_more(len(over) - 1)}",
            doc.needle(block.first, block.last),
        )
    if sum(block.lines * len(block.text) for block in doc.blocks) > MAX_BLOCK_WORK:
        block = max(doc.blocks, key=lambda block: block.lines * len(block.text))
        yield (
            f"texten har för långa stycken (det längsta har {_n(block.lines)} rader och "
            f"{_n(len(block.text))} tecken utan tom rad); dela upp dem med tomma rader",
            doc.needle(block.first, block.last),
        )


def _scans(doc: scan.Body) -> Iterator[Problem]:
    """The renderer's character loops: `[` to `]`, `](` to `)`, backticks, code fences."""
    counted = [(scan.brackets(block.text), block) for block in doc.blocks]
    if sum(work for (work, _, _), _ in counted) > MAX_BRACKET_WORK:
        (_, opened, parens), block = max(counted, key=lambda item: item[0][0])
        parts = [f"{_n(opened)} hakparenteser [ som inte stängs med ]"] if opened else []
        parts += [f"{_n(parens)} länkar där ( inte stängs med )"] if parens else []
        what = " och ".join(parts) or "hakparenteser [ ] i för många nivåer"
        yield (
            f"stycket har {what}; det gör texten för tung att göra om till HTML – stäng dem, "
            "eller skriv \\[ för en hakparentes som inte hör till en länk",
            doc.needle(block.first, block.last),
        )
    ticks = [(scan.backticks(block.text), block) for block in doc.blocks]
    if sum(work for (work, _), _ in ticks) > MAX_BACKTICK_WORK:
        (_, opened), block = max(ticks, key=lambda item: item[0][0])
        yield (
            f"stycket har {_n(opened)} grupper av bakåtfnuttar ` som inte stängs av en lika lång "
            "grupp; det gör texten för tung att göra om till HTML – stäng dem, eller skriv \\` "
            "för ett ensamt tecken",
            doc.needle(block.first, block.last),
        )
    work, opened, line = scan.fences(doc)
    if work > MAX_FENCE_WORK:
        yield (
            f"texten har {_n(opened)} kodblock som börjar med ``` eller ~~~ men inte avslutas; "
            "avsluta varje kodblock med en rad med samma tecken",
            doc.needle(line),
        )


def _tags(doc: scan.Body, opened: tags.OpenElements) -> Iterator[Problem]:
    """Tags without `>`, many attributes, formatting tags left open."""
    work, unclosed, line = tags.tag_work(doc)
    if work > MAX_TAG_WORK:
        yield (
            f"texten har {_n(unclosed)} taggar som börjar med < men inte slutar med > före nästa "
            "tagg; skriv &lt; för tecknet <, eller avsluta taggen med >",
            doc.needle(line),
        )
    count, line, what = tags.attributes(doc)
    if count > MAX_ATTRIBUTES:
        yield (f"{what} har {_n(count)} attribut; högst {MAX_ATTRIBUTES} går", doc.needle(line))
    if opened.reopened > MAX_REOPENED:
        name, line = opened.oldest
        yield (
            f"taggen <{name}> stängs inte (eller först långt senare), och webbläsaren öppnar den "
            f"igen i varje följande stycke; stäng den med </{name}> i samma stycke",
            doc.needle(line),
        )


def _size(doc: scan.Body) -> Iterator[Problem]:
    """Cells per table; headings; the HTML elements the whole body may become."""
    over = [block for block in doc.blocks if scan.cells(block)[0] > MAX_TABLE_CELLS]
    if over:
        cells, columns = scan.cells(over[0])
        yield (
            f"tabellen kan bli {_n(columns)} kolumner × {_n(over[0].lines)} rader = {_n(cells)} "
            "celler (varje rad får lika många celler som rubrikraden); högst "
            f"{_n(MAX_TABLE_CELLS)} går – dela upp tabellen{_more(len(over) - 1)}",
            doc.needle(over[0].first, over[0].last),
        )
    headings = scan.headings(doc)
    if len(headings) > MAX_HEADINGS:
        yield (
            f"texten har {_n(len(headings))} rubriker; högst {MAX_HEADINGS} går (varje rubrik "
            "blir en del av sidans innehållsförteckning och av sökindexet) – dela upp texten på "
            "flera sidor",
            doc.needle(headings[MAX_HEADINGS]),
        )
    counted = [(scan.elements(block), block) for block in doc.blocks]
    if sum(count for count, _ in counted) > MAX_ELEMENTS:
        _, block = max(counted, key=lambda item: item[0])
        yield (
            f"texten blir omkring {_n(sum(count for count, _ in counted))} HTML-element "
            "(stycken, listpunkter, rubriker, tabellceller, formatering och taggar); högst "
            f"{_n(MAX_ELEMENTS)} går – dela upp texten på flera sidor (det här stycket har flest)",
            doc.needle(block.first, block.last),
        )


def _more(count: int) -> str:
    return f" (likadant i {_n(count)} stycken till)" if count else ""


def _n(number: int) -> str:
    """12 345, as Swedish writes it."""
    return f"{number:,}".replace(",", " ")
