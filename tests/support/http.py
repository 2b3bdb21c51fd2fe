"""A published site's responses as the tests of its servers see them (Caddy in
tests/browser/test_served.py, nginx in tests/test_dist.py)."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from typing import Any

from saljkompetens.mkdocs_plugin.csp import HEADER_POLICY


def get(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a GET, also for an error status."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, {k.lower(): v for k, v in headers.items()}, body


def assert_security_headers(headers: dict[str, str]) -> None:
    """The headers every response of a published site carries, error pages too."""
    assert headers["content-security-policy"] == HEADER_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"]
    assert headers["cross-origin-opener-policy"] == "same-origin"


def wait_until_serving(url: str, server: subprocess.Popen[Any]) -> None:
    """Wait until `server` answers at `url` (about 10 s at most); fail with its error output
    if it exits first."""
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1).close()
            return
        except OSError:
            if server.poll() is not None:
                detail = server.stderr.read() if server.stderr else ""
                raise RuntimeError(f"the server for {url} did not start: {detail}") from None
            time.sleep(0.1)
