"""The team page in a browser test: open it, drop files on it, wait for the picture (shared by
the team, team-quality and self-test browser tests)."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page

READY = '#sk-team-result[data-state="ready"]'


def add_files(page: Page, files: list[tuple[str, str]]) -> None:
    payload = [
        {"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")}
        for name, text in files
    ]
    page.set_input_files("#sk-team-files", payload)


def open_team(page: Page, site_url: str) -> None:
    page.goto(site_url + "team/")
    page.wait_for_selector('#sk-team[data-enhanced="true"]')


def wait_people(page: Page, count: int) -> None:
    page.wait_for_selector(f'{READY}[data-people="{count}"]', timeout=90_000)


def today() -> str:
    """The browser's local day, as the page puts it in file names (same machine, same zone)."""
    return date.today().isoformat()
