"""Pages that have moved: a small page at each old address sends the visitor on.

The self-tests were published at `sjalvskattning/<slug>/` and are at `sjalvtest/<slug>/` now.
Bookmarks and share links (whose answers are in the fragment) to the old address keep
working: the page left there runs `assets/js/moved.js`, which goes on to the new address with
the fragment kept (the CSP allows no inline script, and a meta refresh would drop the
fragment), links there for a browser without JavaScript, and names the new address as
canonical. It is plain HTML, not a Markdown page, so it is in neither the navigation, the
search index nor the sitemap.
"""

from __future__ import annotations

from urllib.parse import urljoin

from ..content.model import KnowledgeBase
from .links import relative_link
from .render import template

FORMER_SELFTEST_SECTION = "sjalvskattning"
"""Where the self-tests were published before (`sjalvskattning/<slug>/`)."""
SCRIPT = "assets/js/moved.js"


def moved_pages(kb: KnowledgeBase, site_name: str, site_url: str = "") -> dict[str, str]:
    """`{path: html}`: the page at each self-test's former address (`…/<slug>/index.html`).

    `site_url` (mkdocs.yml) makes the canonical address absolute, as MkDocs' own are.
    """
    pages = {}
    for selftest in kb.selftests:
        here = f"{FORMER_SELFTEST_SECTION}/{selftest.slug}/index.html"
        to = relative_link(here, selftest.url)
        pages[here] = template("moved.html.j2").render(
            title=selftest.title,
            site_name=site_name,
            to=to,
            canonical=urljoin(site_url, selftest.url) if site_url else to,
            script=relative_link(here, SCRIPT),
        )
    return pages
