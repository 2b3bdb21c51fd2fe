"""Content Security Policy: a meta tag per page that trusts only this site's files and the
theme's own inline scripts.

Material writes a few small inline scripts into every page, some with the page's base
URL inside. Which scripts those can be is read from the theme's templates: each inline
`<script>` there becomes a pattern, with every Jinja expression as a wildcard that cannot
leave a string (no quotes, `<`, `>`, `\\` or line breaks). Only inline scripts of a page
that match a pattern get their sha256 into `script-src`; any other inline script, e.g. one
that content smuggled in, gets no hash, so the browser refuses to run it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_WILDCARD = r"[^\"'<>\\\n]*"
_HEAD = re.compile(r"<head\b[^>]*>", re.I)

# The parts that never change; `script-src` gets the theme scripts' hashes appended.
BASE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def _executable(attributes: str) -> bool:
    """Whether a `<script>` with these attributes runs inline code (not `src=`, not data)."""
    if re.search(r"\bsrc\s*=", attributes, re.I):
        return False
    kind = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attributes, re.I)
    return kind is None or kind.group(1).lower() in ("module", "text/javascript")


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts in `html` that a browser would run."""
    return [body for attrs, body in _INLINE_SCRIPT.findall(html) if _executable(attrs)]


def _pattern(body: str) -> re.Pattern[str]:
    parts = _JINJA.split(body)
    return re.compile(_WILDCARD.join(re.escape(part) for part in parts), re.S)


@dataclass
class ThemeScripts:
    """The inline scripts the theme can write, as patterns read from its templates."""

    patterns: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def from_templates(cls, folders: Iterable[str | Path]) -> ThemeScripts:
        """Read every `*.html` template under `folders` (the theme's `dirs`)."""
        patterns: dict[str, re.Pattern[str]] = {}
        for folder in folders:
            for template in sorted(Path(folder).rglob("*.html")):
                for body in inline_scripts(template.read_text(encoding="utf-8")):
                    patterns.setdefault(body, _pattern(body))
        return cls(list(patterns.values()))

    def known(self, body: str) -> bool:
        """Whether `body` is one of the theme's inline scripts."""
        return any(pattern.fullmatch(body) for pattern in self.patterns)


def sha256_source(body: str) -> str:
    """The CSP source expression (`'sha256-…'`) of an inline script body."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


@dataclass(frozen=True)
class PagePolicy:
    """The policy of one page and the inline scripts it refuses."""

    policy: str
    refused: list[str]


def page_policy(html: str, theme: ThemeScripts) -> PagePolicy:
    """The base policy plus the hashes of the theme's inline scripts on this page."""
    hashes: list[str] = []
    refused: list[str] = []
    for body in inline_scripts(html):
        if theme.known(body):
            source = sha256_source(body)
            if source not in hashes:
                hashes.append(source)
        else:
            refused.append(body)
    directives = dict(BASE_POLICY)
    if hashes:
        directives["script-src"] += " " + " ".join(hashes)
    return PagePolicy("; ".join(f"{name} {value}" for name, value in directives.items()), refused)


def add_csp(html: str, policy: str) -> str:
    """Insert the CSP meta tag as the first element of `<head>`."""
    match = _HEAD.search(html)
    if not match:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: match.end()] + "\n" + tag + html[match.end() :]
