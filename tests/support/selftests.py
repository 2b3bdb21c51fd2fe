"""The two self-tests of content/ and answers to them whose scores are worked out by hand
from the rules ("Så räknas resultatet": a reverse answer v counts 6 − v, a scale's score is
(mean − 1) · 25, rounded half up, and needs 2 answers). Used by
tests/test_scoring_selftests_*.py and by the Pyodide, browser and team tests."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from saljkompetens.content.model import SelfTest, SelfTestScale
from saljkompetens.source import SiteContent, read_site_content
from scoring_py import score_json, team_json

ROOT = Path(__file__).resolve().parent.parent.parent
ACHIEVEMENT = "larande-eller-bara-resultat"
TRAITS = "sju-kannetecken-pa-topporganisationer"


@functools.cache
def content() -> SiteContent:
    """Today's content, read once (the browser and Pyodide tests import the answers below)."""
    return read_site_content(ROOT / "content", ROOT / "docs")


def definition_text(site: SiteContent, slug: str) -> str:
    return json.dumps(site.selftests[slug], ensure_ascii=False)


def answers(slug: str | None, values: dict[str, Any], label: str | None = None) -> str:
    data: dict[str, Any] = {"format": "saljkompetens-svar", "version": 1, "answers": values}
    if slug is not None:
        data["selftest"] = slug
    if label is not None:
        data["label"] = label
    return json.dumps(data, ensure_ascii=False)


def the_selftest(site: SiteContent, slug: str) -> SelfTest:
    return next(test for test in site.kb.selftests if test.slug == slug)


def counting(scale: SelfTestScale, value: int) -> dict[str, int]:
    """Answers to every statement of `scale` that each count `value` (reverse: 6 − v)."""
    return {s.id: 6 - value if s.reverse else value for s in scale.statements}


TRAIT_NAMES = ("styrning", "kultur", "fiende", "tavling", "ansvar", "mojligheter", "gruppanda")
"""The seven traits in the article's (and the self-test's) order."""


def traits(site: SiteContent) -> dict[str, SelfTestScale]:
    """The seven traits' scales by a short name."""
    return dict(zip(TRAIT_NAMES, the_selftest(site, TRAITS).scales, strict=True))


def score(site: SiteContent, slug: str, values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(score_json(definition_text(site, slug), answers(slug, values), None))


def grades(result: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """(score, band) per scale; and each range holds its score."""
    for row in result["competencies"]:
        if row["score"] is not None:
            assert row["low"] <= row["score"] <= row["high"], row["slug"]
    return {
        row["slug"]: (row["score"], row["band"] and row["band"]["label"])
        for row in result["competencies"]
    }


def learner(site: SiteContent) -> dict[str, int]:
    """Learning counts 4 (→ 75, "Tydligt inslag"); numbers count 2 (→ 25, "Litet inslag")."""
    learning, numbers = the_selftest(site, ACHIEVEMENT).scales
    return {**counting(learning, 4), **counting(numbers, 2)}


def organisation(site: SiteContent) -> dict[str, Any]:
    """One person's answers on the seven traits (hand-worked per trait):

    styrning     every answer counts 5                         → 100  Syns tydligt
    kultur       every answer 3                                → 50   Syns delvis
    fiende       every answer counts 1                         → 0    Syns lite
    tavling      first "Kan inte bedöma", the others count 4   → 75   Syns tydligt
    ansvar       only the first statement answered             → no value (1 < 2)
    mojligheter  every answer counts 2                         → 25   Syns lite
    gruppanda    every answer counts 3                         → 50   Syns delvis
    """
    by = traits(site)
    first_tavling = by["tavling"].statements[0].id
    return {
        **counting(by["styrning"], 5),
        **counting(by["kultur"], 3),
        **counting(by["fiende"], 1),
        **counting(by["tavling"], 4),
        first_tavling: "ej-aktuellt",
        by["ansvar"].statements[0].id: 4,
        **counting(by["mojligheter"], 2),
        **counting(by["gruppanda"], 3),
    }


LEARNER = learner(content())
ORGANISATION = organisation(content())


def evened(scale: SelfTestScale) -> dict[str, int]:
    """Answers to every statement of `scale` whose counts average 3 (so it scores 50) but are
    not all equal: the first counts 2, the second 4, the rest 3 (reverse: 6 − v)."""
    counts = [2, 4] + [3] * (len(scale.statements) - 2)
    return {s.id: 6 - c if s.reverse else c for s, c in zip(scale.statements, counts, strict=True)}


def person(value: int, label: str, site: SiteContent | None = None) -> tuple[str, str]:
    """Answers every statement: styrning so that each counts `value` (reverse: 6 − v),
    fiende so that each counts 3, every other trait `evened` (50). Nothing is left
    unanswered and the answers vary, so no file is kept out of the team's numbers."""
    by = traits(site or content())
    values = {name: evened(scale) for name, scale in by.items()}
    values["styrning"] = counting(by["styrning"], value)
    values["fiende"] = counting(by["fiende"], 3)
    merged = {key: answer for part in values.values() for key, answer in part.items()}
    return f"{label}.json", answers(TRAITS, merged, label)


def organisation_view(site: SiteContent, files: list[tuple[str, str]]) -> dict[str, Any]:
    payload = json.dumps([{"name": n, "text": t} for n, t in files])
    return json.loads(team_json(definition_text(site, TRAITS), payload, None, None))


def former(text: str) -> str:
    """Answers as the site wrote them before the field was renamed: `check`, not `selftest`."""
    data = json.loads(text)
    data["check"] = data.pop("selftest")
    return json.dumps(data, ensure_ascii=False)
