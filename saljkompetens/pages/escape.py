"""Content text inserted into pages as data: escaped for the place it lands, never evaluated.

Text fields (titles, summaries, keywords, reasons, statements) may hold any character an
editor types, `<`, `{{`, `|` and `[` included. Each is shown as typed:

- `markdown_text` for Markdown (headings, list items, link text, table cells): HTML
  characters become entities and Markdown's special characters get a backslash, so no
  link, attribute list (`{ onclick=… }`), table cell break or tag can come of it;
- `html_text` for HTML text and attribute values (and front matter, which the theme
  inserts into HTML without escaping).
"""

from __future__ import annotations

import html
import re

# Exactly the characters Python-Markdown unescapes after a backslash (`|` comes from its
# tables extension); `<`, `>` and `&` become entities instead.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|]")


def html_text(value: str) -> str:
    """`value` as HTML text or a quoted attribute value: `&`, `<`, `>`, `"`, `'` escaped."""
    return html.escape(value, quote=True)


def markdown_text(value: str) -> str:
    """`value` as inline Markdown that renders exactly as the text `value`."""
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\g<0>", value), quote=False)
