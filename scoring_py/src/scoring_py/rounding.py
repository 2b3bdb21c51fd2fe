"""Exact arithmetic helpers and the rounding rule of the result.

All aggregation is done with exact fractions on unrounded values. Only the
numbers written to the result are rounded, to the nearest integer with halves
rounded up (towards +infinity): 62.5 → 63, 37.5 → 38, -2.5 → -2.
Bands, rankings (strengths, development areas, gap order) and means of means
all use the unrounded values. A role gap is shown as ``target - shown score``
(target is an integer), so the three numbers shown always agree.
Exact fractions make the result identical on every platform (CPython, Pyodide).
"""

import math
from collections.abc import Iterable
from fractions import Fraction

__all__ = ["mean", "round_half_up"]

_HALF = Fraction(1, 2)


def round_half_up(value: Fraction | int) -> int:
    """Round to the nearest integer, halves up (62.5 → 63, -2.5 → -2)."""
    return math.floor(Fraction(value) + _HALF)


def mean(values: Iterable[Fraction | int]) -> Fraction | None:
    """Return the exact mean, or None for no values."""
    collected = [Fraction(value) for value in values]
    if not collected:
        return None
    return sum(collected, Fraction(0)) / len(collected)
