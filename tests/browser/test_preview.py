"""The editors' preview: `mkdocs serve` reloads an open page when content changes, under the
page CSP (MkDocs' live-reload script allowed by its hash, nothing reported as blocked)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

STARTUP_SECONDS = 180  # a first build on a busy 2-core machine
RELOAD_MS = 120_000  # a rebuild, on the same machine
NEW_TEXT = "Ändrad i förhandsvisningen."
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(
                f"mkdocs serve stopped: {server.stdout.read() if server.stdout else ''}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve did not answer on {url}")


@pytest.fixture
def preview(root: Path, site_config, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` (as `make serve` runs it) of a copy of the small content, on a free port
    of 127.0.0.1; yields its base URL and the content folder."""
    content = shutil.copytree(
        root / "tests" / "fixtures" / "minimal" / "content", tmp_path / "content"
    )
    site_config(content, tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_up(url, server)
        yield url, content
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_an_edited_content_file_reloads_the_open_page(
    browser: Browser, preview: tuple[str, Path]
) -> None:
    url, content = preview
    context = browser.new_context(locale="sv-SE")  # CSP enforced: no bypass
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    try:
        with page.expect_console_message(lambda m: m.text == "Enabled live reload"):
            page.goto(url + "kompetenser/lyssna/")  # the script ran: allowed by the policy
        page.evaluate("window.__beforeEdit = true")
        assert page.get_by_text(NEW_TEXT).count() == 0

        competency = content / "competencies" / "lyssna.md"
        with page.expect_console_message(
            lambda m: m.text == "Enabled live reload", timeout=RELOAD_MS
        ):  # the page loads again, and its live-reload script runs again
            competency.write_text(f"{competency.read_text('utf-8')}\n{NEW_TEXT}\n", "utf-8")
        page.get_by_text(NEW_TEXT).wait_for(timeout=RELOAD_MS)
        assert page.evaluate("window.__beforeEdit") is None  # a new page, not a patched one
        blocked = [line for line in console if "Content Security Policy" in line]
        assert blocked == []
        assert [line for line in console if line.startswith(("error", "pageerror"))] == []
    finally:
        context.close()
