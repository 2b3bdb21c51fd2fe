"""Content Security Policy: a meta tag per page that allows only this site's own files.

Material puts a few small inline scripts in every page; their sha256 hashes are computed
from the built HTML and added to `script-src`, so no `'unsafe-inline'` is needed.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)

# The parts that never change; `script-src` gets the page's hashes appended.
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


def script_hashes(html: str) -> list[str]:
    """CSP source expressions (`'sha256-…'`) for every inline script in `html`, in order."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    """The policy for one page: the base policy plus that page's inline-script hashes."""
    directives = dict(BASE_POLICY)
    hashes = script_hashes(html)
    if hashes:
        directives["script-src"] += " " + " ".join(hashes)
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def http_header() -> str:
    """The matching HTTP header value for hosts (hashes vary per page, so `'self'` only)."""
    return "; ".join([*(f"{k} {v}" for k, v in BASE_POLICY.items()), "frame-ancestors 'none'"])


def add_csp(html: str) -> str:
    """Insert the CSP meta tag as the first element of `<head>`."""
    match = _HEAD.search(html)
    if not match:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: match.end()] + "\n" + tag + html[match.end() :]
