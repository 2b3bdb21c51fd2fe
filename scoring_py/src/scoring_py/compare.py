"""Two attempts of one person, compared: what has really changed since last time.

Both attempts are scored again on the statements they **both** answered and that the
assessment still asks: the item bank changes over time, and a statement retired since (or
never answered in one attempt) is left out of both sides, so the two numbers always rest on
the same statements. A competency with fewer than ``min_answers`` such statements cannot be
compared, and the result says why.

A change counts as **clear** ("tydlig förbättring" / "tydlig försämring") only when it is
larger than two measurements of an unchanged person differ by chance: the threshold is
``z · error_sd · √(2 / n)`` for ``n`` shared statements (two independent errors), with ``z``
shared among every comparison made (each competency, each stage of the sale and the whole
test; Bonferroni), so that an unchanged person is told of any clear change at most
``FAMILY_ERROR`` (10 %) of the time. Shown as whole points, as the report's differences are.
One competency needs about 25–30 points; the whole test, from all its statements, about 8.

:func:`timeline` scores each of a person's attempts on its own (the whole test and the stages
of the sale, each with its range), for the chart of attempts over time; :func:`compare_json`
and :func:`timeline_json` are the entry points the browser worker calls.
"""

import math
import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .answers import Answers
from .errors import ScoringError
from .formats import (
    COMPARE_FORMAT,
    COMPARE_VERSION,
    TIMELINE_FORMAT,
    TIMELINE_VERSION,
    answers_object,
    read_answers_object,
    read_definition,
)
from .json_text import parse_json_text
from .model import Definition
from .ranking import critical_z
from .result import to_canonical_json
from .rounding import round_half_up
from .scores import GroupScore, error_sd, keyed_score, margin, score_competencies, score_groups
from .scoring import cached_definition
from .summary import join

__all__ = [
    "COMPARE_FORMAT",
    "TIMELINE_FORMAT",
    "Attempt",
    "attempt_date",
    "compare",
    "compare_json",
    "read_attempt",
    "timeline",
    "timeline_json",
]


class Attempt:
    """One attempt: its answers (to statements the assessment still asks), its date if the
    file has one, and how many of its answers concern statements no longer asked."""

    def __init__(self, answers: Answers, date: str | None, retired: int) -> None:
        self.answers = answers
        self.date = date
        self.retired = retired


def read_attempt(
    data: "dict[str, Any] | str", definition: "Definition | dict[str, Any] | str"
) -> Attempt:
    """An answers or export file as an attempt. Answers to statements the assessment no
    longer asks (an older item bank) are set aside and counted, never refused.

    Raises:
        ScoringError: anything else wrong with the file (as `read_answers` says it).
    """
    definition = read_definition(definition)
    if isinstance(data, str):
        data = parse_json_text(data, "Svaren")
    if not isinstance(data, dict):
        raise ScoringError("Ett försök ska vara en svarsfil eller en exportfil (ett JSON-objekt).")
    date = attempt_date(data)
    holder = dict(answers_object(data))  # the answers object: the file, or the export's
    values = holder.get("answers")
    retired = 0
    if isinstance(values, dict):
        kept = {key: value for key, value in values.items() if key in definition.item_ids}
        retired = sum(1 for key, value in values.items() if key not in kept and value is not None)
        holder["answers"] = kept
    return Attempt(read_answers_object(holder, definition), date, retired)


_DATE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


def attempt_date(data: dict[str, Any]) -> str | None:
    """The attempt's date (``YYYY-MM-DD``), from the file or its answers, if any (anything
    else in ``date`` counts as none)."""
    for source in (data, data.get("answers")):
        if isinstance(source, dict):
            value = source.get("date")
            if isinstance(value, str) and _DATE.fullmatch(value):
                return value
    return None


def compare(
    definition: "Definition | dict[str, Any] | str", before: Attempt, after: Attempt
) -> dict[str, Any]:
    """The comparison of two attempts as a JSON-ready dict (see the module)."""
    definition = read_definition(definition)
    rows = [_paired(definition, c.slug, [i.id for i in c.items], before, after)
            for c in definition.competencies]  # fmt: skip
    names = list(dict.fromkeys(c.group for c in definition.competencies if c.group))
    groups = [
        _paired(definition, name, [i.id for c in definition.competencies if c.group == name
                                   for i in c.items], before, after, half=True)
        for name in names
    ]  # fmt: skip
    everything = [i.id for c in definition.competencies for i in c.items]
    overall = _paired(definition, "", everything, before, after, half=True)
    comparable = [row for row in [*rows, *groups, overall] if row["paired"]]
    z = critical_z(len(comparable))
    for row in [*rows, *groups, overall]:
        _decide(row, z)
    named = {c.slug: c for c in definition.competencies}
    for row in rows:
        row["title"] = named[row["slug"]].title
        row["url"] = named[row["slug"]].url
    for row in groups:
        row["name"] = row.pop("slug")
    overall.pop("slug")
    result = {
        "format": COMPARE_FORMAT,
        "version": COMPARE_VERSION,
        "before": {
            "date": before.date,
            "answered": len(before.answers.values),
            "retired": before.retired,
        },
        "after": {
            "date": after.date,
            "answered": len(after.answers.values),
            "retired": after.retired,
        },
        "z": round(z, 2),
        "competencies": rows,
        "groups": groups,
        "overall": overall,
    }
    result["summary"] = _summary(result)
    return result


def _paired(
    definition: Definition,
    slug: str,
    ids: Sequence[str],
    before: Attempt,
    after: Attempt,
    half: bool = False,
) -> dict[str, Any]:
    """Both attempts on the statements `ids` that both answered (a competency, a stage or
    the whole test); not comparable below `min_answers` (or half of `ids` for a group)."""
    reverse = {i.id: i.reverse for c in definition.competencies for i in c.items}
    shared = [i for i in ids if i in before.answers.values and i in after.answers.values]
    needed = (
        max(definition.min_answers, math.ceil(len(ids) / 2)) if half else definition.min_answers
    )
    row: dict[str, Any] = {"slug": slug, "paired": len(shared), "statements": len(ids)}
    if len(shared) < needed:
        row.update(before=None, after=None, change=None, reliable=None, threshold=None)
        row["reason"] = (
            f"bara {len(shared)} av {len(ids)} påståenden besvarades i båda försöken; "
            f"minst {needed} behövs"
        )
        row["paired"] = 0
        return row
    scale = definition.scale

    def score(attempt: Attempt) -> Fraction:
        return keyed_score(
            scale, [scale.keyed(attempt.answers.values[i], reverse[i]) for i in shared]
        )

    first, second = score(before), score(after)
    row.update(
        before=round_half_up(first),
        after=round_half_up(second),
        change=round_half_up(second - first),
        reason=None,
    )
    return row


def _decide(row: dict[str, Any], z: float) -> None:
    """Clear up, clear down, or no sure change (None), beyond the threshold for `row`."""
    if not row["paired"]:
        return
    threshold = math.ceil(z * error_sd() * math.sqrt(2 / row["paired"]))
    row["threshold"] = threshold
    change = row["change"]
    row["reliable"] = "up" if change > threshold else "down" if -change > threshold else None


def _summary(result: dict[str, Any]) -> list[str]:
    when = [side["date"] or "utan datum" for side in (result["before"], result["after"])]
    overall = result["overall"]
    sentences = [f"Jämförelse av försöket {when[0]} med försöket {when[1]}."]
    retired = result["before"]["retired"] + result["after"]["retired"]
    if retired:
        sentences.append(
            f"{retired} svar gällde påståenden som inte längre finns i självskattningen och "
            "jämförs inte; varje värde bygger på de påståenden som båda försöken besvarade."
        )
    lost = [row["title"] for row in result["competencies"] if not row["paired"]]
    if lost:
        sentences.append(
            f"{join(lost)} kan inte jämföras: för få påståenden besvarades i båda försöken."
        )
    up = [row["title"] for row in result["competencies"] if row["reliable"] == "up"]
    down = [row["title"] for row in result["competencies"] if row["reliable"] == "down"]
    if up:
        sentences.append(f"Tydlig förbättring i {join(up)}.")
    if down:
        sentences.append(f"Tydlig försämring i {join(down)}.")
    thresholds = sorted(r["threshold"] for r in result["competencies"] if r["threshold"])
    if not up and not down and thresholds:
        sentences.append(
            "Ingen kompetens har ändrats mer än mätfelet kan ge av en slump (för en kompetens "
            f"krävs ungefär {thresholds[len(thresholds) // 2]} poäng)."
        )
    if overall["paired"]:
        word = {"up": "tydlig förbättring", "down": "tydlig försämring"}.get(
            overall["reliable"] or "", "ingen säker förändring"
        )
        sign = (
            f"+{overall['change']}"
            if overall["change"] > 0
            else str(overall["change"]).replace("-", "−")
        )
        sentences.append(
            f"Hela testet: {overall['before']} → {overall['after']} ({sign} poäng), {word} "
            f"(gränsen är {overall['threshold']} poäng)."
        )
    return sentences


# -- the browser's entry points, and the attempts over time -----------------------------------


def compare_json(definition_text: str, before_text: str, after_text: str) -> str:
    """Two attempts (answers or export files as JSON text) compared, as JSON text; the entry
    point the browser worker calls.

    Raises:
        ScoringError: A file that cannot be read, named as the earlier or the later attempt.
    """
    definition = cached_definition(definition_text)
    attempts = []
    for which, text in (
        ("Det tidigare försöket", before_text),
        ("Det senare försöket", after_text),
    ):
        try:
            attempts.append(read_attempt(_text(text, which), definition))
        except ScoringError as error:
            raise ScoringError(f"{which}: {error}") from None
    return to_canonical_json(compare(definition, *attempts))


def timeline(
    definition: "Definition | dict[str, Any] | str", attempts: "Sequence[dict[str, Any] | str]"
) -> dict[str, Any]:
    """Each attempt scored on its own, in the order given: its date, how many statements it
    answered (and answers set aside as retired), the whole test and each stage of the sale
    with its range (a stage, and the whole test, from at least half of its statements, as
    the report's stages). An attempt that cannot be read gets ``error`` instead."""
    definition = read_definition(definition)
    rows: list[dict[str, Any]] = []
    for data in attempts:
        date = attempt_date(data) if isinstance(data, dict) else None
        try:
            attempt = read_attempt(data, definition)
        except ScoringError as error:
            rows.append({"date": date, "error": str(error)})
            continue
        scores = score_competencies(definition, attempt.answers)
        keyed = [answer.keyed for entry in scores for answer in entry.answered]
        whole = None
        if keyed and 2 * len(keyed) >= definition.item_count:
            whole = keyed_score(definition.scale, keyed)
        everything = GroupScore(
            "", tuple(scores), whole, len(keyed),
            None if whole is None else margin(definition.scale, len(keyed)),
        )  # fmt: skip
        rows.append(
            {
                "date": attempt.date,
                "answered": len(attempt.answers.values),
                "retired": attempt.retired,
                "overall": _shown(everything, definition.item_count),
                "groups": [
                    {"name": group.name, **_shown(group, _statements(group))}
                    for group in score_groups(definition, scores)
                ],
            }
        )
    return {
        "format": TIMELINE_FORMAT,
        "version": TIMELINE_VERSION,
        "statements": definition.item_count,
        "attempts": rows,
    }


def timeline_json(definition_text: str, attempts_text: str) -> str:
    """:func:`timeline` of a JSON list of attempts (answers or export objects), as JSON text;
    the entry point the browser worker calls."""
    attempts = parse_json_text(_text(attempts_text, "Försöken"), "Försöken")
    if not isinstance(attempts, list):
        raise ScoringError("Försöken ska ges som en lista av svars- eller exportfiler.")
    return to_canonical_json(timeline(cached_definition(definition_text), attempts))


def _shown(group: GroupScore, statements: int) -> dict[str, Any]:
    """A score as the chart shows it: rounded half up, its range, how many answers."""
    return {
        "score": None if group.score is None else round_half_up(group.score),
        "low": group.low,
        "high": group.high,
        "answered": group.answered,
        "statements": statements,
    }


def _statements(group: GroupScore) -> int:
    return sum(len(member.competency.items) for member in group.members)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ScoringError(f"{what} måste ges som JSON-text.")
    return value
