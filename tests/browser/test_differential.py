"""Markup that Python's html.parser read as a comment while browsers run it (the
"differential" class), tried in Chromium on the built page and through Caddy.

`check` refuses each case (tests/fixtures/broken/body-comment-trick-* and the like); here
it is patched out, as if a case slipped past it, to show that publishing does not depend
on it: the plugin cleans every generated page with the sanitizer, and the CSP allows no
inline script. A control page shows that each payload really runs when published raw.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page

from saljkompetens.dist import make_dist
from tests.support import QUICK_BROTLI
from tests.support.caddy import caddy

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent

# name → (Markdown in an article's body, what it does when a browser runs it)
PAYLOADS = {
    "script": ("<!--> <script>window.__pwned='script'</script> -->", "pwned"),
    "img": ("<!---> <img src=x onerror=\"window.__pwned='img'\"> -->", "pwned"),
    "bang": ("<!--a--!><img src=x onerror=\"window.__pwned='bang'\">-->", "pwned"),
    "cdata": ("<![CDATA[ ]> <img src=x onerror=\"window.__pwned='cdata'\"> ]]>", "pwned"),
    "bogus": ("<?php > <img src=x onerror=\"window.__pwned='bogus'\"> ?>", "pwned"),
    "noscript": (
        "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned='noscript'>\"></p>"
        "</noscript>",
        "pwned",
    ),
    "hide": ("<!--> <style>body{display:none}</style> -->", "hidden"),
    "password": (
        '<!--> <form action="https://example.com/"><input type="password" name="p"></form> -->',
        "password",
    ),
    "redirect": (
        '<!--> <meta http-equiv="refresh" content="0;url=/pwned-by-refresh/"> -->',
        "navigated",
    ),
}


def _effects(page: Page) -> set[str]:
    """What the payloads did on the page now shown."""
    done = set()
    if page.evaluate("() => window.__pwned") is not None:
        done.add("pwned")
    if not page.locator("body").is_visible():
        done.add("hidden")
    if page.locator("input[type=password]").count():
        done.add("password")
    if "pwned-by-refresh" in page.url:
        done.add("navigated")
    return done


@pytest.fixture(scope="module")
def bypassed_site(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Iterator[Path]:
    """The minimal site with every payload in one article, built with `check`'s body rules
    patched out (as if they had missed it)."""
    from tests.conftest import make_site_config

    work = tmp_path_factory.mktemp("differential")
    content = work / "content"
    shutil.copytree(root / "tests" / "fixtures" / "minimal" / "content", content)
    article = content / "articles" / "om-att-lyssna.md"
    bodies = "\n\n".join(markdown for markdown, _ in PAYLOADS.values())
    article.write_text(article.read_text("utf-8") + "\n" + bodies + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("saljkompetens.content.loader.check_body", lambda body, page: [])
        patch.setattr(
            "saljkompetens.content.loader.markdown_problems", lambda body: [], raising=False
        )
        config = load_config(str(make_site_config(content, work)), site_dir=str(work / "site"))
        config.strict = False
        build(config)
    yield work / "site"


def test_each_payload_runs_when_published_raw(
    browser: Browser, tmp_path: Path, serve_folder
) -> None:
    """The control: without the sanitizer and the CSP, Chromium does what each payload says."""
    for name, (markdown, _) in PAYLOADS.items():
        (tmp_path / f"{name}.html").write_text(
            f"<!doctype html><html><body><p>Text</p>{markdown}</body></html>", "utf-8"
        )
    url = serve_folder(tmp_path)
    context = browser.new_context()
    try:
        page = context.new_page()
        for name, (_, effect) in PAYLOADS.items():
            page.goto(f"{url}{name}.html")
            page.wait_for_timeout(300)  # the refresh and the image's error event
            assert effect in _effects(page), name
    finally:
        context.close()


def _assert_inert(page: Page, base: str, requests: list[str]) -> None:
    page.goto(base + "artiklar/om-att-lyssna/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert _effects(page) == set()
    article = page.locator("article")
    assert article.locator("script:not([src]), style, meta, form, noscript").count() == 0
    assert article.locator("[onerror]").count() == 0
    assert "Den som lyssnar säljer mer." in article.inner_text()
    assert [u for u in requests if not u.startswith((base, "data:", "blob:"))] == []


def test_published_page_runs_nothing(browser: Browser, bypassed_site: Path, serve_folder) -> None:
    base = serve_folder(bypassed_site)
    context = browser.new_context(locale="sv-SE")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        _assert_inert(context.new_page(), base, requests)
    finally:
        context.close()


def test_published_page_runs_nothing_through_caddy(
    browser: Browser, bypassed_site: Path, tmp_path: Path
) -> None:
    dist = make_dist(
        bypassed_site,
        tmp_path / "dist",
        deploy=ROOT / "deploy",
        cache=ROOT / "build",
        quality=QUICK_BROTLI,
    )
    with caddy(dist, tmp_path) as server:
        context = browser.new_context(locale="sv-SE")
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        try:
            _assert_inert(context.new_page(), server.url + "/", requests)
        finally:
            context.close()
