"""Browser fixtures: serve the built site on 127.0.0.1 and drive Debian's Chromium."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's 404.html, with status 404, as a real server sends."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` on a free port of 127.0.0.1; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture
def serve_folder() -> Iterator[Callable[[Path], str]]:
    """`serve(folder)`: serve another built site for one test; returns its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        server, url = serve(folder)
        servers.append(server)
        return url

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """Base URL of the built site, served on 127.0.0.1."""
    server, url = serve(built_site.path)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def all_pages(built_site) -> list[str]:
    """Site-relative URLs of every HTML page of the build (e.g. `kompetenser/`, `404.html`)."""
    urls = []
    for html in sorted(built_site.path.rglob("*.html")):
        relative = html.relative_to(built_site.path).as_posix()
        urls.append(relative.removesuffix("index.html"))
    return urls


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class RequestLog(list[str]):
    """Every URL the browser context requested, worker requests included."""

    def foreign(self, base_url: str) -> list[str]:
        """Requests that went anywhere but the site's own origin."""
        return [url for url in self if not url.startswith((base_url, "data:", "blob:"))]


@pytest.fixture
def requests() -> RequestLog:
    return RequestLog()


@pytest.fixture
def context(browser: Browser, requests: RequestLog) -> Iterator[BrowserContext]:
    """A fresh browser context (no storage) that records every request."""
    context = browser.new_context(locale="sv-SE")
    context.on("request", lambda request: requests.append(request.url))
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def definition(built_site) -> dict[str, Any]:
    """The assessment definition the built site serves."""
    path = built_site.path / "assets" / "sjalvskattning" / "bedomning.json"
    return json.loads(path.read_text(encoding="utf-8"))
