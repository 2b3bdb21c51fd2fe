"""Invalid definitions: always ScoringError with a specific Swedish message; a valid one is
read into an immutable `Definition` and the given data is left as it was."""

import copy
import re
from typing import Any

import pytest

from scoring_py import ScoringError, read_definition, score
from tests.support.scoring_inputs import DEFINITION_TEXT, answers, definition_dict


def definition_error(change: Any) -> str:
    data = definition_dict()
    change(data)
    with pytest.raises(ScoringError) as caught:
        read_definition(data)
    return str(caught.value)


PREFIX = "Bedömningsdefinitionen är ogiltig: "


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(format="x"),
            'format måste vara "saljkompetens-bedomning", fick "x" (text).',
        ),
        (lambda d: d.pop("version"), "version måste vara 1, fick inget värde."),
        (
            lambda d: d["scale"].update(max=1),
            "scale.max måste vara större än scale.min (1), fick 1.",
        ),
        (
            lambda d: d["scale"]["labels"].pop(),
            "scale.labels måste ha en etikett per skalsteg från 1 till 5 (5 st), har 4.",
        ),
        (lambda d: d.update(min_answers=0), "min_answers måste vara minst 1, fick 0."),
        (
            lambda d: d.update(min_answers=2.0),
            "min_answers måste vara ett heltal, fick 2.0 (decimaltal).",
        ),
        (
            lambda d: d["bands"].pop(0),
            "bands[0].min måste vara 0 så att varje resultat får en nivå, fick 40.",
        ),
        (
            lambda d: d["bands"].reverse(),
            "bands[0].min måste vara 0 så att varje resultat får en nivå, fick 80.",
        ),
        (
            lambda d: d["bands"][2].update(min=d["bands"][1]["min"]),
            "bands[2].min måste vara större än föregående nivås min (40), fick 40; nivåerna "
            "ska stiga.",
        ),
        (
            lambda d: d["bands"][1].update(min=101),
            "bands[1].min måste vara mellan 0 och 100, fick 101.",
        ),
        (
            lambda d: d["quality"].update(unanswered_share=1.5),
            "quality.unanswered_share måste vara mellan 0 och 1, fick 1.5 (decimaltal).",
        ),
        (lambda d: d["quality"].pop("agree_min"), "quality.agree_min saknas."),
        (
            lambda d: d["quality"].update(agree_min=1),
            "quality.agree_min måste vara mellan 2 och 5, fick 1.",
        ),
        (lambda d: d.pop("limits"), "limits saknas."),
        (
            lambda d: d["competencies"][0]["mindsets"][0].update(relation="gillar"),
            "competencies[0].mindsets[0].relation måste vara builds, balances, contrasts, fick "
            '"gillar" (text).',
        ),
        (
            lambda d: d["competencies"][0]["practice"].append(7),
            "competencies[0].practice[2] måste vara en text, fick 7.",
        ),
        (lambda d: d.update(competencies=[]), "competencies får inte vara en tom lista."),
        (
            lambda d: d["competencies"][2]["items"][1].update(reverse="ja"),
            'competencies[2].items[1].reverse måste vara true eller false, fick "ja" (text).',
        ),
        (
            lambda d: d["competencies"][3]["items"][0].update(id="prospektering-1"),
            'competencies[].items[].id har dubbletter: "prospektering-1" förekommer mer än '
            "en gång.",
        ),
        (
            lambda d: d["competencies"][0]["mindsets"].append(
                {"slug": "mod", "relation": "builds", "sentence": "x"}
            ),
            "competencies[0].mindsets[2].slug måste vara ett tankesätt som finns i mindsets, "
            'fick "mod" (text).',
        ),
        (
            lambda d: d["competencies"].__setitem__(1, "behovsanalys"),
            'competencies[1] måste vara ett objekt, fick "behovsanalys" (text).',
        ),
        (
            lambda d: d["roles"][0]["targets"][0].update(competency="kyla"),
            "roles[0].targets[0].competency måste vara en kompetens som finns i competencies, fick "
            '"kyla".',
        ),
        (
            lambda d: d["roles"][0]["targets"][1].update(level=85.5),
            "roles[0].targets[1].level måste vara ett heltal, fick 85.5 (decimaltal).",
        ),
        (
            lambda d: d["mindsets"].append(dict(d["mindsets"][0])),
            'mindsets[].slug har dubbletter: "hunger" förekommer mer än en gång.',
        ),
        (lambda d: d["competencies"][0].pop("title"), "competencies[0].title saknas."),
    ],
)
def test_invalid_definitions(change: Any, message: str) -> None:
    assert definition_error(change) == PREFIX + message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "Bedömningsdefinitionen måste vara ett JSON-objekt, fick null."),
        ("[]", "Bedömningsdefinitionen måste vara ett JSON-objekt, fick en lista."),
        (
            "{",
            "Bedömningsdefinitionen är inte giltig JSON: ett nyckelnamn inom dubbla citattecken "
            "förväntades (rad 1, kolumn 2).",
        ),
        (
            b"{}",
            "Bedömningsdefinitionen måste vara ett JSON-objekt, fick ett värde av typen bytes.",
        ),
    ],
)
def test_invalid_definition_input(data: Any, message: str) -> None:
    with pytest.raises(ScoringError) as caught:
        read_definition(data)
    assert str(caught.value) == message


def test_definition_is_not_mutated_and_is_immutable() -> None:
    data = definition_dict()
    before = copy.deepcopy(data)
    definition = read_definition(data)
    assert data == before
    assert read_definition(definition) is definition
    assert read_definition(DEFINITION_TEXT) == definition
    with pytest.raises(AttributeError):
        definition.min_answers = 3  # type: ignore[misc]
    data["competencies"][0]["title"] = "Ändrad"
    assert definition.competencies[0].title == "Prospektering"


def test_score_with_bad_definition_raises_scoring_error() -> None:
    with pytest.raises(ScoringError, match=re.escape(PREFIX + "roles saknas.")):
        data = definition_dict()
        del data["roles"]
        score(data, answers({}))


def test_scoring_error_is_a_value_error() -> None:
    assert issubclass(ScoringError, ValueError)
