"""A team's picture from many answer files, as a sales manager sees it.

Every file is read and scored by the same rules as one person's report. On top of that:

- **people**: one row per seller's own rating (self), labelled as the file says or
  "Person 1…n"; a manager's rating of a seller is paired with the seller's own by label;
- **over time**: two of a seller's own files with the same label and two different dates are
  that person's earlier and later attempt; the later is the person's row (and counts in the
  team's numbers), and the change between them is compared (:mod:`scoring_py.team_change`).
  A second file with the same label and the same date, or without a date, is refused as a
  duplicate, as is a third attempt;
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
from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from .answers import MANAGER, Answers, answered_selftest, matching_selftest
from .compare import attempt_date
from .errors import ScoringError, shorten
from .formats import (
    TEAM_FORMAT,
    TEAM_VERSION,
    answers_object,
    read_answers_object,
    read_definition,
    write_selftest,
)
from .json_text import parse_json_text
from .labels import label_notes
from .model import Definition, Role
from .quality import quality_notes
from .ranking import role_statuses
from .result import to_canonical_json
from .rounding import round_half_up
from .scores import margin, score_competencies
from .scoring import cached_definition
from .team_aggregate import MIN_TEAM, aggregate
from .team_change import TwoAttempts, dated_apart, team_change
from .team_pairs import FLAG_STEPS, Rating, match_label, points
from .team_pairs import pairs as manager_pairs
from .team_quality import team_quality
from .team_table import team_csv
from .team_words import manager_notes, summary

__all__ = ["FLAG_STEPS", "MAX_FILES", "MIN_TEAM", "team", "team_csv", "team_json"]

MAX_FILES = 1000
"""Most files one team view reads."""


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
    people: list[Rating] = []
    managers: list[Rating] = []
    reports: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], str] = {}
    own: dict[tuple[Any, ...], Rating] = {}  # a seller's latest attempt, by label
    unlabelled = 0
    for done, (name, text) in enumerate(files, 1):
        report: dict[str, Any] = {"file": name, "error": None, "note": None, "label_notes": []}
        reports.append(report)
        try:
            answers, date = _read(definition, text)
        except ScoringError as error:
            report["error"] = str(error)
        else:
            key = _same(answers)
            label_key = (answers.rater, match_label(answers.label)) if answers.label else None
            first = own.get(label_key) if label_key is not None and not together else None
            if key in seen:
                report["error"] = f"Samma svar som i {seen[key]}; filen räknas bara en gång."
            elif (
                label_key is not None
                and first is not None
                and first.earlier is None
                and dated_apart(first.date, date)
            ):  # the same person's other attempt: the later is the person's row
                seen[key] = name
                second = Rating(name, first.label, True, answers,
                                score_competencies(definition, answers), date)  # fmt: skip
                people[people.index(first)] = own[label_key] = _two_attempts(first, second)
                report.update(label=first.label, rater=answers.rater)
            elif label_key is not None and label_key in seen:
                report["error"] = _taken(answers, seen[label_key], first, date)
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
                person = Rating(
                    name,
                    answers.label or f"Person {unlabelled}",
                    answers.label is not None,
                    answers,
                    score_competencies(definition, answers),
                    date,
                )
                (managers if answers.rater == MANAGER else people).append(person)
                if label_key is not None and answers.rater != MANAGER:
                    own[label_key] = person
                report["label"] = person.label
                report["rater"] = answers.rater
        if progress is not None:
            progress(done, len(files))
    earlier = [p.earlier for p in people if p.earlier is not None]
    notes = label_notes([(p.file, p.label, match_label(p.label) or "") for p in people + managers
                         + earlier if p.labelled])  # fmt: skip
    for report in reports:
        report["label_notes"] = notes.get(report["file"], [])
    for person in people:
        if person.earlier is not None:
            next(r for r in reports if r["file"] == person.earlier.file)["note"] = (
                f'Ett tidigare försök av "{person.label}" ({person.earlier.date}); teamets '
                f"siffror bygger på det senare ({person.date}), och förändringen visas under "
                "Över tid."
            )
    pairs = manager_pairs(definition, people, managers, reports)
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
        "format": TEAM_FORMAT,
        "version": TEAM_VERSION,
        "min_team": MIN_TEAM,
        "flag_steps": FLAG_STEPS,
        "flag_points": points(definition, Fraction(FLAG_STEPS)),
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
        "change": team_change(
            definition,
            [
                TwoAttempts(
                    p.label,
                    p.earlier.answers,
                    p.earlier.date or "",
                    p.answers,
                    p.date or "",
                    p in counted and not _unreliable(definition, p.earlier.answers),
                )
                for p in people
                if p.earlier is not None and not together
            ],
        ),
        "files": reports,
        "quality": None if together else team_quality(definition, [p.answers for p in counted]),
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


def _two_attempts(one: Rating, other: Rating) -> Rating:
    """The later of one person's two attempts (by date), carrying the earlier."""
    earlier, later = sorted((one, other), key=lambda rating: rating.date or "")
    return replace(later, earlier=earlier)


def _taken(answers: Answers, other: str, first: Rating | None, date: str | None) -> str:
    """Why a file whose label is taken is not shown (a duplicate, or a third attempt)."""
    if first is not None and first.earlier is not None:
        return (
            f'Det finns redan två försök märkta "{answers.label}" ({first.earlier.file} och '
            f"{first.file}); teamvyn jämför två försök per person, så den här visas inte."
        )
    kind = "en chefsskattning" if answers.rater == MANAGER else "en självskattning"
    message = (
        f'Det finns redan {kind} märkt "{answers.label}" ({other}); den här visas inte. Är det '
        "två olika personer, ge dem olika märkning."
    )
    if first is not None and (first.date is None or date is None):
        message += (
            " Två försök av samma person känns igen på olika datum i filerna, och en av dem "
            "saknar datum."
        )
    return message


def _read(definition: Definition, text: str) -> tuple[Answers, str | None]:
    """One file's answers and its date; a file made for other statements says so plainly."""
    data = parse_json_text(text, "Svaren")
    inner = answers_object(data)
    matching_selftest(answered_selftest(inner), definition)
    values = inner.get("answers")
    if isinstance(values, dict):
        unknown = [key for key in values if key not in definition.item_ids]
        if unknown:
            raise ScoringError(
                f"Filen är gjord för andra påståenden än dagens: {len(unknown)} av "
                f"{len(values)} svar gäller påståenden som inte finns nu "
                f'(t.ex. "{shorten(str(unknown[0]))}"). '
                "Den kommer troligen från en äldre eller nyare version av självskattningen; "
                "be om en ny export."
            )
    return read_answers_object(inner, definition), attempt_date(data)


def _same(answers: Answers) -> tuple[Any, ...]:
    """What makes two files the same file: the same answers by the same rater and label."""
    return (
        answers.rater,
        match_label(answers.label),
        tuple(sorted(answers.values.items())),
        tuple(sorted(answers.not_applicable)),
    )


# -- one person -------------------------------------------------------------------------------


def _person(
    definition: Definition,
    person: Rating,
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
    earlier = person.earlier
    return {
        "label": person.label,
        "labelled": person.labelled,
        "file": person.file,
        "date": person.date,
        "earlier": None
        if earlier is None
        else {
            "file": earlier.file,
            "date": earlier.date,
            "answered": len(earlier.answers.values),
            "competencies": [
                {
                    "slug": e.competency.slug,
                    "low": e.low,
                    "high": e.high,
                    "score": None if e.score is None else round_half_up(e.score),
                }
                for e in earlier.scores
            ],
        },  # fmt: skip
        "answered": len(person.answers.values),
        "competencies": cells,
        "quality": manager_notes(
            definition, person.answers, quality_notes(definition, person.answers)
        ),
        "label_notes": notes.get(person.file, []),
    }


def _level(definition: Definition, score: Fraction) -> int:
    return definition.bands.index(definition.band_for(score))
