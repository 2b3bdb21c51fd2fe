"""Raw HTML this code writes into a generated page (the forms), kept apart from the page's
Markdown so that everything else on the page can be sanitized as content.

A generated page is Markdown with content in it; after MkDocs renders it, the plugin cleans
the whole HTML with the content sanitizer (content/sanitize.py), which would also strip the
forms. So each form goes into the Markdown as a paragraph holding a key that no content can
know (a random nonce per build), and is put back after cleaning. A key that is missing after
cleaning (content swallowed it) stops the build instead of publishing a page without its form.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field


class MissingForm(Exception):
    """A page's form did not survive rendering (its key was lost)."""


@dataclass
class TrustedHtml:
    """The raw HTML parts of the generated pages, by page."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    parts: dict[str, str] = field(default_factory=dict)
    by_page: dict[str, list[str]] = field(default_factory=dict)

    def mark(self, src_uri: str, html: str) -> str:
        """A paragraph standing in for `html` on the page `src_uri` (Markdown)."""
        key = f"sk-html-{self.nonce}-{len(self.parts)}"
        self.parts[key] = html
        self.by_page.setdefault(src_uri, []).append(key)
        return f"\n\n{key}\n\n"

    def restore(self, src_uri: str, html: str) -> str:
        """The rendered (and cleaned) page `html` with its raw HTML parts put back."""
        for key in self.by_page.get(src_uri, []):
            paragraph = f"<p>{key}</p>"
            if html.count(paragraph) != 1:
                raise MissingForm(
                    f"{src_uri}: sidans formulär kom inte med när sidan skapades (texten ovanför "
                    "det lämnar troligen ett HTML-element öppet); sidan publiceras inte"
                )
            html = html.replace(paragraph, self.parts[key])
        return html
