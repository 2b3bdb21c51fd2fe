"""Self-tests built on articles: `content/selftests/<slug>.md`, published at
`sjalvtest/<slug>/` and listed under Självskattning; scored by the assessment's rules."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fields import ANSWER_SCALE, NAME, REVERSE, STATEMENT_ID, TEXT, TITLE, Schema
from ..frontmatter import Document
from ..parts import Band, ScaleStep, Statement, flat
from ..scaffold_pick import ScaffoldError, pick
from ..slugs import slugify
from ..text_rules import absolute_message, absolute_word
from ..validate import suggestion
from .base import FieldPath, Kind, Loaded, Report, Scaffold
from .settings import SETTINGS_FILE, scale_problems

if TYPE_CHECKING:
    from ..model import KnowledgeBase

SELFTEST_SECTION = "sjalvtest"
AUDIENCES = {"säljaren": "self", "organisationen": "organisation"}
"""Who answers a self-test (content word → scoring_py's word): a seller about themselves, or
people about their own organisation."""
NOT_APPLICABLE_LABELS = {"säljaren": "Ej aktuellt i min roll", "organisationen": "Kan inte bedöma"}
"""What the unscored answer is called on a self-test's form, by who answers it."""
DESIRABLE = {"hög": "high", "låg": "low"}
"""Which end of a self-test's scale its article treats as the goal (content word → scoring_py's
word); a scale without `desirable` is a profile, where neither end is better."""

SELFTEST_STATEMENT: Schema = {
    "type": "object",
    "required": ["id", "text", "based_on"],
    "additionalProperties": False,
    "properties": {
        "id": {**STATEMENT_ID},
        "text": {
            **TEXT,
            "maxLength": 200,
            "description": "Påståendet: en sak som går att se i praktiken, i första person "
            "(säljaren) eller om organisationen (`Hos oss …`).",
        },
        "reverse": {**REVERSE},
        "based_on": {
            **TEXT,
            "maxLength": 400,
            "description": "Den mening (eller fras) ur artikeln som påståendet bygger på, "
            "ordagrant – också när artikeln är på norska.",
        },
    },
}

SELFTEST_SCALE: Schema = {
    "type": "object",
    "required": ["title", "about", "band_texts", "statements"],
    "additionalProperties": False,
    "properties": {
        "title": {**TEXT, "maxLength": 80, "description": "Skalans namn i formulär och resultat."},
        "about": {
            **TEXT,
            "maxLength": 600,
            "description": "Vad artikeln säger om det skalan mäter; visas vid skalan i resultatet.",
        },
        "band_texts": {
            "type": "array",
            "minItems": 2,
            "maxItems": 5,
            "items": {**TEXT, "maxLength": 300},
            "description": "En text per nivå i `bands`, i samma ordning: vad nivån betyder för "
            "just den här skalan.",
        },
        "desirable": {
            "type": "string",
            "enum": list(DESIRABLE),
            "description": "Vilken ände av skalan artikeln ser som målet: `hög` eller `låg`. "
            "Utelämna fältet för en profilskala där ingen ände är bättre än den andra. "
            "Rapportens anteckningar om svaren (t.ex. om allt ser för bra ut) utgår från det.",
        },
        "statements": {
            "type": "array",
            "minItems": 2,
            "maxItems": 8,
            "items": SELFTEST_STATEMENT,
            "description": "Två till åtta påståenden, minst ett omvänt (`reverse: true`).",
        },
    },
}

SELFTEST: Schema = {
    "title": "Självtest",
    "type": "object",
    "required": ["title", "summary", "audience", "articles", "scale", "bands", "scales", "limits"],
    "additionalProperties": False,
    "properties": {
        "title": {
            **TITLE,
            "description": "Självtestets namn; adressen blir `/sjalvtest/<slug>/`.",
        },  # fmt: skip
        "summary": {**TEXT, "maxLength": 200, "description": "En mening för listorna."},
        "audience": {
            "type": "string",
            "enum": list(AUDIENCES),
            "description": "Vem som svarar: `säljaren` (om sig själv) eller `organisationen` "
            "(chefer och medarbetare om den egna organisationen; teamvyn tar emot svaren).",
        },
        "articles": {
            "type": "array",
            "minItems": 1,
            "maxItems": 5,
            "uniqueItems": True,
            "items": NAME,
            "description": "Artiklarna (rubriker) som testet bygger på; de länkar till testet "
            "under *Testa dig själv*, och varje `based_on` ska stå i någon av dem.",
        },
        "scale": {**ANSWER_SCALE},
        "min_answers": {
            "type": "integer",
            "minimum": 1,
            "maximum": 8,
            "description": "Minsta antal svar för att en skala ska få ett värde (annars "
            "samma som i assessment.yml).",
        },
        "bands": {
            "type": "array",
            "minItems": 2,
            "maxItems": 5,
            "items": {
                "type": "object",
                "required": ["min", "label"],
                "additionalProperties": False,
                "properties": {
                    "min": {"type": "integer", "minimum": 0, "maximum": 100},
                    "label": {**TEXT, "maxLength": 60},
                },
            },
            "description": "Nivåerna (0–100), lika för alla skalor; den första börjar på 0. "
            "Varje skala säger i `band_texts` vad nivån betyder för den.",
        },
        "scales": {
            "type": "array",
            "minItems": 1,
            "maxItems": 12,
            "items": SELFTEST_SCALE,
            "description": "Skalorna, i den ordning resultatet visar dem.",
        },
        "limits": {
            **TEXT,
            "maxLength": 1000,
            "description": "Vad testet inte mäter, och var artikelns påståenden är "
            "författarens egen syn; visas på sidan och med varje resultat.",
        },
    },
}


@dataclass(frozen=True)
class SelfTestScale:
    """One scale of a self-test: its statements, what the article says of it, a text per band."""

    slug: str
    title: str
    about: str
    band_texts: tuple[str, ...]
    statements: tuple[Statement, ...]
    desirable: str | None = None  # DESIRABLE: "hög", "låg", or None for a profile scale


@dataclass(frozen=True)
class SelfTest:
    """A self-test written as content, from `content/selftests/<slug>.md`, scored by the same
    rules as the self-assessment; the body is its introduction.

    ```yaml
    title: Lärande eller bara resultat?
    audience: säljaren            # or organisationen
    articles: ["Resultatorienterte selgere? Tja!"]
    scale: [{value: 1, label: Stämmer inte alls}, ...]
    bands: [{min: 0, label: Litet inslag}, ...]
    scales: [{title: ..., about: ..., band_texts: [...], statements: [...]}]
    limits: ...
    ```
    """

    slug: str
    title: str
    summary: str
    audience: str  # AUDIENCES: "säljaren" or "organisationen"
    articles: tuple[str, ...]
    scale: tuple[ScaleStep, ...]
    bands: tuple[Band, ...]
    scales: tuple[SelfTestScale, ...]
    limits: str
    body: str
    path: Path
    min_answers: int | None = None  # None: as in assessment.yml

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for scale in self.scales for s in scale.statements)

    @property
    def not_applicable_label(self) -> str:
        """What the unscored answer is called on this self-test's form."""
        return NOT_APPLICABLE_LABELS[self.audience]

    @property
    def src_uri(self) -> str:
        return f"{SELFTEST_SECTION}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{SELFTEST_SECTION}/{self.slug}/"

    @property
    def definition_uri(self) -> str:
        """Where the site publishes this self-test's definition."""
        return f"assets/{SELFTEST_SECTION}/{self.slug}.json"


def build(doc: Document, report: Report) -> SelfTest:
    """A self-test; what needs its articles or the settings is checked in `check`."""
    data = doc.data
    scales: list[SelfTestScale] = []
    for index, raw in enumerate(data["scales"]):
        statements = tuple(
            Statement(s["id"], s["text"], s["based_on"], s.get("reverse", False))
            for s in raw["statements"]
        )
        for item, statement in enumerate(statements):
            word = absolute_word(statement.text)
            if word:
                where = ("scales", index, "statements", item, "text")
                report.error(doc, absolute_message(word), where)
        if not any(s.reverse for s in statements):
            report.error(
                doc,
                "skalan har inget omvänt påstående; minst ett ska ha reverse: true, så att "
                "den som instämmer i allt syns",
                ("scales", index, "statements"),
            )
        if len(raw["band_texts"]) != len(data["bands"]):
            report.error(
                doc,
                f"har {len(raw['band_texts'])} texter men testet har {len(data['bands'])} "
                "nivåer (bands); skriv en text per nivå, i samma ordning",
                ("scales", index, "band_texts"),
            )
        slug = slugify(raw["title"])
        if slug in {scale.slug for scale in scales}:
            report.error(
                doc,
                "två skalor har samma namn; ge varje skala ett eget",
                ("scales", index, "title"),
            )
        texts = tuple(raw["band_texts"])
        desirable = raw.get("desirable")
        scales.append(SelfTestScale(slug, raw["title"], raw["about"], texts, statements, desirable))
    for problem in scale_problems(data["scale"]):
        report.error(doc, problem, ("scale",))
    return SelfTest(
        slug=slugify(data["title"]),
        title=data["title"],
        summary=data["summary"],
        audience=data["audience"],
        articles=tuple(data["articles"]),
        scale=tuple(ScaleStep(s["value"], s["label"]) for s in data["scale"]),
        bands=tuple(Band(b["min"], b["label"], "") for b in data["bands"]),
        scales=tuple(scales),
        limits=data["limits"],
        body=report.body(doc),
        path=doc.path,
        min_answers=data.get("min_answers"),
    )


def check(loaded: Loaded) -> None:
    """A self-test's articles exist and hold each statement's `based_on`; each scale has as
    many statements as a value needs answers."""
    by_title = {article.title: article for article in loaded.of("article")}
    for selftest in loaded.of("selftest"):
        texts = []
        for index, title in enumerate(selftest.articles):
            if title in by_title:
                texts.append(flat(by_title[title].body))
            elif title not in loaded.report.broken_titles:
                hint = suggestion(title, set(by_title))
                loaded.error(selftest, f'okänd artikel "{title}"{hint}', ("articles", index))
        for statement, where in statements(selftest):
            if texts and not any(flat(statement.based_on) in text for text in texts):
                loaded.error(
                    selftest,
                    f'"{statement.based_on}" finns inte ordagrant i testets artiklar; '
                    "kopiera meningen exakt ur artikeln",
                    (*where, "based_on"),
                )
    for settings in loaded.of("settings"):
        for selftest in loaded.of("selftest"):
            _check_min_answers(loaded, selftest, settings.min_answers)


def _check_min_answers(loaded: Loaded, selftest: SelfTest, needed: int) -> None:
    """Every scale has at least as many statements as it needs answers for a value."""
    wanted = selftest.min_answers or needed
    own = selftest.min_answers is not None
    for index, scale in enumerate(selftest.scales):
        if len(scale.statements) >= wanted:
            continue
        source = "min_answers" if own else f"min_answers i {SETTINGS_FILE}"
        loaded.error(
            selftest,
            f"skalan har {len(scale.statements)} påståenden men {wanted} svar krävs för "
            f"ett värde ({source}), så den kunde aldrig få något; "
            + ("sänk min_answers" if own else "sätt min_answers i testet")
            + f" till högst {len(scale.statements)} eller lägg till påståenden",
            ("min_answers",) if own else ("scales", index, "statements"),
        )


def statements(selftest: SelfTest) -> Iterator[tuple[Statement, FieldPath]]:
    for index, scale in enumerate(selftest.scales):
        for item, statement in enumerate(scale.statements):
            yield statement, ("scales", index, "statements", item)


def page(kb: KnowledgeBase, selftest: SelfTest) -> dict[str, Any]:
    articles = [kb.article(title) for title in selftest.articles]
    return {"articles": articles, "statements": len(selftest.statements)}


QUOTED = 4
"""How many sentences of its article a new self-test quotes (two scales of two statements)."""
_SENTENCE = re.compile(r"[A-ZÅÄÖ][^.!?\n*_`\[\]<>#|]{20,250}[.!?]")


def scaffold_context(kb: KnowledgeBase, options: Mapping[str, str | None]) -> dict[str, Any]:
    """The article a new self-test quotes (`--article`, else the first), and its sentences
    for the `based_on` placeholders (they pass the check because they are in the article)."""
    titles = [a.title for a in kb.articles]
    article = pick(options.get("article"), titles, "okänd artikel", "--article")
    paragraphs = [flat(p) for p in kb.article(article).body.split("\n\n")]
    plain = [p for p in paragraphs if p and p[0] not in "#>-*|!<[0123456789"]
    found = [m.group(0) for p in plain for m in _SENTENCE.finditer(p)]
    if not found:
        raise ScaffoldError(
            "artikeln har inga vanliga meningar att citera; välj en annan med --article"
        )
    return {"article": article, "quotes": [found[i % len(found)] for i in range(QUOTED)]}


KIND = Kind(
    name="selftest",
    source="selftests",
    schema=SELFTEST,
    build=build,
    check=check,
    statements=statements,
    section=SELFTEST_SECTION,
    template="selftest.md.j2",
    page=page,
    home="sjalvskattning",
    tables={
        "selftest": SELFTEST,
        "selftest_scale": SELFTEST_SCALE,
        "selftest_statement": SELFTEST_STATEMENT,
    },
    scaffold=Scaffold(
        "selftest.md.j2",
        "nytt självtest",
        aliases=("test", "självtest"),
        former=("check",),
        parts={"statement": SELFTEST_STATEMENT, "scale_fields": SELFTEST_SCALE},
        context=scaffold_context,
    ),
    former_sources=("checks",),
)
