"""Slugs: the URL-safe form of a title."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o"})


def slugify(title: str) -> str:
    """Turn a title into a slug.

    Lower case, å and ä to a, ö to o, other accents dropped, every run of other
    characters to a single hyphen.

    >>> slugify("Känslomässig objektivitet")
    'kanslomassig-objektivitet'
    >>> slugify("Nästa steg")
    'nasta-steg'
    """
    text = title.lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
