"""The one error type for content problems, and its collection."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def field_name(path: Iterable[str | int]) -> str | None:
    """`statements[2].id` for the path ("statements", 2, "id")."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or None


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file, worded for an editor (in Swedish).

    Example, as printed::

        content/competencies/prospektering.md:4: mindsets[1]: okänt tankesätt "Hungr"
        (menade du "Hunger"?)
    """

    path: Path
    message: str
    field: str | None = None
    line: int | None = None
    column: int | None = None
    warning: bool = False  # reported, but nothing stops: e.g. a file that is not read

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        kind = " varning:" if self.warning else ""
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{kind}{field} {self.message}"


def in_order(problems: Iterable[ContentError]) -> list[ContentError]:
    """Problems by file, line and field, each once."""
    unique = dict.fromkeys(problems)
    return sorted(unique, key=lambda e: (str(e.path), e.line or 0, e.field or ""))


class ContentErrors(Exception):
    """Raised when content has one or more problems; carries every one of them."""

    def __init__(
        self, errors: Iterable[ContentError], warnings: Iterable[ContentError] = ()
    ) -> None:
        self.errors = in_order(errors)
        self.warnings = in_order(warnings)
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line (warnings last), with a closing count."""
        lines = [str(problem) for problem in [*self.errors, *self.warnings]]
        lines.append(f"{len(self.errors)} fel i innehållet.")
        return "\n".join(lines)
