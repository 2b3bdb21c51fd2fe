"""Competencies: `content/competencies/<slug>.md`, published at `kompetenser/<slug>/`."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fields import NAME, REVERSE, STATEMENT_ID, TEXT, TITLE, Schema
from ..frontmatter import Document
from ..parts import Statement, flat, naming_sentence
from ..slugs import slugify
from ..text_rules import absolute_message, absolute_word
from .base import FieldPath, Kind, Loaded, Report, Scaffold

if TYPE_CHECKING:
    from ..model import KnowledgeBase

COMPETENCY_SECTION = "kompetenser"
RELATIONS = {"bygger på": "builds", "balanserar": "balances", "motpol": "contrasts"}
"""How a competency relates to a mindset (content word → scoring_py's word)."""
STAGES = (
    "Hitta affärerna",
    "I mötet med kunden",
    "Driva affären till beslut",
    "Styra det egna arbetet",
)
"""Where in the sale a competency matters most; the home page groups competencies by it."""

STATEMENT: Schema = {
    "type": "object",
    "required": ["id", "text", "manager_text", "based_on"],
    "additionalProperties": False,
    "properties": {
        "id": STATEMENT_ID,
        "text": {**TEXT, "maxLength": 200, "description": "Påståendet i första person."},
        "manager_text": {
            **TEXT,
            "maxLength": 200,
            "description": "Samma påstående om säljaren, som chefen läser när hen skattar en "
            'säljare ("Säljaren …", med hen/hens/sin där det behövs).',
        },
        "reverse": REVERSE,
        "based_on": {
            **TEXT,
            "maxLength": 300,
            "description": "Den fras ur kompetensens egen text som påståendet bygger på, "
            "ordagrant.",
        },
    },
}

COMPETENCY: Schema = {
    "title": "Kompetens",
    "type": "object",
    "required": ["title", "summary", "mindsets", "keywords", "statements"],
    "additionalProperties": False,
    "properties": {
        "title": {**TITLE, "description": "Kompetensens namn. Adressen (slug) bildas av det."},
        "summary": {**TEXT, "maxLength": 160, "description": "En kort mening för kortet."},
        "stage": {
            "type": "string",
            "enum": list(STAGES),
            "description": "Var i affären kompetensen gör mest skillnad; startsidan grupperar "
            "kompetenserna efter det. En kompetens utan `stage` visas under "
            "*Fler kompetenser*.",
        },
        "mindsets": {
            "type": "array",
            "minItems": 1,
            "maxItems": 12,
            "items": {
                "oneOf": [
                    NAME,
                    {
                        "type": "object",
                        "required": ["name", "relation"],
                        "additionalProperties": False,
                        "properties": {
                            "name": NAME,
                            "relation": {"type": "string", "enum": list(RELATIONS)},
                        },
                    },
                ]
            },
            "description": "Tankesätten kompetensen bygger på, med namn exakt som i texten. "
            "Ett tankesätt som texten ställer kompetensen mot, eller som kompetensen "
            "balanserar, skrivs `{name: Namn, relation: motpol}` respektive "
            "`{name: Namn, relation: balanserar}`.",
        },
        "keywords": {
            "type": "array",
            "maxItems": 30,
            "items": {**TEXT, "maxLength": 60},
            "description": "Ord som ska hitta sidan i sökningen, också sådana som texten "
            "inte använder (t.ex. *kallsamtal* för *kalla samtal*). Syns inte för läsaren.",
        },
        "statements": {
            "type": "array",
            "minItems": 4,
            "maxItems": 6,
            "items": STATEMENT,
            "description": "Fyra till sex påståenden till självskattningen, minst en tredjedel "
            "omvända (se Att skriva ett bra påstående).",
        },
        "high_level": {
            **TEXT,
            "maxLength": 400,
            "description": "Den mening ur texten som beskriver en hög nivå, ordagrant. "
            "Resultatet visar den för den som har kompetensen som utvecklingsområde.",
        },
        "practice": {
            "type": "array",
            "minItems": 2,
            "maxItems": 3,
            "items": {**TEXT, "maxLength": 200},
            "description": "Två eller tre konkreta sätt att öva, som bygger på texten. "
            "Visas i resultatet för den som har kompetensen som utvecklingsområde.",
        },
    },
}


@dataclass(frozen=True)
class Competency:
    """A sales competency, from `content/competencies/<slug>.md`.

    ```yaml
    title: Prospektering
    summary: Förmågan att skapa ett stabilt inflöde av kvalificerade möjligheter.
    mindsets: [Nästa steg, Hunger, Påverkan]
    keywords: [prospektera, nykundsbearbetning]
    statements: [...]
    ```
    """

    slug: str
    title: str
    summary: str
    mindsets: tuple[str, ...]
    keywords: tuple[str, ...]
    statements: tuple[Statement, ...]
    body: str
    path: Path
    relations: tuple[str, ...] = ()  # per mindset: "bygger på", "balanserar" or "motpol"
    high_level: str | None = None  # the sentence of the text on a high level
    practice: tuple[str, ...] = ()  # practice suggestions for the report
    stage: str | None = None  # where in the sale it matters most (STAGES)

    def relation(self, mindset: str) -> str:
        """How this competency relates to `mindset` ("bygger på" unless the file says)."""
        return dict(zip(self.mindsets, self.relations, strict=True)).get(mindset, "bygger på")

    @property
    def src_uri(self) -> str:
        return f"{COMPETENCY_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{COMPETENCY_SECTION}/{self.slug}/"


_FIRST_PERSON = re.compile(r"\b(jag|mig|min|mitt|mina)\b", re.IGNORECASE)
_ABOUT_SELLER = re.compile(r"\bsäljaren?s?\b|\bhen(s)?\b", re.IGNORECASE)
# Clauses that tell the visitor which answer is wanted ("… för att slippa …").
_GIVEAWAY = re.compile(
    r"\b(för att slippa|för att undvika|i stället för att|istället för att|så att stämningen)\b",
    re.IGNORECASE,
)
_FILLER = {"jag", "att", "och", "som", "i", "på", "en", "ett", "med", "för", "det", "den",
           "om", "till", "av", "mig", "min", "mitt", "mina", "är", "de", "när"}  # fmt: skip


def build(doc: Document, report: Report) -> Competency:
    """A competency; its statements are grounded in its own text and worded for the scale."""
    data = doc.data
    body = report.body(doc)
    statements = tuple(
        Statement(s["id"], s["text"], s["based_on"], s.get("reverse", False), s["manager_text"])
        for s in data["statements"]
    )
    flat_body = flat(body)
    for index, statement in enumerate(statements):
        if flat_body and flat(statement.based_on) not in flat_body:
            report.error(
                doc,
                f'"{statement.based_on}" finns inte ordagrant i kompetensens text; '
                "kopiera frasen exakt ur texten",
                ("statements", index, "based_on"),
            )
    needed = math.ceil(len(statements) / 3)
    reverse = sum(s.reverse for s in statements)
    if reverse < needed:
        report.error(
            doc,
            f"{reverse} av de {len(statements)} påståendena är omvända; minst {needed} (en "
            "tredjedel) ska ha reverse: true, så att den som instämmer i allt syns",
            ("statements",),
        )
    for index, statement in enumerate(statements):
        _check_wording(doc, report, statement, ("statements", index))
    high_level = data.get("high_level")
    if high_level and flat_body and high_level not in flat_body:
        report.error(
            doc,
            f'"{high_level}" finns inte ordagrant i kompetensens text; kopiera meningen exakt',
            ("high_level",),
        )
    entries = [m if isinstance(m, dict) else {"name": m, "relation": "bygger på"}
               for m in data["mindsets"]]  # fmt: skip
    return Competency(
        slug=slugify(data["title"]),
        title=data["title"],
        summary=data["summary"],
        mindsets=tuple(entry["name"] for entry in entries),
        keywords=tuple(data["keywords"]),
        statements=statements,
        body=body,
        path=doc.path,
        relations=tuple(entry["relation"] for entry in entries),
        high_level=high_level,
        practice=tuple(data.get("practice", ())),
        stage=data.get("stage"),
    )


def _check_wording(doc: Document, report: Report, statement: Statement, where: FieldPath) -> None:
    """First person for the seller, about the seller for the manager, no giveaway, no
    absolute words."""
    if not _FIRST_PERSON.search(statement.text):
        report.error(
            doc,
            "påståendet ska vara skrivet i första person (jag …) om något man gör",
            (*where, "text"),
        )
    if not _ABOUT_SELLER.search(statement.manager_text):
        report.error(
            doc,
            "chefens version av påståendet ska handla om säljaren: skriv den med "
            '"Säljaren …" (och hen/hens där det behövs)',
            (*where, "manager_text"),
        )
    giveaway = _GIVEAWAY.search(statement.text)
    if giveaway:
        report.error(
            doc,
            f'"{giveaway.group(0)}" avslöjar vilket svar som är det önskade; beskriv bara '
            "vad du gör, inte varför det är bra eller dåligt",
            (*where, "text"),
        )
    for key in ("text", "manager_text"):
        word = absolute_word(getattr(statement, key))
        if word:
            report.error(doc, absolute_message(word), (*where, key))


def check(loaded: Loaded) -> None:
    """Each mindset exists and is named in the text; no two statements say the same."""
    mindset_titles = {m.title for m in loaded.of("mindset")}
    seen_texts: dict[tuple[str, ...], str] = {}
    for competency in loaded.of("competency"):
        for index, name in enumerate(competency.mindsets):
            known = loaded.refers(
                competency, name, mindset_titles, "okänt tankesätt", ("mindsets", index)
            )
            body = competency.body
            if known and body.strip() and naming_sentence(body, name) is None:
                loaded.error(
                    competency,
                    f'tankesättet "{name}" nämns inte i texten; nämn det med exakt det namnet '
                    "i en mening (den visas på tankesättets sida)",
                    ("mindsets", index),
                )
        for index, statement in enumerate(competency.statements):
            words = _content_words(statement.text)
            if words in seen_texts:
                loaded.error(
                    competency,
                    f'säger samma sak som påståendet "{seen_texts[words]}"; varje påstående '
                    "ska mäta något eget – skriv om det ena",
                    ("statements", index, "text"),
                )
            seen_texts.setdefault(words, statement.id)


def _content_words(text: str) -> tuple[str, ...]:
    """A statement's words without filler, sorted: equal for the same words in any order."""
    words = re.findall(r"\w+", text.lower())
    return tuple(sorted(word for word in words if word not in _FILLER))


def statements(competency: Competency) -> Iterator[tuple[Statement, FieldPath]]:
    for index, statement in enumerate(competency.statements):
        yield statement, ("statements", index)


def page(kb: KnowledgeBase, competency: Competency) -> dict[str, Any]:
    return {"mindsets": kb.mindsets_of(competency), "articles": kb.articles_about(competency)}


KIND = Kind(
    name="competency",
    source="competencies",
    schema=COMPETENCY,
    build=build,
    check=check,
    statements=statements,
    section=COMPETENCY_SECTION,
    template="competency.md.j2",
    page=page,
    tables={"competency": COMPETENCY, "statement": STATEMENT},
    scaffold=Scaffold(
        "competency.md.j2", "ny kompetens", aliases=("kompetens",), parts={"statement": STATEMENT}
    ),
)
