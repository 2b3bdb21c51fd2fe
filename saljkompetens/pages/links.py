"""Links between source files, relative, so MkDocs can check them and the site can move."""

from __future__ import annotations

import posixpath


def relative_link(from_src: str, to_src: str) -> str:
    """A link from one source file to another, e.g. `../tankesatt/hunger.md`; a target that
    ends in `/` (a folder, as in a site URL) keeps its slash."""
    link = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return link + "/" if to_src.endswith("/") and not link.endswith("/") else link


def served_at(src_uri: str) -> str:
    """Where a page's HTML is served, as a source path, for links in raw HTML (which MkDocs
    does not rewrite): with MkDocs' directory URLs `team/chef.md` is served at
    `team/chef/index.html`, so it links as if it were `team/chef/index.md`."""
    stem, _ = posixpath.splitext(src_uri)
    return src_uri if posixpath.basename(stem) == "index" else f"{stem}/index.md"
