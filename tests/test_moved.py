"""A self-test's former address (`sjalvskattning/<slug>/`): a page that sends the visitor on
to `sjalvtest/<slug>/` with the fragment kept (assets/js/moved.js), under the site's CSP, and
outside the navigation, the search index and the sitemap (pages/moved.py). The browser side
is in tests/browser/test_selftests.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from saljkompetens.content.loader import load_content
from saljkompetens.mkdocs_plugin.csp import add_csp, inline_scripts
from saljkompetens.mkdocs_plugin.plugin import SaljkompetensPlugin
from saljkompetens.pages.moved import moved_pages

PUBLISHED = Path(__file__).parent / "fixtures" / "published" / "content"
SLUG = "lyssnartest-img-src-x-onerror-window-pwned-11-7-7"  # its title holds markup
FORMER = f"sjalvskattning/{SLUG}/index.html"
TO = f"../../sjalvtest/{SLUG}/"  # from sjalvskattning/<slug>/: two folders up


def test_each_selftest_gets_a_page_at_its_former_address() -> None:
    pages = moved_pages(load_content(PUBLISHED), "Säljkompetens")
    assert list(pages) == [FORMER]
    html = pages[FORMER]
    assert f'<script src="../../assets/js/moved.js" data-to="{TO}"></script>' in html
    assert f'<link rel="canonical" href="{TO}">' in html
    title = "Lyssnartest &lt;img src=x onerror=window.__pwned=11&gt; {{ 7*7 }}"
    assert f'<a href="{TO}">{title}</a>' in html  # the title as text
    assert "<title>Självtestet har flyttat - Säljkompetens</title>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "refresh" not in html  # a meta refresh would drop the fragment
    assert inline_scripts(add_csp(html)) == []


def test_the_canonical_address_is_absolute_when_the_site_has_one() -> None:
    pages = moved_pages(load_content(PUBLISHED), "S", "https://example.se/kompetens/")
    canonical = f'<link rel="canonical" href="https://example.se/kompetens/sjalvtest/{SLUG}/">'
    assert canonical in pages[FORMER]
    assert f'data-to="{TO}"' in pages[FORMER]  # the visitor stays on the site they are on


def test_the_plugin_publishes_it_as_a_plain_file_under_the_policy(tmp_path: Path) -> None:
    """Not a documentation page, so MkDocs puts it in no navigation, search index or sitemap;
    the self-test's own page is one."""
    shutil.copytree(PUBLISHED, tmp_path / "content")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme: material\n", encoding="utf-8")
    plugin = SaljkompetensPlugin()
    assert plugin.load_config({"assessment": False}) == ([], [])
    plugin.on_startup(command="serve", dirty=False)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin.on_config(config)
    config.plugins._current_plugin = "saljkompetens"  # as MkDocs sets it while it calls us
    files = {f.src_uri: f for f in plugin.on_files(Files([]), config)}
    moved = files[FORMER]
    assert not moved.is_documentation_page()
    assert moved.dest_uri == FORMER
    assert moved.content_string.startswith(
        '<!doctype html>\n<html lang="sv">\n<head>\n<meta http-equiv="Content-Security-Policy"'
    )
    assert files[f"sjalvtest/{SLUG}.md"].is_documentation_page()


def test_the_built_site_has_both_addresses_and_searches_only_the_new(built_site, kb) -> None:
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert kb.selftests
    for selftest in kb.selftests:
        assert (built_site.path / "sjalvtest" / selftest.slug / "index.html").is_file()
        former = built_site.path / "sjalvskattning" / selftest.slug / "index.html"
        assert f'data-to="../../sjalvtest/{selftest.slug}/"' in former.read_text("utf-8")
        assert f"sjalvtest/{selftest.slug}/" in locations
        assert f"sjalvskattning/{selftest.slug}/" not in locations
        assert (built_site.path / "assets" / "sjalvtest" / f"{selftest.slug}.json").is_file()
    assert not (built_site.path / "assets" / "sjalvskattning" / "test").exists()
