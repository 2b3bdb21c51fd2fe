"""The preview's banner: content errors shown on every page of `mkdocs serve`.

Only the preview ever calls this; a build with content errors publishes nothing.
"""

from __future__ import annotations

import re

from ..content.errors import ContentErrors
from ..pages.escape import html_text

_BODY = re.compile(r"<body\b[^>]*>", re.I)


def error_banner(html: str, problems: ContentErrors, *, shown: str) -> str:
    """`html` with a banner listing `problems` right after `<body>`; `shown` says what the
    preview shows meanwhile."""
    match = _BODY.search(html)
    if not match:
        return html
    count = len(problems.errors)
    items = "".join(f"<li><code>{html_text(str(error))}</code></li>" for error in problems.errors)
    banner = (
        '<div class="sk-preview-errors" role="alert" data-preview-errors="'
        f'{count}"><p><strong>Innehållet har {count} fel</strong> och skulle inte publiceras. '
        f"{shown} Rätta felen och spara, så uppdateras sidan; <code>make check</code> visar "
        f"samma fel i terminalen.</p><ul>{items}</ul></div>"
    )
    return html[: match.end()] + banner + html[match.end() :]
