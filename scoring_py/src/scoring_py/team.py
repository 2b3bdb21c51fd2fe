"""A team's picture from many answer files, as a sales manager sees it.

Every file is read and scored by the same rules as one person's report. On top of that:

- **people**: one row per seller's own rating (self), labelled as the file says or
  "Person 1…n"; a manager's rating of a seller is paired with the seller's own by label;
- **aggregates** (only from :data:`MIN_TEAM` people, so that no one's answers can be worked
  out from them): per competency the lowest, median and highest shown score and every
  score as a dot; with a role, how many are under / at / over its target, and the team's
  priorities: the competencies where most people are under the target (then the largest
  median gap), ties named together;
- **self and manager**: per competency the mean difference per statement answered by both
  (manager − self, on the answer scale), and the same in points 0–100 (``points``: one step
  is 100 / (max − min) points, 25 on a 1–5 scale), so that it reads in the unit of the two
  values beside it; a difference of at least :data:`FLAG_STEPS` step per statement is flagged
  (one step is the smallest difference the scale can express for every statement, so a
  smaller mean is partly single disagreements);
- **files** that could not be used, each with a Swedish message, and every other file kept;
- **labels** that can mislead (mixed scripts, two labels that look alike): a note on the file
  and the person (:mod:`scoring_py.labels`);
- notes on a person's answers (:mod:`scoring_py.quality`) worded for the manager who reads
  them, not for the seller who answered;
- the table as CSV for a Swedish spreadsheet (:mod:`scoring_py.team_table`).

A self-test about the organisation (audience ``organisation``) promises that answers are only
shown together: its view has no people, no pairs and no dots, only the aggregates (from
:data:`MIN_TEAM` people) and how many answered; its CSV has the aggregates only.
"""

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .answers import MANAGER, Answers, answered_selftest, matching_selftest
from .errors import ScoringError, shorten
from .formats import EXPORT_FORMAT, read_answers, read_definition, write_selftest
from .json_text import parse_json_text
from .labels import label_notes
from .model import Definition, Role
from .quality import quality_notes
from .ranking import role_statuses
from .result import to_canonical_json
from .rounding import round_half_up
from .scores import CompetencyScore, margin, score_competencies
from .scoring import cached_definition
from .team_aggregate import MIN_TEAM, aggregate
from .team_table import team_csv
from .team_words import manager_notes, summary

__all__ = ["FLAG_STEPS", "MAX_FILES", "MIN_TEAM", "team", "team_csv", "team_json"]

FLAG_STEPS = 1
"""Mean difference per statement (in answer steps) from which self and manager differ."""

MAX_FILES = 1000
"""Most files one team view reads."""


@dataclass(frozen=True)
class _Person:
    file: str
    label: str
    labelled: bool
    answers: Answers
    scores: list[CompetencyScore]


def team(
    definition: "Definition | dict[str, Any] | str",
    files: Sequence[tuple[str, str]],
    role: str | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> dict[str, Any]:
    """The team view of `files` (each a name and its JSON text), as a JSON-ready dict.

    Args:
        definition: The assessment definition.
        files: The answer files: the page's export or plain answers, as the CLI reads them.
        role: A role slug to compare with, or None.
        progress: Called with (files done, files in all): with 0 before the first file and
            after each file (the page gives each file a time budget from these calls).

    Raises:
        ScoringError: If the definition or role is invalid or there are too many files;
            a bad file is reported in ``files``, never raised.
    """
    definition = read_definition(definition)
    chosen = definition.role(role) if role is not None else None
    if len(files) > MAX_FILES:
        raise ScoringError(f"Högst {MAX_FILES} filer åt gången, fick {len(files)}.")
    test = definition.selftest
    together = test is not None and test.audience == "organisation"
    if progress is not None:
        progress(0, len(files))
    people: list[_Person] = []
    managers: list[_Person] = []
    reports: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], str] = {}
    unlabelled = 0
    for done, (name, text) in enumerate(files, 1):
        report: dict[str, Any] = {"file": name, "error": None, "note": None, "label_notes": []}
        reports.append(report)
        try:
            answers = _read(definition, text)
        except ScoringError as error:
            report["error"] = str(error)
        else:
            key = _same(answers)
            label_key = (answers.rater, _match(answers.label)) if answers.label else None
            if key in seen:
                report["error"] = f"Samma svar som i {seen[key]}; filen räknas bara en gång."
            elif label_key is not None and label_key in seen:
                other = seen[label_key]
                kind = "en chefsskattning" if answers.rater == MANAGER else "en självskattning"
                report["error"] = (
                    f'Det finns redan {kind} märkt "{answers.label}" ({other}); den här visas '
                    "inte. Är det två olika personer, ge dem olika märkning."
                )
            elif answers.rater == MANAGER and together:
                report["error"] = (
                    "Det här är en chefs skattning av en säljare; ett självtest om "
                    "organisationen sammanställer bara var och ens egna svar."
                )
            elif answers.rater == MANAGER and answers.label is None:
                report["error"] = (
                    "Chefens skattning saknar säljarens märkning, så den kan inte jämföras med "
                    "någon självskattning. Exportera den igen med säljarens namn eller initialer."
                )
            else:
                seen[key] = name
                if label_key is not None:
                    seen[label_key] = name
                if answers.label is None:
                    unlabelled += 1
                person = _Person(
                    name,
                    answers.label or f"Person {unlabelled}",
                    answers.label is not None,
                    answers,
                    score_competencies(definition, answers),
                )
                (managers if answers.rater == MANAGER else people).append(person)
                report["label"] = person.label
                report["rater"] = answers.rater
        if progress is not None:
            progress(done, len(files))
    notes = label_notes([(p.file, p.label, _match(p.label) or "") for p in people + managers
                         if p.labelled])  # fmt: skip
    for report in reports:
        report["label_notes"] = notes.get(report["file"], [])
    pairs = _pairs(definition, people, managers, reports)
    team_numbers = None
    # A file whose answers follow a pattern (the same answer everywhere, agreeing with
    # opposites, many unanswered) is shown, but kept out of the team's numbers.
    counted = [p for p in people if not _unreliable(definition, p.answers)]
    if len(counted) >= MIN_TEAM:
        team_numbers = aggregate(definition, [p.scores for p in counted], chosen)
        if together:
            for row in team_numbers["competencies"]:
                del row["scores"]  # every value as a dot is one value per person
    result = {
        "format": "saljkompetens-team",
        "version": 1,
        "min_team": MIN_TEAM,
        "flag_steps": FLAG_STEPS,
        "flag_points": _points(definition, Fraction(FLAG_STEPS)),
        "role": None if chosen is None else {"slug": chosen.slug, "title": chosen.title},
        "selftest": None if definition.selftest is None else write_selftest(definition.selftest),
        "margin": round_half_up(
            max(margin(definition.scale, len(c.items)) for c in definition.competencies)
        ),
        "bands": [{"level": i, "label": b.label} for i, b in enumerate(definition.bands)],
        "competencies": [
            {"slug": c.slug, "title": c.title, "url": c.url} for c in definition.competencies
        ],
        "per_person": not together,
        "respondents": len(people),
        "set_aside": [] if together else [p.label for p in people if p not in counted],
        "set_aside_count": len(people) - len(counted),
        "people": [] if together else [_person(definition, p, chosen, notes) for p in people],
        "pairs": [] if together else pairs,
        "aggregate": team_numbers,
        "files": reports,
    }
    result["summary"] = summary(result, len(managers))
    result["csv"] = team_csv(result)
    return result


TEAM_BLOCKERS = ("straight-line", "acquiescence", "unanswered")
"""Answer patterns that keep a file out of the team's numbers (it is still shown)."""


def _unreliable(definition: Definition, answers: Answers) -> bool:
    return any(note["code"] in TEAM_BLOCKERS for note in quality_notes(definition, answers))


def team_json(
    definition_text: str,
    files_text: str,
    role: str | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> str:
    """The team view as JSON text; `files_text` is a JSON list of ``{"name", "text"}``.

    This is the entry point the browser worker calls (in Pyodide), with `progress` a
    JavaScript function; ``jsnull`` counts as None.
    """
    files = json.loads(files_text)
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("name"), str) and isinstance(f.get("text"), str)
        for f in files
    ):
        raise ScoringError('Filerna ska ges som en lista av {"name": …, "text": …}.')
    chosen = role if isinstance(role, str) else None
    result = team(cached_definition(definition_text), [(f["name"], f["text"]) for f in files],
                  chosen, progress)  # fmt: skip
    return to_canonical_json(result)


# -- reading ------------------------------------------------------------------------------------


def _read(definition: Definition, text: str) -> Answers:
    """One file's answers; a file made for other statements says so plainly."""
    data = parse_json_text(text, "Svaren")
    inner = data.get("answers") if isinstance(data, dict) else None
    if isinstance(data, dict) and data.get("format") == EXPORT_FORMAT and isinstance(inner, dict):
        matching_selftest(answered_selftest(inner), definition)
        inner = inner.get("answers")
    elif isinstance(data, dict):
        matching_selftest(answered_selftest(data), definition)
    if isinstance(inner, dict):
        unknown = [key for key in inner if key not in definition.item_ids]
        if unknown:
            raise ScoringError(
                f"Filen är gjord för andra påståenden än dagens: {len(unknown)} av "
                f"{len(inner)} svar gäller påståenden som inte finns nu "
                f'(t.ex. "{shorten(str(unknown[0]))}"). '
                "Den kommer troligen från en äldre eller nyare version av självskattningen; "
                "be om en ny export."
            )
    return read_answers(data, definition)


def _same(answers: Answers) -> tuple[Any, ...]:
    """What makes two files the same file: the same answers by the same rater and label."""
    return (
        answers.rater,
        _match(answers.label),
        tuple(sorted(answers.values.items())),
        tuple(sorted(answers.not_applicable)),
    )


def _match(label: str | None) -> str | None:
    """A label as it is matched: "AB", "ab" and "ＡＢ" are one person."""
    return None if label is None else unicodedata.normalize("NFKC", label).casefold()


# -- one person -------------------------------------------------------------------------------


def _person(
    definition: Definition,
    person: _Person,
    role: Role | None,
    notes: dict[str, list[dict[str, str]]],
) -> dict[str, Any]:
    statuses = (
        {s.entry.competency.slug: s for s in role_statuses(role, person.scores)} if role else {}
    )
    cells = []
    for entry in person.scores:
        score = None if entry.score is None else round_half_up(entry.score)
        cell: dict[str, Any] = {
            "slug": entry.competency.slug,
            "score": score,
            "low": entry.low,
            "high": entry.high,
            "answered": len(entry.answered),
            "level": None if entry.score is None else _level(definition, entry.score),
        }
        status = statuses.get(entry.competency.slug)
        if status is not None:
            cell["target"] = status.target
            cell["status"] = status.status
        cells.append(cell)
    return {
        "label": person.label,
        "labelled": person.labelled,
        "file": person.file,
        "answered": len(person.answers.values),
        "competencies": cells,
        "quality": manager_notes(
            definition, person.answers, quality_notes(definition, person.answers)
        ),
        "label_notes": notes.get(person.file, []),
    }


def _level(definition: Definition, score: Fraction) -> int:
    return definition.bands.index(definition.band_for(score))


# -- self and manager -------------------------------------------------------------------------


def _pairs(
    definition: Definition,
    people: list[_Person],
    managers: list[_Person],
    reports: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Each manager's rating beside the seller's own, by label."""
    own = {_match(p.label): p for p in people if p.labelled}
    notes = {r["file"]: r for r in reports}
    pairs = []
    for manager in managers:
        seller = own.get(_match(manager.label))
        if seller is None:
            notes[manager.file]["note"] = (
                f'Det finns ingen självskattning märkt "{manager.label}" bland filerna, så '
                "chefens skattning visas utan jämförelse."
            )
        pairs.append(
            {
                "label": manager.label if seller is None else seller.label,
                "self_file": None if seller is None else seller.file,
                "manager_file": manager.file,
                "competencies": [
                    _compare(definition, mine, theirs)
                    for mine, theirs in zip(
                        seller.scores if seller else [None] * len(manager.scores),
                        manager.scores,
                        strict=True,
                    )
                ],
            }
        )
    return pairs


def _compare(
    definition: Definition, own: CompetencyScore | None, manager: CompetencyScore
) -> dict[str, Any]:
    """One competency as the seller and the manager rated it."""
    shown: dict[str, Any] = {
        "slug": manager.competency.slug,
        "self": None if own is None or own.score is None else round_half_up(own.score),
        "manager": None if manager.score is None else round_half_up(manager.score),
        "both": 0,
        "difference": None,
        "points": None,
        "flagged": False,
    }
    if own is None:
        return shown
    mine = {entry.item.id: entry.keyed for entry in own.answered}
    both = [(mine[e.item.id], e.keyed) for e in manager.answered if e.item.id in mine]
    shown["both"] = len(both)
    if len(both) >= definition.min_answers:
        difference = Fraction(sum(theirs - ours for ours, theirs in both), len(both))
        shown["difference"] = round(float(difference), 2)
        shown["points"] = _points(definition, difference)
        shown["flagged"] = abs(difference) >= FLAG_STEPS
    return shown


def _points(definition: Definition, steps: Fraction) -> int:
    """A difference in answer steps per statement, in points 0–100 (rounded half up)."""
    return round_half_up(steps * 100 / (definition.scale.max - definition.scale.min))
