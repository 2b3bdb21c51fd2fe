"""Whom the result speaks to: the person who answered ("du"), or someone reading another
person's answers (a share link, an imported file), who must never read them as their own.

The sentences are written once, to the person who answered; :func:`in_voice` turns them into
the third person, phrase by phrase, for the other reader.
"""

__all__ = ["VOICES", "in_voice"]

VOICES = ("self", "other")

_OTHER = (
    ("Du har svarat på", "Svaren gäller"),
    (" och valt ”", " och ”"),
    ("Svara på fler påståenden så visas ditt resultat här.",
     "Svaren räcker inte till något värde."),
    ("Tydligast under dina andra kompetenser ligger, enligt din skattning,",
     "Tydligast under de andra kompetenserna ligger, enligt skattningen,"),
    (" dina tydligaste styrkor", " de tydligaste styrkorna"),
    (" din tydligaste styrka", " den tydligaste styrkan"),
    ("tydligt över dina andra kompetenser", "tydligt över de andra kompetenserna"),
    ("Enligt din skattning", "Enligt skattningen"),
    ("enligt din skattning", "enligt skattningen"),
    ("ligger du ", "ligger svaren "),
    ("Vill du ändå börja någonstans är dina lägsta värden", "De lägsta värdena är"),
    ("rymmer ditt värde utan mätfel", "rymmer värdet utan mätfel"),
    ("Dina svar följer ett mönster", "Svaren följer ett mönster"),
    ("om ditt arbete", "om arbetet"),
    ("Läs anteckningarna om dina svar", "Läs anteckningarna om svaren"),
    ("Du har gett samma svar", "Svaren har samma värde"),
    ("skillnaderna mellan dina ", "skillnaderna mellan "),
    ("Du instämmer i", "Svaren instämmer i"),
    ("hur du arbetar", "hur personen arbetar"),
    ("Dina svar ger tillsammans", "Svaren ger tillsammans"),
    ("var du faktiskt har mest kvar", "var det faktiskt finns mest kvar"),
    ("innan du drar slutsatser", "innan några slutsatser dras"),
    ("er organisations", "organisationens"),
    (" er organisation", " organisationen"),
)  # fmt: skip
"""(the person who answered, another reader), in the order they are applied."""


def in_voice(text: str, voice: str) -> str:
    """`text` as `voice` ("self" or "other") reads it."""
    if voice == "self":
        return text
    for own, other in _OTHER:
        text = text.replace(own, other)
    return text
