"""Synthetic sites: N competencies + N articles, as a project site and as a plain Material site.

The project site is a copy of the real one (docs/, mkdocs.yml, the 12 real mindsets and the
real assessment.yml) with generated content (tests/support/synthetic.py); the plain site has
the same rendered pages as ordinary Markdown files, every one of them in `nav`, and no
project plugin.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from saljkompetens.content.loader import load_content
from saljkompetens.pages.render import render_pages
from tests.support.synthetic import write_content

ROOT = Path(__file__).resolve().parent.parent
LINKED = ("macros", "overrides", "scoring_py", "node_modules", "build")


def make_project(root: Path, n: int) -> Path:
    """A project directory building the real site's docs/ and plugin over synthetic content."""
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    for name in LINKED:
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    write_content(root / "content", n)
    return root


def make_plain(root: Path, project: Path) -> Path:
    """A plain Material site with the project's rendered pages, all in `nav`."""
    kb = load_content(project / "content")
    docs = root / "docs"
    pages = render_pages(kb)
    for src_uri, markdown in pages.items():
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(markdown, encoding="utf-8")
    (docs / "index.md").write_text("# Start\n\nEn vanlig Material-webbplats.\n")
    (docs / "sjalvskattning").mkdir(exist_ok=True)
    (docs / "sjalvskattning" / "index.md").write_text("# Självskattning\n")

    def section(prefix: str) -> list[dict[str, str]]:
        return [{kb_title(pages[uri]): uri} for uri in sorted(pages) if uri.startswith(prefix)]

    nav = [
        {"Start": "index.md"},
        {"Kompetenser": section("kompetenser/")},
        {"Tankesätt": section("tankesatt/")},
        {"Artiklar": section("artiklar/")},
        {"Roller": section("roller/")},
        {"Självskattning": "sjalvskattning/index.md"},
    ]
    real = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    theme = real[real.index("theme:") : real.index("extra_css:")]
    extensions = real[real.index("markdown_extensions:") : real.index("validation:")]
    config = {"site_name": "Vanlig", "docs_dir": "docs", "nav": nav}
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    plugins = 'plugins:\n  - search:\n      lang: [sv, "no"]\n'
    theme = theme.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (root / "mkdocs.yml").write_text(text + theme + plugins + extensions, encoding="utf-8")
    return root


def kb_title(markdown: str) -> str:
    """The `# Heading` of a rendered page."""
    return next(line[2:] for line in markdown.splitlines() if line.startswith("# "))
