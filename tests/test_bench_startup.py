"""bench.startup's pure parts: Caddy's log, the page's worker config, the bare pages, the goals
(no browser, nothing timed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench import startup

PAGE = (
    '<div id="sk-assessment" data-worker="../assets/v-1/js/scoring-worker.js" '
    'data-definition="../assets/sjalvskattning/bedomning.json" '
    'data-wheel="../assets/pyodide/app-9/scoring_py-0.1.0-py3-none-any.whl" '
    'data-wheel-sha256="ab12" data-pyodide="../assets/pyodide/314.0.7/"></div>'
)


def log_line(uri: str, size: int, status: int = 200) -> str:
    return json.dumps({"request": {"uri": uri}, "status": status, "size": size})


def test_the_log_gives_requests_and_encoded_bytes_with_pyodide_apart() -> None:
    text = "\n".join(
        [
            log_line("/sjalvskattning/", 9_000),
            log_line("/assets/pyodide/314.0.7/pyodide.asm.wasm", 2_700_000),
            log_line("/assets/pyodide/app-9/python_stdlib.zip", 0, status=304),
            "",
        ]
    )
    assert startup.transferred(startup.parse_log(text)) == {
        "requests": 3,
        "bytes": 2_709_000,
        "pyodide_requests": 2,
        "pyodide_bytes": 2_700_000,
    }


def test_the_site_config_is_read_as_the_page_reads_it() -> None:
    config = startup.site_config(PAGE)
    assert config["worker"] == "/assets/v-1/js/scoring-worker.js"
    assert config["init"] == {
        "pyodide": "/assets/pyodide/314.0.7/",
        "wheel": "/assets/pyodide/app-9/scoring_py-0.1.0-py3-none-any.whl",
        "stdlib": "/assets/pyodide/app-9/python_stdlib.zip",
        "sha256": "ab12",
        "definition": "/assets/sjalvskattning/bedomning.json",
    }


def test_stage_adds_the_full_stdlib_and_a_bare_page_per_variant(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    (dist / "sjalvskattning").mkdir(parents=True)
    (dist / "sjalvskattning" / "index.html").write_text(PAGE)
    version = dist / "assets" / "pyodide" / "314.0.7"
    version.mkdir(parents=True)
    info = {"abi_version": "x", "python": "3.14.2"}
    (version / "pyodide-lock.json").write_text(json.dumps({"info": info, "packages": {"a": {}}}))
    full = tmp_path / "python_stdlib.zip"
    full.write_bytes(b"full")

    urls = startup.stage(dist, full)

    assert (version / "python_stdlib.zip").read_bytes() == b"full"
    assert set(urls) == set(startup.VARIANTS)
    assert urls["site"] == urls["site_use"] == "/sjalvskattning/"
    html = (dist / urls["lock_stdlib"].strip("/") / "index.html").read_text()
    assert '"lock":{"info":{"abi_version":"x","python":"3.14.2"},"packages":{}}' in html
    assert '"stdLibURL":"/assets/pyodide/app-9/python_stdlib.zip"' in html
    stock = (dist / urls["stock"].strip("/") / "index.html").read_text()
    assert '"init":{"indexURL":"/assets/pyodide/314.0.7/"}' in stock


def visit(ms: float | None, pyodide_bytes: int = 0, pyodide_requests: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ms": ms,
        "requests": pyodide_requests + 1,
        "bytes": pyodide_bytes + 1000,
        "pyodide_requests": pyodide_requests,
        "pyodide_bytes": pyodide_bytes,
    }
    return out if ms is not None else {**out, "error": "timeout"}


def test_ratios_and_goals_come_from_the_medians() -> None:
    loads = {
        "stock": {"cold": [visit(3000), visit(2900), visit(9000)], "warm": [visit(2000)]},
        "site": {
            "cold": [visit(1700, 3_000_000, 5), visit(1800, 3_000_000, 5), visit(None)],
            "warm": [visit(1100), visit(900)],
        },
        "site_use": {"cold": [visit(1500)], "warm": [visit(800)]},
    }
    result = startup.summarize(loads)
    assert result["site_ratio_cold"] == 1750 / 3000
    assert result["goal_cold_met"] is True
    assert result["site_ratio_warm"] == 1000 / 2000
    assert result["goal_warm_met"] is True
    assert result["site_use_ratio_warm"] == 800 / 2000
    assert result["variants"]["site"]["cold"]["errors"] == ["timeout"]
    assert result["goal_first_bytes_met"] is True
    assert result["goal_repeat_met"] is True
