"""The team view in words: the summary sentences above the table (the team over time
among them), and the notes on a person's answers worded for the manager who reads them."""

from collections import Counter
from typing import Any

from .answers import Answers
from .model import Definition
from .team_aggregate import MIN_TEAM

__all__ = ["manager_notes", "summary"]

_LEFT_OUT = " Därför räknas filen inte in i teamets median, spridning och antal."
"""Said after a note that keeps a file out of the team's numbers (team.TEAM_BLOCKERS)."""


def manager_notes(
    definition: Definition, answers: Answers, notes: list[dict[str, str]]
) -> list[dict[str, str]]:
    """`notes` (:func:`scoring_py.quality.quality_notes` of `answers`, written to the one who
    answered) as the manager reads them: about the answers in the file, never "du"."""
    parts = definition.parts_word  # "kompetenser" or "skalor": "kompetenserna", "skalorna"
    worded = []
    for note in notes:
        code, message = note["code"], note["message"]
        if code == "straight-line":
            value, count = Counter(answers.values.values()).most_common(1)[0]
            message = (
                f"Filen har samma svar ({value}, ”{definition.scale.label(value)}”) på {count} "
                f"av {len(answers.values)} påståenden, så den säger lite om skillnaderna mellan "
                f"{parts}na." + _LEFT_OUT
            )
        elif code == "acquiescence":
            message = (
                "Svaren i filen instämmer både i påståendena och i dem som säger motsatsen. Det "
                "kan vara ett sätt att svara snarare än en bild av arbetet." + _LEFT_OUT
            )
        elif code == "too-good":
            message = (
                "Svaren i filen ligger nästan överallt på bästa nivån. Det är ovanligt att stämma "
                "så väl in på allt; ta det som en fråga att samtala om, inte som ett resultat."
            )
        elif code == "unanswered":
            message = message + _LEFT_OUT  # says how many are unanswered, to no one in person
        worded.append({"code": code, "message": message})
    return worded


def summary(result: dict[str, Any], managers: int) -> list[str]:
    """The team view in a few Swedish sentences: what was read, the team's numbers (or why
    they are not shown), and how self and manager differ."""
    people = result["respondents"]
    failed = sum(1 for f in result["files"] if f["error"])
    read = len(result["files"]) - failed
    if not result["files"]:
        return ["Lägg till svarsfiler från säljarna för att se teamets bild."]
    twice = len(result["change"]["people"]) if result.get("change") else 0
    if result["per_person"]:
        own = _count(people + twice, "självskattning", "självskattningar")
        if twice:  # a person's two attempts are two files, one person
            own += f" från {_count(people, 'person', 'personer')}, {twice} med två försök"
    else:
        own = f"{_count(people, 'persons', 'personers')} svar om organisationen"
    opening = f"{_count(read, 'fil', 'filer')} lästes: {own}"
    if managers:
        opening += f" och {_count(managers, 'chefsskattning', 'chefsskattningar')}"
    if failed:
        opening += f"; {_count(failed, 'fil', 'filer')} kunde inte användas (se listan)"
    sentences = [opening + "."]
    if not result["per_person"]:
        sentences.append(
            "Svaren om organisationen visas bara sammanställda, aldrig per person: inga "
            "enskilda värden, varken i tabellen, i CSV-filen eller i spridningen."
        )
    aside = result.get("set_aside_count", 0)
    if aside:
        sentences.append(
            f"{_count(aside, 'fil', 'filer')} räknas inte in i teamets siffror: svaren följer ett "
            "mönster (samma svar på nästan allt, instämmer i motsatser eller många obesvarade; "
            "se anteckningarna per person)."
        )
    aggregate = result["aggregate"]
    if aggregate is None:
        sentences.append(
            f"Teamets sammanställning (median, spridning och antal) visas först från "
            f"{MIN_TEAM} personer, så att ingen enskild persons svar kan räknas fram ur den."
        )
    else:
        if result["role"] is not None:
            sentences.append(_priorities(result, aggregate))
        sentences.extend(_medians(result, aggregate))
    compared = [p for p in result["pairs"] if p["self_file"] is not None]
    if compared:
        flagged = sum(1 for p in compared for c in p["competencies"] if c["flagged"])
        sentences.append(
            f"För {_count(len(compared), 'person', 'personer')} finns både självskattning och "
            f"chefens skattning; de skiljer sig med minst {result['flag_points']} poäng (ett steg "
            f"på svarsskalan per påstående) i {_count(flagged, 'kompetens', 'kompetenser')}."
        )
    if result.get("change"):
        sentences.extend(_over_time(result["change"]))
    return sentences


def _over_time(change: dict[str, Any]) -> list[str]:
    """Who has two attempts, how many of them changed clearly, and from how many people the
    team's change is shown."""
    people = change["people"]
    clear = sum(1 for person in people if person["up"] or person["down"])
    if len(people) == 1:
        whose = "hen har" if clear else "hen har inte"
        opening = f"Två försök med olika datum finns för 1 person; {whose}"
    else:
        opening = f"Två försök med olika datum finns för {len(people)} personer; {clear} av dem har"
    sentences = [
        f"{opening} en tydlig förändring i minst en kompetens, mer än mätfelet kan ge av en "
        "slump (se Över tid)."
    ]
    if change["counted"] < MIN_TEAM:
        sentences.append(
            f"Teamets förändring (medianen per kompetens) visas först från {MIN_TEAM} personer "
            "med två försök vars svar inte följer ett mönster."
        )
    return sentences


def _priorities(result: dict[str, Any], aggregate: dict[str, Any]) -> str:
    """The team's priorities against the role, only where chance cannot explain them."""
    role = result["role"]["title"]
    titles = {c["slug"]: c["title"] for c in result["competencies"]}
    rows = {r["slug"]: r for r in aggregate["competencies"]}
    priorities = aggregate["priorities"]
    if priorities:
        named = _join(
            [
                f"{titles[s]} ({rows[s]['below']} av {rows[s]['scored']} har ett värde under "
                f"målet, {rows[s]['counts']['under']} av dem tydligt)"
                for s in priorities
            ]
        )
        return (
            f"Jämfört med rollen {role} ligger teamet tydligt under målet i {named}: så många "
            "under målet att det inte är en slump. Där finns teamets största utvecklingsbehov."
        )
    needed = aggregate["priority_people"]
    if needed is not None and aggregate["people"] < needed:
        return (
            f"Med {_count(aggregate['people'], 'person', 'personer')} kan teamvyn inte peka ut "
            f"några prioriteringar mot rollen {role} säkert; det kräver minst {needed} personer "
            "med värden. Antalen under, på och över målet visas per kompetens."
        )
    return (
        f"Jämfört med rollen {role} ligger teamet inte tydligt under målet i någon kompetens: "
        "skillnaderna ryms inom det som slumpen kan ge."
    )


def _medians(result: dict[str, Any], aggregate: dict[str, Any]) -> list[str]:
    """The highest and lowest medians, named only where their intervals do not overlap;
    equal medians named together."""
    rows = [r for r in aggregate["competencies"] if r["median"] is not None]
    if not rows:
        return []
    whose = "teamets egna" if result["selftest"] is None else "de svarandes"
    parts = "kompetenser" if result["selftest"] is None else "skalor"
    highest = max(r["median"] for r in rows)
    lowest = min(r["median"] for r in rows)
    if highest == lowest:
        return [f"Enligt {whose} skattningar är medianen {_decimal(highest)} i alla {parts}."]
    top = [r for r in rows if r["median"] == highest]
    bottom = [r for r in rows if r["median"] == lowest]
    spread = (
        f"Enligt {whose} skattningar ligger medianerna mellan {_decimal(lowest)} och "
        f"{_decimal(highest)}."
    )
    if min(r["median_low"] for r in top) > max(r["median_high"] for r in bottom):
        coverage = min(r["median_coverage"] for r in top + bottom)
        return [
            f"{spread} Högst i {_join([r['title'] for r in top])} och lägst i "
            f"{_join([r['title'] for r in bottom])}: deras intervall "
            f"(minst {coverage}\N{NO-BREAK SPACE}% säkerhet) överlappar inte."
        ]
    return [
        f"{spread} Ingen median skiljer sig säkert från de andra med så här få personer: "
        "intervallen runt medianerna överlappar."
    ]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _decimal(value: int | float) -> str:
    return str(value).replace(".", ",")
