"""JSON Schemas of every content type, declared once.

Used by the loader (build and `python -m saljkompetens check`) and by the editor's guide,
which prints each field's `description`.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

LANGUAGES = {"sv": "svenska", "nb": "norska (bokmål)"}
RELATIONS = {"bygger på": "builds", "balanserar": "balances", "motpol": "contrasts"}
"""How a competency relates to a mindset (content word → scoring_py's word)."""

STAGES = (
    "Hitta affärerna",
    "I mötet med kunden",
    "Driva affären till beslut",
    "Styra det egna arbetet",
)
"""Where in the sale a competency matters most; the home page groups competencies by it."""

TITLE_MAX = 100
"""Longest title; its slug names a folder of the site, which file systems limit."""

_TEXT: Schema = {"type": "string", "minLength": 1}
_TITLE: Schema = {"type": "string", "minLength": 1, "maxLength": TITLE_MAX}
_NAME: Schema = {**_TITLE}  # a reference to another item's title
_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"

STATEMENT: Schema = {
    "type": "object",
    "required": ["id", "text", "manager_text", "based_on"],
    "additionalProperties": False,
    "properties": {
        "id": {
            "type": "string",
            "pattern": _ID_PATTERN,
            "maxLength": 60,
            "description": "Stabilt id, t.ex. `prospektering-3`. Ändra aldrig ett id som "
            "publicerats: sparade svar pekar på det.",
        },
        "text": {**_TEXT, "maxLength": 200, "description": "Påståendet i första person."},
        "manager_text": {
            **_TEXT,
            "maxLength": 200,
            "description": "Samma påstående om säljaren, som chefen läser när hen skattar en "
            'säljare ("Säljaren …", med hen/hens/sin där det behövs).',
        },
        "reverse": {
            "type": "boolean",
            "description": "`true` om påståendet beskriver det svaga beteendet "
            "(räknas omvänt, se Så räknas resultatet).",
        },
        "based_on": {
            **_TEXT,
            "maxLength": 300,
            "description": "Den fras ur kompetensens egen text som påståendet bygger på, "
            "ordagrant.",
        },
    },
}

COMPETENCY: Schema = {
    "title": "Kompetens",
    "type": "object",
    "required": ["title", "summary", "mindsets", "keywords", "statements"],
    "additionalProperties": False,
    "properties": {
        "title": {**_TITLE, "description": "Kompetensens namn. Adressen (slug) bildas av det."},
        "summary": {**_TEXT, "maxLength": 160, "description": "En kort mening för kortet."},
        "stage": {
            "type": "string",
            "enum": list(STAGES),
            "description": "Var i affären kompetensen gör mest skillnad; startsidan grupperar "
            "kompetenserna efter det. En kompetens utan `stage` visas under "
            "*Fler kompetenser*.",
        },
        "mindsets": {
            "type": "array",
            "minItems": 1,
            "maxItems": 12,
            "items": {
                "oneOf": [
                    _NAME,
                    {
                        "type": "object",
                        "required": ["name", "relation"],
                        "additionalProperties": False,
                        "properties": {
                            "name": _NAME,
                            "relation": {"type": "string", "enum": list(RELATIONS)},
                        },
                    },
                ]
            },
            "description": "Tankesätten kompetensen bygger på, med namn exakt som i texten. "
            "Ett tankesätt som texten ställer kompetensen mot, eller som kompetensen "
            "balanserar, skrivs `{name: Namn, relation: motpol}` respektive "
            "`{name: Namn, relation: balanserar}`.",
        },
        "keywords": {
            "type": "array",
            "maxItems": 30,
            "items": {**_TEXT, "maxLength": 60},
            "description": "Ord som ska hitta sidan i sökningen, också sådana som texten "
            "inte använder (t.ex. *kallsamtal* för *kalla samtal*). Syns inte för läsaren.",
        },
        "statements": {
            "type": "array",
            "minItems": 4,
            "maxItems": 6,
            "items": STATEMENT,
            "description": "Fyra till sex påståenden till självskattningen, minst en tredjedel "
            "omvända (se Att skriva ett bra påstående).",
        },
        "high_level": {
            **_TEXT,
            "maxLength": 400,
            "description": "Den mening ur texten som beskriver en hög nivå, ordagrant. "
            "Resultatet visar den för den som har kompetensen som utvecklingsområde.",
        },
        "practice": {
            "type": "array",
            "minItems": 2,
            "maxItems": 3,
            "items": {**_TEXT, "maxLength": 200},
            "description": "Två eller tre konkreta sätt att öva, som bygger på texten. "
            "Visas i resultatet för den som har kompetensen som utvecklingsområde.",
        },
    },
}

MINDSET: Schema = {
    "title": "Tankesätt",
    "type": "object",
    "required": ["title", "summary"],
    "additionalProperties": False,
    "properties": {
        "title": {
            **_TITLE,
            "description": "Tankesättets namn, som kompetenserna skriver det.",
        },
        "summary": {**_TEXT, "maxLength": 160, "description": "En kort mening för indexet."},
    },
}

ARTICLE: Schema = {
    "title": "Artikel",
    "type": "object",
    "required": ["title", "lang", "reading_time", "summary", "competencies"],
    "additionalProperties": False,
    "properties": {
        "title": {**_TITLE, "description": "Artikelns rubrik."},
        "lang": {
            "type": "string",
            "enum": list(LANGUAGES),
            "description": "Språk: `sv` (svenska) eller `nb` (norska, bokmål).",
        },
        "reading_time": {
            "type": "integer",
            "minimum": 1,
            "maximum": 120,
            "description": "Lästid i minuter.",
        },
        "summary": {**_TEXT, "maxLength": 300, "description": "En eller två meningar för indexet."},
        "competencies": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "uniqueItems": True,
            "items": _NAME,
            "description": "Kompetenserna artikeln handlar om (namn). Kompetenssidorna "
            "länkar tillbaka.",
        },
        "source": {
            **_TEXT,
            "maxLength": 300,
            "description": "Källhänvisning, om texten bygger på en källa.",
        },
        "cites": {
            "type": "array",
            "maxItems": 10,
            "uniqueItems": True,
            "items": {**_TEXT, "maxLength": 120},
            "description": "Personer och verk som texten nämner som belägg utan full "
            "källhänvisning, t.ex. `Harvard Business Review`. Visas på artikelsidan och "
            "på Om webbplatsen.",
        },
    },
}

TARGET: Schema = {
    "type": "object",
    "required": ["competency", "level", "why"],
    "additionalProperties": False,
    "properties": {
        "competency": {**_NAME, "description": "Kompetensens namn."},
        "level": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "description": "Målnivå 0–100 på samma skala som resultatet.",
        },
        "why": {**_TEXT, "maxLength": 200, "description": "Kort motivering."},
    },
}

ROLE: Schema = {
    "title": "Roll",
    "type": "object",
    "required": ["title", "summary", "targets"],
    "additionalProperties": False,
    "properties": {
        "title": {**_TITLE, "description": "Rollens namn."},
        "summary": {**_TEXT, "maxLength": 160, "description": "En kort mening."},
        "targets": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": TARGET,
            "description": "Målnivå per kompetens, med motivering.",
        },
    },
}

SETTINGS: Schema = {
    "title": "Inställningar för självskattningen",
    "type": "object",
    "required": ["scale", "min_answers", "bands", "quality", "limits"],
    "additionalProperties": False,
    "properties": {
        "scale": {
            "type": "array",
            "minItems": 2,
            "maxItems": 9,
            "items": {
                "type": "object",
                "required": ["value", "label"],
                "additionalProperties": False,
                "properties": {
                    "value": {"type": "integer", "minimum": 1, "maximum": 9},
                    "label": {**_TEXT, "maxLength": 60},
                },
            },
            "description": "Svarsskalan: heltal i följd mellan 1 och 9 (t.ex. 1–5), varje steg med "
            "sin etikett.",
        },
        "min_answers": {
            "type": "integer",
            "minimum": 1,
            "maximum": 12,
            "description": "Minsta antal svar för att en kompetens ska få ett värde.",
        },
        "bands": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10,
            "items": {
                "type": "object",
                "required": ["min", "label", "text"],
                "additionalProperties": False,
                "properties": {
                    "min": {"type": "integer", "minimum": 0, "maximum": 100},
                    "label": {**_TEXT, "maxLength": 60},
                    "text": {**_TEXT, "maxLength": 300},
                },
            },
            "description": "Nivåer formulerade som potential; en nivå gäller från `min`.",
        },
        "quality": {
            "type": "object",
            "required": [
                "min_answers",
                "identical_share",
                "agree_min",
                "acquiescence_share",
                "too_good_score",
                "unanswered_share",
            ],
            "additionalProperties": False,
            "properties": {
                "min_answers": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 1000,
                    "description": "Mönster noteras först från så här många svar.",
                },
                "identical_share": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Samma svar på minst den här andelen.",
                },
                "agree_min": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 9,
                    "description": "Svar från det här värdet räknas som att instämma.",
                },
                "acquiescence_share": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Instämmer i minst den här andelen av "
                    "påståendena och av de omvända.",
                },
                "too_good_score": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100,
                    "description": "Alla svar tillsammans ger minst så här mycket.",
                },
                "unanswered_share": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Obesvarat eller ej aktuellt över den här andelen.",
                },
            },
            "description": "Gränser för anteckningarna om svaren (se Så räknas resultatet).",
        },
        "limits": {
            **_TEXT,
            "maxLength": 1000,
            "description": "Vad en självskattning inte mäter; visas med varje resultat och i "
            "exporten.",
        },
        "retired_ids": {
            "type": "array",
            "maxItems": 5000,
            "uniqueItems": True,
            "items": {"type": "string", "pattern": _ID_PATTERN, "maxLength": 60},
            "description": "Id:n på påståenden (i kompetenser och självtest) som har tagits "
            "bort eller bytt betydelse. Sparade och exporterade svar kan peka på dem, så inget "
            "påstående får använda dem igen; kontrollen stoppar ett påstående med ett id härifrån.",
        },
    },
}


AUDIENCES = {"säljaren": "self", "organisationen": "organisation"}
"""Who answers a self-test (content word → scoring_py's word): a seller about themselves, or
people about their own organisation."""
NOT_APPLICABLE_LABELS = {"säljaren": "Ej aktuellt i min roll", "organisationen": "Kan inte bedöma"}
"""What the unscored answer is called on a self-test's form, by who answers it."""
DESIRABLE = {"hög": "high", "låg": "low"}
"""Which end of a self-test's scale its article treats as the goal (content word → scoring_py's
word); a scale without `desirable` is a profile, where neither end is better."""

_SCALE_STEPS: Schema = SETTINGS["properties"]["scale"]

SELFTEST_STATEMENT: Schema = {
    "type": "object",
    "required": ["id", "text", "based_on"],
    "additionalProperties": False,
    "properties": {
        "id": {**STATEMENT["properties"]["id"]},
        "text": {
            **_TEXT,
            "maxLength": 200,
            "description": "Påståendet: en sak som går att se i praktiken, i första person "
            "(säljaren) eller om organisationen (`Hos oss …`).",
        },
        "reverse": {**STATEMENT["properties"]["reverse"]},
        "based_on": {
            **_TEXT,
            "maxLength": 400,
            "description": "Den mening (eller fras) ur artikeln som påståendet bygger på, "
            "ordagrant – också när artikeln är på norska.",
        },
    },
}

SELFTEST_SCALE: Schema = {
    "type": "object",
    "required": ["title", "about", "band_texts", "statements"],
    "additionalProperties": False,
    "properties": {
        "title": {**_TEXT, "maxLength": 80, "description": "Skalans namn i formulär och resultat."},
        "about": {
            **_TEXT,
            "maxLength": 600,
            "description": "Vad artikeln säger om det skalan mäter; visas vid skalan i resultatet.",
        },
        "band_texts": {
            "type": "array",
            "minItems": 2,
            "maxItems": 5,
            "items": {**_TEXT, "maxLength": 300},
            "description": "En text per nivå i `bands`, i samma ordning: vad nivån betyder för "
            "just den här skalan.",
        },
        "desirable": {
            "type": "string",
            "enum": list(DESIRABLE),
            "description": "Vilken ände av skalan artikeln ser som målet: `hög` eller `låg`. "
            "Utelämna fältet för en profilskala där ingen ände är bättre än den andra. "
            "Rapportens anteckningar om svaren (t.ex. om allt ser för bra ut) utgår från det.",
        },
        "statements": {
            "type": "array",
            "minItems": 2,
            "maxItems": 8,
            "items": SELFTEST_STATEMENT,
            "description": "Två till åtta påståenden, minst ett omvänt (`reverse: true`).",
        },
    },
}

SELFTEST: Schema = {
    "title": "Självtest",
    "type": "object",
    "required": ["title", "summary", "audience", "articles", "scale", "bands", "scales", "limits"],
    "additionalProperties": False,
    "properties": {
        "title": {
            **_TITLE,
            "description": "Självtestets namn; adressen blir `/sjalvtest/<slug>/`.",
        },  # fmt: skip
        "summary": {**_TEXT, "maxLength": 200, "description": "En mening för listorna."},
        "audience": {
            "type": "string",
            "enum": list(AUDIENCES),
            "description": "Vem som svarar: `säljaren` (om sig själv) eller `organisationen` "
            "(chefer och medarbetare om den egna organisationen; teamvyn tar emot svaren).",
        },
        "articles": {
            "type": "array",
            "minItems": 1,
            "maxItems": 5,
            "uniqueItems": True,
            "items": _NAME,
            "description": "Artiklarna (rubriker) som testet bygger på; de länkar till testet "
            "under *Testa dig själv*, och varje `based_on` ska stå i någon av dem.",
        },
        "scale": {**_SCALE_STEPS},
        "min_answers": {
            "type": "integer",
            "minimum": 1,
            "maximum": 8,
            "description": "Minsta antal svar för att en skala ska få ett värde (annars "
            "samma som i assessment.yml).",
        },
        "bands": {
            "type": "array",
            "minItems": 2,
            "maxItems": 5,
            "items": {
                "type": "object",
                "required": ["min", "label"],
                "additionalProperties": False,
                "properties": {
                    "min": {"type": "integer", "minimum": 0, "maximum": 100},
                    "label": {**_TEXT, "maxLength": 60},
                },
            },
            "description": "Nivåerna (0–100), lika för alla skalor; den första börjar på 0. "
            "Varje skala säger i `band_texts` vad nivån betyder för den.",
        },
        "scales": {
            "type": "array",
            "minItems": 1,
            "maxItems": 12,
            "items": SELFTEST_SCALE,
            "description": "Skalorna, i den ordning resultatet visar dem.",
        },
        "limits": {
            **_TEXT,
            "maxLength": 1000,
            "description": "Vad testet inte mäter, och var artikelns påståenden är "
            "författarens egen syn; visas på sidan och med varje resultat.",
        },
    },
}


SCHEMAS: dict[str, Schema] = {
    "competency": COMPETENCY,
    "statement": STATEMENT,
    "mindset": MINDSET,
    "article": ARTICLE,
    "role": ROLE,
    "target": TARGET,
    "settings": SETTINGS,
    "selftest": SELFTEST,
    "selftest_scale": SELFTEST_SCALE,
    "selftest_statement": SELFTEST_STATEMENT,
}

_TYPE_WORDS = {"string": "text", "integer": "heltal", "number": "tal", "boolean": "true/false",
               "array": "lista", "object": "fält"}  # fmt: skip


def schema_rows(schema: Schema) -> list[tuple[str, bool, str, str]]:
    """(field, required, type, description) for each field of `schema`, for the guide."""
    required = set(schema.get("required", []))
    rows = []
    for name, spec in schema["properties"].items():
        kind = _TYPE_WORDS.get(spec.get("type", ""), "")
        if "enum" in spec:
            kind += ": " + " | ".join(spec["enum"])
        if "minimum" in spec or "maximum" in spec:
            kind += f" {spec.get('minimum', '')}–{spec.get('maximum', '')}"
        rows.append((name, name in required, kind, spec.get("description", "")))
    return rows
