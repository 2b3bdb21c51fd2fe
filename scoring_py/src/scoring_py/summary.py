"""The result in words: a few Swedish sentences, made from the numbers, that claim only
what the answers can show (see `ranking`) and say so when nothing stands out."""

from typing import Any

from .answers import Answers
from .model import Definition, Role
from .quality import FIRM_BLOCKERS
from .ranking import FAMILY_ERROR, MIN_SCORED, Comparison, RoleStatus, reflection
from .rounding import round_half_up
from .scores import COVERAGE, CompetencyScore

__all__ = ["join", "summary"]


def join(words: list[str]) -> str:
    """Swedish list: "A", "A och B", "A, B och C"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} och {words[-1]}"


def _profile(definition: Definition, scored: list[CompetencyScore], noted: bool) -> list[str]:
    """A self-test's profile in words: each scale with its band, in its own order, with no
    ranking (the scales are read side by side, never as a type)."""
    assert definition.selftest is not None
    whose = "" if definition.selftest.audience == "self" else " av er organisation"
    parts = [
        f"{entry.competency.title} – {definition.band_for(entry.score).label.lower()}"
        for entry in scored
        if entry.score is not None
    ]
    sentences = [
        f"Enligt din skattning{whose}: {join(parts)}. Läs skalorna var för sig och tillsammans; "
        "de är en profil, inte en typ."
    ]
    if noted:
        sentences.append("Läs anteckningarna om svaren innan du drar slutsatser.")
    return sentences


def summary(
    definition: Definition,
    answers: Answers,
    scores: list[CompetencyScore],
    strengths: list[CompetencyScore],
    development: list[CompetencyScore],
    groups: dict[str, list[Comparison]],
    role: tuple[Role, list[RoleStatus], list[RoleStatus]] | None,
    notes: list[dict[str, str]],
    blockers: list[str],
    smallest: int | None = None,
) -> list[str]:
    """The sentences, in reading order."""
    scored = [entry for entry in scores if entry.scored]
    opening = f"Du har svarat på {len(answers.values)} av {definition.item_count} påståenden"
    if answers.not_applicable:
        opening += (
            f" och valt ”{definition.not_applicable_label}” för {len(answers.not_applicable)}"
        )
    competencies = len(definition.competencies)
    kind = definition.parts_word
    sentences = [f"{opening}; {len(scored)} av {competencies} {kind} har fått ett värde."]
    if not scored:
        return [*sentences, "Svara på fler påståenden så visas ditt resultat här."]
    if definition.selftest is not None:
        return [*sentences, *_profile(definition, scored, bool(notes))]
    if blockers:
        return [*sentences, *_withheld(blockers)]
    sentences.extend(_groups(groups))
    if strengths:
        names = [entry.competency.title for entry in strengths]
        what = "dina tydligaste styrkor" if len(names) > 1 else "din tydligaste styrka"
        sentences.append(
            f"Enligt din skattning är {join(names)} {what}: tydligt över dina andra kompetenser."
        )
    if development and role is None:
        areas = join([entry.competency.title for entry in development])
        sentences.append(
            f"Tydligast under dina andra kompetenser ligger, enligt din skattning, {areas}."
        )
    if role is not None:
        sentences.append(_role_sentence(role))
    named = strengths or (development and role is None) or any(groups.values())
    if not named and len(scored) >= MIN_SCORED:
        sentences.append(
            "Ingen kompetens skiljer sig från de andra mer än vad mätningens felmarginal kan "
            "ge av en slump. Det betyder inte att de är lika, bara att några få påståenden "
            "per kompetens inte räcker för att visa det."
        )
        lowest = join([entry.competency.title for entry in reflection(scores)])
        if role is None and lowest:
            sentences.append(
                f"Vill du ändå börja någonstans är dina lägsta värden {lowest}; det är en plats "
                "att börja fundera, inte ett resultat."
            )
    sentences.append(_certainty(smallest))
    if notes:
        sentences.append("Läs anteckningarna om dina svar innan du drar slutsatser.")
    return sentences


def _groups(groups: dict[str, list[Comparison]]) -> list[str]:
    """The stages of the sale that clearly stand out (from all their answers)."""
    sentences = []
    for direction, word in (("high", "över"), ("low", "under")):
        names = [_name(comparison) for comparison in groups.get(direction, [])]
        if names:
            sentences.append(
                f"Av försäljningens delar ligger {join(names)} tydligt {word} de andra enligt "
                "din skattning."
            )
    return sentences


def _name(comparison: Comparison) -> str:
    entry: Any = comparison.entry
    return f"”{entry.name}”"


def _role_sentence(role: tuple[Role, list[RoleStatus], list[RoleStatus]]) -> str:
    chosen, statuses, focus = role
    rated = [s for s in statuses if s.status is not None]
    under = [s for s in rated if s.status == "under"]
    over = [s for s in rated if s.status == "over"]
    start = f"Jämfört med rollen {chosen.title}"
    if not rated:
        return f"{start} har ingen av rollens kompetenser fått ett värde ännu."
    if under:
        most = join([s.entry.competency.title for s in focus])
        where = (
            "i den enda kompetensen med ett värde"
            if len(rated) == 1
            else f"i {len(under)} av {len(rated)} kompetenser med ett värde, mest i {most}"
        )
        return f"{start} ligger du tydligt under målet {where}."
    where = (
        "i den enda kompetensen med ett värde"
        if len(rated) == 1
        else f"i någon av de {len(rated)} kompetenserna med ett värde"
    )
    if over:
        return (
            f"{start} ligger du inte tydligt under målet {where}, men tydligt över det i "
            f"{len(over)}."
        )
    return (
        f"{start} ligger du inte tydligt under målet {where}: skillnaderna mot målen ryms inom "
        "mätningens felmarginal."
    )


def _withheld(blockers: list[str]) -> list[str]:
    what = {
        "straight-line": "nästan samma svar på allt",
        "acquiescence": "instämmer både i påståendena och i deras motsats",
    }
    pattern = join([what[code] for code in FIRM_BLOCKERS if code in blockers])
    return [
        f"Dina svar följer ett mönster ({pattern}), så resultatet pekar inte ut några styrkor, "
        "utvecklingsområden eller lägen mot en roll: skillnaderna skulle säga mer om sättet att "
        "svara än om ditt arbete. Läs anteckningarna nedan."
    ]


def _certainty(smallest: int | None) -> str:
    """How sure the report is: the range's coverage, and the smallest difference it names."""
    coverage = round_half_up(COVERAGE * 100)
    error = round_half_up(FAMILY_ERROR * 100)
    size = f" (här ungefär {smallest} poäng)" if smallest else ""
    return (
        f"Varje värde visas med ett intervall som med {coverage}\u00a0% sannolikhet rymmer ditt "
        f"värde utan mätfel. En skillnad nämns bara när den är så stor{size} att den som "
        f"egentligen ligger lika överallt får något utpekat högst {error} gånger av 100; "
        "mindre skillnader kan vara verkliga, men mätningen kan inte skilja dem från slumpen."
    )
