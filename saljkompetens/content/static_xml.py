"""SVG and XHTML files read as XML, as a browser reads them: expat, with no DOCTYPE that
could declare entities, no processing instructions, and every element and attribute checked
(static_rules.py) with its line."""

from __future__ import annotations

from xml.parsers import expat

from .static_rules import (
    ANIMATIONS,
    EDITOR_NAMESPACES,
    SVG,
    SVG_ELEMENTS,
    SVG_REFUSED,
    XHTML,
    animation_problems,
    css_problem,
    html_problems,
    short,
    svg_attribute_problem,
)

Problem = tuple[int | None, str]
_SEPARATOR = "}"  # expat's names: "namespace}local", as html5lib's "{namespace}local"


class _Stop(Exception):
    """Reading ends here: a DOCTYPE that may declare entities."""


def xml_problems(text: str, *, svg: bool) -> list[Problem]:
    """The problems of an SVG (`svg`) or XHTML file; a file expat cannot read gets one."""
    reader = _Reader(svg)
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
    parser.ordered_attributes = True
    reader.parser = parser
    parser.StartDoctypeDeclHandler = reader.doctype
    parser.EntityDeclHandler = reader.entity
    parser.ProcessingInstructionHandler = reader.instruction
    parser.XmlDeclHandler = reader.declaration
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    try:
        parser.Parse(text, True)
    except _Stop:
        pass
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code)
        reader.found.append(
            (
                exc.lineno,
                f'filen är inte välformad XML ("{reason}", kolumn {exc.offset + 1}), så '
                "webbläsaren visar den inte; spara den på nytt från ritprogrammet",
            )
        )
    return reader.found


class _Reader:
    """expat's handlers: collects (line, message) in `found`."""

    def __init__(self, svg: bool) -> None:
        self.svg = svg
        self.parser: expat.XMLParserType | None = None
        self.found: list[Problem] = []
        self.depth = 0
        self.style: list[str] | None = None  # text of the <style> element being read
        self.style_line = 0

    @property
    def line(self) -> int:
        assert self.parser is not None
        return self.parser.CurrentLineNumber

    def doctype(self, name: str, system: str | None, public: str | None, subset: int) -> None:
        if self.svg or subset:
            self.found.append(
                (
                    self.line,
                    "<!DOCTYPE …> är inte tillåten i en SVG-bild (den kan deklarera entiteter som "
                    "hämtar andra filer eller växer utan gräns); ta bort den, bilden behöver den "
                    "inte"
                    if self.svg
                    else "<!DOCTYPE …> med egna deklarationer ([…]) är inte tillåten (den kan "
                    "deklarera entiteter); skriv bara <!DOCTYPE html>",
                )
            )
            raise _Stop

    def entity(self, name: str, *_: object) -> None:
        self.found.append((self.line, f"entiteten {name} får inte deklareras; ta bort den"))
        raise _Stop

    def instruction(self, target: str, data: str) -> None:
        self.found.append(
            (
                self.line,
                f"<?{target} …?> är inte tillåten (den kan hämta en stilmall eller XSLT som "
                "kör kod); ta bort den",
            )
        )

    def declaration(self, version: str | None, encoding: str | None, standalone: int) -> None:
        if encoding and encoding.strip().lower() not in ("utf-8", "utf8"):
            self.found.append(
                (
                    self.line,
                    f'teckenkodningen "{short(encoding)}" är inte tillåten (den får webbläsaren '
                    "att läsa filen på ett annat sätt); spara filen som UTF-8",
                )
            )

    def start(self, name: str, attributes: list[str]) -> None:
        namespace, _, tag = name.rpartition(_SEPARATOR)
        pairs = list(zip(attributes[::2], attributes[1::2], strict=True))
        self.depth += 1
        if not self.svg:
            messages = [message for _, message in html_problems(tag, pairs)]
        elif self.depth == 1 and (namespace, tag) != (SVG, "svg"):
            messages = [
                f"filen är ingen SVG-bild: det första elementet är <{tag}>, inte "
                f'<svg xmlns="{SVG}">'
            ]
        else:
            messages = self._svg_problems(namespace, tag, pairs)
        self.found += [(self.line, message) for message in messages]
        if (namespace, tag) == (SVG, "style"):
            self.style, self.style_line = [], self.line

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.style is not None and name == f"{SVG}{_SEPARATOR}style":
            problem = css_problem("elementet <style>", "".join(self.style))
            if problem and self.svg:
                self.found.append((self.style_line, problem))
            self.style = None

    def characters(self, data: str) -> None:
        if self.style is not None:
            self.style.append(data)

    def _svg_problems(self, namespace: str, tag: str, pairs: list[tuple[str, str]]) -> list[str]:
        if namespace in EDITOR_NAMESPACES:
            return []
        if namespace == XHTML:
            return [f"elementet <{tag}> är HTML i en SVG-bild (det kan köra kod); ta bort det"]
        if namespace != SVG or tag not in SVG_ELEMENTS:
            why = SVG_REFUSED.get(tag, "det hör inte till det en ritning behöver")
            shown = tag if namespace in (SVG, "") else f"{tag} xmlns={namespace!r}"
            return [f"elementet <{shown}> är inte tillåtet i en SVG-bild ({why}); ta bort det"]
        found = []
        if tag.lower() in ANIMATIONS:
            target = next((value for key, value in pairs if key == "attributeName"), "")
            found += animation_problems(tag, target)
        for key, value in pairs:
            attribute_namespace, _, attribute = key.rpartition(_SEPARATOR)
            problem = svg_attribute_problem(tag, attribute_namespace, attribute, value)
            if problem:
                found.append(problem)
        return found
