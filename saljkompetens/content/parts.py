"""Model pieces that several content kinds share: statements, answer scales, bands, and the
sentence of a text that names something."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """A self-assessment statement (item) of a competency or a self-test's scale.

    ```yaml
    - id: prospektering-2
      text: Jag väntar på att kampanjer ska ge mig nya möjligheter.
      manager_text: Säljaren väntar på att kampanjer ska ge hen nya möjligheter.
      reverse: true
      based_on: "inte beroende av kampanjer eller enstaka stora kunder"
    ```
    """

    id: str
    text: str
    based_on: str
    reverse: bool = False
    manager_text: str = ""  # the same statement about the seller, for a manager's rating


@dataclass(frozen=True)
class ScaleStep:
    """One answer option: its value and Swedish label."""

    value: int
    label: str


@dataclass(frozen=True)
class Band:
    """A score band worded as potential: applies from `min` up to the next band."""

    min: int
    label: str
    text: str


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def naming_sentence(text: str, name: str) -> str | None:
    """The sentence of `text` that names `name`, searching the last paragraph first."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    for paragraph in reversed(paragraphs):
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if pattern.search(sentence):
                return sentence
    return None


def flat(text: str) -> str:
    """`text` with every run of whitespace (line breaks included) as one space, trimmed."""
    return " ".join(text.split())
