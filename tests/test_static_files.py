"""HTML and SVG files under docs/ with active content are refused, with file and line.

Each case under `tests/fixtures/static/<case>/` is a `docs/` folder and `expected.txt`,
the exact lines an editor sees (empty: the files pass). Most cases are hostile: what an
editor could drop next to an image, on purpose or copied from somewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from saljkompetens.content import static_files
from saljkompetens.content.static_files import MAX_BYTES, TOO_DEEP, static_file_problems

CASES_DIR = Path(__file__).parent / "fixtures" / "static"
CASES = sorted(case.name for case in CASES_DIR.iterdir() if case.is_dir())


def test_there_are_enough_cases() -> None:
    expected = {case: (CASES_DIR / case / "expected.txt").read_text("utf-8") for case in CASES}
    assert len([case for case, text in expected.items() if text]) >= 12
    assert {"svg-benign", "html-benign"} <= {case for case, text in expected.items() if not text}


@pytest.mark.parametrize("case", CASES)
def test_case_gives_exact_messages(case: str) -> None:
    found = [str(error) for error in static_file_problems(CASES_DIR / case / "docs")]
    assert found == (CASES_DIR / case / "expected.txt").read_text("utf-8").splitlines()


def test_the_sites_own_docs_pass(root: Path) -> None:
    assert static_file_problems(root / "docs") == []


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stor.svg").write_bytes(b"<" * (MAX_BYTES[".svg"] + 1))
    (docs / "stor.html").write_bytes(b" " * (MAX_BYTES[".html"] + 1))
    assert [str(error) for error in static_file_problems(docs)] == [
        "docs/stor.html: filen är 500 001 byte; en HTML-fil under docs/ får vara högst "
        "500 000 byte, så den kontrolleras inte; gör den mindre",
        "docs/stor.svg: filen är 1 000 001 byte; en SVG-fil under docs/ får vara högst "
        "1 000 000 byte, så den kontrolleras inte; gör den mindre",
    ]


@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 8_000,  # each new element walks all the open ones
        "".join(f"<p><b id={n}></p>" for n in range(2_000)),  # formatting opened again
        "<p " + " ".join(f"a{n}=1" for n in range(5_000)) + ">",  # attributes compared
        "<!--" + "-x" * 200_000,  # a comment grown by copying
    ],
)
def test_what_would_take_html5lib_quadratic_time_is_stopped(
    tmp_path: Path, html: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(static_files, "MAX_WORK", static_files.MAX_WORK // 10)  # fast
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "tung.html").write_text(html, encoding="utf-8")
    assert [str(error) for error in static_file_problems(tmp_path / "docs")] == [
        f"docs/tung.html: {TOO_DEEP}"
    ]


def test_half_a_megabyte_of_real_pages_stays_within_the_work_limit(built_site) -> None:
    page = (built_site.path / "sjalvskattning" / "index.html").read_text("utf-8")
    text = page * (MAX_BYTES[".html"] // len(page.encode()))
    assert TOO_DEEP not in {message for _, message in static_files.html_file_problems(text)}


def test_a_file_not_in_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "latin.htm").write_bytes("<p>\n<p>Säljare</p>\n".encode("latin-1"))
    assert [str(error) for error in static_file_problems(tmp_path / "docs")] == [
        "docs/latin.htm:2: filen är inte sparad som UTF-8; spara den som UTF-8"
    ]
