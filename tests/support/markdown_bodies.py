"""The worst Markdown bodies the time limits (saljkompetens/content/markdown_limits.py) accept.

Each shape is a stycke that costs the renderer much for its size (found by measuring, see the
module docstring there); `near_limit` repeats it, or a seeded mix of all shapes, as often as the
guard accepts, up to the size limit of a content file. Used by tests/test_markdown_limits.py and
by `make bench` (bench/hostile.py).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from saljkompetens.content.frontmatter import MAX_FILE_BYTES
from saljkompetens.content.markdown_limits import markdown_problems

SIZE = MAX_FILE_BYTES - 1024  # room for the front matter
WORDS = ("kund", "behov", "fråga", "affär", "värde", "möte", "beslut", "pris", "avslut", "lyssna")

Shape = Callable[[random.Random], str]


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _links(rng: random.Random) -> str:
    return " ".join(f"[{_word(rng)}](../kompetenser/{_word(rng)}.md)" for _ in range(290))


def _boxes(rng: random.Random) -> str:
    opening = "".join("    " * level + f'!!! note "{_word(rng)}"\n\n' for level in range(15))
    return opening + "    " * 15 + f"**{_word(rng)}** *{_word(rng)}*"


def _lists(rng: random.Random) -> str:
    return "\n".join("    " * level + f"- *{_word(rng)}*" for level in range(15))


def _emphasis(rng: random.Random) -> str:
    return "> " * 15 + f"*{_word(rng)} _" * 74 + "x" + f"_ {_word(rng)}*" * 74


def _headings(rng: random.Random) -> str:
    attributes = " ".join(f"data-{index}={_word(rng)}" for index in range(38))
    return f"## {_word(rng)} {{: #{_word(rng)}-{rng.randrange(10**6)} {attributes}}}"


def _tags(rng: random.Random) -> str:
    attributes = " ".join(f"data-{index}={_word(rng)}" for index in range(39))
    return f"<span {attributes}>{_word(rng)}</span> " * 4


def _brackets(rng: random.Random) -> str:
    return " ".join(f"[{_word(rng)}" for _ in range(60))


def _backticks(rng: random.Random) -> str:
    return " ".join("`" * size + _word(rng) for size in range(1, 30))


def _fences(rng: random.Random) -> str:
    return f"```{_word(rng)}\n" + "\n".join(_word(rng) for _ in range(8))


def _reopened(rng: random.Random) -> str:
    return "".join(f'<p title="{_word(rng)}">{_word(rng)}</p>' for _ in range(40))


SHAPES: dict[str, Shape] = {
    "länkar": _links,
    "rutor i rutor": _boxes,
    "listor i listor": _lists,
    "betoning i citat": _emphasis,
    "rubriker med attribut": _headings,
    "taggar med attribut": _tags,
    "öppna hakparenteser": _brackets,
    "bakåtfnuttar": _backticks,
    "kodblock utan slut": _fences,
    "öppna formateringstaggar": _reopened,
}
OPENING = {"öppna formateringstaggar": "".join(f"<b class=b{index}>" for index in range(40))}


def near_limit(name: str, seed: int = 0) -> str:
    """As many stycken of one shape (or, for "blandning", of a seeded mix) as the guard accepts.

    The count is found by bisection (the guard accepts a prefix or refuses it).
    """
    rng = random.Random(seed)
    names = list(SHAPES) if name == "blandning" else [name]
    stycken: list[str] = []
    size = 0
    while size <= SIZE:
        stycke = SHAPES[rng.choice(names)](rng)
        stycken.append(stycke)
        size += len(stycke.encode()) + 2
    opening = [OPENING[name]] if name in OPENING else []

    def body(count: int) -> str:
        return "\n\n".join([*opening, *stycken[:count]]) + "\n"

    low, high = 0, len(stycken)
    while high - low > 1:
        middle = (low + high) // 2
        text = body(middle)
        if len(text.encode()) <= SIZE and not markdown_problems(text):
            low = middle
        else:
            high = middle
    return body(low)
