"""Measurement quality from a team's own answers: Cronbach's α, its Feldt interval, the standard
error the data suggest, and whether the site's ranges are narrower or wider than that.

Worked by hand for the 4 people × 3 statements below (sums 6, 7, 11, 14; columns 10, 13, 15):

- item variances 5/3, 9/4, 11/12 (sum 29/6), variance of the sums 41/3, so
  α = 3/2 · (1 − (29/6)/(41/3)) = 159/164 ≈ 0.9695;
- Σx² = 138, correction 38²/12: SS_total = 53/3, SS_persons = 402/3 − 361/3 = 41/3,
  SS_statements = 494/4 − 361/3 = 19/6, SS_residual = 5/6 on 3 · 2 = 6 degrees of freedom:
  MS_residual = 5/36, so the data's standard error of a mean of 3 is √(5/108) ≈ 0.2152.

Simulations (fixed seeds) use the model every report's ranges assume (scores.py): a person's
true level ~ N(50, 25·√0.3), each answer that level + N(0, 25·√0.7), in points.
"""

from __future__ import annotations

import math
import random

import pytest
from scoring_py.reliability import (
    chi2_quantile,
    cronbach_alpha,
    f_quantile,
    feldt_interval,
    reliability,
)
from scoring_py.scores import ITEM_CORRELATION, ITEM_SD

ROWS = [[1, 2, 3], [2, 2, 3], [3, 4, 4], [4, 5, 5]]
R = float(ITEM_CORRELATION)


def test_alpha_and_the_datas_error_by_hand() -> None:
    assert cronbach_alpha(ROWS) == pytest.approx(159 / 164)
    result = reliability(ROWS, 1)
    assert result.sem_data == pytest.approx(math.sqrt(5 / 108))
    assert result.sem_low < result.sem_data < result.sem_high
    assert result.alpha_low < result.alpha < result.alpha_high


def test_everyone_alike_has_no_alpha_to_speak_of() -> None:
    assert cronbach_alpha([[3, 3, 3], [3, 3, 3]]) == 0.0


@pytest.mark.parametrize(
    ("p", "d1", "d2", "table"),
    [
        (0.95, 5, 10, 3.3258),
        (0.95, 10, 20, 2.3479),
        (0.99, 4, 12, 5.4120),
        (0.05, 5, 10, 1 / 4.7351),  # 1 / F(0.95; 10, 5)
    ],
)
def test_f_quantiles_match_the_tables(p: float, d1: int, d2: int, table: float) -> None:
    assert f_quantile(p, d1, d2) == pytest.approx(table, abs=5e-4)


@pytest.mark.parametrize(
    ("p", "freedom", "table"),
    [(0.95, 100, 124.342), (0.05, 100, 77.929), (0.995, 100, 140.169), (0.005, 60, 35.534)],
)
def test_chi2_quantiles_are_within_a_thousandth_of_the_tables(
    p: float, freedom: int, table: float
) -> None:
    assert chi2_quantile(p, freedom) == pytest.approx(table, rel=1e-3)


def person(rng: random.Random, items: int, noise: float = 1.0) -> list[float]:
    """The model's answers; `noise` scales each answer's error (1: exactly as assumed)."""
    level = rng.gauss(50, ITEM_SD * math.sqrt(R))
    return [level + rng.gauss(0, noise * ITEM_SD * math.sqrt(1 - R)) for _ in range(items)]


def test_feldts_interval_holds_the_true_alpha_as_often_as_it_says() -> None:
    rng, items, people, trials = random.Random(11), 5, 30, 400
    true_alpha = items * R / (1 + (items - 1) * R)  # parallel statements: Spearman–Brown
    held = 0
    for _ in range(trials):
        rows = [person(rng, items) for _ in range(people)]
        low, high = feldt_interval(cronbach_alpha(rows), people, items, 0.10)
        held += low <= true_alpha <= high
    assert 0.86 <= held / trials <= 0.94  # 90 % ± about 2 standard errors


def verdicts(seed: int, trials: int, noise: float) -> list[list[str]]:
    """18 competencies of 4–6 statements, 30 people, judged together as a team view does."""
    rng = random.Random(seed)
    return [
        [reliability([person(rng, 4 + c % 3, noise) for _ in range(30)], 18).verdict
         for c in range(18)]
        for _ in range(trials)
    ]  # fmt: skip


def test_when_the_model_holds_a_team_is_rarely_told_otherwise() -> None:
    trials = verdicts(seed=5, trials=150, noise=1.0)
    wrong = sum(any(v != "agree" for v in trial) for trial in trials) / len(trials)
    assert wrong <= 0.10  # FAMILY_ERROR for the 18 verdicts together


@pytest.mark.parametrize(("noise", "verdict"), [(1.5, "narrower"), (0.6, "wider")])
def test_a_clearly_different_error_is_found(noise: float, verdict: str) -> None:
    found = [v == verdict for trial in verdicts(seed=6, trials=20, noise=noise) for v in trial]
    assert sum(found) / len(found) >= 0.8
