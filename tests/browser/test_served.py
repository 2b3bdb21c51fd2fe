"""The published site (`make dist`) through Caddy with deploy/Caddyfile, as it is put online:
compressed files, the headers (also on errors), caching (only files that exist are cached
forever), and the self-assessment working under both CSPs."""

from __future__ import annotations

import json
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from saljkompetens.dist import make_dist
from tests.support import QUICK_BROTLI
from tests.support.caddy import Caddy, caddy
from tests.support.http import assert_security_headers, get

ROOT = Path(__file__).resolve().parent.parent.parent
READY = 'html[data-python="ready"]'
PYTHON_TIMEOUT = 90_000
FOREVER = "public, max-age=31536000, immutable"


@pytest.fixture(scope="session")
def served(built_site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Caddy]:
    """dist/ of the built site through Caddy with deploy/Caddyfile (tests/support/caddy.py)."""
    if shutil.which("caddy") is None:
        pytest.fail("caddy saknas: kör `make setup` (installerar Debians caddy)")
    work = tmp_path_factory.mktemp("served")
    dist = make_dist(
        built_site.path,
        work / "dist",
        deploy=ROOT / "deploy",
        cache=ROOT / "build",
        quality=QUICK_BROTLI,
    )
    with caddy(dist, work) as server:
        yield Caddy(server.url + "/", server.log)


def requested(served: Caddy) -> list[str]:
    """The paths Caddy was asked for, from its access log."""
    return [hit.uri for hit in served.hits()]


def head(url: str, encoding: str = "br") -> dict[str, str]:
    request = urllib.request.Request(url, method="HEAD", headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return {k.lower(): v for k, v in response.headers.items()}


def assert_caddy_headers(headers: dict[str, str]) -> None:
    """Every header a published response carries, and no Server header naming Caddy."""
    assert_security_headers(headers)
    assert "server" not in headers


def test_wasm_is_sent_with_brotli_as_wasm_and_cached_forever(served: Caddy) -> None:
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    headers = head(f"{served.url}assets/pyodide/{version['version']}/pyodide.asm.wasm")
    assert headers["content-encoding"] == "br"
    assert headers["content-type"] == "application/wasm"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"


def test_pages_carry_the_security_headers_and_revalidate(served: Caddy) -> None:
    headers = head(served.url + "sjalvskattning/")
    assert_caddy_headers(headers)
    assert headers["cache-control"] == "no-cache"
    assert headers["content-encoding"] == "br"


def test_a_missing_page_is_the_404_page_with_every_header(served: Caddy) -> None:
    status, _, page = get(served.url + "404.html")
    assert status == 200 and "Sidan finns inte" in page.decode()
    for path in ("finns-inte/", "kompetenser/finns-inte.html", "_headers", "_headers.br"):
        status, headers, body = get(served.url + path)
        assert (status, body) == (404, page), path
        assert_caddy_headers(headers)
        assert headers["cache-control"] == "no-cache", path


def test_only_existing_versioned_files_are_cached_forever(served: Caddy) -> None:
    html = get(served.url + "sjalvskattning/")[2].decode()
    version = re.findall(r"assets/(v-[0-9a-f]+)/js/", html)[0]
    pyodide = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    status, headers, _ = get(f"{served.url}assets/{version}/js/assessment.js")
    assert (status, headers["cache-control"]) == (200, FOREVER)
    missing = [
        f"assets/pyodide/{pyodide['version']}/saknas.js",
        f"assets/pyodide/{pyodide['version']}/",
        f"assets/{version}/js/saknas.js",
        "assets/v-000000000000/js/assessment.js",
        "assets/stylesheets/main.00000000.min.css",
        "assets/javascripts/bundle.00000000.min.js",
        "assets/javascripts/workers/search.00000000.min.js",
    ]
    for path in missing:
        status, headers, _ = get(served.url + path)
        assert (status, headers["cache-control"]) == (404, "no-cache"), path
        assert_caddy_headers(headers)


def test_assessment_works_through_caddy_and_a_repeat_visit_asks_nothing_of_pyodide(
    browser: Browser, served: Caddy
) -> None:
    context = browser.new_context(locale="sv-SE")
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(served.url + "sjalvskattning/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    page.wait_for_selector('#sk-status[data-state="ready"]', timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("html[data-python-snapshot=kept]", timeout=PYTHON_TIMEOUT)
    first = requested(served)
    assert any("/assets/pyodide/" in uri for uri in first)
    assert not [u for u in seen if not u.startswith((served.url, "data:", "blob:"))]
    assert not [p for p in problems if "Content Security Policy" in p], problems

    page.goto(served.url)  # leave, then come back: everything Pyodide from the cache
    page.goto(served.url + "sjalvskattning/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    again = requested(served)[len(first) :]
    assert any(uri.startswith("/sjalvskattning/") for uri in again)  # the page revalidates
    assert not [uri for uri in again if uri.startswith("/assets/pyodide/")], again
    # Python started from the memory snapshot kept in Cache Storage, under the served CSP
    assert page.get_attribute("html", "data-python-snapshot") == "restored"
    assert not [p for p in problems if "Content Security Policy" in p], problems
    context.close()
