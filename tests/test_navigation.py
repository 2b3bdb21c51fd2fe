"""Where the generated pages go in the navigation: their section (tab, breadcrumb), their
neighbours, and the section's list in the sidebar and the phone's drawer (at most `shown`
of them, around the page being rendered)."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from saljkompetens.mkdocs_plugin import plugin
from saljkompetens.mkdocs_plugin.navigation import place_pages

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"

NAV = """\
site_name: Test
nav:
  - Start: index.md
  - Kompetenser:
      - kompetenser/index.md
  - Självskattning:
      - sjalvskattning/index.md
      - Så räknas: sa-raknas.md
      - Roller:
          - roller/index.md
"""
HAND_WRITTEN = [
    "index.md",
    "kompetenser/index.md",
    "sjalvskattning/index.md",
    "sa-raknas.md",
    "roller/index.md",
]
COMPETENCIES = [f"kompetenser/k{n}.md" for n in range(10)]
ROLES = ["roller/saljare.md", "roller/chef.md"]
SELFTESTS = ["sjalvtest/test.md"]  # no section of its own: listed under Självskattning
HOMES = {"sjalvtest": "sjalvskattning"}
ELSEWHERE = ["annat/sida.md"]  # a folder with no section


def _site(tmp_path: Path) -> tuple[Navigation, Files]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(NAV, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    uris = [*HAND_WRITTEN, *COMPETENCIES, *ROLES, *SELFTESTS, *ELSEWHERE]
    docs, site = str(tmp_path / "docs"), str(tmp_path / "site")
    files = Files([File(uri, docs, site, use_directory_urls=True) for uri in uris])
    return get_navigation(files, config), files


def _section(nav: Navigation, *titles: str) -> Section:
    items: list[StructureItem] = list(nav.items)
    for title in titles:
        found = next(i for i in items if isinstance(i, Section) and i.title == title)
        items = list(found.children)
    return found


def _listed(section: Section) -> list[str]:
    """The section's children as the sidebar lists them: source paths, a link as `→url`."""
    return [
        item.file.src_uri
        if isinstance(item, Page)
        else f"→{item.url}"
        if isinstance(item, Link)
        else f"[{item.title}]"
        for item in section.children
    ]


def _page(files: Files, uri: str) -> Page:
    page = files.get_file_from_path(uri).page  # type: ignore[union-attr]
    assert isinstance(page, Page)
    return page


def test_each_section_lists_its_generated_pages_after_its_index(tmp_path: Path) -> None:
    nav, files = _site(tmp_path)
    place_pages(nav, files, [COMPETENCIES, ROLES, SELFTESTS, ELSEWHERE], homes=HOMES)

    kompetenser = _section(nav, "Kompetenser")
    assert _listed(kompetenser) == ["kompetenser/index.md", *COMPETENCIES]
    # the self-tests come right after the index, before what mkdocs.yml lists in the section
    assert _listed(_section(nav, "Självskattning")) == [
        "sjalvskattning/index.md",
        "sjalvtest/test.md",
        "sa-raknas.md",
        "[Roller]",
    ]
    assert [a.title for a in _page(files, "sjalvtest/test.md").ancestors] == ["Självskattning"]
    assert _listed(_section(nav, "Självskattning", "Roller")) == ["roller/index.md", *ROLES]
    assert len(kompetenser.children) == 11
    assert kompetenser.children[1] is _page(files, "kompetenser/k0.md")


def test_a_generated_page_has_its_section_and_its_neighbours_of_the_same_kind(
    tmp_path: Path,
) -> None:
    nav, files = _site(tmp_path)
    place_pages(nav, files, [COMPETENCIES, ROLES, ELSEWHERE])

    first, second = _page(files, "kompetenser/k0.md"), _page(files, "kompetenser/k1.md")
    last = _page(files, "kompetenser/k9.md")
    assert first.parent is _section(nav, "Kompetenser")
    assert (first.previous_page, first.next_page) == (None, second)
    assert (last.previous_page, last.next_page) == (_page(files, "kompetenser/k8.md"), None)
    chef = _page(files, "roller/chef.md")
    assert [a.title for a in chef.ancestors] == ["Roller", "Självskattning"]
    assert chef.previous_page is _page(files, "roller/saljare.md")  # never a competency
    # a page in a folder without a section is in no section's list
    assert _page(files, "annat/sida.md").parent is None
    assert "annat/sida.md" not in _listed(_section(nav, "Kompetenser"))


def test_a_long_section_lists_the_pages_around_the_current_one(tmp_path: Path) -> None:
    nav, files = _site(tmp_path)
    current: list[Page | None] = [None]
    place_pages(nav, files, [COMPETENCIES], lambda: current[0], shown=4)
    kompetenser = _section(nav, "Kompetenser")
    everything = "→kompetenser/"  # the index, where all ten are listed

    def listed_on(uri: str | None) -> list[str]:
        """As MkDocs renders `uri`: the page is active (so is its section) and current."""
        if current[0] is not None:
            current[0].active = False
        current[0] = _page(files, uri) if uri else None
        if current[0] is not None:
            current[0].active = True
        listed = _listed(kompetenser)
        assert len(kompetenser.children) == len(listed)
        return listed

    k = COMPETENCIES
    index = "kompetenser/index.md"
    # 4 of 10: two before the current page and one after, kept inside the list
    assert listed_on("kompetenser/k5.md") == [index, *k[3:7], everything]
    assert listed_on("kompetenser/k0.md") == [index, *k[0:4], everything]
    assert listed_on("kompetenser/k1.md") == [index, *k[0:4], everything]
    assert listed_on("kompetenser/k9.md") == [index, *k[6:10], everything]
    assert listed_on("kompetenser/k7.md") == [index, *k[5:9], everything]
    # on the section's index, the first four; on another section's page, none of them
    assert listed_on("kompetenser/index.md") == [index, *k[0:4], everything]
    assert listed_on("roller/chef.md") == [index, everything]
    assert listed_on(None) == [index, everything]
    link = kompetenser.children[-1]
    assert isinstance(link, Link)
    assert (link.title, link.parent) == ("Alla 10 sidor", kompetenser)


def test_a_short_section_lists_all_its_pages_on_every_page(tmp_path: Path) -> None:
    nav, files = _site(tmp_path)
    current: list[Page | None] = [_page(files, "kompetenser/k3.md")]
    place_pages(nav, files, [COMPETENCIES], lambda: current[0], shown=10)
    assert _listed(_section(nav, "Kompetenser")) == ["kompetenser/index.md", *COMPETENCIES]
    current[0] = _page(files, "roller/chef.md")
    assert _listed(_section(nav, "Kompetenser")) == ["kompetenser/index.md", *COMPETENCIES]


# -- in a real build ---------------------------------------------------------------------


def _sidebar(html: str) -> list[str]:
    """The titles of the pages the primary nav lists, the current one marked with `*`."""
    start = html.index('class="md-nav md-nav--primary')
    nav = html[start : html.index('class="md-sidebar md-sidebar--secondary"', start)]
    links = re.findall(r'<a href="[^"]*" class="md-nav__link( md-nav__link--active)?">\s*'
                       r'<span class="md-ellipsis">\s*([^<]*?)\s*<', nav)  # fmt: skip
    return [("*" if active else "") + title for active, title in links]


def _build(tmp_path: Path, site_config) -> Path:
    content = shutil.copytree(MINIMAL, tmp_path / "content")
    config = load_config(str(site_config(content, tmp_path)), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return tmp_path / "site"


def test_a_built_page_lists_its_siblings_around_itself_marked_as_current(
    tmp_path: Path, site_config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs names the page it renders (`config._current_page`): with one page shown per
    section, each competency page lists itself, marked, and a link to all of them. (The
    browser tests look at the real site, whose sections are all listed in full.)"""
    monkeypatch.setattr(plugin, "place_pages", functools.partial(place_pages, shown=1))
    site = _build(tmp_path, site_config)

    lyssna = _sidebar((site / "kompetenser/lyssna/index.html").read_text("utf-8"))
    fraga = _sidebar((site / "kompetenser/fraga/index.html").read_text("utf-8"))
    assert "*Lyssna" in lyssna and "Fråga" not in lyssna and "*Fråga" not in lyssna
    assert "*Fråga" in fraga and "Lyssna" not in fraga and "*Lyssna" not in fraga
    assert "Alla 2 sidor" in lyssna and "Alla 2 sidor" in fraga
    # on a page of another section, a long section lists only the link to all
    article = _sidebar((site / "artiklar/om-att-lyssna/index.html").read_text("utf-8"))
    assert "*Om att lyssna" in article
    assert "Alla 2 sidor" in article
    assert "Fråga" not in article and "Lyssna" not in article
