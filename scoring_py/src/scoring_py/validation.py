"""Field checks for the assessment definition, with Swedish error messages.

Every check names the offending place with a JSON path such as
``competencies[2].items[0].reverse``.
"""

import math
from typing import Any, NoReturn

from .errors import ScoringError, describe_value

__all__ = [
    "fail",
    "require_bool",
    "require_int",
    "require_list",
    "require_number",
    "require_object",
    "require_text",
]

_PREFIX = "Bedömningsdefinitionen är ogiltig: "


def fail(path: str, problem: str) -> NoReturn:
    """Raise a ScoringError about the definition.

    Args:
        path: JSON path of the offending value.
        problem: Swedish description of the problem.

    Raises:
        ScoringError: Always.
    """
    raise ScoringError(f"{_PREFIX}{path} {problem}.", path=path, problem=problem)


def require_object(parent: dict[str, Any], key: str, path: str) -> dict[str, Any]:
    """Return ``parent[key]`` if it is a JSON object."""
    value = _get(parent, key, path)
    if not isinstance(value, dict):
        fail(path, f"måste vara ett objekt, fick {describe_value(value)}")
    return value


def require_list(parent: dict[str, Any], key: str, path: str, *, non_empty: bool) -> list[Any]:
    """Return ``parent[key]`` if it is a list (non-empty if asked)."""
    value = _get(parent, key, path)
    if not isinstance(value, list):
        fail(path, f"måste vara en lista, fick {describe_value(value)}")
    if non_empty and not value:
        fail(path, "får inte vara en tom lista")
    return value


def require_text(parent: dict[str, Any], key: str, path: str, *, non_empty: bool = True) -> str:
    """Return ``parent[key]`` if it is a string (non-empty unless told)."""
    value = _get(parent, key, path)
    if not isinstance(value, str):
        fail(path, f"måste vara text, fick {describe_value(value)}")
    if non_empty and not value.strip():
        fail(path, "får inte vara tom")
    return value


def require_bool(parent: dict[str, Any], key: str, path: str) -> bool:
    """Return ``parent[key]`` if it is true or false."""
    value = _get(parent, key, path)
    if not isinstance(value, bool):
        fail(path, f"måste vara true eller false, fick {describe_value(value)}")
    return value


def require_int(
    parent: dict[str, Any],
    key: str,
    path: str,
    *,
    low: int | None = None,
    high: int | None = None,
) -> int:
    """Return ``parent[key]`` if it is an integer within ``low..high`` (bounds optional)."""
    value = _get(parent, key, path)
    if isinstance(value, bool) or not isinstance(value, int):
        fail(path, f"måste vara ett heltal, fick {describe_value(value)}")
    _check_range(value, path, low, high)
    return value


def require_number(
    parent: dict[str, Any],
    key: str,
    path: str,
    *,
    low: float,
    high: float,
) -> int | float:
    """Return ``parent[key]`` if it is a finite number within ``low..high``."""
    value = _get(parent, key, path)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail(path, f"måste vara ett tal, fick {describe_value(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        fail(path, f"måste vara ett ändligt tal, fick {describe_value(value)}")
    _check_range(value, path, low, high)
    return value


def _get(parent: dict[str, Any], key: str, path: str) -> Any:
    if key not in parent:
        fail(path, "saknas")
    return parent[key]


def _check_range(value: float, path: str, low: float | None, high: float | None) -> None:
    if low is not None and high is not None and not low <= value <= high:
        fail(path, f"måste vara mellan {low} och {high}, fick {describe_value(value)}")
    if low is not None and value < low:
        fail(path, f"måste vara minst {low}, fick {describe_value(value)}")
    if high is not None and value > high:
        fail(path, f"får vara högst {high}, fick {describe_value(value)}")
