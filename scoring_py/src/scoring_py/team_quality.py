"""How exact the statements are in this team: Cronbach's α per competency from the team's
own answers, and whether the site's ranges are narrower or wider than the answers suggest.

Only the sellers' own ratings that count in the team's numbers are used (the later attempt of
a person with two; never a manager's rating). Per competency the *complete cases*: the people
who answered every one of its statements with a scale value (an "Ej aktuellt" leaves that
person out of that competency only). Each answer is keyed (a reverse statement turned) and
mapped to 0–100 points as one answer is in a score (:func:`scoring_py.scores.keyed_score`).
From :data:`~scoring_py.reliability.MIN_PEOPLE` complete cases a competency is judged by
:func:`scoring_py.reliability.reliability`, Bonferroni over the competencies judged.
"""

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .answers import Answers
from .model import Competency, Definition
from .ranking import FAMILY_ERROR
from .reliability import MIN_PEOPLE, Reliability, reliability
from .rounding import round_half_up
from .scores import keyed_score
from .summary import join

__all__ = ["complete_rows", "team_quality"]


def complete_rows(definition: Definition, competency: Competency,
                  people: Sequence[Answers]) -> list[list[float]]:  # fmt: skip
    """One row of keyed points (0–100) per person who answered every statement of
    `competency` with a scale value, in the order of `people`."""
    scale = definition.scale
    return [
        [float(keyed_score(scale, [scale.keyed(answers.values[item.id], item.reverse)]))
         for item in competency.items]
        for answers in people
        if all(item.id in answers.values for item in competency.items)
    ]  # fmt: skip


def team_quality(definition: Definition, people: Sequence[Answers]) -> dict[str, Any]:
    """The measurement quality of the team view from `people` (the counted own ratings).

    ``competencies`` is None below :data:`MIN_PEOPLE` people; otherwise one row per
    competency, whose values are None where fewer than :data:`MIN_PEOPLE` answered all its
    statements (or it has a single statement). ``error_percent``: how often all verdicts
    together may be wrong; ``summary`` says it all in Swedish.
    """
    result: dict[str, Any] = {
        "min_people": MIN_PEOPLE,
        "people": len(people),
        "error_percent": round_half_up(FAMILY_ERROR * 100),  # all verdicts wrong at most
        "competencies": None,
    }
    if len(people) < MIN_PEOPLE:
        result["summary"] = [
            f"Hur exakta påståendena är i ert team visas från {MIN_PEOPLE} personer (nu "
            f"{len(people)}): då räknas Cronbachs α per {_one(definition)} och om "
            "webbplatsens intervall är bredare eller smalare än era svar visar."
        ]
        return result
    rows = {c.slug: complete_rows(definition, c, people) for c in definition.competencies}
    judged = [c for c in definition.competencies if _judged(c, rows[c.slug])]
    measured = {c.slug: reliability(rows[c.slug], len(judged)) for c in judged}
    result["competencies"] = [
        _row(c, len(rows[c.slug]), measured.get(c.slug)) for c in definition.competencies
    ]
    result["summary"] = _summary(definition, result["competencies"])
    return result


def _judged(competency: Competency, rows: list[list[float]]) -> bool:
    return len(competency.items) >= 2 and len(rows) >= MIN_PEOPLE


def _row(competency: Competency, people: int, measured: Reliability | None) -> dict[str, Any]:
    row: dict[str, Any] = {"slug": competency.slug, "title": competency.title,
                           "people": people, "items": len(competency.items)}  # fmt: skip
    keys = ("alpha", "alpha_low", "alpha_high", "sem_data", "sem_low", "sem_high", "sem_site")
    for key in keys:
        value = None if measured is None else getattr(measured, key)
        row[key] = None if value is None else _rounded(value, 2 if key.startswith("alpha") else 1)
    row["verdict"] = None if measured is None else measured.verdict
    return row


def _rounded(value: float, digits: int) -> float:
    """`value` to `digits` decimals, halves up (the result's rounding rule)."""
    scale = 10**digits
    return round_half_up(Fraction(value) * scale) / scale


def _summary(definition: Definition, rows: list[dict[str, Any]]) -> list[str]:
    parts = definition.parts_word
    judged = [r for r in rows if r["verdict"] is not None]
    narrower = [r["title"] for r in judged if r["verdict"] == "narrower"]
    wider = [r["title"] for r in judged if r["verdict"] == "wider"]
    agree = len(judged) - len(narrower) - len(wider)
    sentences = []
    if not judged:
        sentences.append(
            f"Ingen av {parts}na har {MIN_PEOPLE} personer som besvarat alla dess påståenden, så "
            "hur exakta påståendena är kan inte räknas ännu."
        )
    elif not narrower and not wider:
        sentences.append(
            f"Webbplatsens intervall stämmer med era svar i alla {len(judged)} {parts} som kunde "
            "räknas."
        )
    else:
        if narrower:
            sentences.append(
                f"Webbplatsens intervall är smalare än era svar visar i {join(narrower)}: där är "
                "mätfelet större än webbplatsen räknar med, så läs de enskilda värdena med "
                "större marginal."
            )
        if wider:
            sentences.append(
                f"Webbplatsens intervall är bredare än era svar visar i {join(wider)}: där mäter "
                "påståendena säkrare än webbplatsen räknar med."
            )
        if agree:
            others = f"övriga {agree} {parts}" if agree > 1 else f"den övriga {_the(definition)}"
            sentences.append(f"I {others} stämmer intervallen med era svar.")
    left = len(rows) - len(judged)
    if judged and left:
        sentences.append(
            f"{left} {parts if left > 1 else _one(definition)} räknas inte: färre än "
            f"{MIN_PEOPLE} personer har besvarat alla påståenden där."
        )
    return sentences


def _one(definition: Definition) -> str:
    return "kompetens" if definition.selftest is None else "skala"


def _the(definition: Definition) -> str:
    return "kompetensen" if definition.selftest is None else "skalan"
