"""How often the report's claims are wrong or missed, found by simulation under the model
that `scores` assumes. The test suite checks the goals; "Så räknas resultatet" shows the
same figures (both call :func:`error_rates` with the same seed).

The model: a simulated person has a true level (0–100) in each competency. Each answer is
that level on the answer scale plus normal noise of :data:`LATENT_NOISE` steps, rounded to
the scale and cut at its ends; a reverse statement is answered from the mirrored level and
counted back. :data:`LATENT_NOISE` is chosen so that, among people whose true levels vary by
``ITEM_SD · √r`` points, two rounded answers of one competency correlate ``r`` =
``ITEM_CORRELATION`` (:func:`item_correlation` measures it), as the ranges assume.

Scenarios (each person scored by the real rules):

- **even**: the same true level in every competency, at several levels; the share of people
  told any strength, development area or clear stage (goal: at most 10 %);
- **on target**: each role's targets as the true levels; the share told "under" or "over"
  anywhere (goal: at most 10 %);
- **deficit**: one competency 30 points below an even rest (each competency in turn); the
  share for whom it is named a development area (goal: at least 40 %).
"""

import random
from collections.abc import Callable
from statistics import correlation
from typing import Any

from .answers import Answers
from .model import Definition
from .ranking import profile, role_statuses
from .scores import (
    ITEM_CORRELATION,
    ITEM_SD,
    CompetencyScore,
    score_competencies,
    score_groups,
)

__all__ = ["LATENT_NOISE", "SEED", "error_rates", "item_correlation"]

LATENT_NOISE = 0.77
"""The noise of one answer before rounding, in answer steps (see the module)."""

SEED = 20261128
EVEN_LEVELS = (20, 35, 50, 65, 80)
DEFICIT = 30
DEFICIT_BASE = 60

Levels = dict[str, float]


def _answers(definition: Definition, levels: Levels, rng: random.Random) -> Answers:
    scale = definition.scale
    steps = scale.max - scale.min
    values: dict[str, int] = {}
    for competency in definition.competencies:
        level = levels[competency.slug]
        for item in competency.items:
            wanted = 100 - level if item.reverse else level
            latent = scale.min + wanted * steps / 100 + rng.gauss(0, LATENT_NOISE)
            answer = min(scale.max, max(scale.min, round(latent)))
            values[item.id] = answer
    return Answers(values=values, role=None)


def _anything_named(definition: Definition, answers: Answers) -> bool:
    scores = score_competencies(definition, answers)
    compared = profile(scores, score_groups(definition, scores))
    return any(c.direction for c in (*compared.competencies, *compared.groups))


def _share(people: int, rng: random.Random, happened: Callable[[random.Random], bool]) -> float:
    return sum(happened(rng) for _ in range(people)) / people


def error_rates(definition: Definition, people: int = 200, seed: int = SEED) -> dict[str, Any]:
    """The scenarios' shares (0–1), JSON-ready, for `definition` (the competency assessment)."""
    rng = random.Random(seed)
    slugs = [c.slug for c in definition.competencies]
    even = {}
    for level in EVEN_LEVELS:
        flat: Levels = dict.fromkeys(slugs, float(level))

        def named(r: random.Random, flat: Levels = flat) -> bool:
            return _anything_named(definition, _answers(definition, flat, r))

        even[str(level)] = _share(people, rng, named)
    on_target = {}
    for role in definition.roles:
        targets = {t.competency: float(t.level) for t in role.targets}
        levels = {slug: targets.get(slug, 50.0) for slug in slugs}

        def off_target(r: random.Random, role: Any = role, levels: Levels = levels) -> bool:
            scores = score_competencies(definition, _answers(definition, levels, r))
            return any(s.status in ("under", "over") for s in role_statuses(role, scores))

        on_target[role.slug] = _share(people, rng, off_target)
    found = 0
    for index in range(people):
        weak = slugs[index % len(slugs)]
        uneven: Levels = dict.fromkeys(slugs, float(DEFICIT_BASE))
        uneven[weak] = DEFICIT_BASE - DEFICIT
        scores = score_competencies(definition, _answers(definition, uneven, rng))
        lows = profile(scores, score_groups(definition, scores)).named("low")
        found += any(
            isinstance(c.entry, CompetencyScore) and c.entry.competency.slug == weak for c in lows
        )
    return {
        "people": people,
        "seed": seed,
        "even": even,
        "even_worst": max(even.values()),
        "on_target": on_target,
        "on_target_worst": max(on_target.values(), default=0.0),
        "deficit": DEFICIT,
        "deficit_found": found / people,
    }


def item_correlation(people: int = 20000, seed: int = SEED) -> float:
    """The correlation of two rounded answers (1–5) of one competency in the model, among
    people whose true levels vary by ``ITEM_SD · √r`` points around 50."""
    rng = random.Random(seed)
    spread = ITEM_SD * float(ITEM_CORRELATION) ** 0.5
    first: list[int] = []
    second: list[int] = []
    for _ in range(people):
        level = rng.gauss(50, spread)
        for answers in (first, second):
            latent = 1 + level * 4 / 100 + rng.gauss(0, LATENT_NOISE)
            answers.append(min(5, max(1, round(latent))))
    return correlation(first, second)


def change_rates(definition: Definition, people: int = 200, seed: int = SEED) -> dict[str, Any]:
    """How the comparison of two attempts (scoring_py.compare) errs, under the same model.

    - **unchanged**: each person's true levels drawn around 50 (spread ``ITEM_SD · √r``),
      answered twice from the same levels; the share told of any clear change (goal: at most
      10 %);
    - **one competency +30**: the second attempt 30 points higher in one competency (each in
      turn); the share for whom it is named a clear improvement;
    - **everything +10**: the second attempt 10 points higher everywhere; the share for whom
      the whole test shows a clear improvement.
    """
    from .compare import Attempt, compare  # compare imports this module's neighbours only

    rng = random.Random(seed)
    slugs = [c.slug for c in definition.competencies]
    spread = ITEM_SD * float(ITEM_CORRELATION) ** 0.5

    def attempt(levels: Levels) -> Attempt:
        return Attempt(_answers(definition, levels, rng), None, 0)

    def person() -> Levels:
        return {slug: min(95.0, max(5.0, rng.gauss(50, spread))) for slug in slugs}

    unchanged = found = overall = 0
    for index in range(people):
        levels = person()
        result = compare(definition, attempt(levels), attempt(levels))
        rows = [*result["competencies"], *result["groups"], result["overall"]]
        unchanged += any(row["reliable"] for row in rows)
        better = dict(levels)
        slug = slugs[index % len(slugs)]
        better[slug] = min(100.0, better[slug] + 30)
        rows = compare(definition, attempt(levels), attempt(better))["competencies"]
        found += any(row["slug"] == slug and row["reliable"] == "up" for row in rows)
        lifted = {key: min(100.0, value + 10) for key, value in levels.items()}
        overall += (
            compare(definition, attempt(levels), attempt(lifted))["overall"]["reliable"] == "up"
        )
    return {
        "people": people,
        "seed": seed,
        "unchanged_any": unchanged / people,
        "one_plus_30_found": found / people,
        "all_plus_10_found": overall / people,
    }
