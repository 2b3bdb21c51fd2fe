"""Content is data: hostile text that `check` accepts is published exactly as typed.

`tests/fixtures/published/content` puts `{{ … }}` (one of them runs a shell command if it
is ever rendered as a template), `<script>`, `onerror=`, `javascript:` links, attribute
lists and table pipes into titles, summaries, keywords, statements, reasons, labels and
bodies. The built site must show each as text, run nothing at build time, and contain no
element, attribute or address that could run code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import html5lib
import pytest

from saljkompetens.mkdocs_plugin.csp import inline_scripts


class _Page:
    """The visible text of a page, and every attribute of every element, as a browser
    parses the page (html5lib, the HTML5 algorithm)."""

    def __init__(self, html: str) -> None:
        tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
        self.text: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self._walk(tree)

    def _walk(self, element: Any, hidden: bool = False) -> None:
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        hidden = hidden or tag in ("script", "style") or not isinstance(element.tag, str)
        if tag:
            self.tags.append(tag)
            self.attributes += [(tag, name, value) for name, value in element.attrib.items()]
        if element.text and not hidden:
            self.text.append(element.text)
        for child in element:
            self._walk(child, hidden)
            if child.tail and not (hidden and tag in ("script", "style")):
                self.text.append(child.tail)


def read(site: Path, url: str) -> tuple[_Page, str]:
    html = (site / url / "index.html").read_text("utf-8")
    return _Page(html), html


SELFTEST = "lyssnartest-img-src-x-onerror-window-pwned-11-7-7"
PAGES = [
    "kompetenser/fraga-script-window-pwned-1-script/",
    "tankesatt/logik-7-7/",
    "artiklar/om-att-lyssna-title-script-window-pwned-7-script/",
    "roller/saljare-chef/",
    "kompetenser/",
    "tankesatt/",
    "artiklar/",
    "roller/",
    "sjalvskattning/",
    "sa-raknas-resultatet/",
    f"sjalvtest/{SELFTEST}/",
    f"sjalvskattning/{SELFTEST}/",  # its former address: a page that sends the visitor on
    "team/",
]


def test_the_build_ran_no_template_code(published_site, tmp_path_factory) -> None:
    assert not (published_site.path.parent / "pwned-by-content").exists()
    for html in published_site.path.rglob("*.html"):
        text = html.read_text("utf-8")
        assert "uid=" not in text, html
        assert ">49<" not in text and " 49 " not in text, html  # {{ 7*7 }} stays as typed


@pytest.mark.parametrize("url", PAGES)
def test_no_active_content_on_any_page(published_site, url: str) -> None:
    page, html = read(published_site.path, url)
    assert "iframe" not in page.tags and "object" not in page.tags and "embed" not in page.tags
    for tag, name, value in page.attributes:
        assert not name.startswith("on"), (url, tag, name, value)
        assert not value.strip().lower().startswith("javascript:"), (url, tag, name)
    assert inline_scripts(html) == [], url


def test_texts_show_exactly_as_typed(published_site) -> None:
    site = published_site.path
    competency, html = read(site, PAGES[0])
    text = "".join(competency.text)
    assert (
        "<title>Fråga &lt;script&gt;window.__pwned=1&lt;/script&gt; - Säljkompetens</title>" in html
    )
    assert 'content="&quot;&gt;&lt;img src=x onerror=window.__pwned=2&gt; {{ 7*7 }}"' in html
    assert "Fråga <script>window.__pwned=1</script>" in text
    assert 'Hej {{kundnamn}}, vad är {% if mål %}viktigast{% endif %}?" {# en kommentar #}' in text
    # the keywords: for search only, hidden from readers, still plain text
    assert '<iframe src="https://example.com/">, [klick](javascript:window.__pwned=3), ' in text
    assert re.search(r'<p class="sk-keywords" hidden(="")?>&lt;iframe src=(&quot;|")https:', html)
    assert "{ onclick=window.__pwned=4 }" in text
    assert 'id="ankare"' in html  # an attribute list in a body works as Markdown

    mindset, _ = read(site, PAGES[1])
    assert "Logik {{ 7*7 }}" in "".join(mindset.text)
    assert "</title><script>window.__pwned=6</script> Att tänka i orsak & verkan." in "".join(
        read(site, "tankesatt/")[0].text
    )

    article, _ = read(site, PAGES[2])
    assert 'Källa <a href="javascript:window.__pwned=9">klicka</a>' in "".join(article.text)
    summary = "Varför *lyssnande* lönar_sig [länk](javascript:window.__pwned=8) `kod`"
    assert summary in "".join(read(site, "artiklar/")[0].text)

    role, html = read(site, PAGES[3])
    assert "Kunden | ska <b>känna</b> sig förstådd {{ 7*7 }}." in role.text  # one table cell
    assert html.count("<tr>") == 3

    form, _ = read(site, "sjalvskattning/")
    assert "Jag <b>förbereder</b> mina frågor {{ 7*7 }} | ofta." in form.text
    assert "Stämmer <b>helt</b> {{ 7*7 }}" in form.text


def test_the_definition_carries_the_texts_as_json_strings(published_site) -> None:
    definition = json.loads(
        (published_site.path / "assets/sjalvskattning/bedomning.json").read_text("utf-8")
    )
    titles = [c["title"] for c in definition["competencies"]]
    assert "Fråga <script>window.__pwned=1</script>" in titles
    assert definition["bands"][0]["label"] == "<img src=x onerror=window.__pwned=10>Stor"


def test_a_selftest_shows_its_texts_as_typed(published_site) -> None:
    selftest, html = read(published_site.path, f"sjalvtest/{SELFTEST}/")
    text = "".join(selftest.text)
    assert "Lyssnartest <img src=x onerror=window.__pwned=11> {{ 7*7 }}" in text
    assert "Hos oss låter vi <b>kunden</b> tala till punkt {{ 7*7 }}." in selftest.text
    assert "Nej <b>aldrig</b>" in selftest.text
    assert "</p><script>window.__pwned=16</script> Testet visar {{ 7*7 }} en bild." in text
    assert "Kan inte bedöma" in selftest.text  # the organisation's unscored answer
    listing = "".join(read(published_site.path, "sjalvskattning/")[0].text)
    assert "Ett test [länk](javascript:window.__pwned=12) om *att* lyssna {% if x %}." in listing
    definition = json.loads(
        (published_site.path / f"assets/sjalvtest/{SELFTEST}.json").read_text("utf-8")
    )
    assert definition["competencies"][0]["title"] == "Lyssna <svg onload=window.__pwned=14> | pipe"
    moved, _ = read(published_site.path, f"sjalvskattning/{SELFTEST}/")  # the former address
    assert "Lyssnartest <img src=x onerror=window.__pwned=11> {{ 7*7 }}" in moved.text
    assert ("a", "href", f"../../sjalvtest/{SELFTEST}/") in moved.attributes
    # "Agrees" is 4 of 1–5 in assessment.yml: three quarters up, so 3 on this self-test's 1–3.
    assert definition["quality"]["agree_min"] == 3
