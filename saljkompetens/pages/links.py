"""Links between source files, relative, so MkDocs can check them and the site can move."""

from __future__ import annotations

import posixpath


def relative_link(from_src: str, to_src: str) -> str:
    """A link from one source file to another, e.g. `../tankesatt/hunger.md`; a target that
    ends in `/` (a folder, as in a site URL) keeps its slash."""
    link = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return link + "/" if to_src.endswith("/") and not link.endswith("/") else link
