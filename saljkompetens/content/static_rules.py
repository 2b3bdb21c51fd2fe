"""What a static HTML or SVG file under docs/ may carry: the rules, each with its reason.

Used by static_files.py (which reads the files). HTML: a few elements and attributes run
code, lead elsewhere or change the page; everything else is inert. SVG: an allowlist of
the elements and attributes a drawing needs; links only inside the file (`#…`).
"""

from __future__ import annotations

import re

SVG = "http://www.w3.org/2000/svg"
XHTML = "http://www.w3.org/1999/xhtml"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# What drawing programs write beside the drawing (Inkscape, Sodipodi, RDF metadata): the
# browser ignores these elements and attributes.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
}

# -- HTML (and anything inside it: inline SVG, MathML) -----------------------------------

BLOCKED_ELEMENTS = {
    "script": "det kör kod",
    "iframe": "det bäddar in en annan sida",
    "frame": "det bäddar in en annan sida",
    "frameset": "det bäddar in andra sidor",
    "portal": "det bäddar in en annan sida",
    "object": "det bäddar in ett program eller en annan sida",
    "embed": "det bäddar in ett program eller en annan sida",
    "applet": "det kör ett program",
    "form": "det skickar uppgifter någonstans",
    "base": "det ändrar vart filens alla länkar leder",
    "handler": "det kör kod",
    "listener": "det kör kod",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite",
                  "longdesc", "srcset", "ping", "manifest", "codebase", "archive", "classid",
                  "lowsrc", "dynsrc", "icon", "profile"}  # fmt: skip
_SCHEMES = {
    "javascript:": "javascript:-adresser kör kod",
    "vbscript:": "vbscript:-adresser kör kod",
    "data:": "data:-adresser bäddar in innehåll som kan köra kod",
}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
ANIMATIONS = {"animate", "set", "animatetransform", "animatemotion"}


def short(value: str, limit: int = 60) -> str:
    """`value` on one line, cut to `limit` characters."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def local(name: str) -> str:
    """`href` for `{http://www.w3.org/1999/xlink}href`, `xlink:href` or `href`."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def blocked_scheme(value: str) -> str | None:
    """Why the address `value` is refused (javascript:, vbscript:, data:), or None."""
    plain = _INVISIBLE.sub("", value).lower()
    return next((why for scheme, why in _SCHEMES.items() if plain.startswith(scheme)), None)


def html_problems(tag: str, attributes: list[tuple[str, str]]) -> list[tuple[str | None, str]]:
    """What is wrong with one element of an HTML file (any namespace), in Swedish: pairs of
    the attribute it concerns (None: the element) and the message."""
    name = local(tag).lower()
    if name in BLOCKED_ELEMENTS:
        return [
            (None, f"elementet <{name}> är inte tillåtet ({BLOCKED_ELEMENTS[name]}); ta bort det")
        ]
    found: list[tuple[str | None, str]] = []
    values = {local(attribute).lower(): value for attribute, value in attributes}
    if name == "meta":
        found += [(None, message) for message in _meta_problems(values)]
    if name in ANIMATIONS:
        found += [
            (None, message) for message in animation_problems(name, values.get("attributename", ""))
        ]
    for attribute, value in attributes:
        key = local(attribute).lower()
        if key.startswith("on"):
            message = f"attributet {key} på <{name}> är inte tillåtet (det kör kod); ta bort det"
        elif key == "srcdoc":
            message = f"attributet srcdoc på <{name}> är inte tillåtet (det bäddar in en sida)"
        elif key in URL_ATTRIBUTES:
            parts = value.replace(",", " ").split() if key in ("srcset", "ping") else [value]
            why = next(filter(None, map(blocked_scheme, parts)), None)
            if not why:
                continue
            message = (
                f'attributet {key}="{short(value)}" på <{name}> är inte tillåtet ({why}); '
                "länka till en fil på webbplatsen eller en https-adress"
            )
        else:
            continue
        found.append((attribute, message))
    return found


def _meta_problems(values: dict[str, str]) -> list[str]:
    equiv = values.get("http-equiv", "").strip().lower()
    if equiv == "refresh":
        return [
            '<meta http-equiv="refresh"> är inte tillåten (den skickar besökaren vidare till en '
            "annan adress); ta bort den"
        ]
    charset = values.get("charset", "")
    if equiv == "content-type":
        charset = values.get("content", "").lower().partition("charset=")[2]
    charset = charset.strip(" \t\n\r\f'\";").lower()
    if charset and charset not in ("utf-8", "utf8"):
        return [
            f'teckenkodningen "{short(charset)}" är inte tillåten (den får webbläsaren att läsa '
            "filen på ett annat sätt, som kan dölja kod); spara filen som UTF-8"
        ]
    return []


def animation_problems(name: str, target: str) -> list[str]:
    """An animation that rewrites a link or an event attribute."""
    key = local(target.strip()).lower()
    if key == "href":
        why = "den ändrar en länk, till en adress som kan köra kod"
    elif key.startswith("on"):
        why = "den ändrar ett attribut som kör kod"
    else:
        return []
    return [f'<{name} attributeName="{short(target)}"> är inte tillåten ({why}); ta bort den']


# -- SVG: the allowlist --------------------------------------------------------------------

SVG_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "title", "desc", "metadata",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "style", "switch", "view", "animate", "animateMotion", "animateTransform", "set", "mpath",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
    "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}  # fmt: skip
SVG_REFUSED = {
    "script": "det kör kod",
    "handler": "det kör kod",
    "listener": "det kör kod",
    "foreignObject": "det bäddar in HTML, som kan köra kod",
    "a": "det leder till en annan adress",
    "image": "det hämtar en annan fil; lägg bilden som en egen fil bredvid",
    "feImage": "det hämtar en annan fil",
    "iframe": "det bäddar in en annan sida",
}
PRESENTATION = {
    "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
    "color-interpolation", "color-interpolation-filters", "color-rendering", "cursor",
    "direction", "display", "dominant-baseline", "enable-background", "fill", "fill-opacity",
    "fill-rule", "filter", "flood-color", "flood-opacity", "font", "font-family", "font-size",
    "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "image-rendering", "isolation", "letter-spacing", "lighting-color", "marker", "marker-end",
    "marker-mid", "marker-start", "mask", "mask-type", "mix-blend-mode", "opacity", "overflow",
    "paint-order", "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke",
    "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor", "text-decoration",
    "text-rendering", "transform", "transform-origin", "unicode-bidi", "vector-effect",
    "visibility", "word-spacing", "writing-mode", "style",
}  # fmt: skip
SVG_ATTRIBUTES = PRESENTATION | {
    "id", "class", "lang", "tabindex", "role", "focusable", "version", "baseProfile", "x",
    "y", "width", "height", "viewBox", "preserveAspectRatio", "d", "pathLength", "points",
    "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "x1", "y1", "x2", "y2", "dx", "dy",
    "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
    "gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits",
    "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "markerUnits", "markerWidth", "markerHeight", "refX", "refY",
    "orient", "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation",
    "edgeMode", "mode", "type", "values", "tableValues", "slope", "intercept", "amplitude",
    "exponent", "operator", "k1", "k2", "k3", "k4", "order", "kernelMatrix", "divisor",
    "bias", "targetX", "targetY", "kernelUnitLength", "preserveAlpha", "surfaceScale",
    "diffuseConstant", "specularConstant", "specularExponent", "azimuth", "elevation", "z",
    "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle", "scale", "xChannelSelector",
    "yChannelSelector", "baseFrequency", "numOctaves", "seed", "stitchTiles", "radius",
    "requiredExtensions", "systemLanguage", "media", "attributeName", "attributeType",
    "begin", "dur", "end", "min", "max", "restart", "repeatCount", "repeatDur", "calcMode",
    "keyTimes", "keySplines", "keyPoints", "from", "to", "by", "additive", "accumulate",
    "path", "origin",
}  # fmt: skip
_CSS_URL = re.compile(r"""url\(\s*['"]?\s*([^'")\s]*)""", re.I)


def css_problem(where: str, css: str) -> str | None:
    """Why a CSS value or style sheet may not stay in an SVG file: it loads another file."""
    if "\\" in css:
        return (
            f"{where} innehåller \\ (en CSS-escape, som kan dölja en adress); skriv tecknet "
            "som det är"
        )
    if "@import" in css.lower():
        return f"{where} hämtar en annan stilmall (@import); skriv stilen i filen"
    for target in _CSS_URL.findall(css):
        if not target.startswith("#"):
            return (
                f'{where} hämtar "{short(target)}" från en annan fil eller adress; bara '
                "url(#…) inom bilden går"
            )
    return None


def svg_attribute_problem(element: str, namespace: str, name: str, value: str) -> str | None:
    """What is wrong with one attribute of an SVG element (`name` without its namespace)."""
    shown = f"{'xlink:' if namespace == XLINK else ''}{name}"
    if name.lower().startswith("on"):
        return f"attributet {shown} på <{element}> är inte tillåtet (det kör kod); ta bort det"
    if name == "href" and namespace in ("", XLINK):
        if value.strip().startswith("#"):
            return None
        why = blocked_scheme(value) or "det leder till en annan fil eller adress"
        return (
            f'attributet {shown}="{short(value)}" på <{element}> är inte tillåtet ({why}); '
            "bara #-länkar inom bilden går"
        )
    allowed = (
        (namespace == "" and (name in SVG_ATTRIBUTES or name.startswith(("data-", "aria-"))))
        or (namespace == XML and name in ("space", "lang"))
        or (namespace == XLINK and name == "title")
        or namespace in EDITOR_NAMESPACES
    )
    if not allowed:
        return (
            f"attributet {shown} på <{element}> är inte tillåtet i en SVG-bild (det hör inte "
            "till det en ritning behöver); ta bort det"
        )
    if namespace == "" and name in PRESENTATION:
        return css_problem(f"attributet {name} på <{element}>", value)
    return None
