"""The built site: every page at its URL, a strict build, nothing fetched from elsewhere."""

from __future__ import annotations

import json
import re

from saljkompetens.content.model import KnowledgeBase
from saljkompetens.pages.escape import html_text


def test_strict_build_has_no_warnings(built_site) -> None:
    assert "WARNING" not in built_site.log
    assert "ERROR" not in built_site.log


def test_every_page_exists_at_its_url(built_site, kb: KnowledgeBase) -> None:
    expected = ["", "kompetenser/", "tankesatt/", "artiklar/", "sjalvskattning/", "roller/",
                "sa-raknas-resultatet/", "om-webbplatsen/", "redaktorsguide/"]  # fmt: skip
    expected += [f"kompetenser/{c.slug}/" for c in kb.competencies]
    expected += [f"tankesatt/{m.slug}/" for m in kb.mindsets]
    expected += [f"artiklar/{a.slug}/" for a in kb.articles]
    expected += [f"roller/{r.slug}/" for r in kb.roles]
    for url in expected:
        page = built_site.path / url / "index.html"
        assert page.is_file(), url


def test_pages_show_their_titles(built_site, kb: KnowledgeBase) -> None:
    for competency in kb.competencies:
        html = (built_site.path / "kompetenser" / competency.slug / "index.html").read_text()
        assert f"<title>{html_text(competency.title)} - Säljkompetens</title>" in html


def test_each_article_carries_its_own_language(built_site, kb: KnowledgeBase) -> None:
    """Whatever the articles are (sv or nb), each page marks its text with the file's lang."""
    for article in kb.articles:
        html = (built_site.path / "artiklar" / article.slug / "index.html").read_text()
        assert re.findall(r'<div class="sk-article" lang="(\w+)">', html) == [article.lang]


def test_no_page_refers_to_another_origin(built_site) -> None:
    """No script, stylesheet, font, image or frame is loaded from another host."""
    loads = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(https?:)?//', re.I)
    offenders = []
    for page in built_site.path.rglob("*.html"):
        if loads.search(page.read_text(encoding="utf-8")):
            offenders.append(str(page.relative_to(built_site.path)))
    assert offenders == []


def test_search_index_covers_keywords(built_site, kb: KnowledgeBase) -> None:
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["sv", "no"]
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    for competency in kb.competencies:
        text = texts[f"kompetenser/{competency.slug}/"]
        for keyword in competency.keywords:
            assert keyword in text, (competency.title, keyword)


def test_the_editors_guide_is_not_in_the_readers_search(built_site) -> None:
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "redaktorsguide/" not in locations
    assert "om-webbplatsen/" in locations


def test_titles_do_not_repeat_the_site_name(built_site) -> None:
    home = (built_site.path / "index.html").read_text("utf-8")
    assert "<title>Säljkompetens</title>" in home
    for page in built_site.path.rglob("*.html"):
        title = re.search(r"<title>(.*?)</title>", page.read_text("utf-8"), re.S)
        assert title and title.group(1).count("Säljkompetens") == 1, page
