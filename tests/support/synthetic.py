"""Synthetic content: N competencies + N articles, a role, and the real mindsets and settings,
with sentences made of words from the project's own content. What `make bench` builds at
N = 100, 1 000 and 3 000 (bench/synthetic.py); tests/test_synthetic_content.py checks that
`check` accepts it, so the benchmark never measures a refused build.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import yaml

from saljkompetens.content.schema import STAGES
from saljkompetens.content.text_rules import absolute_word

ROOT = Path(__file__).resolve().parent.parent.parent


def _words() -> list[str]:
    """A vocabulary of real Swedish/Norwegian words taken from the project's own content,
    without the absolute words that `check` refuses in a statement ("alltid", "varje" …)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").rglob("*.md"))
    found = re.findall(r"[a-zåäöæø]{4,}", text.lower())
    return sorted({w for w in found if absolute_word(w) is None})


def _sentence(rng: random.Random, words: list[str]) -> str:
    chosen = rng.choices(words, k=rng.randint(8, 16))
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(_sentence(rng, words) for _ in range(sentences))


def _front_matter(data: Mapping[str, object]) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


def write_content(content: Path, n: int, seed: int = 1) -> None:
    """Write N competencies, N articles, one role and the real mindsets/settings to `content`."""
    rng = random.Random(seed)
    words = _words()
    shutil.copytree(ROOT / "content" / "mindsets", content / "mindsets")
    shutil.copy(ROOT / "content" / "assessment.yml", content / "assessment.yml")
    mindsets = [
        yaml.safe_load(p.read_text().split("---")[1])["title"]
        for p in sorted((content / "mindsets").glob("*.md"))
    ]
    for folder in ("competencies", "articles", "roles"):
        (content / folder).mkdir(parents=True)
    titles = [f"Syntetisk kompetens {i:04d}" for i in range(n)]
    for i, title in enumerate(titles):
        used = [mindsets[i % 12], mindsets[(i + 5) % 12], mindsets[(i + 7) % 12]]
        paragraphs = [_paragraph(rng, words, 3) for _ in range(2)]
        body = "\n\n".join([*paragraphs, f"Här spelar tankesätt som {', '.join(used)} en roll."])
        phrases = [" ".join(s.split()[:5]) for s in paragraphs[0].split(". ")[:2]]
        phrases.append(" ".join(paragraphs[1].split()[:5]))
        phrases.append(f"tankesätt som {used[0]}")
        statements: list[dict[str, object]] = [
            {
                "id": f"syn-{i:04d}-{k}",
                "text": "Jag " + (said := _sentence(rng, words).lower()[:180]),  # first person
                "manager_text": "Säljaren " + said,
                "based_on": phrase,
            }
            for k, phrase in enumerate(phrases, 1)
        ]
        for statement in statements[-2:]:  # at least a third reverse-keyed
            statement["reverse"] = True
        data: dict[str, object] = {
            "title": title,
            "summary": _sentence(rng, words)[:150],
            "stage": STAGES[i % len(STAGES)],
            "mindsets": used,
            "keywords": rng.sample(words, 4),
            "statements": statements,
        }
        slug = title.lower().replace(" ", "-")
        (content / "competencies" / f"{slug}.md").write_text(_front_matter(data) + body + "\n")
    for i in range(n):
        sections = [
            f"## {_sentence(rng, words)[:40].rstrip('.')}\n\n" + _paragraph(rng, words, 6)
            for _ in range(5)
        ]
        data = {
            "title": f"Syntetisk artikel {i:04d}",
            "lang": "sv" if i % 3 else "nb",
            "reading_time": rng.randint(3, 12),
            "summary": _sentence(rng, words)[:280],
            "competencies": rng.sample(titles, min(3, n)),
        }
        body = _paragraph(rng, words, 4) + "\n\n" + "\n\n".join(sections)
        path = content / "articles" / f"syntetisk-artikel-{i:04d}.md"
        path.write_text(_front_matter(data) + body + "\n")
    targets = [
        {"competency": t, "level": 60 + k, "why": "Syntetiskt mål."}
        for k, t in enumerate(titles[:8])
    ]
    role = {"title": "Syntetisk roll", "summary": "En roll för mätningen.", "targets": targets}
    (content / "roles" / "syntetisk-roll.md").write_text(_front_matter(role) + "En roll.\n")
