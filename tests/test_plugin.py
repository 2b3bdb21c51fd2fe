"""The MkDocs adapter: a failed content load stops a build, never a running preview; the
preview (and only the preview) shows a banner while the content has errors."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path
from types import SimpleNamespace
from wsgiref.util import setup_testing_defaults

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import _SCRIPT_TEMPLATE
from mkdocs.structure.files import Files

from saljkompetens.mkdocs_plugin.csp import META_POLICY
from saljkompetens.mkdocs_plugin.live_reload import with_live_reload
from saljkompetens.mkdocs_plugin.plugin import SaljkompetensPlugin

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "content"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "content")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme: material\n", encoding="utf-8")
    return tmp_path


def _plugin(project: Path, command: str) -> tuple[SaljkompetensPlugin, object]:
    plugin = SaljkompetensPlugin()
    errors, warnings = plugin.load_config({"assessment": False})
    assert errors == [] and warnings == []
    plugin.on_startup(command=command, dirty=False)
    return plugin, load_config(str(project / "mkdocs.yml"))


def _break(project: Path) -> None:
    article = next((project / "content" / "articles").glob("*.md"))
    article.write_text(article.read_text("utf-8").replace("lang: sv", "lang: en"), "utf-8")


def test_build_fails_on_invalid_content(project: Path) -> None:
    plugin, config = _plugin(project, "build")
    _break(project)
    with pytest.raises(PluginError, match="inget publicerades"):
        plugin.on_config(config)


PAGE_HTML = "<html><head><title>T</title></head><body><p>Text</p></body></html>"


def _post_page(plugin: SaljkompetensPlugin, config: object) -> str:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    return plugin.on_post_page(PAGE_HTML, page=page, config=config)  # type: ignore[arg-type]


def test_preview_keeps_last_good_content_and_shows_a_banner(project: Path, capsys) -> None:
    plugin, config = _plugin(project, "serve")
    plugin.on_config(config)
    good = plugin.source.good
    assert good is not None
    assert "sk-preview-errors" not in _post_page(plugin, config)
    _break(project)
    plugin.on_config(config)  # no exception: the preview keeps serving
    assert plugin.source.good is good
    assert 'lang: "en" är inte tillåtet' in capsys.readouterr().err
    html = _post_page(plugin, config)
    assert 'data-preview-errors="1"' in html
    assert "Förhandsvisningen visar senaste fungerande innehåll." in html
    assert "<code>make check</code> visar samma fel" in html
    assert "lang: &quot;en&quot; är inte tillåtet" in html  # escaped like any text


def test_preview_without_a_good_state_keeps_running(project: Path) -> None:
    plugin, config = _plugin(project, "serve")
    _break(project)
    plugin.on_config(config)  # no exception: `make serve` never dies on content
    assert plugin.source.good is None
    files = plugin.on_files(Files([]), config)
    assert list(files) == []
    assert "Förhandsvisningen visar sidorna utan innehållet" in _post_page(plugin, config)


def test_a_build_never_shows_the_banner(project: Path) -> None:
    plugin, config = _plugin(project, "build")
    plugin.on_config(config)
    assert "sk-preview-errors" not in _post_page(plugin, config)


def test_no_inline_script_is_trusted_not_even_the_themes(project: Path, caplog) -> None:
    """The theme's inline scripts are files now (overrides/partials/javascripts/), so the
    policy has no hash: a planted script, even one that copies the theme's, never runs."""
    plugin, config = _plugin(project, "serve")
    plugin.on_config(config)
    theme = (  # Material's partials/javascripts/base.html, with this page's base URL
        '<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)'
        "-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem("
        't.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname'
        '+"."+e,JSON.stringify(_))}catch(e){}}</script>'
    )
    planted = "<script>window.__pwned=1</script>"
    page = SimpleNamespace(file=SimpleNamespace(src_uri="x.md"))
    html = plugin.on_post_page(
        PAGE_HTML.replace("<p>", theme + planted + "<p>"), page=page, config=config
    )
    policy = html.split('content="')[1].split('"')[0]
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy
    assert "'sha256-" not in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert caplog.text.count("blockeras av webbläsaren") == 2
    assert "x.md" in caplog.text


def _cli_build(config_file: Path) -> None:
    """`mkdocs build --strict` as the command line runs it (startup and shutdown events)."""
    from mkdocs.commands.build import build

    config = load_config(str(config_file), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_failed_build_leaves_the_previous_site_as_it_was(
    tmp_path: Path, site_config, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = shutil.copytree(MINIMAL, tmp_path / "content")
    config_file = site_config(content, tmp_path)
    _cli_build(config_file)
    site = tmp_path / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert Path("kompetenser/lyssna/index.html") in before

    # A page whose name no file system takes: the build dies half-way through writing.
    from saljkompetens.mkdocs_plugin import plugin

    real = plugin.render_pages
    monkeypatch.setattr(
        plugin,
        "render_pages",
        lambda kb, files, *rest: {
            **real(kb, files, *rest),
            "kompetenser/" + "x" * 300 + ".md": "# X",
        },
    )
    with pytest.raises(OSError, match="File name too long"):
        _cli_build(config_file)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_an_html_file_under_docs_gets_the_pages_policy(project: Path) -> None:
    """An HTML file an editor drops next to an image is published with the same CSP as every
    page (a server that sends no header, like GitHub Pages, still has it)."""
    (project / "docs" / "karta.html").write_text("<p>En karta</p>\n", "utf-8")
    (project / "docs" / "bilaga.htm").write_text(
        "<html><head><title>B</title></head><body>x</body></html>", "utf-8"
    )
    plugin, config = _plugin(project, "serve")
    plugin.on_config(config)
    from mkdocs.structure.files import get_files

    config.plugins._current_plugin = "saljkompetens"  # as MkDocs sets it while it calls us
    files = plugin.on_files(get_files(config), config)
    published = {
        f.src_uri: f.content_string for f in files if f.src_uri.endswith((".html", ".htm"))
    }
    policy = '<meta http-equiv="Content-Security-Policy" content="default-src'
    assert published["karta.html"].startswith(policy)
    assert published["karta.html"].endswith("<p>En karta</p>\n")
    assert published["bilaga.htm"].startswith("<html><head>\n" + policy)


# -- the preview's live reload -----------------------------------------------------------

STRICT_TAG = f'<meta http-equiv="Content-Security-Policy" content="{META_POLICY}">'


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _script_src(html: str) -> str:
    policy = html.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))["script-src"]


def _served(app, path: str) -> tuple[str, dict[str, str], bytes]:
    """GET `path` from a WSGI app: status, headers, body."""
    environ: dict = {"PATH_INFO": path}
    setup_testing_defaults(environ)
    answer: dict = {}
    body = app(environ, lambda status, headers, exc_info=None: answer.update(s=status, h=headers))
    content = b"".join(body)
    return answer["s"], dict(answer["h"]), content


def test_the_preview_lets_exactly_mkdocs_live_reload_script_run() -> None:
    """Under `mkdocs serve` each page allows the one script MkDocs injected into it (its
    sha256); a planted or altered script stays refused."""
    script = _SCRIPT_TEMPLATE.substitute(epoch=17, request_id=42)
    page = f"<html><head>{STRICT_TAG}</head><body><p>T</p><script>{script}</script></body></html>"
    assert _script_src(with_live_reload(page)) == f"'self' 'wasm-unsafe-eval' {_sha256(script)}"
    altered = page.replace("location.reload();", "location.reload(); window.__pwned = 1;")
    planted = page.replace(script, "window.__pwned = 1")
    for html in (altered, planted, PAGE_HTML):
        assert with_live_reload(html) == html


def test_served_pages_carry_the_development_policy_built_ones_never(
    tmp_path: Path, site_config
) -> None:
    """MkDocs' own server, as `mkdocs serve` wires it: the response has the development
    policy for the script injected into it; the built files keep the strict one."""
    from mkdocs.livereload import LiveReloadServer

    content = shutil.copytree(MINIMAL, tmp_path / "content")
    _cli_build(site_config(content, tmp_path))
    site = tmp_path / "site"
    pages = {p: p.read_text("utf-8") for p in site.rglob("*.html")}
    assert len(pages) > 10
    for path, html in pages.items():
        assert html.count(STRICT_TAG) == 1 and "'sha256-" not in html, path

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    try:
        server.watch(str(tmp_path / "content"))  # as `mkdocs serve` does: injects the script
        plugin = SaljkompetensPlugin()
        assert plugin.on_serve(server, config=None, builder=lambda: None) is server  # type: ignore[arg-type]
        status, headers, body = _served(server.get_app(), "/kompetenser/lyssna/")
        assert status.startswith("200")
        assert headers["Content-Length"] == str(len(body))
        html = body.decode("utf-8")
        injected = html[html.rindex("<script>") + len("<script>") : html.rindex("</script>")]
        assert "livereload(" in injected
        assert _script_src(html) == f"'self' 'wasm-unsafe-eval' {_sha256(injected)}"
        status, headers, body = _served(server.get_app(), "/assets/css/saljkompetens.css")
        assert (
            status.startswith("200")
            and body == (site / "assets/css/saljkompetens.css").read_bytes()
        )
    finally:
        server.server_close()
    assert {p: p.read_text("utf-8") for p in site.rglob("*.html")} == pages
