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
"""

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .answers import Answers
from .errors import ScoringError
from .formats import EXPORT_FORMAT, read_answers, read_definition
from .json_text import parse_json_text
from .model import Definition
from .ranking import critical_z
from .rounding import round_half_up
from .scores import error_sd, keyed_score
from .summary import join

__all__ = ["COMPARE_FORMAT", "Attempt", "compare", "read_attempt"]

COMPARE_FORMAT = "saljkompetens-jamforelse"
COMPARE_VERSION = 1


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
    date = _date(data)
    data = dict(data)
    holder = data  # the object whose "answers" are the answers: the file, or its inner one
    if data.get("format") == EXPORT_FORMAT and isinstance(data.get("answers"), dict):
        holder = data["answers"] = dict(data["answers"])
    values = holder.get("answers")
    retired = 0
    if isinstance(values, dict):
        kept = {key: value for key, value in values.items() if key in definition.item_ids}
        retired = sum(1 for key, value in values.items() if key not in kept and value is not None)
        holder["answers"] = kept
    return Attempt(read_answers(data, definition), date, retired)


def _date(data: dict[str, Any]) -> str | None:
    """The attempt's date (``YYYY-MM-DD``), from the file or its answers, if any."""
    for source in (data, data.get("answers")):
        if isinstance(source, dict):
            value = source.get("date")
            if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
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
    titles = {c.slug: c.title for c in definition.competencies}
    for row in rows:
        row["title"] = titles[row["slug"]]
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
