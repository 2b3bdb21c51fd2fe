"""How precise the statements really are, from a team's own answers (30 people or more).

The ranges in every report rest on an assumption (:mod:`scoring_py.scores`): one answer's
error is ``ITEM_SD · √(1 − r)`` points, so a competency of ``k`` statements has the standard
error ``sem(k)``. With enough people the answers can test it:

- **Cronbach's α** per competency, from the people who answered all its statements (keyed,
  0–100 points): ``α = k / (k − 1) · (1 − Σ item variances / variance of the sum)``;
- its **confidence interval** by Feldt's F method: ``1 − (1 − α) · F``, with ``F`` the
  F(n − 1, (n − 1)(k − 1)) quantiles;
- the **standard error the data suggest**, ``√(MS_res / k)`` with ``MS_res`` the residual mean
  square of persons × statements (the same as ``SD of the scores · √(1 − α)``), and its
  interval from the χ² distribution with ``(n − 1)(k − 1)`` degrees of freedom
  (Wilson–Hilferty's approximation of the quantiles, within 0.1 % from 60 degrees of freedom);
- a **verdict**: the site's ranges are *narrower* than the data suggest when the site's
  standard error lies below that interval, *wider* when above it, otherwise they *agree*.

Every verdict of one team view together is wrong at most :data:`~scoring_py.ranking.FAMILY_ERROR`
of the time (Bonferroni over the competencies compared), as the report's claims are.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from .ranking import FAMILY_ERROR
from .scores import sem

__all__ = [
    "MIN_PEOPLE",
    "Reliability",
    "chi2_quantile",
    "cronbach_alpha",
    "f_quantile",
    "feldt_interval",
    "reliability",
]

MIN_PEOPLE = 30
"""People with every statement of a competency answered before its α is shown."""


@dataclass(frozen=True)
class Reliability:
    """One competency's measured precision against the site's assumption.

    Attributes:
        people: People who answered all its statements.
        items: Its statements.
        alpha: Cronbach's α, and its interval (``alpha_low``, ``alpha_high``).
        sem_data: The standard error the data suggest (points), and its interval.
        sem_site: The standard error the site's ranges use for ``items`` answers.
        verdict: "narrower" (the site's ranges are too narrow), "wider" or "agree".
    """

    people: int
    items: int
    alpha: float
    alpha_low: float
    alpha_high: float
    sem_data: float
    sem_low: float
    sem_high: float
    sem_site: float
    verdict: str


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float:
    """Cronbach's α of complete rows (one per person, one value per statement)."""
    k = len(rows[0])
    if k < 2 or len(rows) < 2:
        raise ValueError("α needs two statements and two people")
    item_variance = sum(_variance([row[i] for row in rows]) for i in range(k))
    total_variance = _variance([sum(row) for row in rows])
    if total_variance == 0:
        return 0.0  # everyone answered alike: the answers cannot tell people apart
    return k / (k - 1) * (1 - item_variance / total_variance)


def feldt_interval(alpha: float, people: int, items: int, error: float) -> tuple[float, float]:
    """The two-sided interval for α that misses with probability `error` (Feldt, 1965)."""
    d1, d2 = people - 1, (people - 1) * (items - 1)
    low = 1 - (1 - alpha) * f_quantile(1 - error / 2, d1, d2)
    high = 1 - (1 - alpha) * f_quantile(error / 2, d1, d2)
    return low, high


def reliability(rows: Sequence[Sequence[float]], comparisons: int) -> Reliability:
    """α, the data's standard error and the verdict for one competency's complete rows
    (0–100 points); `comparisons`: how many competencies the team view compares at once."""
    people, items = len(rows), len(rows[0])
    error = float(FAMILY_ERROR) / max(1, comparisons)
    alpha = cronbach_alpha(rows)
    low, high = feldt_interval(alpha, people, items, error)
    freedom = (people - 1) * (items - 1)
    residual = _residual_mean_square(rows)
    data = math.sqrt(residual / items)
    data_low = math.sqrt(freedom * residual / chi2_quantile(1 - error / 2, freedom) / items)
    data_high = math.sqrt(freedom * residual / chi2_quantile(error / 2, freedom) / items)
    site = sem(items)
    verdict = "narrower" if site < data_low else "wider" if site > data_high else "agree"
    return Reliability(
        people, items, alpha, low, high, data, data_low, data_high, site, verdict
    )  # fmt: skip


def _residual_mean_square(rows: Sequence[Sequence[float]]) -> float:
    """Persons × statements without their row and column means: the answers' own error."""
    people, items = len(rows), len(rows[0])
    row_means = [sum(row) / items for row in rows]
    column_means = [sum(row[i] for row in rows) / people for i in range(items)]
    grand = sum(row_means) / people
    squares = sum(
        (value - row_means[p] - column_means[i] + grand) ** 2
        for p, row in enumerate(rows)
        for i, value in enumerate(row)
    )
    return squares / ((people - 1) * (items - 1))


def chi2_quantile(p: float, freedom: int) -> float:
    """The `p` quantile of χ² with `freedom` degrees of freedom (Wilson–Hilferty)."""
    z = NormalDist().inv_cdf(p)
    h = 2 / (9 * freedom)
    return freedom * (1 - h + z * math.sqrt(h)) ** 3


def _variance(values: Sequence[float]) -> float:
    """The sample variance (n − 1)."""
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def f_quantile(p: float, d1: int, d2: int) -> float:
    """The `p` quantile of the F(d1, d2) distribution, by bisection on its CDF."""
    low, high = 0.0, 1.0
    while _f_cdf(high, d1, d2) < p:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        if _f_cdf(middle, d1, d2) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _f_cdf(x: float, d1: int, d2: int) -> float:
    return _beta_regularized(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)


def _beta_regularized(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x > (a + 1) / (a + b + 2):
        return 1 - _beta_regularized(1 - x, b, a)
    return math.exp(log_front) * _beta_fraction(x, a, b) / a


def _beta_fraction(x: float, a: float, b: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 500):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < 1e-15:
            break
    return result
