"""The self-assessment page in headless Chromium: scores, storage, export/import, share, failure.

Every test runs against the real site built with `mkdocs build --strict` and served on
127.0.0.1, with the self-hosted Pyodide and the `scoring_py` wheel.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import time
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "answers"
STORAGE_KEY = "saljkompetens.svar.v1"
READY = '#sk-status[data-state="ready"]'
SECOND_PERSON = re.compile(r"\b(du|dig|din|dina|ditt|er|ert|era)\b", re.IGNORECASE)
PYTHON_TIMEOUT = 60_000  # ms; Pyodide usually starts in ~5 s in headless Chromium


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="session")
def definition(built_site) -> dict[str, Any]:
    """The assessment definition the built site serves."""
    path = built_site.path / "assets" / "sjalvskattning" / "bedomning.json"
    return json.loads(path.read_text(encoding="utf-8"))


def items(definition: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for c in definition["competencies"] for item in c["items"]]


def open_assessment(page: Page, site_url: str, fragment: str = "") -> None:
    page.goto(f"{site_url}sjalvskattning/{fragment}")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')


def wait_python(page: Page) -> float:
    """Wait until the worker reports ready; returns the Python start time it measured."""
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT)
    return float(page.get_attribute("#sk-assessment", "data-python-seconds") or "nan")


def answer(page: Page, values: dict[str, Any], *, real_clicks: bool = False) -> None:
    """Answer items. Real clicks where the item's step is on screen; otherwise (the form
    shows one step at a time) the radio is set by script and `change` dispatched, as a
    click would."""
    for item_id, value in values.items():
        radio = page.locator(f'input[name="{item_id}"][value="{value}"]')
        if real_clicks and radio.is_visible():
            radio.check()
        else:
            radio.evaluate(
                "input => { input.checked = true;"
                " input.dispatchEvent(new Event('change', {bubbles: true})); }"
            )


def wait_result(page: Page, answered: int) -> None:
    page.wait_for_selector(
        f'#resultat[data-state="ready"][data-answered="{answered}"]',
        state="attached",  # the report is a view of its own: it may be hidden meanwhile
        timeout=PYTHON_TIMEOUT,
    )


def shown_scores(page: Page) -> dict[str, str]:
    """data-score of every competency row of the profile ("" = not scored)."""
    return page.eval_on_selector_all(
        "#resultat li[data-competency][data-score]",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.competency, r.dataset.score]))",
    )


def checked(page: Page) -> dict[str, int]:
    return page.eval_on_selector_all(
        '#sk-form input[type="radio"]:checked',
        "inputs => Object.fromEntries(inputs.map(i => [i.name, Number(i.value)]))",
    )


def stored(page: Page) -> Any:
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def varied_answers(definition: dict[str, Any]) -> dict[str, int]:
    """A deterministic, non-uniform answer to every item."""
    return {item["id"]: (i * 3 % 5) + 1 for i, item in enumerate(items(definition))}


def no_foreign_requests(requests, site_url: str) -> None:
    assert requests.foreign(site_url) == []


# ---------------------------------------------------------------- scores


def hand_score(keyed: list[int]) -> int:
    """The rule by hand: mean of the keyed answers, (mean − 1) · 25, halves rounded up."""
    return math.floor((Fraction(sum(keyed), len(keyed)) - 1) * 25 + Fraction(1, 2))


def test_scores_match_hand_calculation(page: Page, site_url, definition, requests) -> None:
    competencies = definition["competencies"]
    assert definition["min_answers"] == 2
    assert (definition["scale"]["min"], definition["scale"]["max"]) == (1, 5)

    started = time.monotonic()
    open_assessment(page, site_url)
    expect(page.locator("#sk-status")).to_have_attribute("data-state", "loading")
    seconds = wait_python(page)
    print(f"\nPython ready after {time.monotonic() - started:.1f} s (worker: {seconds:.1f} s)")

    # Set 1: "4" everywhere. A normal item counts 4, a reverse one 6 − 4 = 2; with six
    # items, two reversed: (4 · 4 + 2 · 2) / 6 = 10/3 → (10/3 − 1) · 25 = 58.33 → 58.
    total = len(items(definition))
    answer(page, {item["id"]: 4 for item in items(definition)}, real_clicks=True)
    wait_result(page, total)
    expected = {
        c["slug"]: str(hand_score([2 if i["reverse"] else 4 for i in c["items"]]))
        for c in competencies
    }
    assert shown_scores(page) == expected
    assert hand_score([4, 4, 4, 4, 2, 2]) == 58  # the worked example above
    expect(page.locator("#resultat .sk-rows > li")).to_have_count(len(competencies))
    expect(page.locator("#sk-announce")).to_contain_text(f"{total} av {total} besvarade")
    expect(page.locator("#resultat li[data-code='straight-line']")).to_have_count(1)
    expect(page.locator("#resultat li[data-code]")).to_have_count(1)  # one note, not 18

    # Set 2: 5 on every normal item, 1 on every reverse item → all count 5 → 100 everywhere:
    # no differences, so no strengths or development areas, and one "too good" note.
    answer(page, {i["id"]: 1 if i["reverse"] else 5 for i in items(definition)})
    wait_result(page, total)
    page.wait_for_selector("#resultat li[data-code='too-good']")
    assert set(shown_scores(page).values()) == {"100"}
    expect(page.locator("#resultat [data-focus]")).to_have_count(0)
    expect(page.locator("#resultat li[data-code]")).to_have_count(1)
    expect(page.locator("#resultat li[data-code='too-good']")).to_have_count(1)

    # "Visa resultat" opens the report and moves focus to it.
    page.click("#sk-back")
    page.click('#sk-form button[type="submit"]')
    expect(page.locator("#resultat")).to_be_focused()

    # Partial: erase, then competency A gets one answer (< min_answers 2 → not scored)
    # and competency B two: normal item 2 → 2, reverse item 3 → 6 − 3 = 3;
    # mean 2.5 → (2.5 − 1) · 25 = 37.5 → 38 (half up); the 90 % range of two answers is
    # ± 1.6449 · 25 · √0.7 / √2 = ± 24.33 → 13.17–61.83, rounded outwards: 13–62.
    page.click("#sk-erase")
    page.click("#sk-erase")
    expect(page.locator("#resultat")).to_have_attribute("data-state", "empty")
    page.eval_on_selector("#sk-announce", "el => { el.textContent = ''; }")
    a, b = competencies[0], competencies[1]
    b_normal = next(i for i in b["items"] if not i["reverse"])
    b_reverse = next(i for i in b["items"] if i["reverse"])
    answer(page, {a["items"][0]["id"]: 5, b_normal["id"]: 2, b_reverse["id"]: 3})
    wait_result(page, 3)
    scores = shown_scores(page)
    assert scores[a["slug"]] == ""
    assert scores[b["slug"]] == "38"
    assert all(scores[c["slug"]] == "" for c in competencies[2:])
    row_b = page.locator(f'#resultat li[data-score][data-competency="{b["slug"]}"]')
    assert (row_b.get_attribute("data-low"), row_b.get_attribute("data-high")) == ("13", "62")
    expect(page.locator(f'#resultat li[data-competency="{a["slug"]}"]')).to_contain_text(
        "ej skattad"
    )
    expect(page.locator("#sk-announce")).to_have_text("")  # not the final item: no announcement

    wasm = [url for url in requests if url.endswith("/pyodide.asm.wasm")]
    assert wasm, "the worker's requests should be recorded"
    no_foreign_requests(requests, site_url)


def test_role_comparison_lists_largest_gap_first(page: Page, site_url, definition) -> None:
    open_assessment(page, site_url)
    wait_python(page)
    role = definition["roles"][0]
    page.select_option("#sk-role", role["slug"])
    answer(page, varied_answers(definition))
    wait_result(page, len(items(definition)))
    expect(page.locator("#resultat")).to_contain_text(f"Jämförelse med rollen {role['title']}")
    rows = page.locator("#resultat tr[data-role-competency]")
    expect(rows).to_have_count(len(role["targets"]))
    gaps = [int(g) for g in rows.evaluate_all("rows => rows.map(r => r.dataset.gap)")]
    assert gaps == sorted(gaps, reverse=True)
    scores = {k: int(v) for k, v in shown_scores(page).items()}
    targets = {t["competency"]: t["level"] for t in role["targets"]}
    for row in rows.evaluate_all(
        "rows => rows.map(r => [r.dataset.roleCompetency, r.dataset.gap])"
    ):
        assert int(row[1]) == targets[row[0]] - scores[row[0]]
    statuses = set(rows.evaluate_all("rows => rows.map(r => r.dataset.status)"))
    assert statuses <= {"under", "at", "over"}


# ---------------------------------------------------------------- storage


def test_reload_keeps_answers_and_erase_clears_everything(
    page: Page, site_url, definition, requests
) -> None:
    open_assessment(page, site_url)
    chosen = dict(list(varied_answers(definition).items())[:10])
    role = definition["roles"][-1]["slug"]
    answer(page, chosen)  # before Python is ready: the form works anyway
    page.select_option("#sk-role", role)
    assert stored(page)["answers"] == chosen
    assert stored(page)["role"] == role
    wait_python(page)
    wait_result(page, 10)

    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page) == chosen
    expect(page.locator("#sk-role")).to_have_value(role)
    expect(page.locator("#sk-progress-text")).to_have_text(f"10 av {len(items(definition))}")
    wait_python(page)
    wait_result(page, 10)

    page.click("#sk-erase")
    expect(page.locator("#sk-erase")).to_have_attribute("data-confirm", "1")
    assert stored(page) is not None  # one click is not enough
    page.click("#sk-erase")
    assert checked(page) == {}
    assert stored(page) is None
    expect(page.locator("#sk-role")).to_have_value("")
    expect(page.locator("#resultat")).to_have_attribute("data-state", "empty")
    expect(page.locator("#resultat tr[data-competency]")).to_have_count(0)
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page) == {}
    assert page.evaluate("document.cookie") == ""
    no_foreign_requests(requests, site_url)


# ---------------------------------------------------------------- export, import, CLI parity


def test_export_import_and_cli_parity(
    browser: Browser, page: Page, site_url, definition, built_site, requests, tmp_path
) -> None:
    values = varied_answers(definition)
    role = definition["roles"][0]["slug"]
    open_assessment(page, site_url)
    wait_python(page)
    answer(page, values)
    page.select_option("#sk-role", role)
    wait_result(page, len(values))

    with page.expect_download() as download_info:
        page.click("#sk-export")
    download = download_info.value
    assert download.suggested_filename == f"saljkompetens-svar-{date.today().isoformat()}.json"
    exported_path = tmp_path / "export.json"
    download.save_as(exported_path)
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    assert exported["format"] == "saljkompetens-export"
    assert exported["version"] == 1
    assert exported["answers"] == {
        "format": "saljkompetens-svar",
        "version": 1,
        "answers": values,
        "role": role,
    }
    result = exported["result"]
    assert result["format"] == "saljkompetens-resultat"
    assert result["answered"] == len(values)
    assert {c["slug"]: str(c["score"]) for c in result["competencies"]} == shown_scores(page)

    # The command line computes exactly the same result from the exported answers.
    answers_path = tmp_path / "answers.json"
    answers_path.write_text(json.dumps(exported["answers"]), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scoring_py",
            "score",
            str(answers_path),
            "--definition",
            str(built_site.path / "assets/sjalvskattning/bedomning.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == result

    # Importing the export in a fresh browser context restores the same answers.
    fresh = browser.new_context(locale="sv-SE")
    fresh.on("request", lambda request: requests.append(request.url))
    try:
        other = fresh.new_page()
        open_assessment(other, site_url)
        other.set_input_files("#sk-import", str(exported_path))
        # A file is shown as the file's answers (it may be someone else's) …
        expect(other.locator("#sk-message")).to_contain_text("Filen är öppnad")
        expect(other.locator("#resultat-rubrik")).to_have_attribute("data-owner", "imported")
        assert stored(other) is None
        # … and becomes one's own with one click when there is nothing of one's own to lose.
        other.click("#sk-keep-shared")
        expect(other.locator("#sk-message")).to_contain_text("importerade svaren är nu dina")
        expect(other.locator("#resultat-rubrik")).to_have_attribute("data-owner", "self")
        assert checked(other) == values
        expect(other.locator("#sk-role")).to_have_value(role)
        assert stored(other) == exported["answers"]
        wait_python(other)
        wait_result(other, len(values))
        assert shown_scores(other) == shown_scores(page)

        # A plain answers file is accepted too; with answers of one's own, it is opened beside
        # them and replaces them only when asked, as a share link does.
        other.click("#sk-erase")
        other.click("#sk-erase")
        own = {next(iter(values)): 1}
        answer(other, own)
        other.set_input_files("#sk-import", str(answers_path))
        expect(other.locator("#sk-message")).to_contain_text("Filen är öppnad")
        expect(other.locator("#sk-shared-text")).to_contain_text(f"filen {answers_path.name}")
        assert checked(other) == values
        assert stored(other)["answers"] == own  # nothing replaced yet
        other.click("#sk-keep-shared")
        other.click("#sk-keep-shared")
        expect(other.locator("#sk-message")).to_contain_text("importerade svaren är nu dina")
        assert stored(other)["answers"] == values
    finally:
        fresh.close()
    no_foreign_requests(requests, site_url)


def _hostile_files() -> list[tuple[str, bytes]]:
    files = [(path.name, path.read_bytes()) for path in sorted(FIXTURES.glob("hostile-*"))]
    deep = b"[" * 40_000 + b"]" * 40_000  # under 100 kB, 40 000 levels deep
    files.append(("deep.json", deep))
    deep_object = (
        b'{"format":"saljkompetens-svar","version":1,"answers":'
        + b'{"a":' * 15_000
        + b"1"
        + b"}" * 15_000
        + b"}"
    )
    files.append(("deep-object.json", deep_object))
    files.append(
        (
            "huge.json",
            b'{"format":"saljkompetens-svar","version":1,"answers":{},"role":"'
            + b"x" * 10_000_000
            + b'"}',
        )
    )
    files.append(("empty.json", b""))
    files.append(("binary.json", bytes(range(256)) * 4))
    files.append(("array.json", b"[1,2,3]"))
    files.append(("null.json", b"null"))
    return files


def test_hostile_imports_are_refused_and_change_nothing(
    page: Page, site_url, definition, requests
) -> None:
    dialogs: list[str] = []
    console_errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    open_assessment(page, site_url)
    before = dict(list(varied_answers(definition).items())[:5])
    answer(page, before)
    stored_before = stored(page)
    assert stored_before["answers"] == before

    message = page.locator("#sk-message")
    files = _hostile_files()
    assert len(files) >= 15
    for name, data in files:
        page.eval_on_selector("#sk-message", "el => { el.textContent = ''; }")
        page.set_input_files(
            "#sk-import", {"name": name, "mimeType": "application/json", "buffer": data}
        )
        page.wait_for_selector("#sk-message:not(:empty)")
        text = message.text_content() or ""
        assert "oförändrade" in text, (name, text)
        assert ("kunde inte importeras" in text) or ("för stor" in text), (name, text)
        expect(message).to_be_visible()
        assert checked(page) == before, name
        assert stored(page) == stored_before, name

    assert page.evaluate("window.__pwned") is None
    assert page.locator("#sk-assessment img, #sk-assessment script:not([src])").count() == 0
    assert dialogs == []
    assert console_errors == []
    no_foreign_requests(requests, site_url)


# ---------------------------------------------------------------- share link


def test_share_link_round_trip_and_broken_links(
    browser: Browser, page: Page, site_url, definition, requests
) -> None:
    values = dict(list(varied_answers(definition).items())[:-7])  # some left unanswered
    role = definition["roles"][1]["slug"]
    open_assessment(page, site_url)
    answer(page, values)
    page.select_option("#sk-role", role)
    page.click("#sk-share")
    link = page.input_value("#sk-share-link")
    assert "#svar=" in link and f"&roll={role}" in link
    assert "#" not in page.url  # the address bar keeps showing one's own answers
    wait_python(page)
    wait_result(page, len(values))
    expected_scores = shown_scores(page)

    fresh = browser.new_context(locale="sv-SE")
    fresh.on("request", lambda request: requests.append(request.url))
    try:
        other = fresh.new_page()
        # The receiver has answers of their own: the link shows the shared ones beside them.
        open_assessment(other, site_url)
        own = {next(iter(values)): 2, list(values)[1]: 5}
        answer(other, own)
        own_stored = stored(other)
        other.goto(link)
        other.wait_for_selector('#sk-assessment[data-enhanced="true"]')
        expect(other.locator("#sk-shared")).to_be_visible()
        expect(other.locator("#sk-shared-text")).to_contain_text(
            f"({len(values)} av {len(items(definition))} besvarade)"
        )
        expect(other.locator("#sk-shared-text")).to_contain_text("(2 besvarade) är orörda")
        assert checked(other) == values
        expect(other.locator("#sk-role")).to_have_value(role)
        expect(other.locator("fieldset.sk-item input").first).to_be_disabled()
        wait_python(other)
        wait_result(other, len(values))
        assert shown_scores(other) == expected_scores
        assert stored(other) == own_stored  # viewing saved nothing
        # Someone else's answers never read as one's own: the sentences speak of the answers.
        spoken = other.locator("#sk-result-body .sk-summary, #sk-result-body h3").all_inner_texts()
        assert spoken and not SECOND_PERSON.search(" ".join(spoken)), spoken

        # Back to one's own answers, untouched.
        other.click("#sk-own")
        expect(other.locator("#sk-shared")).to_be_hidden()
        assert checked(other) == own
        assert "#" not in other.url

        # Keeping the shared answers is a choice that says what it replaces.
        other.goto(link)
        other.wait_for_selector('#sk-assessment[data-enhanced="true"]')
        other.click("#sk-keep-shared")
        expect(other.locator("#sk-keep-shared")).to_have_text("Ersätt mina 2 sparade svar")
        assert stored(other) == own_stored  # one click is not enough
        other.click("#sk-keep-shared")
        expect(other.locator("#sk-message")).to_contain_text("ersatte dina 2 tidigare svar")
        assert stored(other)["answers"] == values
        assert stored(other)["role"] == role
        expect(other.locator("#sk-result-body .sk-summary")).to_contain_text("Du har svarat på")
        expect(other.locator("fieldset.sk-item input").first).to_be_enabled()

        # Broken links: a message, own answers kept, no crash.
        other.click("#sk-erase")
        other.click("#sk-erase")
        answer(other, own)
        page_errors: list[str] = []
        other.on("pageerror", lambda error: page_errors.append(str(error)))
        svar = link.split("#svar=")[1].split("&")[0]
        key = link.split("&v=")[1].split("&")[0]
        for fragment in (
            f"#svar=!!!&v={key}",
            f"#svar=MTIz&v={key}",
            f"#svar={'A' * 5000}&v={key}",
            f"#svar=&v={key}&roll=okand",
            f"#svar={svar}&v={key}&roll=%3Cscript%3E",
            f"#svar={svar}",  # made before links said which statements they were for
            f"#svar={svar}&v=000000000000",  # made for other statements: never misapplied
        ):
            other.goto("about:blank")
            open_assessment(other, site_url, fragment)
            expect(other.locator("#sk-message")).to_contain_text("Delningslänken")
            assert checked(other) == own, fragment
            assert stored(other)["answers"] == own, fragment
        assert page_errors == []
        assert other.evaluate("window.__pwned") is None
    finally:
        fresh.close()
    no_foreign_requests(requests, site_url)


# ---------------------------------------------------------------- storage full, two tabs


def test_full_storage_is_told_at_once_and_answers_stay(page: Page, site_url, definition) -> None:
    open_assessment(page, site_url)
    filled = page.evaluate(
        """() => {  // fill this origin's localStorage to its quota
            let chunk = "x".repeat(1 << 20), i = 0;
            while (chunk.length > 0) {
                try { localStorage.setItem(`fyllnad-${i++}`, chunk); }
                catch { chunk = chunk.slice(0, chunk.length >> 1); }
            }
            return i;
        }"""
    )
    assert filled > 1
    warning = page.locator("#sk-storage-warning")
    expect(warning).to_be_hidden()
    chosen = dict(list(varied_answers(definition).items())[-3:])  # far down the form
    answer(page, chosen, real_clicks=True)
    expect(warning).to_be_visible()
    expect(warning).to_be_in_viewport()  # told at once, where the visitor is
    expect(warning).to_contain_text("Dina svar kunde inte sparas")
    expect(warning).to_contain_text("lagring för den här webbplatsen är full")
    expect(page.locator("#sk-storage-export")).to_be_visible()
    assert checked(page) == chosen  # the answers stay in the page
    expect(page.locator("#sk-progress-text")).to_have_text(f"3 av {len(items(definition))}")
    with page.expect_download() as download_info:
        page.click("#sk-storage-export")
    exported = json.loads(Path(download_info.value.path()).read_text("utf-8"))
    assert exported["answers"]["answers"] == chosen

    # Room again: the next answer saves everything and the warning goes.
    page.evaluate("() => { for (const k of Object.keys(localStorage)) "
                  "if (k.startsWith('fyllnad-')) localStorage.removeItem(k); }")  # fmt: skip
    more = dict(list(varied_answers(definition).items())[:1])
    answer(page, more, real_clicks=True)
    expect(warning).to_be_hidden()
    assert stored(page)["answers"] == {**chosen, **more}


def test_disabled_storage_is_told(browser: Browser, site_url, definition) -> None:
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('nej', 'SecurityError'); }});"
    )
    try:
        page = context.new_page()
        open_assessment(page, site_url)
        expect(page.locator("#sk-storage-warning")).to_contain_text("tillåter inte")
        answer(page, dict(list(varied_answers(definition).items())[:2]), real_clicks=True)
        expect(page.locator("#sk-progress-text")).to_have_text(f"2 av {len(items(definition))}")
    finally:
        context.close()


def test_two_tabs_stay_in_step(context: BrowserContext, site_url, definition, requests) -> None:
    first, second = context.new_page(), context.new_page()
    open_assessment(first, site_url)
    open_assessment(second, site_url)
    ids = [item["id"] for item in items(definition)]

    answer(first, {ids[0]: 5})
    expect(second.locator("#sk-progress-text")).to_contain_text("1 av")
    assert checked(second) == {ids[0]: 5}
    answer(second, {ids[1]: 2})  # answers in both tabs merge; none is dropped
    expect(first.locator("#sk-progress-text")).to_contain_text("2 av")
    assert checked(first) == {ids[0]: 5, ids[1]: 2}
    assert stored(first)["answers"] == {ids[0]: 5, ids[1]: 2}

    # An erase holds in every tab: the other tab does not write the old answers back.
    first.click("#sk-erase")
    first.click("#sk-erase")
    expect(second.locator("#sk-message")).to_contain_text("raderades i en annan flik")
    assert checked(second) == {}
    answer(second, {ids[2]: 3})
    # Chromium passes one tab's localStorage writes to the others asynchronously: wait for
    # the first tab to have heard of it before reading its storage.
    expect(first.locator("#sk-progress-text")).to_contain_text("1 av")
    assert stored(first)["answers"] == {ids[2]: 3}
    no_foreign_requests(requests, site_url)


# ---------------------------------------------------------------- failure modes


@pytest.mark.parametrize("file", ["pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"])
def test_missing_pyodide_file_is_named_within_seconds(
    context: BrowserContext, page: Page, site_url, definition, file: str
) -> None:
    context.route(f"**/pyodide/**/{file}", lambda route: route.fulfill(status=404, body="nej"))
    open_assessment(page, site_url)
    chosen = dict(list(varied_answers(definition).items())[:2])
    answer(page, chosen)
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=15_000)
    expect(page.locator("#sk-status")).to_contain_text(f"Filen {file} kunde inte hämtas (HTTP 404)")
    assert checked(page) == chosen
    assert stored(page)["answers"] == chosen


def test_blocked_pyodide_reports_error_and_keeps_answers(
    context: BrowserContext, page: Page, site_url, definition, requests
) -> None:
    context.route("**/pyodide/**", lambda route: route.abort())
    open_assessment(page, site_url)
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=PYTHON_TIMEOUT)
    expect(page.locator("#sk-status")).to_contain_text("Pyodide")
    expect(page.locator("#sk-status")).to_contain_text("dina svar sparas")

    chosen = dict(list(varied_answers(definition).items())[:6])
    answer(page, chosen, real_clicks=True)
    page.click('#sk-form button[type="submit"]')
    expect(page.locator("#sk-message")).to_contain_text("poängräkningen")
    page.reload()
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    assert checked(page) == chosen
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=PYTHON_TIMEOUT)
    assert any("/pyodide/" in url for url in requests)
    no_foreign_requests(requests, site_url)


def test_tampered_wheel_is_refused(context: BrowserContext, page: Page, site_url, requests) -> None:
    context.route(
        "**/*.whl", lambda route: route.fulfill(status=200, body=b"PK not the real wheel")
    )
    open_assessment(page, site_url)
    page.wait_for_selector('#sk-status[data-state="error"]', timeout=PYTHON_TIMEOUT)
    expect(page.locator("#sk-status")).to_contain_text("kontrollsumma")
    no_foreign_requests(requests, site_url)
