"""Where the generated pages belong in the site's navigation, without being in `mkdocs.yml`.

A competency page belongs to the section whose index page is `kompetenser/index.md`, and so
on; a folder with no section of its own can be given another folder's (`homes`). Setting
the page's `parent` gives it the active tab and Material's breadcrumb (`navigation.path`);
`previous_page`/`next_page` give it its neighbours in the footer (`navigation.footer`); and
the section lists it among its children, so that the sidebar and the phone's drawer show the
sibling pages with the current one marked, as they would if the pages were in `nav`.

A section with at most `SHOWN` generated pages lists them all, as this site's sections do. A
longer one lists, on its own pages, the `SHOWN` around the current page, and elsewhere none;
either way followed by a link to the section's index, where all are. So every page renders a
nav of a bounded size however many pages there are, and the build stays linear (`make bench`).
Which page is current is asked at render time (`Siblings`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import overload

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

SHOWN = 24
"""The most generated pages one section lists in the sidebar (this site has 18 at most)."""

CurrentPage = Callable[[], Page | None]
"""Returns the page being rendered (MkDocs sets it before it renders the page's template)."""


def place_pages(
    nav: Navigation,
    files: Files,
    groups: Iterable[Sequence[str]],
    current: CurrentPage = lambda: None,
    shown: int = SHOWN,
    homes: Mapping[str, str] | None = None,
) -> None:
    """Give each page of each group (source paths in reading order) its section, its
    neighbours within the group and its place in the section's children. A page's section is
    its folder's, or that of the folder `homes` names for its folder."""
    sections = {
        posixpath.dirname(index.file.src_uri): section
        for section in _sections(nav.items)
        if isinstance(index := section.children[0] if section.children else None, Page)
        and index.is_index
    }
    placed: dict[str, list[Page]] = {}
    for group in groups:
        pages = [_page(files, src_uri) for src_uri in group]
        for number, page in enumerate(pages):
            folder = posixpath.dirname(page.file.src_uri)
            folder = (homes or {}).get(folder, folder)
            page.parent = sections.get(folder)
            page.previous_page = pages[number - 1] if number > 0 else None
            page.next_page = pages[number + 1] if number + 1 < len(pages) else None
            if page.parent is not None:
                placed.setdefault(folder, []).append(page)
    for folder, pages in placed.items():
        section = sections[folder]
        # Section.children is typed as a list; Material's templates only iterate it, take
        # its length and its first item, which a Sequence gives.
        section.children = Siblings(section, pages, current, shown)  # type: ignore[assignment]


class Siblings(Sequence[StructureItem]):
    """A section's children as the sidebar lists them for the page being rendered: the
    index page, the generated pages (all, or in a long section a window of `shown` around
    the current page on its own pages and none elsewhere, then a link to the index), then
    whatever else `nav` lists in the section."""

    def __init__(
        self, section: Section, pages: Sequence[Page], current: CurrentPage, shown: int
    ) -> None:
        index, *rest = section.children
        self._section, self._index, self._rest = section, index, rest
        self._pages = list(pages)
        self._positions = {page.file.src_uri: n for n, page in enumerate(self._pages)}
        self._current, self._shown = current, shown
        self._all: Link | None = None
        if len(self._pages) > shown and isinstance(index, Page):
            self._all = Link(f"Alla {_number(len(self._pages))} sidor", index.url)
            self._all.parent = section
        self._for: tuple[Page | None, bool] = (None, False)
        self._items = self._view(None)

    def _view(self, page: Page | None) -> list[StructureItem]:
        window: list[StructureItem] = []
        if self._all is None or self._section.active:  # short, or a page of this section
            position = self._positions.get(page.file.src_uri, 0) if page is not None else 0
            last_start = max(len(self._pages) - self._shown, 0)
            start = min(max(position - self._shown // 2, 0), last_start)
            window = list(self._pages[start : start + self._shown])
        more: list[StructureItem] = [self._all] if self._all is not None else []
        return [self._index, *window, *more, *self._rest]

    def _shown_now(self) -> list[StructureItem]:
        page, active = self._current(), self._section.active
        if page is not self._for[0] or active != self._for[1]:
            self._for, self._items = (page, active), self._view(page)
        return self._items

    def __iter__(self) -> Iterator[StructureItem]:
        return iter(self._shown_now())

    def __len__(self) -> int:
        return len(self._shown_now())

    @overload
    def __getitem__(self, index: int) -> StructureItem: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[StructureItem]: ...
    def __getitem__(self, index: int | slice) -> StructureItem | Sequence[StructureItem]:
        return self._shown_now()[index]


def _number(count: int) -> str:
    """A count as Swedish writes it: 3 000 (a no-break space between thousands)."""
    return f"{count:,}".replace(",", "\u00a0")


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
