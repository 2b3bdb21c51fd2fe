"""Every built page under its real CSP: no violation, no foreign request, no cookie."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

pytestmark = pytest.mark.browser


def test_every_page_has_a_strict_csp(built_site, all_pages: list[str]) -> None:
    for url in all_pages:
        file = built_site.path / url
        html = (file if url.endswith(".html") else file / "index.html").read_text("utf-8")
        head = html[: html.index("</head>")]
        assert '<meta http-equiv="Content-Security-Policy"' in head, url
        policy = head.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert "'unsafe-eval'" not in policy, url
        assert "'unsafe-inline'" not in directives["script-src"], url
        assert directives["script-src"].startswith("'self' 'wasm-unsafe-eval'"), url
        assert directives["connect-src"] == "'self'"
        assert directives["worker-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'self'"


def test_every_page_loads_without_violations_or_foreign_requests(
    browser: Browser, all_pages: list[str], site_url: str
) -> None:
    context = browser.new_context(locale="sv-SE")  # CSP enforced: no bypass here
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    problems: list[str] = []
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    urls = all_pages
    for url in urls:
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
    # the self-assessment under the same CSP: Python must get ready in the worker
    page.goto(site_url + "sjalvskattning/")
    page.wait_for_selector('#sk-status[data-state="ready"]', timeout=90_000)
    total = page.locator("#sk-form fieldset.sk-item").count()
    steps = page.locator("#sk-form fieldset.sk-step")
    for number in range(steps.count()):  # complete the whole assessment, step by step
        step = steps.nth(number)
        for item in step.locator("fieldset.sk-item").all():
            item.locator("input[type=radio]").nth(3).check()
        if number < steps.count() - 1:
            step.locator('[data-nav="next"]').click()
    page.wait_for_selector(f'#resultat[data-state="ready"][data-answered="{total}"]')

    assert len(urls) > 40
    assert problems == []
    foreign = [u for u in requests if not u.startswith((site_url, "data:", "blob:"))]
    assert foreign == []
    assert any(u.endswith("/pyodide.asm.wasm") for u in requests), "worker requests not seen"
    assert context.cookies() == []
    stored = page.evaluate(
        "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"
    )
    assert stored == {"local": ["saljkompetens.svar.v1"], "session": []}
    context.close()


def _violations(page: Page) -> list[dict[str, str]]:
    return page.evaluate("() => window.__violations")


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
    {directive: e.effectiveDirective, sample: e.sample}));
"""


def test_hostile_published_text_runs_nothing(
    browser: Browser, published_site, serve_folder
) -> None:
    """The site built from hostile (but accepted) text, under its real CSP."""
    url = serve_folder(published_site.path)
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(RECORD_VIOLATIONS)
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for html in sorted(published_site.path.rglob("*.html")):
            page.goto(url + html.relative_to(published_site.path).as_posix())
            page.wait_for_load_state("networkidle")
            assert page.evaluate("() => window.__pwned") is None, html
            assert _violations(page) == [], html
        assert dialogs == []
    finally:
        context.close()


def test_a_script_that_reaches_a_page_anyway_is_blocked(
    browser: Browser, built_site, tmp_path: Path, serve_folder
) -> None:
    """The last line: an inline script or event handler that reached a built page by any
    road (planted into the HTML here, past the sanitizer) is refused by the CSP, which
    allows no inline script at all, not even one that copies the theme's."""
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site)
    page_file = site / "om-webbplatsen" / "index.html"
    theme_copy = '<script>__md_scope=new URL("..",location);window.__pwned=3</script>'
    planted = (
        "<script>window.__pwned = 1</script>"
        '<img src="x.png" onerror="window.__pwned = 2">' + theme_copy
    )
    html = page_file.read_text("utf-8").replace("</article>", planted + "</article>", 1)
    page_file.write_text(html, "utf-8")
    url = serve_folder(site)
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        page = context.new_page()
        page.goto(url + "om-webbplatsen/")
        page.wait_for_load_state("networkidle")
        assert page.locator("article script:not([src])").count() == 2  # on the page …
        assert page.evaluate("() => window.__pwned") is None  # … and none ran
        directives = {v["directive"] for v in _violations(page)}
        assert directives == {"script-src-elem", "script-src-attr"}
    finally:
        context.close()
