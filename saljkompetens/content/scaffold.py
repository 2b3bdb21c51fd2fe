"""Create a new content file from a template: `make new KIND=competency TITLE="Titel"`.

The templates in `templates/scaffold/` give every field, explained in Swedish comments,
with placeholder values: the preview shows the new page at once, and `check` and the build
refuse it until every placeholder is rewritten (content/text_rules.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import kinds
from .errors import ContentErrors
from .kinds.article import LANGUAGES
from .kinds.base import Kind
from .loader import load_content
from .model import KnowledgeBase
from .scaffold_pick import ScaffoldError, pick
from .slugs import slugify
from .text_rules import RESERVED_SLUGS

TEMPLATES = Path(__file__).parent / "templates"
STATEMENT_COUNT = 4

__all__ = ["ALIASES", "KINDS", "ScaffoldError", "next_steps", "renamed_note", "scaffold"]


def scaffoldable() -> dict[str, Kind]:
    """The kinds `make new` can write: those of the registry with a scaffold template."""
    return {kind.name: kind for kind in kinds.KINDS if kind.scaffold is not None}


def other_names() -> dict[str, str]:
    """Every other name of a kind `make new` takes (Swedish ones, former ones) → its name."""
    return {
        alias: kind.name
        for kind in scaffoldable().values()
        if kind.scaffold is not None
        for alias in (*kind.scaffold.aliases, *kind.scaffold.former)
    }


KINDS = scaffoldable()
ALIASES = other_names()


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
    """Write `content/<folder>/<slug>.md` for a new item and return its path.

    Raises:
        ScaffoldError: the title gives no slug or one already taken, the file exists,
            a named competency or mindset is unknown, or the content has errors.
    """
    spec = scaffoldable()[other_names().get(kind, kind)]
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f'titeln "{title}" ger ingen adress (slug); använd bokstäver')
    path = content / spec.source / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(
            f"{path} finns redan och skrivs inte över; välj en annan titel "
            "eller redigera den befintliga filen"
        )
    if lang not in LANGUAGES:
        allowed = ", ".join(LANGUAGES)
        raise ScaffoldError(f'språket "{lang}" är inte tillåtet; tillåtna värden: {allowed}')
    section = spec.section or spec.source
    if slug in RESERVED_SLUGS or (content.parent / "docs" / section / slug).exists():
        raise ScaffoldError(
            f"titeln ger adressen {section}/{slug}/, som webbplatsen redan "
            "använder; välj en annan titel"
        )
    kb = _load(content, "Innehållet har fel som måste rättas innan en ny fil skapas:")
    _refuse_taken_slug(kb, spec, slug)
    options = {"lang": lang, "competency": competency, "mindset": mindset, "article": article}
    text = render(spec, title, slug, kb, options)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        _load(content, "Mallen gav en ogiltig fil (ett fel i verktyget); filen togs bort:")
    except ScaffoldError:
        path.unlink()
        raise
    return path


def render(
    spec: Kind, title: str, slug: str, kb: KnowledgeBase, options: Mapping[str, str | None]
) -> str:
    """The new file's text, referring to existing content of `kb`: every field of the kind's
    schema (`fields`) and of its parts (e.g. `statement`) with its description."""
    assert spec.scaffold is not None
    taken = {s.id for k in kinds.KINDS if k.statements for i in kb.of(k.name)
             for s, _ in k.statements(i)}  # fmt: skip
    taken |= set(kb.settings.retired_ids)  # never reused: stored answers point at them
    context: dict[str, Any] = {
        "title": title,
        "lang": options.get("lang") or "sv",
        "fields": spec.schema["properties"],
        "competency": pick(
            options.get("competency"),
            [c.title for c in kb.competencies],
            "okänd kompetens",
            "--competency",
        ),
        "mindset": pick(
            options.get("mindset"), [m.title for m in kb.mindsets], "okänt tankesätt", "--mindset"
        ),
        "ids": _free_ids(slug, taken),
        "scale": sorted(kb.settings.scale, key=lambda step: step.value),
        **{name: part["properties"] for name, part in spec.scaffold.parts.items()},
    }
    if spec.scaffold.context is not None:
        context.update(spec.scaffold.context(kb, options))
    return environment().get_template(spec.scaffold.template).render(**context)


def renamed_note(kind: str) -> str | None:
    """A one-line note when `kind` is a former name of a kind, else None."""
    for spec in scaffoldable().values():
        if spec.scaffold is not None and kind in spec.scaffold.former:
            return (
                f"Obs: typen {kind} heter nu {spec.name} (make new KIND={spec.name}); {kind} "
                "fungerar ett tag till."
            )
    return None


def next_steps(path: Path, kind: str) -> str:
    """What to tell the editor after creating `path`."""
    spec = scaffoldable()[other_names().get(kind, kind)]
    noun = spec.scaffold.noun if spec.scaffold else spec.name
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
    for item in kb.of(spec.name):
        if item.slug == slug:
            raise ScaffoldError(
                f'titeln ger adressen (slug) "{slug}", som "{item.title}" ({item.path}) '
                "redan har; välj en annan titel"
            )


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
