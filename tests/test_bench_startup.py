"""bench.startup's pure parts: Caddy's log, the page's worker config, the share link and the
answers it carries, the baseline's bare page, the goals (no browser, nothing timed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench import startup
from tests.support import caddy as serve_dist

PAGE = (
    '<div id="sk-assessment" data-worker="../assets/v-1/js/scoring-worker.js" '
    'data-definition="../assets/sjalvskattning/bedomning.json" '
    'data-wheel="../assets/pyodide/app-9/scoring_py-0.1.0-py3-none-any.whl" '
    'data-wheel-sha256="ab12" data-pyodide="../assets/pyodide/314.0.7/" '
    'data-formats=\'{"answers": "svar-fmt", "version": 1, "share_key": "k3y"}\'>'
    '<fieldset class="sk-item" data-item="b-2"><input name="b-2" value="1">'
    '<input name="b-2" value="2"><input name="b-2" value="3">'
    '<input name="b-2" value="ej-aktuellt"></fieldset>'
    '<fieldset class="sk-item sk-answered" data-item="a-1"></fieldset></div>'
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
    assert serve_dist.transferred(serve_dist.parse_log(text)) == {
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


def test_the_form_gives_its_statements_in_order_its_scale_and_formats() -> None:
    ids, low, high, formats = startup.page_form(PAGE)
    assert ids == ["b-2", "a-1"]
    assert (low, high) == (1, 3)  # "ej-aktuellt" is no step of the scale
    assert formats["share_key"] == "k3y"


def test_the_answers_spread_over_the_scale_in_steps_of_seven() -> None:
    ids = ["u", "v", "w", "x", "y", "z"]
    # index · 7 mod 5, plus 1: 0, 7, 14, 21, 28, 35 → 1, 3, 5, 2, 4, 1
    assert startup.answers_for(ids, 1, 5) == {"u": 1, "v": 3, "w": 5, "x": 2, "y": 4, "z": 1}


def test_the_share_fragment_is_one_digit_per_sorted_statement_in_base64url() -> None:
    # sorted a, b, c → "521"; base64 of "521" is "NTIx"; of "333", "MzMz"
    assert startup.share_fragment({"b": 2, "c": 1, "a": 5}, "k3y") == "svar=NTIx&v=k3y"
    assert startup.share_fragment({"a": 3, "b": 3, "c": 3}, "k") == "svar=MzMz&v=k"


def test_stage_adds_the_full_stdlib_and_the_baselines_bare_page(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    (dist / "sjalvskattning").mkdir(parents=True)
    (dist / "sjalvskattning" / "index.html").write_text(PAGE)
    (dist / "assets" / "pyodide" / "314.0.7").mkdir(parents=True)
    full = tmp_path / "python_stdlib.zip"
    full.write_bytes(b"full")

    staged = startup.stage(dist, full)

    assert (dist / "assets/pyodide/314.0.7/python_stdlib.zip").read_bytes() == b"full"
    assert set(staged["urls"]) == set(startup.VARIANTS)
    # form order b-2, a-1 on the scale 1–3: b-2 → 1 + 0, a-1 → 1 + 7 mod 3 = 2; sorted a-1,
    # b-2 → "21", base64 "MjE="
    assert staged["urls"]["link"] == "/sjalvskattning/#svar=MjE&v=k3y"
    assert staged["urls"]["stored"] == "/sjalvskattning/"
    assert staged["answered"] == 2
    stored = json.loads(staged["stored"])
    assert stored == {"format": "svar-fmt", "version": 1, "answers": {"b-2": 1, "a-1": 2}}
    bare = (dist / staged["urls"]["baseline"].strip("/") / "index.html").read_text()
    assert '"indexURL":"/assets/pyodide/314.0.7/"' in bare
    assert '"answers":{"format":"svar-fmt"' in bare
    assert (dist / "assets" / "v-bench-start" / "worker.js").is_file()


def visit(ms: float | None, pyodide_bytes: int = 0, pyodide_requests: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ms": ms,
        "ready_ms": ms,
        "requests": pyodide_requests + 1,
        "bytes": pyodide_bytes + 1000,
        "pyodide_requests": pyodide_requests,
        "pyodide_bytes": pyodide_bytes,
        "snapshot": "restored",
    }
    return out if ms is not None else {**out, "error": "timeout"}


def test_ratios_and_goals_come_from_the_medians() -> None:
    loads = {
        "baseline": {"cold": [visit(3000), visit(2900), visit(9000)], "warm": [visit(2000)]},
        "link": {
            "cold": [visit(1700, 3_000_000, 5), visit(1800, 3_000_000, 5), visit(None)],
            "warm": [visit(1100), visit(900)],
        },
        "stored": {"cold": [visit(1500)], "warm": [visit(1200)]},
    }
    result = startup.summarize(loads)
    assert result["link_ratio_cold"] == 1750 / 3000
    assert result["goal_cold_met"] is True
    assert result["link_ratio_warm"] == 1000 / 2000
    assert result["goal_warm_met"] is True
    assert result["stored_ratio_warm"] == 1200 / 2000
    assert result["variants"]["link"]["cold"]["errors"] == ["timeout"]
    assert result["goal_first_bytes_met"] is True
    assert result["goal_repeat_met"] is True


def test_a_repeat_visit_that_asks_for_pyodide_misses_the_goal() -> None:
    loads = {
        "baseline": {"cold": [visit(3000)], "warm": [visit(2000)]},
        "link": {"cold": [visit(2000, 5 * 2**20, 5)], "warm": [visit(1500), visit(900, 0, 1)]},
        "stored": {"cold": [visit(1500)], "warm": [visit(1200)]},
    }
    result = startup.summarize(loads)
    assert result["goal_cold_met"] is False  # 2000 / 3000 > 0.6
    assert result["goal_warm_met"] is False  # 1200 / 2000 > 0.5
    assert result["goal_first_bytes_met"] is False
    assert result["goal_repeat_met"] is False  # one request, though of 0 bytes
