"""Answer-quality notes: patterns that make the result less trustworthy."""

from fractions import Fraction

from .answers import Answers
from .model import Definition
from .rounding import round_half_up

__all__ = ["quality_notes"]


def quality_notes(definition: Definition, answers: Answers) -> list[dict[str, str]]:
    """Return the quality notes, each ``{"code", "message"}`` with a Swedish message.

    Codes, in this order:
        ``identical``: at least ``identical_min_answers`` answers, all the same value.
        ``contradiction``: one per competency where a normal and a reverse statement
        are both answered with at least ``contradiction_min``.
        ``unanswered``: the unanswered share of all statements exceeds ``unanswered_share``.

    Returns:
        A new list, empty when there is nothing to note.
    """
    notes: list[dict[str, str]] = []
    identical = _identical(definition, answers)
    if identical:
        notes.append(identical)
    notes.extend(_contradictions(definition, answers))
    unanswered = _unanswered(definition, answers)
    if unanswered:
        notes.append(unanswered)
    return notes


def _identical(definition: Definition, answers: Answers) -> dict[str, str] | None:
    values = set(answers.values.values())
    count = len(answers.values)
    if count < definition.quality.identical_min_answers or len(values) != 1:
        return None
    value = values.pop()
    return {
        "code": "identical",
        "message": (
            f"Du har gett samma svar på alla {count} påståenden ({value}, "
            f"”{definition.scale.label(value)}”). Då säger resultatet lite om dina verkliga "
            "styrkor. Läs påståendena igen och fundera på vilka som stämmer bäst och sämst."
        ),
    }


def _contradictions(definition: Definition, answers: Answers) -> list[dict[str, str]]:
    threshold = definition.quality.contradiction_min
    notes: list[dict[str, str]] = []
    for competency in definition.competencies:
        high = {
            item.reverse
            for item in competency.items
            if answers.values.get(item.id, threshold - 1) >= threshold
        }
        if high == {False, True}:
            notes.append(
                {
                    "code": "contradiction",
                    "message": (
                        f"Inom {competency.title} har du instämt ({threshold} eller högre) både i "
                        "ett påstående och i ett som säger motsatsen. Läs påståendena om "
                        f"{competency.title} igen: svaren motsäger varandra."
                    ),
                }
            )
    return notes


def _unanswered(definition: Definition, answers: Answers) -> dict[str, str] | None:
    total = definition.item_count
    missing = total - len(answers.values)
    share = Fraction(missing, total)
    if share <= definition.quality.unanswered_share:
        return None
    return {
        "code": "unanswered",
        "message": (
            f"Du har lämnat {missing} av {total} påståenden obesvarade "
            f"({round_half_up(share * 100)} %). Ju fler du svarar på, desto säkrare blir "
            "resultatet."
        ),
    }
