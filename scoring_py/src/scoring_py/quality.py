"""Answer-quality notes: patterns that make the result less trustworthy. Each note is given
once for the whole test, never once per competency.

- ``straight-line``: one answer value for nearly everything (``identical_share``);
- ``acquiescence``: agreeing both with statements and with their opposites (the reverse
  statements) — not given when ``straight-line`` already says it;
- ``too-good``: the answers score at least ``too_good_score`` of 100 towards what is
  desirable (every competency; a self-test's scales only where it declares a desirable end,
  counted towards that end; a profile self-test has none, so no note);
- ``unanswered``: more than ``unanswered_share`` unanswered or "Ej aktuellt i min roll".

The first three need at least ``min_answers`` answers. ``straight-line`` and
``acquiescence`` (:data:`FIRM_BLOCKERS`) also keep the report from naming anything.
"""

from collections import Counter
from fractions import Fraction

from .answers import Answers
from .model import Definition
from .rounding import round_half_up
from .scores import keyed_score

__all__ = ["FIRM_BLOCKERS", "quality_notes"]

FIRM_BLOCKERS = ("straight-line", "acquiescence")
"""Answer patterns after which the report names no strength, development area or role
status: the differences would say more about the way of answering than about the work."""


def quality_notes(definition: Definition, answers: Answers) -> list[dict[str, str]]:
    """The notes that apply, each ``{"code", "message"}`` with a Swedish message."""
    notes: list[dict[str, str]] = []
    rules = definition.quality
    values = answers.values
    if len(values) >= rules.min_answers:
        straight = _straight_line(definition, answers)
        if straight:
            notes.append(straight)
        else:
            notes.extend(_acquiescence(definition, answers))
        notes.extend(_too_good(definition, answers))
    notes.extend(_unanswered(definition, answers))
    return notes


def _straight_line(definition: Definition, answers: Answers) -> dict[str, str] | None:
    value, count = Counter(answers.values.values()).most_common(1)[0]
    if Fraction(count, len(answers.values)) < definition.quality.identical_share:
        return None
    return {
        "code": "straight-line",
        "message": (
            f"Du har gett samma svar ({value}, ”{definition.scale.label(value)}”) på {count} av "
            f"{len(answers.values)} påståenden. Då säger resultatet lite om skillnaderna mellan "
            f"{_whose(definition)} {definition.parts_word}, och inga skillnader pekas ut. Läs "
            "påståendena igen och fundera på vilka som stämmer bäst och sämst."
        ),
    }


def _acquiescence(definition: Definition, answers: Answers) -> list[dict[str, str]]:
    rules = definition.quality
    reverse = {i.id for c in definition.competencies for i in c.items if i.reverse}
    normal = [v for k, v in answers.values.items() if k not in reverse]
    opposite = [v for k, v in answers.values.items() if k in reverse]
    if len(normal) < 3 or len(opposite) < 3:
        return []
    agreed = [Fraction(sum(v >= rules.agree_min for v in group), len(group))
              for group in (normal, opposite)]  # fmt: skip
    if min(agreed) < rules.acquiescence_share:
        return []
    return [
        {
            "code": "acquiescence",
            "message": (
                f"Du instämmer i {round_half_up(agreed[0] * 100)}\u00a0% av påståendena och i "
                f"{round_half_up(agreed[1] * 100)}\u00a0% av dem som säger motsatsen. Det kan "
                f"vara ett sätt att svara snarare än en bild av {_work(definition)}, så inga "
                "skillnader pekas ut; läs de omvända påståendena igen."
            ),
        }
    ]


def _too_good(definition: Definition, answers: Answers) -> list[dict[str, str]]:
    scale = definition.scale
    keyed = []
    for competency in definition.competencies:
        goal = "high" if definition.selftest is None else competency.desirable
        if goal is None:
            continue  # a profile scale: no end is better, so none is "too good"
        for item in competency.items:
            if item.id in answers.values:
                towards = item.reverse != (goal == "low")
                keyed.append(scale.keyed(answers.values[item.id], towards))
    if not keyed:
        return []
    overall = keyed_score(scale, keyed)
    if overall < definition.quality.too_good_score:
        return []
    where = (
        "du faktiskt har mest kvar att utveckla"
        if definition.selftest is None or definition.selftest.audience == "self"
        else "er organisation faktiskt har mest kvar att utveckla"
    )
    return [
        {
            "code": "too-good",
            "message": (
                f"Dina svar ger tillsammans {round_half_up(overall)} av 100 mot det som "
                "eftersträvas: nästan allt på bästa nivån. Det är ovanligt att stämma så väl in "
                f"på allt; fundera på var {where}."
            ),
        }
    ]


def _whose(definition: Definition) -> str:
    """Whose parts the notes speak of: the respondent's own, or the organisation's."""
    if definition.selftest is not None and definition.selftest.audience == "organisation":
        return "er organisations"
    return "dina"


def _work(definition: Definition) -> str:
    if definition.selftest is not None and definition.selftest.audience == "organisation":
        return "hur er organisation arbetar"
    return "hur du arbetar"


def _unanswered(definition: Definition, answers: Answers) -> list[dict[str, str]]:
    total = definition.item_count
    not_applicable = len(answers.not_applicable)
    missing = total - len(answers.values)
    if Fraction(missing, total) <= definition.quality.unanswered_share:
        return []
    parts = f"{missing} av {total} påståenden saknar svar"
    if not_applicable:
        parts += f" (varav {not_applicable} ”{definition.not_applicable_label}”)"
    return [
        {
            "code": "unanswered",
            "message": (
                f"{parts}, {round_half_up(Fraction(missing, total) * 100)}\u00a0%. "
                f"{definition.parts_word.capitalize()} med få svar får ett brett intervall "
                "eller inget värde alls."
            ),
        }
    ]
