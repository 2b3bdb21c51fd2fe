"""Reading the fields of an assessment definition into a `Definition` (see `formats`)."""

from fractions import Fraction
from typing import Any

from .errors import describe_value
from .model import (
    AUDIENCES,
    DESIRABLE,
    RELATIONS,
    Article,
    Band,
    Competency,
    Definition,
    Item,
    Mindset,
    MindsetLink,
    QualityRules,
    Role,
    Scale,
    SelfTest,
    Target,
)
from .validation import (
    fail,
    require_bool,
    require_int,
    require_list,
    require_number,
    require_object,
    require_text,
)

__all__ = ["definition_from_data"]


def definition_from_data(data: dict[str, Any]) -> Definition:
    """Check every field of a definition object (its header is checked by `formats`).

    Raises:
        ScoringError: naming the first field that is wrong (``error.path``).
    """
    scale = _scale(data)
    mindsets = _mindsets(data)
    bands = _bands(data)
    competencies = _competencies(data, {m.slug for m in mindsets}, len(bands))
    return Definition(
        scale=scale,
        min_answers=require_int(data, "min_answers", "min_answers", low=1),
        bands=bands,
        quality=_quality(data, scale),
        competencies=competencies,
        mindsets=mindsets,
        roles=_roles(data, {c.slug for c in competencies}),
        limits=require_text(data, "limits", "limits", non_empty=False),
        selftest=_selftest(data),
    )


def _selftest(data: dict[str, Any]) -> SelfTest | None:
    """The self-test a definition is, or None (absent or null: the competency assessment)."""
    if data.get("selftest") is None:
        return None
    raw = _object_at(data["selftest"], "selftest")
    audience = require_text(raw, "audience", "selftest.audience")
    if audience not in AUDIENCES:
        got = describe_value(audience)
        fail("selftest.audience", f"måste vara {' eller '.join(AUDIENCES)}, fick {got}")
    return SelfTest(
        slug=require_text(raw, "slug", "selftest.slug"),
        title=require_text(raw, "title", "selftest.title"),
        url=require_text(raw, "url", "selftest.url", non_empty=False),
        audience=audience,
        articles=tuple(
            _article(article, f"selftest.articles[{index}]")
            for index, article in enumerate(
                require_list(raw, "articles", "selftest.articles", non_empty=False)
            )
        ),
        source=require_text(raw, "source", "selftest.source", non_empty=False),
        not_applicable=require_text(raw, "not_applicable", "selftest.not_applicable"),
    )


def _scale(data: dict[str, Any]) -> Scale:
    raw = require_object(data, "scale", "scale")
    low = require_int(raw, "min", "scale.min")
    high = require_int(raw, "max", "scale.max")
    if high <= low:
        fail("scale.max", f"måste vara större än scale.min ({low}), fick {high}")
    labels = require_list(raw, "labels", "scale.labels", non_empty=True)
    if len(labels) != high - low + 1:
        fail(
            "scale.labels",
            f"måste ha en etikett per skalsteg från {low} till {high} ({high - low + 1} st), "
            f"har {len(labels)}",
        )
    for index, label in enumerate(labels):
        if not isinstance(label, str) or not label.strip():
            fail(f"scale.labels[{index}]", f"måste vara en text, fick {describe_value(label)}")
    return Scale(min=low, max=high, labels=tuple(labels))


def _bands(data: dict[str, Any]) -> tuple[Band, ...]:
    raw = require_list(data, "bands", "bands", non_empty=True)
    bands: list[Band] = []
    for index, entry in enumerate(raw):
        path = f"bands[{index}]"
        band = _object_at(entry, path)
        bands.append(
            Band(
                min=require_int(band, "min", f"{path}.min", low=0, high=100),
                label=require_text(band, "label", f"{path}.label"),
                text=require_text(band, "text", f"{path}.text", non_empty=False),
            )
        )
    if bands[0].min != 0:
        fail("bands[0].min", f"måste vara 0 så att varje resultat får en nivå, fick {bands[0].min}")
    for index in range(1, len(bands)):
        if bands[index].min <= bands[index - 1].min:
            fail(
                f"bands[{index}].min",
                f"måste vara större än föregående nivås min ({bands[index - 1].min}), fick "
                f"{bands[index].min}; nivåerna ska stiga",
            )
    return tuple(bands)


def _quality(data: dict[str, Any], scale: Scale) -> QualityRules:
    raw = require_object(data, "quality", "quality")

    def share(key: str) -> Fraction:
        value = require_number(raw, key, f"quality.{key}", low=0, high=1)
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)

    return QualityRules(
        min_answers=require_int(raw, "min_answers", "quality.min_answers", low=1),
        identical_share=share("identical_share"),
        agree_min=require_int(
            raw, "agree_min", "quality.agree_min", low=scale.min + 1, high=scale.max
        ),
        acquiescence_share=share("acquiescence_share"),
        too_good_score=require_int(
            raw, "too_good_score", "quality.too_good_score", low=1, high=100
        ),
        unanswered_share=share("unanswered_share"),
    )


def _mindsets(data: dict[str, Any]) -> tuple[Mindset, ...]:
    raw = require_list(data, "mindsets", "mindsets", non_empty=False)
    mindsets: list[Mindset] = []
    for index, entry in enumerate(raw):
        path = f"mindsets[{index}]"
        mindset = _object_at(entry, path)
        mindsets.append(
            Mindset(
                slug=require_text(mindset, "slug", f"{path}.slug"),
                title=require_text(mindset, "title", f"{path}.title"),
                url=require_text(mindset, "url", f"{path}.url", non_empty=False),
            )
        )
    _check_unique([m.slug for m in mindsets], "mindsets", "slug")
    return tuple(mindsets)


def _competencies(
    data: dict[str, Any], mindset_slugs: set[str], bands: int
) -> tuple[Competency, ...]:
    raw = require_list(data, "competencies", "competencies", non_empty=True)
    competencies = tuple(
        _competency(entry, f"competencies[{index}]", mindset_slugs, bands)
        for index, entry in enumerate(raw)
    )
    _check_unique([c.slug for c in competencies], "competencies", "slug")
    _check_unique([i.id for c in competencies for i in c.items], "competencies[].items", "id")
    return competencies


def _competency(entry: Any, path: str, mindset_slugs: set[str], bands: int) -> Competency:
    raw = _object_at(entry, path)
    slug = require_text(raw, "slug", f"{path}.slug")
    title = require_text(raw, "title", f"{path}.title")
    url = require_text(raw, "url", f"{path}.url", non_empty=False)
    mindsets = tuple(
        _mindset_link(entry, f"{path}.mindsets[{index}]", mindset_slugs)
        for index, entry in enumerate(
            require_list(raw, "mindsets", f"{path}.mindsets", non_empty=False)
        )
    )
    _check_unique([link.slug for link in mindsets], f"{path}.mindsets", "slug")
    articles = [
        _article(article, f"{path}.articles[{index}]")
        for index, article in enumerate(
            require_list(raw, "articles", f"{path}.articles", non_empty=False)
        )
    ]
    items = [
        _item(item, f"{path}.items[{index}]")
        for index, item in enumerate(require_list(raw, "items", f"{path}.items", non_empty=True))
    ]
    practice = require_list(raw, "practice", f"{path}.practice", non_empty=False)
    for index, suggestion in enumerate(practice):
        if not isinstance(suggestion, str) or not suggestion.strip():
            fail(
                f"{path}.practice[{index}]",
                f"måste vara en text, fick {describe_value(suggestion)}",
            )
    return Competency(
        slug=slug,
        title=title,
        url=url,
        mindsets=mindsets,
        articles=tuple(articles),
        items=tuple(items),
        high_level=require_text(raw, "high_level", f"{path}.high_level", non_empty=False),
        practice=tuple(practice),
        band_texts=_band_texts(raw, path, bands),
        description=_optional_text(raw, "description", f"{path}.description"),
        group=_optional_text(raw, "group", f"{path}.group"),
        desirable=_desirable(raw, f"{path}.desirable"),
    )


def _desirable(raw: dict[str, Any], path: str) -> str | None:
    """Which end of a self-test's scale is the goal: "high", "low", or None (a profile)."""
    value = raw.get("desirable")
    if value is not None and value not in DESIRABLE:
        fail(
            path,
            f"måste vara {' eller '.join(DESIRABLE)} (eller saknas), fick {describe_value(value)}",
        )
    return value


def _band_texts(raw: dict[str, Any], path: str, bands: int) -> tuple[str, ...]:
    """A competency's own text per band (optional; then one for every band)."""
    if raw.get("band_texts") is None:
        return ()
    texts = require_list(raw, "band_texts", f"{path}.band_texts", non_empty=True)
    if len(texts) != bands:
        fail(
            f"{path}.band_texts",
            f"måste ha en text per nivå i bands ({bands} st), har {len(texts)}",
        )
    for index, text in enumerate(texts):
        if not isinstance(text, str) or not text.strip():
            fail(f"{path}.band_texts[{index}]", f"måste vara en text, fick {describe_value(text)}")
    return tuple(texts)


def _optional_text(raw: dict[str, Any], key: str, path: str) -> str:
    return "" if raw.get(key) is None else require_text(raw, key, path, non_empty=False)


def _mindset_link(entry: Any, path: str, mindset_slugs: set[str]) -> MindsetLink:
    raw = _object_at(entry, path)
    slug = require_text(raw, "slug", f"{path}.slug")
    if slug not in mindset_slugs:
        got = describe_value(slug)
        fail(f"{path}.slug", f"måste vara ett tankesätt som finns i mindsets, fick {got}")
    relation = require_text(raw, "relation", f"{path}.relation")
    if relation not in RELATIONS:
        got = describe_value(relation)
        fail(f"{path}.relation", f"måste vara {', '.join(RELATIONS)}, fick {got}")
    return MindsetLink(slug, relation, require_text(raw, "sentence", f"{path}.sentence"))


def _article(entry: Any, path: str) -> Article:
    raw = _object_at(entry, path)
    return Article(
        title=require_text(raw, "title", f"{path}.title"),
        url=require_text(raw, "url", f"{path}.url", non_empty=False),
    )


def _item(entry: Any, path: str) -> Item:
    raw = _object_at(entry, path)
    return Item(
        id=require_text(raw, "id", f"{path}.id"),
        text=require_text(raw, "text", f"{path}.text"),
        reverse=require_bool(raw, "reverse", f"{path}.reverse"),
    )


def _roles(data: dict[str, Any], competency_slugs: set[str]) -> tuple[Role, ...]:
    raw = require_list(data, "roles", "roles", non_empty=False)
    roles = tuple(
        _role(entry, f"roles[{index}]", competency_slugs) for index, entry in enumerate(raw)
    )
    _check_unique([role.slug for role in roles], "roles", "slug")
    return roles


def _role(entry: Any, path: str, competency_slugs: set[str]) -> Role:
    raw = _object_at(entry, path)
    slug = require_text(raw, "slug", f"{path}.slug")
    title = require_text(raw, "title", f"{path}.title")
    url = require_text(raw, "url", f"{path}.url", non_empty=False)
    targets: list[Target] = []
    for index, target_entry in enumerate(
        require_list(raw, "targets", f"{path}.targets", non_empty=False)
    ):
        target_path = f"{path}.targets[{index}]"
        target = _object_at(target_entry, target_path)
        competency = require_text(target, "competency", f"{target_path}.competency")
        if competency not in competency_slugs:
            fail(
                f"{target_path}.competency",
                f'måste vara en kompetens som finns i competencies, fick "{competency}"',
            )
        targets.append(
            Target(
                competency=competency,
                level=require_int(target, "level", f"{target_path}.level", low=0, high=100),
                why=require_text(target, "why", f"{target_path}.why", non_empty=False),
            )
        )
    _check_unique([t.competency for t in targets], f"{path}.targets", "competency")
    return Role(
        slug=slug,
        title=title,
        url=url,
        targets=tuple(targets),
    )


def _object_at(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        fail(path, f"måste vara ett objekt, fick {describe_value(value)}")
    return value


def _check_unique(values: list[str], path: str, key: str | None) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            where = f"{path}[].{key}" if key else path
            fail(where, f'har dubbletter: "{value}" förekommer mer än en gång')
        seen.add(value)
