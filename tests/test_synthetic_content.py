"""The benchmark's synthetic content (tests/support/synthetic.py) stays valid as the content
rules grow: a bench that fails on its own input measures nothing."""

from __future__ import annotations

import io
from pathlib import Path

from saljkompetens.check import run_check
from tests.support import synthetic


def test_synthetic_content_passes_the_check(tmp_path: Path) -> None:
    synthetic.write_content(tmp_path / "content", 30)
    out, err = io.StringIO(), io.StringIO()
    assert run_check(tmp_path / "content", out, err) == 0, err.getvalue()
    assert "30 kompetenser" in out.getvalue()
