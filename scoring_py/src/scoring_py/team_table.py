"""The team table as CSV for a spreadsheet set up for Swedish (Excel, LibreOffice, Numbers).

Swedish Excel splits a line on ``;`` (its list separator, as the comma is the decimal sign)
and reads a file as UTF-8 only when it starts with a byte order mark; without them every line
opens in one column and "å" turns into "Ã¥". So the file is:

- UTF-8 with a BOM, lines ending in CRLF, fields separated by ``;`` (quoted where needed);
- a header row with ``Person``, ``Datum`` and each competency's title, as the page shows them;
- one row per attempt: a person with two attempts (two dates) has two rows, the earlier first,
  so that a spreadsheet can follow the change; ``Datum`` is the file's date (``YYYY-MM-DD``),
  empty when the file has none;
- numbers with a decimal comma (a median can be a half: ``62,5``); an empty cell where a person
  has no value;
- a label a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) behind a
  leading ``'``.

The page saves this text as it is, and ``python -m scoring_py team --csv`` prints it, so both
give the same bytes.
"""

import csv
import io
from typing import Any

__all__ = ["BOM", "SEPARATOR", "team_csv"]

BOM = "\ufeff"
"""Written first, so that Excel reads the file as UTF-8."""

SEPARATOR = ";"
"""The field separator Swedish spreadsheets split on."""

_FORMULA = ("=", "+", "-", "@", "\t", "\r")

_MEASURES = (("Lägst", "lowest"), ("Median", "median"), ("Högst", "highest"),
             ("Antal med värde", "scored"))  # fmt: skip


def team_csv(result: dict[str, Any]) -> str:
    """The team table of `result` (team's result) as CSV text, BOM first.

    One row per person's own rating, in file order (a person's earlier attempt just before the
    later): ``Person``, ``Datum`` and one column per competency (the shown score, empty where
    unscored). Without per-person values (a self-test about the
    organisation): ``Mått`` and the same columns, with the rows ``Lägst``, ``Median``,
    ``Högst`` and ``Antal med värde``, once there are aggregates.
    """
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=SEPARATOR, lineterminator="\r\n")
    titles = [c["title"] for c in result["competencies"]]
    slugs = [c["slug"] for c in result["competencies"]]
    if not result["per_person"]:
        writer.writerow(["Mått", *titles])
        rows = result["aggregate"]["competencies"] if result["aggregate"] else []
        for name, key in _MEASURES if rows else ():
            writer.writerow([name, *(_number(r[key]) for r in rows)])
        return out.getvalue()
    writer.writerow(["Person", "Datum", *titles])
    for person in result["people"]:
        for attempt in (person.get("earlier"), person):
            if attempt is None:
                continue
            cells = {c["slug"]: c["score"] for c in attempt["competencies"]}
            writer.writerow([_safe(person["label"]), attempt.get("date") or "",
                             *(_number(cells[s]) for s in slugs)])  # fmt: skip
    return out.getvalue()


def _safe(text: str) -> str:
    """`text` as a spreadsheet shows it, never runs it."""
    return "'" + text if text.startswith(_FORMULA) else text


def _number(value: float | None) -> str:
    """A value with a decimal comma; empty for none."""
    return "" if value is None else str(value).replace(".", ",")
