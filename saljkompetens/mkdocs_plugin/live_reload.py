"""The preview's live reload under the page CSP (development only).

`mkdocs serve` (MkDocs 1.6, mkdocs/livereload) adds an inline `<script>` before `</body>` of
every HTML response: its live-reload template with the site's build number (epoch) and a
request number, which polls `/livereload/<epoch>/<request>` (same origin: `connect-src
'self'` allows it) and reloads the page after a rebuild. The page CSP refuses inline script,
so `allow_live_reload` wraps the server's WSGI application: an HTML response whose injected
script is exactly that template gets the script's sha256 in its CSP meta tag (csp.py's
development policy). Nothing else may run inline, and `mkdocs build` never passes here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from mkdocs.livereload import _SCRIPT_TEMPLATE_STR

from .csp import allow_script


def _template_pattern(template: str) -> re.Pattern[str]:
    """MkDocs' injected `<script>…</script>`, its two numbers as digits, nothing else."""
    body = re.escape(template)
    for name in ("epoch", "request_id"):
        body = body.replace(re.escape(f"${{{name}}}"), "[0-9]+")
    return re.compile(f"<script>({body})</script>")


_INJECTED = _template_pattern(_SCRIPT_TEMPLATE_STR)


def with_live_reload(html: str) -> str:
    """`html` under the development policy for the live-reload script MkDocs added last;
    `html` as it is when there is none."""
    scripts = _INJECTED.findall(html)
    return allow_script(html, scripts[-1]) if scripts else html


def _is_html(headers: list[tuple[str, str]]) -> bool:
    return any(
        name.lower() == "content-type" and value.startswith("text/html") for name, value in headers
    )


def allow_live_reload(app: WSGIApplication) -> WSGIApplication:
    """`app` (MkDocs' live-reload server) with the live-reload script allowed in each page.

    MkDocs calls `start_response` before it returns the body; an HTML response is held
    back, rewritten and sent with its new length, any other (files, the long poll) passes.
    """

    def wrapped(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        held: list[Any] = []

        def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            if not _is_html(headers):
                return start_response(status, headers, exc_info)
            held[:] = [status, headers, exc_info]
            return lambda data: None  # MkDocs never writes through this

        body = app(environ, hold)
        if not held:
            return body
        try:
            content = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        html = content.decode("utf-8", "surrogateescape")
        content = with_live_reload(html).encode("utf-8", "surrogateescape")
        status, headers, exc_info = held
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(content)))], exc_info)
        return [content]

    return wrapped
