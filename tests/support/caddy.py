"""A folder (a `dist/`) through Caddy with deploy/Caddyfile, as published, on a free port of
127.0.0.1, with an access log to count requests and bytes. Used by the tests of the served
site (tests/browser/test_served.py, test_differential.py) and by `make bench`."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.http import wait_until_serving

ROOT = Path(__file__).resolve().parent.parent.parent
PYODIDE_PREFIX = "/assets/pyodide/"


@dataclass(frozen=True)
class Hit:
    """One line of Caddy's access log."""

    uri: str
    status: int
    size: int


def parse_log(text: str) -> list[Hit]:
    """The requests in Caddy's JSON access log (`size`: body bytes sent, as encoded)."""
    hits = []
    for line in text.splitlines():
        if line.strip():
            entry = json.loads(line)
            hits.append(Hit(entry["request"]["uri"], int(entry["status"]), int(entry["size"])))
    return hits


def transferred(hits: list[Hit], prefix: str = PYODIDE_PREFIX) -> dict[str, int]:
    """Requests and body bytes, in all and for paths under `prefix` (Pyodide's files)."""
    mine = [hit for hit in hits if hit.uri.startswith(prefix)]
    return {
        "requests": len(hits),
        "bytes": sum(hit.size for hit in hits),
        "pyodide_requests": len(mine),
        "pyodide_bytes": sum(hit.size for hit in mine),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Caddy:
    """Caddy serving a folder with deploy/Caddyfile; `hits()` reads its access log."""

    url: str
    log: Path

    def hits(self) -> list[Hit]:
        return parse_log(self.log.read_text(encoding="utf-8")) if self.log.is_file() else []


@contextmanager
def caddy(dist: Path, work: Path) -> Iterator[Caddy]:
    """`dist` through Caddy and the shipped Caddyfile on a free port, with an access log."""
    command = shutil.which("caddy")
    if command is None:
        raise RuntimeError("caddy is missing: run `make setup`")
    port, log = _free_port(), work / "access.log"
    env = {
        **os.environ,
        "SITE_ADDRESS": f"http://127.0.0.1:{port}",
        "DIST": str(dist),
        "CADDY_ADMIN": "off",
        "SK_ACCESS_LOG": f"file {log}",
        "HOME": str(work),
    }
    config = str(ROOT / "deploy" / "Caddyfile")
    server = subprocess.Popen(
        [command, "run", "--config", config, "--adapter", "caddyfile"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, server)
        yield Caddy(url, log)
    finally:
        server.terminate()
        server.wait(timeout=10)
