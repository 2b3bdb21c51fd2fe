"""What content may put into a page, and the one sanitizer that enforces it.

Content bodies are Markdown, rendered to HTML and then cleaned by `nh3` (ammonia on
html5ever, the HTML5 parser of Servo): only the elements and attributes below survive, only
`http(s):`, `mailto:`, `tel:` and relative addresses, no comments. Browsers parse HTML the
same way html5ever does, so what is removed is what a browser would have run.

`check` reports everything the sanitizer would remove (`removal`), so the editor sees it
before publishing; the build publishes only the sanitized HTML (the plugin cleans each
generated page), so the guarantee holds even for what no check foresaw.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import html5lib
import nh3

ELEMENTS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
        "ul", "var", "wbr",
    }
)  # fmt: skip
"""Elements content may use: text, lists, tables, images, links, headings, quotes."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "lang", "title", "hidden"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"align", "colspan", "rowspan", "style"},
    "th": {"align", "colspan", "rowspan", "style", "scope"},
    "time": {"datetime"},
    "details": {"open"},
}
"""Attributes content may use, per element (`*`: on every element). `style` only on table
cells, and only `text-align` in it (Markdown's table alignment)."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})

RESERVED_IDS = frozenset({"resultat", "skatta", "kalla", "integritet", "kallor"})
"""Ids the site's own pages and links rely on; content may not take them (nor any id that
starts with `sk-` or `_`, the page's and the theme's), so that nothing in a text can stand in
for a form, a result or a control (DOM clobbering)."""


def reserved_id(value: str) -> bool:
    """Whether an id belongs to the site or the theme, not to content."""
    return value in RESERVED_IDS or value.startswith(("sk-", "_"))


def clean(html: str, page_ids: frozenset[str] = frozenset()) -> str:
    """`html` with everything outside the allowlist removed (script and style with their
    content), parsed as a browser parses it. `page_ids`: reserved ids that the page's own
    template gives (kept; content may not use them, which check says)."""

    def keep(element: str, attribute: str, value: str) -> str | None:
        if attribute == "id" and reserved_id(value) and value not in page_ids:
            return None
        return value

    return nh3.clean(
        html,
        tags=set(ELEMENTS),
        attributes={name: set(values) for name, values in ATTRIBUTES.items()},
        attribute_filter=keep,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


def parse_fragment(html: str) -> Element:
    """`html` as a tree, parsed by the HTML5 algorithm (html5lib), as a browser parses it."""
    return html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)


@dataclass(frozen=True)
class Removal:
    """The first thing the sanitizer takes out of a piece of HTML."""

    element: str
    attribute: str | None  # None: the whole element (or text inside one) goes

    def message(self) -> str:
        """In Swedish, for the editor."""
        if self.attribute is None:
            return (
                f"<{self.element}> tas bort när sidan publiceras (bara text, länkar, listor, "
                "tabeller, bilder och rubriker är tillåtna); ta bort det"
            )
        return (
            f"attributet {self.attribute} på <{self.element}> tas bort när sidan publiceras "
            "(det är inte tillåtet där, eller dess värde är det inte); ta bort det"
        )

    @property
    def needle(self) -> str:
        """A piece of source text to find the line by."""
        return self.attribute or f"<{self.element}"


Event = tuple[str, ...]


def _events(node: Element) -> Iterator[Event]:
    """The tree as a flat list of start, text and end events, comments left out (the
    sanitizer drops them and they show nothing)."""
    if node.text:
        yield ("text", node.text)
    for child in node:
        if isinstance(child.tag, str):
            attributes = sorted((k, _style(v) if k == "style" else v)
                                for k, v in child.attrib.items())  # fmt: skip
            yield ("start", child.tag, *(f"{k}={v}" for k, v in attributes))
            yield from _events(child)
            yield ("end", child.tag)
        if child.tail:
            yield ("text", child.tail)


def _merged(events: Iterator[Event]) -> list[Event]:
    """Adjacent text events joined (a comment between two texts leaves two)."""
    merged: list[Event] = []
    for event in events:
        if event[0] == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + event[1])
        else:
            merged.append(event)
    return merged


def _style(value: str) -> str:
    """A style attribute as its declarations, written one way ("text-align:left")."""
    declarations = (part.split(":", 1) for part in value.split(";") if ":" in part)
    return ";".join(f"{name.strip().lower()}:{v.strip()}" for name, v in declarations)


def removal(html: str, page_ids: frozenset[str] = frozenset()) -> Removal | None:
    """What cleaning `html` would change first, compared as browsers parse both; None when
    the sanitizer keeps everything.

    The sanitizer only takes away, so the cleaned elements are the original ones in order,
    less some: the first original element with no counterpart is removed, or the first pair
    whose attributes differ lost one.
    """
    before = _merged(_events(parse_fragment(html)))
    after = _merged(_events(parse_fragment(clean(html, page_ids))))
    if before == after:
        return None
    kept = iter([event for event in after if event[0] == "start"])
    for old in (event for event in before if event[0] == "start"):
        new = next(kept, None)
        if new is None or new[1] != old[1]:
            return Removal(_name(old[1]), None)
        if new != old:
            kept_names = {part.split("=", 1)[0] for part in new[2:]}
            gone = [part.split("=", 1)[0] for part in old[2:] if part not in new[2:]]
            name = next((a for a in gone if a not in kept_names), gone[0] if gone else None)
            return Removal(_name(old[1]), name)
    return Removal("text", None)  # only text differs: not seen with nh3, but never silent


def _name(tag: str) -> str:
    """An element's name without its namespace (`{…svg}svg` → `svg`)."""
    return tag.rsplit("}", 1)[-1]
