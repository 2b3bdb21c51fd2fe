"""Content bodies render in bounded time: the pre-check (markdown_limits) and what it lets through.

Measured before the pre-check (Python-Markdown 3.11, `body.render_html`, CPU seconds on the 2-core
development machine): 16 kB of `[a ` 7.9 s (64 kB: over a minute), of `![a ` 6.1 s, of nested
`[[[…]]]` 7.6 s; 64 kB of `<a ` 25 s; 256 kB of escapes `\\*` in one paragraph 23 s, of line
breaks 15 s, of `*a*` 16 s; 32 kB of ```` ```x ```` lines 1.1 s; one fence with `hl_lines="` over
8 000 quote lines 1.8 s; 20 kB of `a⏎=⏎` without a blank line 2.1 s; a 100-column table header over
2 000 one-letter rows (4 kB) 9.6 s in `check_body`; 480 `<div markdown>` in one another: a
RecursionError; 40 `<b …>` left open before 1 200 `<p>` (9 kB): 1.5 s in `check_body`.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from saljkompetens.content import loader
from saljkompetens.content.body import Page, Problem, check_body, render_html
from saljkompetens.content.errors import ContentErrors
from saljkompetens.content.markdown_limits import LIMITS, markdown_problems, measures
from saljkompetens.content.model import KnowledgeBase
from tests.support.markdown_bodies import SIZE, near_limit

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"
FOR_LINKS = "; det gör texten för tung att göra om till HTML – stäng dem, eller skriv \\[ för en "
ELEMENTS = "(stycken, listpunkter, rubriker, tabellceller, formatering och taggar)"


def test_every_real_body_passes_far_below_each_limit(kb: KnowledgeBase) -> None:
    bodies = [item.body for item in kb.competencies] + [item.body for item in kb.mindsets]
    bodies += [item.body for item in kb.articles] + [item.body for item in kb.roles]
    bodies += [item.body for item in kb.selftests]
    assert len(bodies) > 30
    for body in bodies:
        assert markdown_problems(body) == []
        for name, value in measures(body).items():
            assert value <= LIMITS[name] / 10, (name, value)


HOSTILE = {
    "öppna hakparenteser": (
        "[a " * 5000,
        "stycket har 5 000 hakparenteser [ som inte stängs med ]" + FOR_LINKS
        + "hakparentes som inte hör till en länk",
    ),
    "länkar utan )": (
        "[a](b " * 1000,
        "stycket har 1 000 länkar där ( inte stängs med )" + FOR_LINKS
        + "hakparentes som inte hör till en länk",
    ),
    "bakåtfnuttar utan partner": (
        " ".join("`" * size for size in range(1, 301)),
        "stycket har 300 grupper av bakåtfnuttar ` som inte stängs av en lika lång grupp; det gör "
        "texten för tung att göra om till HTML – stäng dem, eller skriv \\` för ett ensamt tecken",
    ),
    "kodblock utan slut": (
        "```x\n" * 2500,
        "texten har 2 500 kodblock som börjar med ``` eller ~~~ men inte avslutas; avsluta varje "
        "kodblock med en rad med samma tecken",
    ),
    "rubriklinjer i ett stycke": (
        "a\n=\n" * 5000,
        "texten har för långa stycken (det längsta har 10 000 rader och 19 999 tecken utan tom "
        "rad); dela upp dem med tomma rader",
    ),
    "rubriklinjer med bara \\r som radbrytning": (
        "a\r=\r" * 5000,
        "texten har för långa stycken (det längsta har 10 000 rader och 19 999 tecken utan tom "
        "rad); dela upp dem med tomma rader",
    ),
    "taggar utan >": (
        " ".join(["<br"] * 3000),
        "texten har 3 000 taggar som börjar med < men inte slutar med > före nästa tagg; skriv "
        "&lt; för tecknet <, eller avsluta taggen med >",
    ),
    "kommentarer utan slut": (
        "<!-- a\n\n" * 1000,
        "texten har 1 000 taggar som börjar med < men inte slutar med > före nästa tagg; skriv "
        "&lt; för tecknet <, eller avsluta taggen med >",
    ),
    "citat i citat": (
        "> " * 20 + "a",
        "texten ligger 20 nivåer djupt här (listor, citat och indrag i varandra); högst 16 går – "
        "gör strukturen plattare",
    ),
    "listor i listor": (
        "".join("    " * level + "- a\n" for level in range(20)),
        "texten ligger 20 nivåer djupt här (listor, citat och indrag i varandra); högst 16 går – "
        "gör strukturen plattare",
    ),
    "div i div": (
        "<div>" * 60,
        "60 HTML-element är öppna i varandra (utan sluttaggar emellan); högst 48 går – stäng dem "
        "med sluttaggar (</div> …)",
    ),
    "bred tabell": (
        "|" + "a|" * 100 + "\n|" + "-|" * 100 + "\n" + "a\n" * 100,
        "tabellen kan bli 100 kolumner × 102 rader = 10 200 celler (varje rad får lika många "
        "celler som rubrikraden); högst 5 000 går – dela upp tabellen",
    ),
    "tagg med många attribut": (
        "<span" + " a" * 100 + ">x</span>",
        "taggen <span> har 100 attribut; högst 40 går",
    ),
    "attributlista med många attribut": (
        "# h {: " + " ".join(f"data-{index}=1" for index in range(50)) + "}",
        "attributlistan { … } har 50 attribut; högst 40 går",
    ),
    "formatering som inte stängs": (
        "".join(f'<b class="b{index}">' for index in range(10)) + "\n\n" + "<p>a</p>\n\n" * 100,
        "taggen <b> stängs inte (eller först långt senare), och webbläsaren öppnar den igen i "
        "varje följande stycke; stäng den med </b> i samma stycke",
    ),
    "många listpunkter": (
        "- a\n\n" * 2000,
        f"texten blir omkring 8 000 HTML-element {ELEMENTS}; högst 5 000 går – dela upp texten "
        "på flera sidor (det här stycket har flest)",
    ),
    "många rubriker": (
        "## a\n\n" * 600,
        "texten har 600 rubriker; högst 500 går (varje rubrik blir en del av sidans "
        "innehållsförteckning och av sökindexet) – dela upp texten på flera sidor",
    ),
    "betoning i ett stycke": (
        "*a* " * 200,
        "stycket har 400 tecken som inleder formatering eller länkar (* _ ` [ < & \\); högst 300 "
        "går i ett stycke – dela upp det med tomma rader",
    ),
    "markdown=1 på <p> (blanka rader räknas inte)": (
        '<p markdown="1">\n' + "[a \n\n" * 400 + "</p>",
        "stycket har 402 tecken som inleder formatering eller länkar (* _ ` [ < & \\); högst 300 "
        "går i ett stycke – dela upp det med tomma rader",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_body_is_refused_with_its_message(name: str) -> None:
    body, message = HOSTILE[name]
    assert message in [problem for problem, _ in markdown_problems(body)]


def test_each_needle_is_on_the_line_it_names() -> None:
    body = "Lugnt stycke.\n\n" + "[a " * 400 + "\n\n" + "> " * 20 + "djupt"
    lines = body.split("\n")
    needles = [needle for _, needle in markdown_problems(body)]
    assert [next(i for i, line in enumerate(lines) if n in line) for n in needles] == [4, 2]


def test_the_pre_check_is_fast_on_the_largest_hostile_bodies() -> None:
    for body in ("[a " * (SIZE // 3), "<b>a\n\n" * (SIZE // 6)):
        began = time.process_time()
        assert markdown_problems(body)
        assert time.process_time() - began < 2


@pytest.mark.parametrize(
    ("shape", "seed"),
    [("länkar", 0), ("rutor i rutor", 0), ("betoning i citat", 0), ("kodblock utan slut", 0),
     ("blandning", 7)],
)  # fmt: skip
def test_near_limit_body_is_accepted_and_renders_quickly(shape: str, seed: int) -> None:
    body = near_limit(shape, seed)
    assert markdown_problems(body) == []
    counted = measures(body)
    fullest = max(counted[name] / LIMITS[name] for name in LIMITS)
    assert fullest > 0.9 or len(body.encode()) > 0.9 * SIZE  # at a limit, not a small sample
    began = time.process_time()
    render_html(body)
    rendered = time.process_time()
    check_body(body, Page("artiklar/x.md", frozenset()))
    checked = time.process_time()
    assert rendered - began < 1.0  # measured: at most 0.15 s
    assert checked - rendered < 2.5  # measured: at most 0.5 s (render, parse, sanitize, links)


def test_the_loader_refuses_before_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    article = content / "articles" / "om-att-lyssna.md"
    article.write_text(article.read_text("utf-8") + "\n" + "[a " * 5000 + "\n", "utf-8")

    def checked(body: str, page: Page) -> list[Problem]:
        assert "[a [a" not in body, "check_body ran on a body the pre-check refused"
        return check_body(body, page)

    monkeypatch.setattr(loader, "check_body", checked)
    with pytest.raises(ContentErrors) as raised:
        loader.load_content(content)
    found = [(error.line, error.field) for error in raised.value.errors if "[" in error.message]
    assert found == [(12, "text"), (12, "text")]
