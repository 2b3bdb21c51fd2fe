"""Content Security Policy: one policy for every published file, with no inline script.

Material's two inline scripts are replaced by files (overrides/partials/javascripts/), so
no page needs a hash and no pattern decides what may run: `script-src` allows only this
site's own files (and WebAssembly for Pyodide). Each page carries the policy as a meta tag;
the servers in `deploy/` send the same policy as a header, plus `frame-ancestors`, which
a meta tag cannot set (`HEADER_POLICY`; tests keep deploy/ equal to it). An inline script
that still reaches a page is reported by the build, and the browser refuses to run it.

The preview alone (`mkdocs serve`) gets a development policy, per response: the strict one
plus the sha256 of the one live-reload script MkDocs injected into that response
(`allow_script`, called from live_reload.py). No built file ever carries it.
"""

from __future__ import annotations

import base64
import hashlib
import re

import html5lib

POLICY: dict[str, str] = {
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
"""The policy of every page (its meta tag)."""

META_POLICY = "; ".join(f"{name} {value}" for name, value in POLICY.items())
HEADER_POLICY = f"{META_POLICY}; frame-ancestors 'none'"
"""The policy the servers send as an HTTP header: the meta policy, and no framing."""

_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
_ANY_SCRIPT = re.compile(r"<script[\s/>]", re.I)
# Script tags that hold no inline code: empty ones (a file, whatever the order of their
# attributes), and Material's JSON config.
_KNOWN_TAG = re.compile(
    r'<script(?: (?:src|type|data-[a-z-]+)="[^"<>]*")*></script>'
    r'|<script id="__config" type="application/json">'
)


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts in `html` that a browser would run.

    Quick path: every `<script` in the text is a known external or JSON tag. Otherwise the
    page is parsed as a browser parses it (html5lib), so no comment or attribute trick
    hides a script.
    """
    if len(_ANY_SCRIPT.findall(html)) == len(_KNOWN_TAG.findall(html)):
        return []
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    found = []
    for element in tree.iter("script"):
        kind = (element.get("type") or "").strip().lower()
        if element.get("src") is None and kind in _SCRIPT_TYPES:
            found.append(element.text or "")
    return found


def _meta(policy: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


_TAG = _meta(META_POLICY)


def development_policy(script: str) -> str:
    """The meta policy that also lets exactly `script` run (by its sha256): for the
    preview's live-reload script, never for a published file."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = {**POLICY, "script-src": f"{POLICY['script-src']} 'sha256-{digest}'"}
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def allow_script(html: str, script: str) -> str:
    """`html` whose CSP meta tag (the first) carries the development policy for `script`;
    a page without the tag is returned as it is."""
    return html.replace(_TAG, _meta(development_policy(script)), 1)


def add_csp(html: str) -> str:
    """Insert the CSP meta tag as the first element of `<head>`; a document without a
    `<head>` tag gets it first of all (the parser places it in the head it implies)."""
    match = _HEAD.search(html)
    if not match:
        return _TAG + "\n" + html
    return html[: match.end()] + "\n" + _TAG + html[match.end() :]
