"""The way past Material's end of life (2027-05-05): ProperDocs, a maintained fork of MkDocs
1.x, builds this site as MkDocs does. Every file of its build is byte for byte the one of
`mkdocs build --strict` (the `built_site` fixture), except the generator tag in each page's
head, which names the program that built it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.properdocs

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, the generator tag blanked."""
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"<generator>", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site(built_site, tmp_path: Path) -> None:
    site = tmp_path / "site"
    properdocs = Path(sys.executable).with_name("properdocs")
    done = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    ours, theirs = files(built_site.path), files(site)
    assert sorted(theirs) == sorted(ours)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    page = (site / "index.html").read_text("utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-' in page
    assert sum(name.endswith(".html") for name in ours) > 40
