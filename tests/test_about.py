"""What the site says about itself: the date of the last content change, the publisher's
contact, competencies by stage, Swedish plurals."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from saljkompetens.content.model import KnowledgeBase
from saljkompetens.content.schema import STAGES
from saljkompetens.history import last_change, swedish_date
from saljkompetens.pages.about import OTHER_STAGE, by_stage, contact_link
from saljkompetens.pages.words import plural


def git(folder: Path, *args: str, when: str = "2026-03-04T12:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A Git repository whose content/ was last committed on 4 March 2026."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "redaktion@example.invalid")
    git(tmp_path, "config", "user.name", "Redaktionen")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "-q", "-m", "Innehåll", when="2026-03-04T12:00:00")
    (tmp_path / "README").write_text("not content", encoding="utf-8")
    git(tmp_path, "add", "README")
    git(tmp_path, "commit", "-q", "-m", "Annat", when="2026-06-01T12:00:00")
    return tmp_path


def test_the_last_change_is_the_last_commit_that_touched_the_content(repo: Path) -> None:
    assert last_change(repo / "content") == date(2026, 3, 4)  # not the later README commit


def test_content_being_edited_counts_from_its_files(repo: Path) -> None:
    edited = repo / "content" / "b.md"
    edited.write_text("new", encoding="utf-8")
    os.utime(edited, (1_780_000_000, 1_780_000_000))  # 2026-05-28 (UTC)
    os.utime(repo / "content" / "a.md", (1_700_000_000, 1_700_000_000))
    assert last_change(repo / "content") == date.fromtimestamp(1_780_000_000)


def test_without_git_the_newest_file_counts(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("x", encoding="utf-8")
    os.utime(tmp_path / "x.md", (1_767_225_600, 1_767_225_600))  # 2026-01-01 00:00 UTC
    assert last_change(tmp_path) == date.fromtimestamp(1_767_225_600)
    assert last_change(tmp_path / "saknas") is None


def test_dates_are_written_in_swedish() -> None:
    assert swedish_date(date(2026, 11, 5)) == "5 november 2026"
    assert swedish_date(date(2027, 1, 31)) == "31 januari 2027"


@pytest.mark.parametrize(
    ("given", "link"),
    [
        ("redaktionen@example.se", "mailto:redaktionen@example.se"),
        (" https://example.se/kontakt ", "https://example.se/kontakt"),
        ("", ""),
        ("javascript:alert(1)", ""),
        ("http://example.se", ""),  # only https
        ("a b@example.se", ""),
        ("x@example.se)](javascript:alert(1)", ""),
    ],
)
def test_only_an_email_or_https_address_becomes_a_contact_link(given: str, link: str) -> None:
    assert contact_link(given) == link


def test_competencies_are_grouped_in_the_order_of_the_stages(kb: KnowledgeBase) -> None:
    groups = by_stage(kb.competencies)
    names = [stage for stage, _ in groups]
    assert names == [stage for stage in (*STAGES, OTHER_STAGE) if stage in names]
    members = [c for _, group in groups for c in group]
    assert sorted(c.slug for c in members) == sorted(c.slug for c in kb.competencies)
    for stage, group in groups:
        assert all((c.stage or OTHER_STAGE) == stage for c in group)


def test_plurals() -> None:
    assert plural(1, "kompetens", "kompetenser") == "1 kompetens"
    assert plural(0, "kompetens", "kompetenser") == "0 kompetenser"
    assert plural(14, "minut", "minuter") == "14 minuter"
