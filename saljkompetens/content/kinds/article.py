"""Articles: `content/articles/<slug>.md`, published at `artiklar/<slug>/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fields import NAME, TEXT, TITLE, Schema
from ..frontmatter import Document
from ..parts import flat
from ..slugs import slugify
from .base import Kind, Loaded, Report, Scaffold

if TYPE_CHECKING:
    from ..model import KnowledgeBase

ARTICLE_SECTION = "artiklar"
LANGUAGES = {"sv": "svenska", "nb": "norska (bokmål)"}

ARTICLE: Schema = {
    "title": "Artikel",
    "type": "object",
    "required": ["title", "lang", "reading_time", "summary", "competencies"],
    "additionalProperties": False,
    "properties": {
        "title": {**TITLE, "description": "Artikelns rubrik."},
        "lang": {
            "type": "string",
            "enum": list(LANGUAGES),
            "description": "Språk: `sv` (svenska) eller `nb` (norska, bokmål).",
        },
        "reading_time": {
            "type": "integer",
            "minimum": 1,
            "maximum": 120,
            "description": "Lästid i minuter.",
        },
        "summary": {**TEXT, "maxLength": 300, "description": "En eller två meningar för indexet."},
        "competencies": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "uniqueItems": True,
            "items": NAME,
            "description": "Kompetenserna artikeln handlar om (namn). Kompetenssidorna "
            "länkar tillbaka.",
        },
        "source": {
            **TEXT,
            "maxLength": 300,
            "description": "Källhänvisning, om texten bygger på en källa.",
        },
        "cites": {
            "type": "array",
            "maxItems": 10,
            "uniqueItems": True,
            "items": {**TEXT, "maxLength": 120},
            "description": "Personer och verk som texten nämner som belägg utan full "
            "källhänvisning, t.ex. `Harvard Business Review`. Visas på artikelsidan och "
            "på Om webbplatsen.",
        },
    },
}


@dataclass(frozen=True)
class Article:
    """An article on sales management, from `content/articles/<slug>.md`.

    ```yaml
    title: Gör som topporganisationer ”B2B”
    lang: sv
    reading_time: 5
    summary: ...
    competencies: [Målorientering, Initiativ]
    source: "Martin, S. (2018). Sales Strategy Playbook ..."
    ```
    """

    slug: str
    title: str
    lang: str
    reading_time: int
    summary: str
    competencies: tuple[str, ...]
    source: str | None
    body: str
    path: Path
    cites: tuple[str, ...] = ()  # named in the text as evidence, without a full reference

    @property
    def src_uri(self) -> str:
        return f"{ARTICLE_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{ARTICLE_SECTION}/{self.slug}/"


def build(doc: Document, report: Report) -> Article:
    """An article; what it `cites` is named in its text."""
    data = doc.data
    body = report.body(doc)
    flat_body = flat(body)
    for index, cited in enumerate(data.get("cites", ())):
        if flat_body and cited not in flat_body:
            report.error(
                doc,
                f'"{cited}" nämns inte i artikelns text; `cites` tar bara upp det som '
                "texten själv hänvisar till, skrivet som i texten",
                ("cites", index),
            )
    return Article(
        slug=slugify(data["title"]),
        title=data["title"],
        lang=data["lang"],
        reading_time=data["reading_time"],
        summary=data["summary"],
        competencies=tuple(data["competencies"]),
        source=data.get("source"),
        body=body,
        path=doc.path,
        cites=tuple(data.get("cites", ())),
    )


def check(loaded: Loaded) -> None:
    """Each competency an article names exists."""
    titles = {c.title for c in loaded.of("competency")}
    for article in loaded.of("article"):
        for index, name in enumerate(article.competencies):
            loaded.refers(article, name, titles, "okänd kompetens", ("competencies", index))


def page(kb: KnowledgeBase, article: Article) -> dict[str, Any]:
    return {
        "competencies": kb.competencies_of(article),
        "selftests": kb.selftests_of(article),
        "language_name": LANGUAGES[article.lang].capitalize(),
    }


KIND = Kind(
    name="article",
    source="articles",
    schema=ARTICLE,
    build=build,
    check=check,
    section=ARTICLE_SECTION,
    template="article.md.j2",
    page=page,
    tables={"article": ARTICLE},
    scaffold=Scaffold("article.md.j2", "ny artikel", aliases=("artikel",)),
)
