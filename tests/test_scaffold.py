"""`python -m saljkompetens new …`: a new competency, article or role passes the check as it
stands, shows up in the site, and never overwrites a file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from saljkompetens.content.loader import load_content
from saljkompetens.content.scaffold import ScaffoldError, scaffold

ROOT = Path(__file__).resolve().parent.parent
NEW = {
    "competency": ("Förhandling", "competencies/forhandling.md"),
    "article": ("Så leder du säljmöten", "articles/sa-leder-du-saljmoten.md"),
    "role": ("Innesäljare", "roles/innesaljare.md"),
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the real content."""
    return shutil.copytree(ROOT / "content", tmp_path / "content")


def test_new_competency_passes_and_is_included(content: Path) -> None:
    path = scaffold("competency", "Förhandling", content)
    assert path == content / "competencies" / "forhandling.md"
    kb = load_content(content)
    new = kb.competency("Förhandling")
    assert [s.id for s in new.statements] == ["forhandling-1", "forhandling-2", "forhandling-3"]
    assert [s.reverse for s in new.statements] == [False, False, True]
    assert new.mindsets == (kb.mindsets[0].title,)
    assert len(kb.competencies) == 19


def test_new_competency_explains_every_field(content: Path) -> None:
    text = scaffold("competency", "Förhandling", content).read_text("utf-8")
    front = text.split("\n---\n")[0]
    for name in ("title", "summary", "mindsets", "keywords", "statements"):
        assert f"\n# {name} (" in front
        assert f"\n{name}:" in front
    for name in ("id", "text", "reverse", "based_on"):
        assert f"#   {name} " in front
        assert re.search(rf"^ +(- )?{name}: ", front, re.MULTILINE)


def test_new_article_in_norwegian_refers_to_given_competency(content: Path) -> None:
    scaffold("article", "Så leder du säljmöten", content, lang="nb", competency="Prospektering")
    kb = load_content(content)
    article = next(a for a in kb.articles if a.slug == "sa-leder-du-saljmoten")
    assert article.lang == "nb"
    assert article.competencies == ("Prospektering",)
    assert article.source is None


def test_new_role_refers_to_first_competency(content: Path) -> None:
    scaffold("roll", "Innesäljare", content)
    kb = load_content(content)
    role = next(r for r in kb.roles if r.title == "Innesäljare")
    assert [t.competency for t in role.targets] == [kb.competencies[0].title]


def test_quotes_and_yaml_words_in_titles_are_safe(content: Path) -> None:
    scaffold("article", 'Yes: "citat" och no', content)
    kb = load_content(content)
    assert any(a.title == 'Yes: "citat" och no' for a in kb.articles)


def test_ids_skip_those_already_taken(content: Path) -> None:
    path = content / "competencies" / "prospektering.md"
    path.write_text(path.read_text("utf-8").replace("prospektering-4", "ny-1"), "utf-8")
    scaffold("competency", "Ny", content)
    assert [s.id for s in load_content(content).competency("Ny").statements] == [
        "ny-2",
        "ny-3",
        "ny-4",
    ]


def test_existing_file_is_not_overwritten(content: Path) -> None:
    path = content / "competencies" / "prospektering.md"
    before = path.read_bytes()
    with pytest.raises(ScaffoldError, match="finns redan och skrivs inte över"):
        scaffold("competency", "Prospektering!", content)
    assert path.read_bytes() == before


def test_title_whose_slug_is_taken_is_refused(content: Path) -> None:
    (content / "roles" / "kundansvarig.md").rename(content / "roles" / "ka.md")
    with pytest.raises(ScaffoldError, match='adressen \\(slug\\) "kundansvarig"'):
        scaffold("role", "KUNDANSVARIG", content)
    assert not (content / "roles" / "kundansvarig.md").exists()


def test_unknown_competency_is_refused_with_suggestion(content: Path) -> None:
    with pytest.raises(ScaffoldError, match='menade du "Prospektering"'):
        scaffold("role", "Ny roll", content, competency="Prospektring")


def test_cli_creates_then_refuses(run_cli, tmp_path: Path, content: Path) -> None:
    first = run_cli("new", "role", "Innesäljare", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Skapade content/roles/innesaljare.md (ny roll).")
    assert "python -m saljkompetens check" in first.stdout
    again = run_cli("new", "role", "Innesäljare", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.startswith("Ingen fil skapades: content/roles/innesaljare.md finns redan")
    assert "Traceback" not in again.stderr
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_cli_refuses_when_content_has_errors(run_cli, tmp_path: Path, content: Path) -> None:
    path = content / "competencies" / "prospektering.md"
    path.write_text(path.read_text("utf-8").replace("Hunger", "Hungr", 1), "utf-8")
    done = run_cli("new", "competency", "Ny", "--content", str(content), cwd=tmp_path)
    assert done.returncode == 1
    assert "Innehållet har fel som måste rättas innan en ny fil skapas:" in done.stderr
    assert 'okänt tankesätt "Hungr" (menade du "Hunger"?)' in done.stderr
    assert not (content / "competencies" / "ny.md").exists()


def test_site_builds_with_all_three_new_files(tmp_path: Path) -> None:
    """A strict build of the real site, with one new file of each kind, publishes them."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    for name in ("docs", "overrides", "macros", "scoring_py", "node_modules"):
        (project / name).symlink_to(ROOT / name)
    if (ROOT / "build" / "wheels").is_dir():
        shutil.copytree(ROOT / "build" / "wheels", project / "build" / "wheels")
    for kind, (title, _) in NEW.items():
        scaffold(kind, title, project / "content")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    pages = {
        "competency": "kompetenser/forhandling/index.html",
        "article": "artiklar/sa-leder-du-saljmoten/index.html",
        "role": "roller/innesaljare/index.html",
    }
    for kind, page in pages.items():
        html = (site / page).read_text("utf-8")
        assert NEW[kind][0] in html, kind
    mindset = load_content(project / "content").mindsets[0]
    mindset_html = (site / "tankesatt" / mindset.slug / "index.html").read_text("utf-8")
    assert "Förhandling" in mindset_html
