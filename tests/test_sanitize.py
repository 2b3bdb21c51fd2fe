"""The content sanitizer (nh3) and the forms kept apart from it.

`check` reports what the sanitizer would remove (`removal`); the build publishes only what
it keeps. Both parse HTML as browsers do, which Python's html.parser does not: the cases
below are ones it read as comments while browsers run them.
"""

from __future__ import annotations

import pytest

from saljkompetens.content.body import render_html
from saljkompetens.content.sanitize import Removal, clean, removal
from saljkompetens.pages.render import TEMPLATE_IDS, render_pages
from saljkompetens.pages.trusted import MissingForm, TrustedHtml

# (HTML as it reaches the sanitizer, what it must take out first)
DIFFERENTIAL = [
    ("<!--> <script>x()</script> -->", Removal("script", None)),
    ("<!---> <img src=a.png onerror=x()> -->", Removal("img", "onerror")),
    ("<!--a--!><img src=a.png onerror=x()>-->", Removal("img", "onerror")),
    ("<![CDATA[ ]> <img src=a.png onerror=x()> ]]>", Removal("img", "onerror")),
    ("<?php > <img src=a.png onerror=x()> ?>", Removal("img", "onerror")),
    ('<!--> <meta http-equiv="refresh" content="0;url=https://example.com/"> -->',
     Removal("meta", None)),
    ("<!--> <style>body{display:none}</style> -->", Removal("style", None)),
    ('<noscript><p title="</noscript><img src=x onerror=x()>"></p></noscript>',
     Removal("noscript", None)),
    ("<math><mtext><table><mglyph><style><img src=x onerror=x()>", Removal("math", None)),
    ('<a href="jav&#x09;ascript:x()">a</a>', Removal("a", "href")),
    ('<p id="sk-form">x</p>', Removal("p", "id")),
]  # fmt: skip


@pytest.mark.parametrize(("html", "expected"), DIFFERENTIAL)
def test_what_browsers_would_run_is_removed_and_named(html: str, expected: Removal) -> None:
    assert removal(html) == expected
    assert removal(clean(html)) is None  # cleaning twice changes nothing more


@pytest.mark.parametrize(
    "markdown",
    [
        "## Rubrik\n\nText med *betoning*, `kod` och [en länk](https://example.com/).",
        "| Vänster | Höger |\n|:--|--:|\n| 1 | 2 |",
        '![En bild](bild.png){ width="40" }\n\n> Ett citat\n\n1. ett\n2. två',
        '!!! note "Obs"\n    En ruta.\n\n<details><summary>Mer</summary>Text</details>',
        "Ett stycke <!-- en anteckning --> med kommentar.",
    ],
)
def test_ordinary_content_loses_nothing(markdown: str) -> None:
    assert removal(render_html(markdown)) is None


def test_the_sanitizer_keeps_every_generated_page_whole(kb) -> None:
    """Every generated page of the real content, rendered as MkDocs renders it, loses
    nothing when the plugin cleans it (its own heading ids kept)."""
    pages = render_pages(kb)
    assert len(pages) > 30
    for src_uri, markdown in pages.items():
        body = markdown.split("---\n", 2)[2]
        assert removal(render_html(body), TEMPLATE_IDS) is None, src_uri


def test_content_may_not_take_the_pages_own_ids() -> None:
    html = '<h2 id="skatta">Skatta</h2><p id="resultat">x</p><p id="sk-rating">y</p>'
    assert clean(html) == "<h2>Skatta</h2><p>x</p><p>y</p>"
    assert clean(html, TEMPLATE_IDS) == '<h2 id="skatta">Skatta</h2><p>x</p><p>y</p>'


def test_a_form_is_put_back_after_cleaning_and_only_once() -> None:
    trusted = TrustedHtml()
    key = trusted.mark("a.md", '<form id="sk-form"><input name="x"></form>').strip()
    page = clean(render_html(f"Text\n\n{key}\n"))
    assert (
        trusted.restore("a.md", page) == '<p>Text</p>\n<form id="sk-form"><input name="x"></form>'
    )


def test_a_page_whose_form_was_swallowed_is_not_published() -> None:
    trusted = TrustedHtml()
    key = trusted.mark("a.md", "<form></form>").strip()
    swallowed = clean(render_html(f"<div>\n\n{key}\n"))  # an open HTML block eats the rest
    with pytest.raises(MissingForm, match="formulär kom inte med"):
        trusted.restore("a.md", swallowed)


def test_no_content_can_guess_the_key() -> None:
    assert TrustedHtml().nonce != TrustedHtml().nonce
