"""Python's start-up on the self-assessment page: the first result's time mark, the memory
snapshot kept in Cache Storage, and the normal start whenever the snapshot is missing, damaged
or from another version (docs/assets/js/python-loader.js, python-snapshot.js). No speed goals
here: they live in `make bench`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

from bench.startup import answers_for, page_form, share_fragment

pytestmark = pytest.mark.browser

PYTHON_TIMEOUT = 60_000
CACHE = "saljkompetens-python"
RESULT = "#resultat[data-first-result-ms]"

# The snapshot entry, read and rewritten in the page: `change(bytes)` edits the body.
ENTRY = """
async ([name, edit]) => {
  const cache = await caches.open(name);
  const [request] = await cache.keys();
  const response = await cache.match(request);
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = Object.fromEntries(response.headers);
  const pages = Number(headers["x-pages"]);
  if (edit === "damage") body[pages * 4 + 70000] ^= 0xff;  // a byte of the memory
  if (edit === "build") {
    body[pages * 4 + 20] ^= 0xff;  // the Pyodide build id in the snapshot's header
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    headers["x-sha256"] = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  if (edit === "rename") {
    await cache.delete(request);
    const older = request.url.replace(/pyodide=[^&]*/, "pyodide=0.0.1");
    await cache.put(older, new Response(body, { headers }));
    return (await cache.keys()).map((r) => r.url);
  }
  if (edit) await cache.put(request, new Response(body, { headers }));
  return { url: request.url, kind: headers["x-snapshot"], size: body.length };
}
"""


@pytest.fixture(scope="module")
def link(built_site: Any) -> str:
    """A share link's fragment with every statement answered."""
    html = (Path(built_site.path) / "sjalvskattning" / "index.html").read_text(encoding="utf-8")
    ids, low, high, formats = page_form(html)
    return "#" + share_fragment(answers_for(ids, low, high), formats["share_key"])


def visit(context: BrowserContext, url: str) -> tuple[Page, dict[str, str | None]]:
    """Open `url` until the first result shows: the page, how Python started and the scores."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(RESULT, timeout=PYTHON_TIMEOUT)
    scores = page.eval_on_selector_all(
        "#resultat [data-competency][data-score]",
        "rows => rows.map(r => r.dataset.competency + '=' + r.dataset.score)",
    )
    return page, {
        "snapshot": page.get_attribute("html", "data-python-snapshot"),
        "scores": ",".join(scores),
        "answered": page.get_attribute("#resultat", "data-answered"),
        "ms": page.get_attribute("#resultat", "data-first-result-ms"),
    }


def kept(page: Page) -> None:
    page.wait_for_selector("html[data-python-snapshot=kept]", timeout=PYTHON_TIMEOUT)


def test_a_share_link_marks_when_its_result_was_first_shown(
    context: BrowserContext, site_url: str, link: str
) -> None:
    page, seen = visit(context, f"{site_url}sjalvskattning/{link}")
    assert page.get_attribute("html", "data-python") == "ready"
    assert seen["answered"] == str(page.locator("fieldset.sk-item").count())
    assert seen["ms"] is not None and 0 < float(seen["ms"]) < PYTHON_TIMEOUT
    assert seen["scores"]


def test_the_first_start_keeps_a_snapshot_and_the_next_starts_from_it(
    context: BrowserContext, site_url: str, link: str
) -> None:
    url = f"{site_url}sjalvskattning/{link}"
    first, before = visit(context, url)  # no snapshot yet: a normal start that keeps one
    assert before["snapshot"] in ("making", "kept")
    kept(first)
    entry = first.evaluate(ENTRY, [CACHE, None])
    assert entry["kind"] == "sparse-1" and "pyodide=" in entry["url"]
    assert 0 < entry["size"] < 30 * 2**20  # only the pages in use
    first.close()

    _, after = visit(context, url)
    assert after["snapshot"] == "restored"
    assert after["scores"] == before["scores"] and after["answered"] == before["answered"]


def test_a_damaged_snapshot_means_a_normal_start_and_a_new_snapshot(
    context: BrowserContext, site_url: str, link: str
) -> None:
    url = f"{site_url}sjalvskattning/{link}"
    first, before = visit(context, url)
    kept(first)
    first.evaluate(ENTRY, [CACHE, "damage"])
    first.close()

    second, after = visit(context, url)
    assert after["snapshot"] == "failed"
    assert after["scores"] == before["scores"]
    kept(second)  # the damaged one was removed and a good one made
    second.close()
    _, third = visit(context, url)
    assert third["snapshot"] == "restored" and third["scores"] == before["scores"]


def test_a_snapshot_of_another_pyodide_build_is_not_used_nor_made_again(
    context: BrowserContext, site_url: str, link: str
) -> None:
    url = f"{site_url}sjalvskattning/{link}"
    first, before = visit(context, url)
    kept(first)
    first.evaluate(ENTRY, [CACHE, "build"])  # intact, but Pyodide refuses its build id
    first.close()

    second, after = visit(context, url)
    assert after["snapshot"] == "failed"
    assert after["scores"] == before["scores"]
    assert second.evaluate(ENTRY, [CACHE, None])["kind"] == "unusable"
    second.close()
    _, third = visit(context, url)  # remembered: a normal start, and no snapshot made
    assert third["snapshot"] == "none" and third["scores"] == before["scores"]


def test_an_older_versions_snapshot_is_left_unused_and_removed(
    context: BrowserContext, site_url: str, link: str
) -> None:
    url = f"{site_url}sjalvskattning/{link}"
    first, before = visit(context, url)
    kept(first)
    keys = first.evaluate(ENTRY, [CACHE, "rename"])  # now under another Pyodide version
    assert len(keys) == 1 and "pyodide=0.0.1" in keys[0]
    first.close()

    second, after = visit(context, url)
    assert after["snapshot"] in ("making", "kept")
    assert after["scores"] == before["scores"]
    kept(second)
    urls = second.evaluate(
        f"async () => (await (await caches.open('{CACHE}')).keys()).map(r => r.url)"
    )
    assert len(urls) == 1 and "pyodide=0.0.1" not in urls[0]


def test_erasing_ones_answers_erases_the_snapshot(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}sjalvskattning/")
    page.wait_for_selector('#sk-assessment[data-enhanced="true"]')
    page.locator("#sk-form input[type=radio]").first.check()  # an answer: Python starts
    kept(page)
    assert page.evaluate(f"caches.has('{CACHE}')")
    page.click("#sk-erase")
    page.click("#sk-erase")  # the confirmation
    page.wait_for_function(f"async () => !(await caches.has('{CACHE}'))", timeout=10_000)
    page.wait_for_timeout(1500)  # nothing kept again while the page is open
    assert not page.evaluate(f"caches.has('{CACHE}')")
