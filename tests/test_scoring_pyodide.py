"""Parity: the scoring_py wheel gives byte-identical results in Pyodide (Python 3.14)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scoring_py.compare import compare_json, timeline_json

from scoring_py import ScoringError, score_json, team_json

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "scoring"
RUNNER = ROOT / "tests" / "pyodide" / "run_vectors.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"

pytestmark = pytest.mark.pyodide


def team_case() -> dict[str, Any]:
    """The four sellers and the manager's rating of tests/test_scoring_team.py."""
    from tests.test_scoring_team import FOUR, MANAGER_AB, file

    files = [*FOUR, ("chef-ab.json", file(MANAGER_AB, "ab", "manager")), ("trasig.json", "{")]
    return {
        "name": "teamet (test_scoring_team)",
        "role": "nykundsjagare",
        "definition": (FIXTURES / "definition.json").read_text(encoding="utf-8"),
        "team_files": json.dumps([{"name": n, "text": t} for n, t in files]),
    }


def selftest_cases() -> list[dict[str, Any]]:
    """The two self-tests of content/ with the hand-worked answers of tests/support/selftests.py."""
    from saljkompetens.source import read_site_content
    from tests.support.selftests import (
        ACHIEVEMENT,  # fmt: skip
        LEARNER,
        ORGANISATION,
        TRAITS,
        answers,
        person,
    )

    selftests = read_site_content(ROOT / "content", ROOT / "docs").selftests
    text = {slug: json.dumps(data, ensure_ascii=False) for slug, data in selftests.items()}
    five = [person(v, label) for v, label in zip(range(1, 6), "ABCDE", strict=True)]
    return [
        {"name": "självtest: lärande", "role": None, "definition": text[ACHIEVEMENT],
         "answers": answers(ACHIEVEMENT, LEARNER)},
        {"name": "självtest: sju kännetecken", "role": None, "definition": text[TRAITS],
         "answers": answers(TRAITS, ORGANISATION)},
        {"name": "självtest: svar på ett annat test", "role": None,
         "definition": text[ACHIEVEMENT], "answers": answers(TRAITS, {})},
        {"name": "självtest: fem om organisationen", "role": None, "definition": text[TRAITS],
         "team_files": json.dumps([{"name": n, "text": t} for n, t in five])},
    ]  # fmt: skip


def over_time_cases() -> list[dict[str, Any]]:
    """The four sellers with two attempts each of tests/test_scoring_team_change.py, and one
    seller's two attempts compared and over time, as the page's worker asks for them."""
    from tests.test_scoring_team_change import DEFINITION, EIGHT

    early, late = EIGHT[1][1], EIGHT[0][1]
    return [
        {"name": "teamet över tid (test_scoring_team_change)", "role": None,
         "definition": DEFINITION,
         "team_files": json.dumps([{"name": n, "text": t} for n, t in EIGHT])},
        {"name": "två försök jämförda", "role": None, "definition": DEFINITION,
         "compare": [early, late]},
        {"name": "två försök, det senare trasigt", "role": None, "definition": DEFINITION,
         "compare": [early, "{"]},
        {"name": "försöken över tid", "role": None, "definition": DEFINITION,
         "timeline": json.dumps([json.loads(early), json.loads(late)])},
    ]  # fmt: skip


def quality_case() -> dict[str, Any]:
    """The 32 sellers of tests/test_scoring_team_quality.py: α and the data's error, in Pyodide."""
    from tests.test_scoring_team_quality import DEFINITION, team_of_32

    files = [{"name": n, "text": t} for n, t in team_of_32()]
    return {"name": "teamets mätkvalitet (test_scoring_team_quality)", "role": None,
            "definition": DEFINITION, "team_files": json.dumps(files)}  # fmt: skip


def load_cases() -> list[dict[str, Any]]:
    definition = (FIXTURES / "definition.json").read_text(encoding="utf-8")
    cases = [team_case(), *selftest_cases(), *over_time_cases(), quality_case()]
    for vector in json.loads((FIXTURES / "vectors.json").read_text(encoding="utf-8")):
        answers = vector.get("answers_text") or json.dumps(vector["answers"], ensure_ascii=False)
        cases.append(
            {
                "name": vector["name"],
                "role": vector["role"],
                "answers": answers,
                "definition": vector.get("definition_text", definition),
            }
        )
    return cases


def run_in_cpython(case: dict[str, Any]) -> dict[str, Any]:
    try:
        if "compare" in case:
            return {"ok": compare_json(case["definition"], *case["compare"])}
        if "timeline" in case:
            return {"ok": timeline_json(case["definition"], case["timeline"])}
        if "team_files" in case:
            seen: list[list[int]] = []
            text = team_json(case["definition"], case["team_files"], case["role"],
                             lambda done, total: seen.append([done, total]))  # fmt: skip
            return {"ok": text, "progress": seen}
        return {"ok": score_json(case["definition"], case["answers"], case["role"])}
    except ScoringError as error:
        return {"error": str(error)}


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the scoring_py wheel from a clean copy (keeps scoring_py/ free of build output)."""
    work = tmp_path_factory.mktemp("scoring_wheel")
    source = work / "scoring_py"
    shutil.copytree(
        ROOT / "scoring_py",
        source,
        ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__"),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(work / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"kunde inte bygga wheel:\n{done.stdout}\n{done.stderr}"
    wheels = list((work / "dist").glob("scoring_py-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="session")
def pyodide_run(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node saknas: installera Node 20 för att köra Pyodide-testerna.")
    if not PYODIDE.is_file():
        pytest.fail(f"Pyodide saknas ({PYODIDE}): kör `npm ci` i projektroten.")
    cases_path = tmp_path_factory.mktemp("vectors") / "cases.json"
    cases_path.write_text(json.dumps(load_cases(), ensure_ascii=False), encoding="utf-8")
    from saljkompetens.bytecode import compile_for_browser
    from saljkompetens.stdlib import build_trimmed  # the site's trimmed standard library

    cache = tmp_path_factory.mktemp("stdlib")
    stdlib = build_trimmed(PYODIDE.with_name("python_stdlib.zip"), ROOT / "scoring_py" / "src" /
                           "scoring_py", cache)  # fmt: skip
    shipped = compile_for_browser(wheel, stdlib, PYODIDE.parent, cache)  # as the site: bytecode
    done = subprocess.run(
        [node, str(RUNNER), str(shipped.wheel), str(cases_path)],
        cwd=ROOT,
        env={**os.environ, "PYODIDE_STDLIB": str(shipped.stdlib)},
        capture_output=True,
        timeout=600,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, f"run_vectors.mjs misslyckades:\n{stderr}"
    return json.loads(done.stdout.decode("utf-8"))


def test_pyodide_runs_python_3_14(pyodide_run: dict[str, Any]) -> None:
    assert pyodide_run["python"].startswith("3.14"), pyodide_run["python"]


def test_vectors_are_enough_and_include_errors() -> None:
    expected = [run_in_cpython(case) for case in load_cases()]
    assert len(expected) >= 8
    assert sum("error" in result for result in expected) >= 4
    assert sum("ok" in result for result in expected) >= 4


def test_pyodide_matches_cpython(pyodide_run: dict[str, Any]) -> None:
    cases = load_cases()
    results = pyodide_run["results"]
    assert len(results) == len(cases)
    for case, result in zip(cases, results, strict=True):
        assert result == run_in_cpython(case), case["name"]


def test_pyodide_gives_the_hand_worked_results(pyodide_run: dict[str, Any]) -> None:
    """The numbers of test_scoring_rules.py, test_scoring_claims.py and
    test_scoring_quality.py (worked out there by hand), in Pyodide."""
    results = {
        case["name"]: json.loads(result["ok"])
        for case, result in zip(load_cases(), pyodide_run["results"], strict=True)
        if "ok" in result
    }
    scenario = results["scenario med roll (test_scoring_rules)"]
    shown = {e["slug"]: (e["score"], e["low"], e["high"]) for e in scenario["competencies"]}
    assert shown["prospektering"] == (83, 63, 100)  # 83.33 ± 19.863
    assert shown["behovsanalys"] == (50, 32, 68)  # 50 ± 17.202
    assert shown["avslut"] == (63, 38, 87)  # 62.5 ± 24.328
    assert [(t["slug"], t["status"], t["role_low"], t["role_high"])
            for t in scenario["role"]["targets"]] == [
        ("behovsanalys", "at", 27, 73), ("avslut", "at", 31, 94), ("prospektering", "at", 57, 100),
        ("forhandling", None, None, None)]  # fmt: skip
    profile = results["scenario utan roll: inget utpekat, de lägsta att fundera på"]
    assert (profile["strengths"], profile["development"]) == ([], [])
    assert [e["slug"] for e in profile["reflect"]] == ["behovsanalys", "avslut", "prospektering"]
    spread = results["platt profil med spridning: inget utpekat, de tre lägsta"]
    assert [e["slug"] for e in spread["reflect"]] == ["avslut", "uppfoljning", "forhandling"]
    flat = results["platt profil: inga styrkor, inga utvecklingsområden"]
    assert (flat["strengths"], flat["development"], flat["quality"]) == ([], [], [])
    assert flat["reflect"] == []  # all equal at 75: none is lowest
    claims = {name: [(e["slug"], e["difference"], e["reference"], e["threshold"])
                     for e in results[name][key]] for name, key in (
        ("en stor brist: utvecklingsområde", "development"),
        ("styrka just över gränsen", "strengths"),
        ("utvecklingsområde just över gränsen", "development"))}  # fmt: skip
    assert claims == {
        "en stor brist: utvecklingsområde": [("prospektering", -57, 57, 33)],
        "styrka just över gränsen": [("prospektering", 34, 49, 33)],
        "utvecklingsområde just över gränsen": [("prospektering", -34, 51, 33)],
    }
    roles = {name: [t["status"] for t in results[name]["role"]["targets"]] for name in (
        "exakt på rollens mål", "samma svar överallt med roll: inga lägen mot rollen",
        "80 (69–91) mot målet 91")}  # fmt: skip
    assert roles == {
        "exakt på rollens mål": ["at"] * 4,
        "samma svar överallt med roll: inga lägen mot rollen": [None] * 4,
        "80 (69–91) mot målet 91": ["at"],  # the interval for one target is the range: 69–91
    }
    tied = results["lika stora brister mot rollen"]["development"]
    assert [e["slug"] for e in tied] == ["prospektering", "behovsanalys", "forhandling", "avslut"]
    stages = results["försäljningens delar"]["groups"]
    keys = ("score", "low", "high", "direction", "difference", "threshold")
    assert [tuple(g[key] for key in keys) for g in stages] == [
        (63, 51, 74, "high", 30, 26), (32, 19, 46, "low", -30, 26)]  # fmt: skip
    edges = {e["slug"]: (e["low"], e["high"]) for e in results["intervall vid 0 och 100"][
        "competencies"]}  # fmt: skip
    assert (edges["prospektering"], edges["uppfoljning"]) == ((0, 20), (82, 100))
    codes = {name: [n["code"] for n in results[name]["quality"]] for name in (
        "samma svar överallt: en anteckning", "instämmer i motsatser",
        "för bra för att vara sant", "självtest med önskvärd ände: för bra")}  # fmt: skip
    assert codes == {
        "samma svar överallt: en anteckning": ["straight-line"],
        "instämmer i motsatser": ["acquiescence"],
        "för bra för att vara sant": ["too-good"],
        "självtest med önskvärd ände: för bra": ["too-good"],
    }


def test_pyodide_gives_the_hand_worked_team(pyodide_run: dict[str, Any]) -> None:
    """The team numbers of tests/test_scoring_team.py, in Pyodide, with a JS progress callback."""
    result = pyodide_run["results"][0]
    assert result["progress"] == [[n, 6] for n in range(7)]  # 0: before the first file
    view = json.loads(result["ok"])
    rows = {r["slug"]: r for r in view["aggregate"]["competencies"]}
    # D (7 of 17 unanswered) is kept out: prospektering 100, 75, 25 → median 75, gaps
    # −15, 10, 60 → median gap 10; one clearly under; 3 people can name no priority
    assert (rows["prospektering"]["median"], rows["prospektering"]["median_gap"]) == (75, 10)
    assert rows["prospektering"]["counts"] == {"under": 1, "at": 2, "over": 0}
    assert (view["aggregate"]["priorities"], view["set_aside"]) == ([], ["D"])
    assert view["csv"].splitlines()[1:3] == ["AB;;100;50;75;25;", "Person 1;;75;75;50;50;"]
    pair = {c["slug"]: c for c in view["pairs"][0]["competencies"]}
    assert (pair["prospektering"]["difference"], pair["prospektering"]["flagged"]) == (-2.0, True)
    assert "inte giltig JSON" in view["files"][-1]["error"]


def test_pyodide_gives_the_hand_worked_selftests(pyodide_run: dict[str, Any]) -> None:
    """The self-tests' numbers of tests/test_scoring_selftests_scores.py, in Pyodide."""
    results = {
        case["name"]: result
        for case, result in zip(load_cases(), pyodide_run["results"], strict=True)
    }

    def shown(name: str) -> dict[str, tuple[Any, ...]]:
        rows = json.loads(results[name]["ok"])["competencies"]
        return {r["slug"]: (r["score"], r["low"], r["high"]) for r in rows}

    from tests.support.selftests import ACHIEVEMENT, content, the_selftest, traits

    site = content()
    learning, numbers = (scale.slug for scale in the_selftest(site, ACHIEVEMENT).scales)
    by = {name: scale.slug for name, scale in traits(site).items()}

    def scores(name: str) -> dict[str, Any]:
        for low, value, high in ((r[1], r[0], r[2]) for r in shown(name).values() if r[0]):
            assert low <= value <= high  # each range holds its score
        return {slug: row[0] for slug, row in shown(name).items()}

    # as test_scoring_selftests_scores.py works them out by hand
    assert scores("självtest: lärande") == {learning: 75, numbers: 25}
    organisation = scores("självtest: sju kännetecken")
    assert {name: organisation[slug] for name, slug in by.items()} == {
        "styrning": 100, "kultur": 50, "fiende": 0, "tavling": 75, "ansvar": None,
        "mojligheter": 25, "gruppanda": 50}  # fmt: skip
    assert "inte på Lärande eller bara resultat?" in results["självtest: svar på ett annat test"][
        "error"]  # fmt: skip
    team = json.loads(results["självtest: fem om organisationen"]["ok"])
    rows = {r["slug"]: r for r in team["aggregate"]["competencies"]}
    assert (rows["stark-styrning-frihet-inom-ramar"]["median"], team["aggregate"]["people"]) == (
        50, 5)  # fmt: skip


def test_pyodide_gives_the_hand_worked_change(pyodide_run: dict[str, Any]) -> None:
    """The team over time and one person's two attempts of tests/test_scoring_team_change.py
    (worked out there by hand), in Pyodide."""
    results = {
        case["name"]: result
        for case, result in zip(load_cases(), pyodide_run["results"], strict=True)
    }
    view = json.loads(results["teamet över tid (test_scoring_team_change)"]["ok"])
    people = {p["label"]: (p["up"], p["down"]) for p in view["change"]["people"]}
    assert people == {"AB": (["prospektering"], []), "CD": ([], ["behovsanalys"]),
                      "EF": ([], []), "GH": ([], ["uppfoljning"])}  # fmt: skip
    row = next(r for r in view["change"]["competencies"] if r["slug"] == "prospektering")
    assert (row["median"], row["median_low"], row["median_high"], row["median_coverage"]) == (
        25, 0, 50, 87)  # fmt: skip
    assert view["csv"].split("\r\n")[1:3] == ["AB;2026-03-01;50;50;50;50;50",
                                              "AB;2026-09-01;100;50;50;50;50"]  # fmt: skip
    compared = json.loads(results["två försök jämförda"]["ok"])
    first = compared["competencies"][0]
    assert (first["slug"], first["change"], first["reliable"], first["threshold"]) == (
        "prospektering", 50, "up", 41)  # fmt: skip
    assert results["två försök, det senare trasigt"]["error"].startswith("Det senare försöket:")
    over_time = json.loads(results["försöken över tid"]["ok"])["attempts"]
    assert [(a["overall"]["score"], a["overall"]["low"], a["overall"]["high"])
            for a in over_time] == [(50, 41, 59), (59, 50, 68)]  # fmt: skip
