"""Swedish words that depend on a number: "1 kompetens", "2 kompetenser"."""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """`count` and the noun in the right number: plural(1, "minut", "minuter") → "1 minut"."""
    return f"{count} {one if count == 1 else many}"
