"""Create a new content file from a template: `make new KIND=competency TITLE="Titel"`.

The templates in `templates/scaffold/` give every field, explained in Swedish comments,
with placeholder values: the preview shows the new page at once, and `check` and the build
refuse it until every placeholder is rewritten (content/text_rules.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import schema
from .errors import ContentErrors
from .loader import FOLDERS, load_content
from .model import KnowledgeBase
from .slugs import slugify
from .text_rules import RESERVED_SLUGS
from .validate import suggestion

TEMPLATES = Path(__file__).parent / "templates"
STATEMENT_COUNT = 4


@dataclass(frozen=True)
class Kind:
    """A kind of content that can be scaffolded."""

    section: str
    template: str
    noun: str  # "ny kompetens": what the new file is, with its adjective
    schema: schema.Schema


KINDS = {
    "competency": Kind("competencies", "competency.md.j2", "ny kompetens", schema.COMPETENCY),
    "article": Kind("articles", "article.md.j2", "ny artikel", schema.ARTICLE),
    "role": Kind("roles", "role.md.j2", "ny roll", schema.ROLE),
    "selftest": Kind("selftests", "selftest.md.j2", "nytt självtest", schema.SELFTEST),
}
FORMER_KINDS = {"check": "selftest"}
"""Kinds that have a new name: still accepted for a while, with a note (`renamed_note`)."""
ALIASES = {
    "kompetens": "competency",
    "artikel": "article",
    "roll": "role",
    "test": "selftest",
    "självtest": "selftest",
    **FORMER_KINDS,
}


class ScaffoldError(Exception):
    """The file was not created; the message says why, in Swedish."""


@cache
def environment() -> Environment:
    """The Jinja environment for scaffold templates; `yaml` quotes a value for YAML."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def scaffold(
    kind: str,
    title: str,
    content: Path,
    *,
    lang: str = "sv",
    competency: str | None = None,
    mindset: str | None = None,
    article: str | None = None,
) -> Path:
    """Write `content/<section>/<slug>.md` for a new item and return its path.

    Raises:
        ScaffoldError: the title gives no slug or one already taken, the file exists,
            a named competency or mindset is unknown, or the content has errors.
    """
    spec = KINDS[ALIASES.get(kind, kind)]
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f'titeln "{title}" ger ingen adress (slug); använd bokstäver')
    path = content / spec.section / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(
            f"{path} finns redan och skrivs inte över; välj en annan titel "
            "eller redigera den befintliga filen"
        )
    if lang not in schema.LANGUAGES:
        allowed = ", ".join(schema.LANGUAGES)
        raise ScaffoldError(f'språket "{lang}" är inte tillåtet; tillåtna värden: {allowed}')
    if slug in RESERVED_SLUGS or (content.parent / "docs" / FOLDERS[spec.section] / slug).exists():
        raise ScaffoldError(
            f"titeln ger adressen {FOLDERS[spec.section]}/{slug}/, som webbplatsen redan "
            "använder; välj en annan titel"
        )
    kb = _load(content, "Innehållet har fel som måste rättas innan en ny fil skapas:")
    _refuse_taken_slug(kb, spec, slug)
    text = render(
        spec, title, slug, kb, lang=lang, competency=competency, mindset=mindset, article=article
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        _load(content, "Mallen gav en ogiltig fil (ett fel i verktyget); filen togs bort:")
    except ScaffoldError:
        path.unlink()
        raise
    return path


def render(
    spec: Kind,
    title: str,
    slug: str,
    kb: KnowledgeBase,
    *,
    lang: str = "sv",
    competency: str | None = None,
    mindset: str | None = None,
    article: str | None = None,
) -> str:
    """The new file's text, referring to existing content of `kb`."""
    competency_titles = [c.title for c in kb.competencies]
    mindset_titles = [m.title for m in kb.mindsets]
    taken = {s.id for c in kb.competencies for s in c.statements}
    taken |= {s.id for t in kb.selftests for s in t.statements}
    taken |= set(kb.settings.retired_ids)  # never reused: stored answers point at them
    chosen_article = (
        _pick(article, [a.title for a in kb.articles], "okänd artikel", "--article")
        if spec.section == "selftests"
        else None
    )
    context: dict[str, Any] = {
        "title": title,
        "lang": lang,
        "fields": spec.schema["properties"],
        "target": schema.TARGET["properties"],
        "competency": _pick(competency, competency_titles, "okänd kompetens", "--competency"),
        "mindset": _pick(mindset, mindset_titles, "okänt tankesätt", "--mindset"),
        "ids": _free_ids(slug, taken),
        "article": chosen_article,
        "quotes": _quotes(kb.article(chosen_article).body) if chosen_article else [],
        "scale": sorted(kb.settings.scale, key=lambda step: step.value),
        "scale_fields": schema.SELFTEST_SCALE["properties"],
        "statement": schema.SELFTEST_STATEMENT["properties"]
        if spec.section == "selftests"
        else schema.STATEMENT["properties"],
    }
    return environment().get_template(spec.template).render(**context)


def renamed_note(kind: str) -> str | None:
    """A one-line note when `kind` is a former name of a kind, else None."""
    if kind not in FORMER_KINDS:
        return None
    new = FORMER_KINDS[kind]
    return f"Obs: typen {kind} heter nu {new} (make new KIND={new}); {kind} fungerar ett tag till."


def next_steps(path: Path, kind: str) -> str:
    """What to tell the editor after creating `path`."""
    noun = KINDS[ALIASES.get(kind, kind)].noun
    return "\n".join(
        [
            f"Skapade {path} ({noun}).",
            "Nästa steg:",
            "  1. Öppna filen och skriv om alla platshållare; kommentarerna (#) förklarar "
            "varje fält.",
            "  2. Förhandsgranska sidan: make serve (platshållarna visas i en ruta överst)",
            "  3. Kontrollera innehållet: make check (sidan publiceras först när inga "
            "platshållare finns kvar)",
        ]
    )


def _load(content: Path, heading: str) -> KnowledgeBase:
    try:
        return load_content(content)
    except ContentErrors as problems:
        raise ScaffoldError(f"{heading}\n{problems.report()}") from None


def _refuse_taken_slug(kb: KnowledgeBase, spec: Kind, slug: str) -> None:
    items = getattr(kb, spec.section)
    for item in items:
        if item.slug == slug:
            raise ScaffoldError(
                f'titeln ger adressen (slug) "{slug}", som "{item.title}" ({item.path}) '
                "redan har; välj en annan titel"
            )


def _pick(wanted: str | None, titles: list[str], unknown: str, option: str) -> str:
    """`wanted` if it is one of `titles`, else the first title when nothing was asked for."""
    if wanted is None:
        if not titles:
            raise ScaffoldError(f"{option}: innehållet har inget att hänvisa till")
        return titles[0]
    if wanted not in titles:
        raise ScaffoldError(f'{option}: {unknown} "{wanted}"{suggestion(wanted, titles)}')
    return wanted


_SENTENCE = re.compile(r"[A-ZÅÄÖ][^.!?\n*_`\[\]<>#|]{20,250}[.!?]")


def _quotes(body: str) -> list[str]:
    """Four sentences of an article's plain paragraphs, for a new self-test's `based_on`
    placeholders (they pass the content check because they are in the article)."""
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n")]
    plain = [p for p in paragraphs if p and p[0] not in "#>-*|!<[0123456789"]
    found = [m.group(0) for p in plain for m in _SENTENCE.finditer(p)]
    if not found:
        raise ScaffoldError(
            "artikeln har inga vanliga meningar att citera; välj en annan med --article"
        )
    return [found[i % len(found)] for i in range(STATEMENT_COUNT)]


def _free_ids(slug: str, taken: set[str]) -> list[str]:
    """`<slug>-1`, `<slug>-2`, … skipping ids already in use."""
    ids: list[str] = []
    number = 1
    while len(ids) < STATEMENT_COUNT:
        candidate = f"{slug}-{number}"
        if candidate not in taken:
            ids.append(candidate)
        number += 1
    return ids
