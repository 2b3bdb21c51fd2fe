"""`python -m saljkompetens new …`: a new competency, article, role or self-test passes the
content check as it stands, shows up in the site, and never overwrites a file."""

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


MINIMAL = ROOT / "tests" / "fixtures" / "minimal" / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small fixture content."""
    return shutil.copytree(MINIMAL, tmp_path / "content")


def test_new_competency_passes_and_is_included(content: Path) -> None:
    before = {c.title for c in load_content(content).competencies}
    path = scaffold("competency", "Förhandling", content)
    assert path == content / "competencies" / "forhandling.md"
    kb = load_content(content)
    new = kb.competency("Förhandling")
    assert [s.id for s in new.statements] == [f"forhandling-{n}" for n in (1, 2, 3, 4)]
    assert [s.reverse for s in new.statements] == [False, False, True, True]
    assert new.mindsets == (kb.mindsets[0].title,)
    assert {c.title for c in kb.competencies} == before | {"Förhandling"}


def test_new_competency_explains_every_field(content: Path) -> None:
    text = scaffold("competency", "Förhandling", content).read_text("utf-8")
    front = text.split("\n---\n")[0]
    for name in ("title", "summary", "mindsets", "keywords", "statements"):
        assert f"\n# {name} (" in front
        assert f"\n{name}:" in front
    for name in ("high_level", "practice"):  # optional: explained, left commented out
        assert f"\n# {name} (frivilligt" in front
    for name in ("id", "text", "reverse", "based_on"):
        assert f"#   {name} " in front
        assert re.search(rf"^ +(- )?{name}: ", front, re.MULTILINE)


def test_new_article_in_norwegian_refers_to_given_competency(content: Path) -> None:
    scaffold("article", "Så leder du säljmöten", content, lang="nb", competency="Lyssna")
    kb = load_content(content)
    article = next(a for a in kb.articles if a.slug == "sa-leder-du-saljmoten")
    assert article.lang == "nb"
    assert article.competencies == ("Lyssna",)
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
    path = content / "competencies" / "lyssna.md"
    path.write_text(path.read_text("utf-8").replace("lyssna-3", "ny-1"), "utf-8")
    scaffold("competency", "Ny", content)
    assert [s.id for s in load_content(content).competency("Ny").statements] == [
        "ny-2",
        "ny-3",
        "ny-4",
        "ny-5",
    ]


def test_ids_skip_retired_ones(content: Path) -> None:
    """An id in assessment.yml's retired_ids names an old statement in stored answers."""
    settings = content / "assessment.yml"
    settings.write_text(settings.read_text("utf-8") + "retired_ids: [ny-1, ny-3]\n", "utf-8")
    scaffold("competency", "Ny", content)
    assert [s.id for s in load_content(content).competency("Ny").statements] == [
        "ny-2",
        "ny-4",
        "ny-5",
        "ny-6",
    ]


def test_existing_file_is_not_overwritten(content: Path) -> None:
    path = content / "competencies" / "lyssna.md"
    before = path.read_bytes()
    with pytest.raises(ScaffoldError, match="finns redan och skrivs inte över"):
        scaffold("competency", "Lyssna!", content)
    assert path.read_bytes() == before


def test_title_whose_slug_is_taken_is_refused(content: Path) -> None:
    (content / "roles" / "saljare.md").rename(content / "roles" / "s.md")
    with pytest.raises(ScaffoldError, match='adressen \\(slug\\) "saljare"'):
        scaffold("role", "SÄLJARE", content)
    assert not (content / "roles" / "saljare.md").exists()


def test_unknown_competency_is_refused_with_suggestion(content: Path) -> None:
    with pytest.raises(ScaffoldError, match='menade du "Lyssna"'):
        scaffold("role", "Ny roll", content, competency="Lysna")


def test_cli_creates_then_refuses(run_cli, tmp_path: Path, content: Path) -> None:
    first = run_cli("new", "role", "Innesäljare", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Skapade content/roles/innesaljare.md (ny roll).")
    assert "make check" in first.stdout
    again = run_cli("new", "role", "Innesäljare", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr.startswith("Ingen fil skapades: content/roles/innesaljare.md finns redan")
    assert "Traceback" not in again.stderr
    check = run_cli("check", cwd=tmp_path)  # the placeholders are not ready to publish
    assert check.returncode == 1
    problems = check.stderr.splitlines()[:-1]
    assert problems and all("platshållartext från mallen" in line for line in problems)
    assert all(line.startswith("content/roles/innesaljare.md:") for line in problems)
    written = tmp_path / "content" / "roles" / "innesaljare.md"
    written.write_text(_rewritten(written.read_text("utf-8")), "utf-8")
    assert run_cli("check", cwd=tmp_path).returncode == 0


def _rewritten(text: str) -> str:
    """What an editor does before publishing: every placeholder rewritten."""
    return text.replace("Platshållare", "Text").replace("platshållare", "text")


def test_cli_refuses_when_content_has_errors(run_cli, tmp_path: Path, content: Path) -> None:
    path = content / "competencies" / "lyssna.md"
    path.write_text(path.read_text("utf-8").replace("Empati", "Empaty", 1), "utf-8")
    done = run_cli("new", "competency", "Ny", "--content", str(content), cwd=tmp_path)
    assert done.returncode == 1
    assert "Innehållet har fel som måste rättas innan en ny fil skapas:" in done.stderr
    assert 'okänt tankesätt "Empaty" (menade du "Empati"?)' in done.stderr
    assert not (content / "competencies" / "ny.md").exists()


def test_site_builds_with_all_three_new_files(tmp_path: Path, content: Path, site_config) -> None:
    """A strict build of the site, with one new file of each kind, publishes them."""
    created = [scaffold(kind, title, content) for kind, (title, _) in NEW.items()]
    site_config(content, tmp_path)
    site = tmp_path / "site"

    def build() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)

    refused = build()  # placeholders are never published
    assert refused.returncode == 1
    assert "platshållartext från mallen" in refused.stderr and not site.exists()
    for path in created:
        path.write_text(_rewritten(path.read_text("utf-8")), "utf-8")
    done = build()
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
    mindset = load_content(content).mindsets[0]
    mindset_html = (site / "tankesatt" / mindset.slug / "index.html").read_text("utf-8")
    assert "Förhandling" in mindset_html


def test_make_new_scaffolds_a_competency_that_the_site_takes(
    tmp_path: Path, root: Path, content: Path, site_config
) -> None:
    """`make new KIND=competency TITLE=…` as the README shows it, then a strict build. On the
    fixture content: run on the real content, the test would fail once an editor had made
    the README's own example."""
    done = subprocess.run(
        ["make", "-s", "-C", str(root), "new", "KIND=competency", "TITLE=Förhandling",
         f"CONTENT={content}"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    created = content / "competencies" / "forhandling.md"
    created.write_text(_rewritten(created.read_text("utf-8")), "utf-8")
    site_config(content, tmp_path)
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "kompetenser" / "forhandling" / "index.html").is_file()


def test_new_selftest_passes_quotes_its_article_and_explains_its_fields(content: Path) -> None:
    path = scaffold("selftest", "Lyssnartest", content)
    assert path == content / "selftests" / "lyssnartest.md"
    kb = load_content(content)
    [selftest] = kb.selftests
    assert (selftest.title, selftest.articles, selftest.audience) == (
        "Lyssnartest",
        ("Om att lyssna",),
        "säljaren",
    )
    assert [s.id for s in selftest.statements] == [f"lyssnartest-{n}" for n in (1, 2, 3, 4)]
    reverse = [[s.reverse for s in scale.statements] for scale in selftest.scales]
    assert reverse == [[False, True]] * 2
    # The placeholders quote the article's only sentence, so the new file passes as it is.
    assert {s.based_on for s in selftest.statements} == {"Den som lyssnar säljer mer."}
    front = path.read_text("utf-8").split("\n---\n")[0]
    for name in ("title", "summary", "audience", "articles", "scale", "bands", "scales", "limits"):
        assert f"\n# {name} (" in front
        assert f"\n{name}:" in front


def test_new_selftest_on_an_unknown_article_is_refused_with_suggestion(content: Path) -> None:
    with pytest.raises(
        ScaffoldError, match='--article: okänd artikel "Om att lyssn".*Om att lyssna'
    ):
        scaffold("selftest", "Lyssnartest", content, article="Om att lyssn")
    assert not (content / "selftests").exists()


@pytest.mark.parametrize("kind", ["test", "självtest", "check"])
def test_a_selftest_has_other_names_and_its_former_one_says_so(
    run_cli, tmp_path: Path, content: Path, kind: str
) -> None:
    done = run_cli("new", kind, "Lyssnartest", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Skapade content/selftests/lyssnartest.md (nytt självtest).")
    note = (
        "Obs: typen check heter nu selftest (make new KIND=selftest); check fungerar ett tag "
        "till.\n"
    )
    assert done.stderr == (note if kind == "check" else "")
