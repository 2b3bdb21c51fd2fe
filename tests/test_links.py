"""Link integrity over the built HTML: every internal link and anchor resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _Collector(HTMLParser):
    """Collects ids and the href/src attributes of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("name") and tag == "a":
            self.ids.add(values["name"] or "")
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") == "canonical"):
                self.links.append(values[name] or "")


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> list[str]:
    """Every internal link of the built site that points at nothing, as 'page -> link'."""
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, collected in pages.items():
        base = "http://site/" + page.relative_to(site).as_posix()
        for link in collected.links:
            target = urlsplit(urljoin(base, link))
            if target.scheme in ("data", "blob", "mailto", "javascript") or link.startswith("#!"):
                continue
            if target.netloc != "site":
                continue  # a link to another site is not loaded; only internal links count
            path = site / unquote(target.path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif (
                target.fragment
                and path in pages
                and unquote(target.fragment) not in pages[path].ids
            ):
                broken.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    return broken


def test_no_broken_internal_links(built_site) -> None:
    assert broken_links(built_site.path) == []


def test_the_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="b/">missing</a><a href="a/#x">ok anchor</a>'
        '<a href="a/#nope">missing anchor</a><a href="https://example.org/x">external</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2>')
    assert broken_links(tmp_path) == [
        "index.html -> b/",
        "index.html -> a/#nope (no such anchor)",
    ]
