"""The self-assessment page's answers leaving and entering it, in headless Chromium: export,
import (with the command line's same result), hostile files refused, share links.

Every test runs against the real site built with `mkdocs build --strict` and served on
127.0.0.1, with the self-hosted Pyodide and the `scoring_py` wheel.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.support.assessment_page import (
    answer,
    checked,
    items,
    no_foreign_requests,
    open_assessment,
    shown_scores,
    stored,
    varied_answers,
    wait_python,
    wait_result,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "answers"
SECOND_PERSON = re.compile(r"\b(du|dig|din|dina|ditt|er|ert|era)\b", re.IGNORECASE)


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


def test_a_share_link_on_a_device_without_own_answers_offers_to_start_ones_own(
    browser: Browser, page: Page, site_url, definition
) -> None:
    values = dict(list(varied_answers(definition).items())[:12])
    open_assessment(page, site_url)
    answer(page, values)
    page.click("#sk-share")
    link = page.input_value("#sk-share-link")

    fresh = browser.new_context(locale="sv-SE")
    try:
        other = fresh.new_page()
        other.goto(link)
        other.wait_for_selector('#sk-assessment[data-enhanced="true"]')
        expect(other.locator("#sk-shared-text")).to_contain_text("Du har inga egna svar")
        expect(other.locator("#sk-own")).to_have_text("Gör en egen självskattning")
        expect(other.locator("#sk-report-owner-text")).to_contain_text("Du har inga egna svar")
        expect(other.locator("#sk-own-report")).to_have_text("Gör en egen självskattning")
        other.click("#sk-own")
        expect(other.locator("#sk-shared")).to_be_hidden()
        assert checked(other) == {}
        expect(other.locator("fieldset.sk-item input").first).to_be_enabled()
    finally:
        fresh.close()
