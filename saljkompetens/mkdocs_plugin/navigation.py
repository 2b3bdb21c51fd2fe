"""Where the generated pages belong in the site's navigation, without being in the nav.

A competency page belongs to the section whose index page is `kompetenser/index.md`, and so
on: setting the page's `parent` gives it the active tab and Material's breadcrumb
(`navigation.path`), and `previous_page`/`next_page` give it its neighbours in the footer
(`navigation.footer`). The nav itself stays a handful of sections, so every page renders
the same small nav however many pages there are.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Sequence

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def place_pages(nav: Navigation, files: Files, groups: Iterable[Sequence[str]]) -> None:
    """Give each page of each group (source paths in reading order) its section and its
    neighbours within the group."""
    sections = {
        posixpath.dirname(index.file.src_uri): section
        for section in _sections(nav.items)
        if isinstance(index := section.children[0] if section.children else None, Page)
        and index.is_index
    }
    for group in groups:
        pages = [_page(files, src_uri) for src_uri in group]
        for number, page in enumerate(pages):
            page.parent = sections.get(posixpath.dirname(page.file.src_uri))
            page.previous_page = pages[number - 1] if number > 0 else None
            page.next_page = pages[number + 1] if number + 1 < len(pages) else None


def _sections(items: Iterable[object]) -> Iterator[Section]:
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def _page(files: Files, src_uri: str) -> Page:
    file = files.get_file_from_path(src_uri)
    if file is None or not isinstance(file.page, Page):
        raise LookupError(f"{src_uri}: ingen sida (genererades den inte?)")
    return file.page
