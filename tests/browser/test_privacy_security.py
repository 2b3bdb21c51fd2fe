"""Every built page under its real CSP: no violation, no foreign request, no cookie."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ConsoleMessage

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
    items = page.locator("#sk-form fieldset.sk-item")
    for index in range(items.count()):  # complete the whole assessment
        items.nth(index).locator("input[type=radio]").nth(3).check()
    total = items.count()
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
