"""What `make new` refuses (`ScaffoldError`) and how it picks what a new file refers to."""

from __future__ import annotations

from .validate import suggestion


class ScaffoldError(Exception):
    """The file was not created; the message says why, in Swedish."""


def pick(wanted: str | None, titles: list[str], unknown: str, option: str) -> str:
    """`wanted` if it is one of `titles`, else the first title when nothing was asked for."""
    if wanted is None:
        if not titles:
            raise ScaffoldError(f"{option}: innehållet har inget att hänvisa till")
        return titles[0]
    if wanted not in titles:
        raise ScaffoldError(f'{option}: {unknown} "{wanted}"{suggestion(wanted, titles)}')
    return wanted
