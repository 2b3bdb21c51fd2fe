"""Check a Markdown body as the site will publish it: no active content, links that resolve.

The body is rendered with Python-Markdown and the site's extensions, then the HTML is
parsed the way a browser parses it (html5lib, the HTML5 algorithm). Refused (each with a
Swedish reason):

- elements that run code, embed other pages or change the page: `<script>`, `<iframe>`,
  `<object>`, `<embed>`, `<form>` and the like;
- event attributes (`onerror=`, `onclick=` …), also from an attribute list `{ … }`;
- `javascript:`, `vbscript:` and `data:` addresses, also written with entities;
- files loaded from other sites (`<img src="https://…">`): no request may leave the site;
- ids the site's own pages use (`sk-…`, `resultat` …), so a text cannot stand in for them;
- links MkDocs cannot resolve: absolute paths, unknown pages, links to a heading on
  another page, headings that do not exist on this page;
- anything else the sanitizer (sanitize.py) would remove when the page is published.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import markdown

from .sanitize import parse_fragment, removal, reserved_id

# The site's Markdown extensions (mkdocs.yml), plus the ones MkDocs always adds.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "fenced_code"]

BLOCKED_ELEMENTS = {
    "script": "kör kod",
    "iframe": "bäddar in en annan sida",
    "frame": "bäddar in en annan sida",
    "frameset": "bäddar in andra sidor",
    "object": "bäddar in ett program eller en annan sida",
    "embed": "bäddar in ett program eller en annan sida",
    "applet": "kör ett program",
    "portal": "bäddar in en annan sida",
    "form": "skickar uppgifter någonstans",
    "input": "är ett formulärfält",
    "button": "är en formulärknapp",
    "select": "är ett formulärfält",
    "textarea": "är ett formulärfält",
    "base": "ändrar vart sidans alla länkar leder",
    "meta": "kan ladda om eller styra sidan",
    "link": "hämtar filer till sidan",
    "style": "ändrar hela sidans utseende",
}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                   "background", "cite", "longdesc", "srcset", "ping", "manifest"}  # fmt: skip
_LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background"}
_BLOCKED_SCHEMES = ("javascript:", "vbscript:", "data:")
_ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_END = "sk-textens-slut"  # a paragraph after the text: the page's own parts come there


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a body: what to say, and a piece of source text to find its line."""

    message: str
    needle: str


@dataclass(frozen=True)
class Page:
    """Where a body is published (`kompetenser/x.md`) and the files it may link to
    (generated pages and every file under `docs/`)."""

    src_uri: str
    known: Collection[str]


def render_html(body: str) -> str:
    """The body as HTML, rendered with the site's Markdown extensions."""
    return markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS)


def check_body(body: str, page: Page) -> list[Problem]:
    """Every problem of `body` when published as `page`."""
    html = render_html(f"{body}\n\n{_END}\n")
    scanner = _Scanner()
    scanner.scan(html)
    problems = list(scanner.problems)
    if f"<p>{_END}</p>" not in html:  # the page's own parts after the text would be swallowed
        opened = [line for line in body.splitlines() if line.lstrip().startswith("<")]
        problems.append(
            Problem(
                "texten lämnar ett HTML-element öppet, så allt som sidan visar efter texten "
                "skulle hamna i det; stäng elementet (t.ex. med </div>)",
                opened[-1].strip()[:40] if opened else "<",
            )
        )
    if not problems:  # what no rule above names, but the sanitizer would still remove
        removed = removal(html)
        if removed:
            problems.append(Problem(removed.message(), removed.needle))
    for tag, href in scanner.links:
        problem = _link_problem(tag, href, page, scanner.ids)
        if problem:
            problems.append(problem)
    return problems


def line_of(body: str, needle: str, nth: int = 0) -> int:
    """The 0-based line of the `nth` appearance of `needle` in `body` (case-insensitive).

    Falls back to the last appearance, or to line 0 when `needle` is not in the source
    (e.g. an address written with entities).
    """
    lowered = needle.lower()
    found = [
        number
        for number, line in enumerate(body.lower().split("\n"))
        for _ in range(line.count(lowered) if lowered else 0)
    ]
    return found[min(nth, len(found) - 1)] if found else 0


class _Scanner:
    """Reads rendered HTML as a browser parses it: elements, attributes, ids."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.links: list[tuple[str, str]] = []  # (element, address)
        self.ids: set[str] = set()

    def scan(self, html: str) -> None:
        for element in parse_fragment(html).iter():
            if isinstance(element.tag, str):
                tag = element.tag.rsplit("}", 1)[-1].lower()
                attributes = [(name.rsplit("}", 1)[-1].lower(), value)
                              for name, value in element.attrib.items()]  # fmt: skip
                self.element(tag, attributes)

    def element(self, tag: str, attrs: list[tuple[str, str]]) -> None:
        if tag in BLOCKED_ELEMENTS:  # one problem per element: it goes as a whole
            self.problems.append(
                Problem(
                    f"elementet <{tag}> är inte tillåtet i texten (det {BLOCKED_ELEMENTS[tag]}); "
                    "ta bort det",
                    f"<{tag}",
                )
            )
            return
        for name, value in attrs:
            value = value or ""
            if name == "id":
                self.ids.add(value)
                if reserved_id(value):
                    self.problems.append(_reserved_id_problem(tag, value))
            if name.startswith("on"):
                self.problems.append(
                    Problem(
                        f"attributet {name} är inte tillåtet (det kör JavaScript); ta bort det",
                        name,
                    )
                )
            elif name == "srcdoc":
                self.problems.append(
                    Problem("attributet srcdoc är inte tillåtet (det bäddar in en sida)", name)
                )
            elif name in _URL_ATTRIBUTES:
                self._url(tag, name, value)

    def _url(self, tag: str, name: str, value: str) -> None:
        plain = _INVISIBLE.sub("", value).lower()
        scheme = next((s for s in _BLOCKED_SCHEMES if plain.startswith(s)), None)
        if scheme:
            reason = "kör kod" if scheme != "data:" else "bäddar in data som kan köra kod"
            self.problems.append(
                Problem(
                    f'adressen "{_short(value)}" är inte tillåten: {scheme}-adresser {reason}; '
                    "länka till en sida eller en https-adress",
                    scheme.rstrip(":"),
                )
            )
        elif name in _LOADING_ATTRIBUTES and (plain.startswith("//") or ":" in plain[:12]):
            self.problems.append(
                Problem(
                    f'<{tag}> hämtar "{_short(value)}" från en annan webbplats; inget på sidan '
                    "får hämtas utifrån (besökarens integritet) – lägg filen under docs/",
                    value[:40],
                )
            )
        elif (tag, name) in (("a", "href"), ("img", "src")):
            self.links.append((tag, value))


def _reserved_id_problem(tag: str, value: str) -> Problem:
    """An id the site's own pages use (a heading gets one from its text)."""
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        return Problem(
            f'rubriken får id:t "{value}", som webbplatsens egna sidor använder (formulär, '
            'resultat, meny); ge rubriken ett eget id, t.ex. "## Rubrik {#eget-id}"',
            value,
        )
    return Problem(
        f'id "{value}" används av webbplatsens egna sidor (formulär, resultat, meny); '
        "välj ett annat id",
        value,
    )


def _link_problem(tag: str, href: str, page: Page, ids: set[str]) -> Problem | None:
    """Why MkDocs could not resolve `href` (of an `a` or `img`) on `page`, or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        if parts.scheme.lower() in _ALLOWED_SCHEMES:
            return None
        return Problem(
            f'länken "{_short(href)}" har en adress som inte stöds; använd https:, mailto: '
            "eller en relativ länk till en .md-fil",
            href[:40],
        )
    if not parts.path:
        anchor = unquote(parts.fragment)
        if anchor and anchor not in ids:
            return Problem(
                f'länken "{_short(href)}" leder till en rubrik som inte finns i texten; '
                "kontrollera rubrikens id",
                href[:40],
            )
        return None
    if parts.path.startswith("/"):
        return Problem(
            f'länken "{_short(href)}" är absolut (börjar med /) och fungerar inte om webbplatsen '
            "ligger i en undermapp; skriv en relativ länk till .md-filen, t.ex. "
            "../kompetenser/prospektering.md",
            href[:40],
        )
    folder = posixpath.dirname(page.src_uri)
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    if tag == "img":
        if target in page.known:
            return None
        return Problem(
            f'bilden "{_short(href)}" finns inte ({target}); lägg bilden under docs/ och skriv '
            "sökvägen till den från sidan",
            href[:40],
        )
    if not target.endswith(".md"):
        return Problem(
            f'länken "{_short(href)}" leder inte till en sida; skriv sökvägen till sidans '
            ".md-fil, t.ex. ../kompetenser/prospektering.md",
            href[:40],
        )
    if target not in page.known:
        return Problem(
            f'länken "{_short(href)}" leder till en sida som inte finns ({target})',
            href[:40],
        )
    if parts.fragment:
        return Problem(
            f'länken "{_short(href)}" leder till en rubrik på en annan sida, vilket inte '
            "kontrolleras; länka till sidan utan #…",
            href[:40],
        )
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
