"""Content kinds are one table (`saljkompetens.content.kinds.KINDS`): a new kind — here a
glossary, declared in this file with its folder, schema, builder, cross-file rule and page
template — is read, checked and published by registering it, with no other code changed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from saljkompetens.content import kinds
from saljkompetens.content.errors import ContentErrors
from saljkompetens.content.fields import NAME, TEXT, TITLE
from saljkompetens.content.frontmatter import Document
from saljkompetens.content.kinds import Kind, Loaded, Report, Scaffold
from saljkompetens.content.loader import load_content
from saljkompetens.content.model import KnowledgeBase
from saljkompetens.content.scaffold import scaffoldable
from saljkompetens.content.schema import SCHEMAS
from saljkompetens.content.slugs import slugify
from saljkompetens.pages.render import page_groups, render_pages

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"

# -- the glossary kind: what a kind's own module holds ------------------------------------------

GLOSSARY_SECTION = "ordlista"
GLOSSARY = {
    "title": "Ordlista",
    "type": "object",
    "required": ["title", "summary"],
    "additionalProperties": False,
    "properties": {
        "title": {**TITLE, "description": "Ordet."},
        "summary": {**TEXT, "maxLength": 160, "description": "Vad ordet betyder, kort."},
        "see": {"type": "array", "items": NAME, "description": "Kompetenser (namn)."},
    },
}


@dataclass(frozen=True)
class Term:
    slug: str
    title: str
    summary: str
    see: tuple[str, ...]
    body: str
    path: Path

    @property
    def src_uri(self) -> str:
        return f"{GLOSSARY_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{GLOSSARY_SECTION}/{self.slug}/"


def build_term(doc: Document, report: Report) -> Term:
    data = doc.data
    if data["summary"].lower().startswith(data["title"].lower()):
        report.error(doc, "förklara ordet utan att upprepa det", ("summary",))
    title, see = data["title"], tuple(data.get("see", ()))
    return Term(slugify(title), title, data["summary"], see, report.body(doc), doc.path)


def check_terms(loaded: Loaded) -> None:
    titles = {c.title for c in loaded.of("competency")}
    for term in loaded.of("glossary"):
        for index, name in enumerate(term.see):
            loaded.refers(term, name, titles, "okänd kompetens", ("see", index))


def term_page(kb: KnowledgeBase, term: Term) -> dict[str, Any]:
    return {"competencies": [kb.competency(title) for title in term.see]}


TEMPLATE = """---
title: {{ glossary.title | html_text | tojson }}
---

# {{ glossary.title }}

{{ glossary.summary }}

{{ glossary.body | markdown }}

{% for competency in competencies -%}
- [{{ competency.title }}]({{ link(competency) }})
{% endfor %}
"""


def glossary_kind(templates: Path) -> Kind:
    return Kind(
        name="glossary",
        source="glossary",
        schema=GLOSSARY,
        build=build_term,
        check=check_terms,
        section=GLOSSARY_SECTION,
        template="glossary.md.j2",
        templates=templates,
        page=term_page,
        tables={"glossary": GLOSSARY},
    )


TERM = """---
title: Pipeline
summary: "Affärerna på väg, från första kontakt till beslut."
see: [Lyssna, Fråga]
---
En överblick som visar var varje affär står.
"""


@pytest.fixture
def glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The registry with the glossary kind last, and a copy of the minimal content with one
    term; returns the content folder."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "glossary.md.j2").write_text(TEMPLATE, "utf-8")
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, glossary_kind(templates)))
    content = shutil.copytree(MINIMAL, tmp_path / "content")
    (content / "glossary").mkdir()
    (content / "glossary" / "pipeline.md").write_text(TERM, "utf-8")
    return content


def test_a_registered_kind_is_loaded_and_rendered(glossary: Path) -> None:
    kb = load_content(glossary)
    [term] = kb.of("glossary")
    assert (term.slug, term.see) == ("pipeline", ("Lyssna", "Fråga"))
    assert term.path == Path("content/glossary/pipeline.md")
    pages = render_pages(kb)
    page = pages["ordlista/pipeline.md"]
    assert "# Pipeline" in page
    assert "- [Lyssna](../kompetenser/lyssna.md)" in page
    assert "- [Fråga](../kompetenser/fraga.md)" in page
    assert page_groups(kb)[-1] == ["ordlista/pipeline.md"]


def test_without_the_registration_the_folder_is_only_a_warning(tmp_path: Path) -> None:
    content = shutil.copytree(MINIMAL, tmp_path / "content")
    (content / "glossary").mkdir()
    (content / "glossary" / "pipeline.md").write_text(TERM, "utf-8")
    [warning] = load_content(content).warnings
    assert str(warning).startswith("content/glossary: varning: används inte: innehållet läses")
    assert str(warning).endswith("roles/, selftests/ och assessment.yml")


def test_a_registered_kinds_schema_rules_and_references_are_checked(glossary: Path) -> None:
    (glossary / "glossary" / "kund.md").write_text(
        '---\ntitle: Kund\nsummary: "Kunden är den som köper."\nsee: [Lysna]\n---\nText.\n',
        "utf-8",
    )
    (glossary / "glossary" / "avslut.md").write_text("---\ntitle: Avslut\n---\nText.\n", "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_content(glossary)
    assert [str(error) for error in raised.value.errors] == [
        "content/glossary/avslut.md:2: summary: obligatoriskt fält saknas (ska vara text)",
        "content/glossary/kund.md:3: summary: förklara ordet utan att upprepa det",
        'content/glossary/kund.md:4: see[0]: okänd kompetens "Lysna" (menade du "Lyssna"?)',
    ]


def test_a_registered_kinds_title_gets_an_address_of_its_own(glossary: Path) -> None:
    (glossary / "glossary" / "index.md").write_text(
        '---\ntitle: Index\nsummary: "Alla ord."\n---\nText.\n', "utf-8"
    )
    with pytest.raises(ContentErrors) as raised:
        load_content(glossary)
    assert [str(error) for error in raised.value.errors] == [
        "content/glossary/index.md:2: title: titeln ger adressen ordlista/index/, som är "
        'avdelningens egen sida ("index"); välj en annan titel'
    ]


def test_the_site_builds_the_registered_kinds_pages(
    glossary: Path, tmp_path: Path, site_config
) -> None:
    """`mkdocs build --strict` of the whole site, in this process so that the registry
    holds the glossary: its page is published and links to the competencies."""
    from mkdocs.commands.build import build

    site = tmp_path / "site"
    config = load_config(str(site_config(glossary, tmp_path)), strict=True, site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    html = (site / "ordlista" / "pipeline" / "index.html").read_text("utf-8")
    assert '<h1 id="pipeline">Pipeline</h1>' in html
    assert "En överblick som visar var varje affär står." in html
    assert 'href="../../kompetenser/lyssna/"' in html
    assert (site / "kompetenser" / "lyssna" / "index.html").is_file()


def test_the_table_names_each_kind_once_and_scaffolds_those_with_a_template() -> None:
    names = [kind.name for kind in kinds.KINDS]
    assert names == ["competency", "mindset", "article", "role", "selftest", "settings"]
    assert len({kind.source for kind in kinds.KINDS}) == len(names)
    sections = [kind.section for kind in kinds.KINDS if kind.section]
    assert sections == ["kompetenser", "tankesatt", "artiklar", "roller", "sjalvtest"]
    assert list(scaffoldable()) == ["competency", "article", "role", "selftest"]
    assert set(SCHEMAS) == {
        "competency", "statement", "mindset", "article", "role", "target", "settings",
        "selftest", "selftest_scale", "selftest_statement",
    }  # fmt: skip


def test_a_kind_with_a_scaffold_can_be_made_with_make_new(
    glossary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "glossary" not in scaffoldable()  # no scaffold template: `make new` does not offer it
    scaffold = Scaffold("article.md.j2", "nytt ord")
    table = [replace(k, scaffold=scaffold) if k.name == "glossary" else k for k in kinds.KINDS]
    monkeypatch.setattr(kinds, "KINDS", tuple(table))
    assert list(scaffoldable())[-1] == "glossary"
