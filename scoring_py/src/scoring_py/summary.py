"""The result in words: three to five Swedish sentences, made from the numbers."""

from .answers import Answers
from .model import Definition, Role
from .ranking import MIN_SCORED, RoleStatus
from .scores import CompetencyScore

__all__ = ["join", "summary"]


def join(words: list[str]) -> str:
    """Swedish list: "A", "A och B", "A, B och C"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} och {words[-1]}"


def _profile(definition: Definition, scored: list[CompetencyScore], noted: bool) -> list[str]:
    """A check's profile in words: each scale with its band, in the check's order, with no
    ranking (the scales are read side by side, never as a type)."""
    assert definition.check is not None
    whose = "" if definition.check.audience == "self" else " av organisationen"
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
        sentences.append("Läs anteckningarna om dina svar innan du drar slutsatser.")
    return sentences


def summary(
    definition: Definition,
    answers: Answers,
    scores: list[CompetencyScore],
    strengths: list[CompetencyScore],
    development: list[CompetencyScore],
    role: tuple[Role, list[RoleStatus], list[RoleStatus]] | None,
    noted: bool,
) -> list[str]:
    """The sentences, in reading order."""
    scored = [entry for entry in scores if entry.scored]
    opening = f"Du har svarat på {len(answers.values)} av {definition.item_count} påståenden"
    if answers.not_applicable:
        opening += (
            f" och valt ”{definition.not_applicable_label}” för {len(answers.not_applicable)}"
        )
    competencies = len(definition.competencies)
    kind = "kompetenser" if definition.check is None else "skalor"
    sentences = [f"{opening}; {len(scored)} av {competencies} {kind} har fått ett värde."]
    if not scored:
        return [*sentences, "Svara på fler påståenden så visas ditt resultat här."]
    if definition.check is not None:
        return [*sentences, *_profile(definition, scored, noted)]
    names = [entry.competency.title for entry in strengths]
    if strengths:
        what = "dina tydligaste styrkor" if len(names) > 1 else "din tydligaste styrka"
        sentences.append(f"Enligt din skattning är {join(names)} {what}.")
    if development and role is None:
        areas = join([entry.competency.title for entry in development])
        sentences.append(f"Mest utrymme att utvecklas finns, enligt din skattning, i {areas}.")
    if not strengths and not development and len(scored) >= MIN_SCORED:
        sentences.append(
            "Enligt din skattning skiljer sig inga kompetenser tydligt från de andra: "
            "skillnaderna ryms inom det som mätningen kan visa."
        )
    if role is not None:
        chosen, statuses, focus = role
        rated = [s for s in statuses if s.status is not None]
        under = [s for s in rated if s.status == "under"]
        if under:
            most = join([s.entry.competency.title for s in focus])
            sentences.append(
                f"Jämfört med rollen {chosen.title} ligger du under målet i {len(under)} av "
                f"{len(rated)} kompetenser med ett värde, mest i {most}."
            )
        elif rated:
            where = (
                f"i alla {len(rated)} kompetenser med ett värde"
                if len(rated) > 1
                else "i den enda kompetensen med ett värde"
            )
            sentences.append(
                f"Jämfört med rollen {chosen.title} når du målet, inom mätningens felmarginal, "
                f"{where}."
            )
    if noted:
        sentences.append("Läs anteckningarna om dina svar innan du drar slutsatser.")
    return sentences
