"""The content pipeline's parts: front matter with lines, Swedish schema messages, and the
loader's care not to report follow-on errors of a file it had to set aside."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from saljkompetens.content import schema
from saljkompetens.content.errors import ContentError, ContentErrors, field_name
from saljkompetens.content.frontmatter import ParseFailed, guess_title, read_document
from saljkompetens.content.loader import load_content
from saljkompetens.content.text_rules import absolute_word
from saljkompetens.content.validate import check_schema, suggestion

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid tree."""
    return shutil.copytree(MINIMAL, tmp_path / "content")


def messages(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(content)
    return [str(error) for error in raised.value.errors]


def test_error_str_and_report() -> None:
    error = ContentError(Path("content/a.md"), "okänt", "mindsets[1]", 4)
    assert str(error) == "content/a.md:4: mindsets[1]: okänt"
    assert str(ContentError(Path("content/a.md"), "fel", line=3, column=7)) == (
        "content/a.md:3:7: fel"
    )
    assert ContentErrors([error]).report().endswith("\n1 fel i innehållet.")


def test_field_name_and_suggestion() -> None:
    assert field_name(("statements", 2, "id")) == "statements[2].id"
    assert field_name(()) is None
    assert suggestion("Hungr", ["Hunger", "Logik"]) == ' (menade du "Hunger"?)'
    assert suggestion("Xyz", ["Hunger"]) == ""


def test_front_matter_lines_and_booleans(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: A\nlist:\n  - x\n  - no\n---\nText\n")
    doc = read_document(path)
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("list", 1)) == 5
    assert doc.line_of(("list", 1, "missing")) == 5
    assert doc.booleans == {("list", 1): "no"}
    assert doc.body == "Text"
    assert doc.body_line == 7


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\r\ntitle: Å\r\n---\r\nText\r\n".encode())
    doc = read_document(path)
    assert doc.data == {"title": "Å"}
    assert doc.body == "Text"


SWEDISH_YAML_CASES = [
    "title: *nope",
    "title: &a x",
    "title: !!python/object:os.system x",
    "title: a\n...\nsummary: b",
    "title: [a, b",
    "title: {a: 1",
    "title: a: b",
    'title: "C:\\x"',
    "title: ]",
    "title: |x\n  a",
    "title: 'a' b",
    "? [a]\n: b",
    "title: @x",
    "title:\n  - a\n  b: c",
    "title:\n\tb: 1",
    "title: [" * 50 + "]" * 50,
]


@pytest.mark.parametrize("front_matter", SWEDISH_YAML_CASES)
def test_every_yaml_problem_is_swedish_with_a_line(tmp_path: Path, front_matter: str) -> None:
    path = write(tmp_path / "a.md", f"---\n{front_matter}\n---\nText\n")
    with pytest.raises(ParseFailed) as failed:
        read_document(path)
    error = failed.value.error
    assert error.message.startswith("YAML-fel: "), error
    assert error.line is not None and error.line >= 2, error
    for english in ("found", "expected", "could not", "while", "mapping", "scanning"):
        assert english not in error.message, error


def test_guess_title(tmp_path: Path) -> None:
    assert guess_title(write(tmp_path / "a.md", 'x: [\ntitle: "Å ö"\n')) == "Å ö"
    assert guess_title(write(tmp_path / "b.md", "inget\n")) is None


def test_required_names_the_expected_type(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.md", "---\ntitle: A\n---\nText\n"))
    found = [str(error) for error in check_schema(doc, schema.MINDSET)]
    assert found == [f"{doc.path}:2: summary: obligatoriskt fält saknas (ska vara text)"]


def test_duplicate_list_value_is_named(tmp_path: Path) -> None:
    doc = read_document(
        write(tmp_path / "a.md", "---\ntitle: A\nlang: sv\nreading_time: 2\nsummary: S\n"
              "competencies: [X, Y, X]\n---\nText\n")
    )  # fmt: skip
    found = [error.message for error in check_schema(doc, schema.ARTICLE)]
    assert found == ['innehåller "X" två gånger; varje värde får finnas en gång']


def test_a_set_aside_competency_causes_no_follow_on_errors(content: Path) -> None:
    """Article and role refer to Lyssna, and Empati is only used by it: one error only."""
    path = content / "competencies" / "lyssna.md"
    path.write_text(path.read_text("utf-8").replace("keywords: [lyssna]\n", ""), "utf-8")
    assert messages(content) == [
        "content/competencies/lyssna.md:2: keywords: obligatoriskt fält saknas (ska vara en lista)"
    ]


def test_an_unreadable_competency_causes_no_follow_on_errors(content: Path) -> None:
    path = content / "competencies" / "lyssna.md"
    path.write_text(
        path.read_text("utf-8").replace("keywords: [lyssna]", "keywords: [lyssna"), "utf-8"
    )
    found = messages(content)
    assert len(found) == 1
    assert found[0].startswith("content/competencies/lyssna.md:5:11: YAML-fel: listan inom [ ]")


def test_scale_values_are_named(content: Path) -> None:
    path = content / "assessment.yml"
    path.write_text(path.read_text("utf-8").replace("{value: 5,", "{value: 4,"), "utf-8")
    assert messages(content) == [
        "content/assessment.yml:1: scale: skalan har värdena 1, 2, 3, 4, 4; den ska ha varje "
        "heltal från det lägsta till det högsta, vart och ett en gång"
    ]


def test_missing_settings_file(content: Path) -> None:
    (content / "assessment.yml").unlink()
    assert messages(content) == ["content/assessment.yml: filen saknas"]


def test_duplicate_slug_blames_the_file_not_named_after_it(content: Path) -> None:
    shutil.copy(content / "mindsets" / "logik.md", content / "mindsets" / "a-logik.md")
    path = content / "mindsets" / "a-logik.md"
    path.write_text(path.read_text("utf-8").replace("title: Logik", "title: LOGIK"), "utf-8")
    assert messages(content) == [
        'content/mindsets/a-logik.md:2: title: ger samma adress (slug) "logik" som '
        "content/mindsets/logik.md; varje titel ska ge en egen adress – byt titel"
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Jag avslutar varje kundmöte med nästa steg.", "varje"),
        ("Jag lovar aldrig för mycket.", "aldrig"),
        ("Hos oss vet Alla säljare det.", "Alla"),
        ("Hos oss tänker var och en på sig själv.", "var och en"),
        ("Jag gör allt jag kan.", "allt"),
        ("Det enda jag följer upp är siffrorna.", "enda"),
        ("Jag lägger samma tid oavsett affär.", "oavsett"),
        ("Jag har inga frågor förberedda.", "inga"),
        # Not quantifiers: "framför allt", "allt mer"; words that only contain one.
        ("Jag ringer framför allt kalla samtal.", None),
        ("Jag lägger allt mer tid på analys.", None),
        ("Jag ringer kalla samtal och väljer en ingång.", None),
    ],
)
def test_absolute_words_are_found_as_written(text: str, word: str | None) -> None:
    assert absolute_word(text) == word


def test_desirable_and_retired_ids_reach_the_model(content: Path) -> None:
    settings = content / "assessment.yml"
    settings.write_text(settings.read_text("utf-8") + "retired_ids: [lyssna-9]\n", "utf-8")
    scale = (
        "  - title: {title}\n{desirable}"
        '    about: "Artikeln säger att den som lyssnar säljer mer."\n'
        '    band_texts: ["Lite.", "Mycket."]\n'
        "    statements:\n"
        "      - {{id: {slug}-1, text: Jag låter kunden tala till punkt., "
        'based_on: "Den som lyssnar säljer mer."}}\n'
        "      - {{id: {slug}-2, text: Jag avbryter kunden., reverse: true, "
        'based_on: "Den som lyssnar säljer mer."}}\n'
    )
    write(
        content / "selftests" / "lyssnartest.md",
        "---\ntitle: Lyssnartest\nsummary: Ett kort test.\naudience: säljaren\n"
        "articles: [Om att lyssna]\nscale:\n"
        '  - {value: 1, label: "Nej"}\n  - {value: 2, label: "Delvis"}\n'
        '  - {value: 3, label: "Ja"}\n'
        'bands:\n  - {min: 0, label: "Lite"}\n  - {min: 50, label: "Mycket"}\nscales:\n'
        + scale.format(title="Lyssna", desirable="    desirable: låg\n", slug="lyssna-test")
        + scale.format(title="Tala", desirable="", slug="tala-test")
        + 'limits: "Testet visar hur du ser på ditt lyssnande."\n---\nEtt test.\n',
    )
    kb = load_content(content)
    assert [scale.desirable for scale in kb.selftests[0].scales] == ["låg", None]
    assert kb.settings.retired_ids == ("lyssna-9",)


def test_a_folder_under_its_former_name_is_refused_not_left_unpublished(content: Path) -> None:
    """`content/checks/` is what `content/selftests/` was called: a file left there would
    silently not be published, so the folder is an error that says where it goes."""
    write(content / "checks" / "lyssnartest.md", "---\ntitle: Lyssnartest\n---\n")
    assert messages(content) == [
        "content/checks: mappen heter nu selftests/; flytta filerna dit, annars publiceras de inte"
    ]


def test_statement_ids_are_checked_in_one_pass_over_every_kind(content: Path) -> None:
    """A retired id is named at each statement that uses it; a repeated id at every use but
    the first (files in load order: fraga.md before lyssna.md)."""
    settings = content / "assessment.yml"
    settings.write_text(settings.read_text("utf-8") + "retired_ids: [lyssna-1]\n", "utf-8")
    fraga = content / "competencies" / "fraga.md"
    fraga.write_text(fraga.read_text("utf-8").replace("id: fraga-1", "id: lyssna-1"), "utf-8")
    retired = (
        'statements[0].id: id "lyssna-1" står i retired_ids i assessment.yml: det har tillhört '
        "ett påstående som tagits bort eller bytt betydelse, och sparade och exporterade svar "
        "kan peka på det; ge påståendet ett nytt id som aldrig har använts"
    )
    assert messages(content) == [
        f"content/competencies/fraga.md:7: {retired}",
        f"content/competencies/lyssna.md:7: {retired}",
        'content/competencies/lyssna.md:7: statements[0].id: id "lyssna-1" används redan i '
        "content/competencies/fraga.md; varje påstående ska ha ett eget id",
    ]
