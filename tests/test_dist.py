"""`make dist`: versioned assets, .br/.gz siblings, _headers; the deploy configs agree."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import brotli
import pytest

from saljkompetens.dist import COMPRESSIBLE, IMMUTABLE, MIN_SIZE, make_dist, version_assets
from saljkompetens.mkdocs_plugin.csp import BASE_POLICY

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def header_csp() -> str:
    """The header the deploy configs send: the meta tag's base policy, inline scripts left to
    the meta tag's hashes, and frame-ancestors (README, Integritet och säkerhet)."""
    directives = dict(BASE_POLICY)
    directives["script-src"] += " 'unsafe-inline'"
    directives["frame-ancestors"] = "'none'"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


@pytest.fixture(scope="module")
def dist(built_site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_dist(
        built_site.path,
        tmp_path_factory.mktemp("dist") / "dist",
        deploy=DEPLOY,
        cache=ROOT / "build",
    )


def test_every_compressible_file_has_br_and_gz_that_decode_to_it(dist: Path) -> None:
    checked = 0
    for path in dist.rglob("*"):
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            continue
        br, gz = path.with_name(path.name + ".br"), path.with_name(path.name + ".gz")
        if path.stat().st_size < MIN_SIZE:
            assert not br.exists(), path  # (MkDocs writes sitemap.xml.gz itself)
            continue
        data = path.read_bytes()
        assert brotli.decompress(br.read_bytes()) == data, path
        assert gzip.decompress(gz.read_bytes()) == data, path
        checked += 1
    assert checked > 50
    wasm = next(dist.glob("assets/pyodide/*/pyodide.asm.wasm"))
    assert wasm.with_name("pyodide.asm.wasm.br").stat().st_size < wasm.stat().st_size / 3


def test_own_css_and_js_are_versioned_and_every_link_resolves(dist: Path) -> None:
    assert not (dist / "assets" / "js").exists() and not (dist / "assets" / "css").exists()
    (versioned,) = dist.glob("assets/v-*")
    assert (versioned / "js" / "scoring-worker.js").is_file()
    for page in dist.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""["'](?:\.\./)*assets/(js|css)/""", html), page
        for link in re.findall(r"""["']((?:\.\./)*assets/v-[^"']+)["']""", html):
            assert (page.parent / link).resolve().is_file(), (page, link)


def test_versioning_follows_content(tmp_path: Path) -> None:
    def site(text: str) -> str:
        folder = tmp_path / text
        (folder / "assets" / "js").mkdir(parents=True)
        (folder / "assets" / "js" / "a.js").write_text(text)
        (folder / "index.html").write_text('<script src="assets/js/a.js"></script>')
        return version_assets(folder)

    assert site("ett") != site("två")


def test_the_published_python_files_are_named_by_content(dist: Path) -> None:
    (app,) = dist.glob("assets/pyodide/app-*")
    assert {p.name for p in app.iterdir() if p.suffix in (".whl", ".zip")} == {
        next(app.glob("*.whl")).name,
        "python_stdlib.zip",
    }
    assert not list(dist.glob("assets/pyodide/*/python_stdlib.zip.*"))  # zips: no .br/.gz
    page = (dist / "sjalvskattning" / "index.html").read_text(encoding="utf-8")
    assert f"assets/pyodide/{app.name}/" in page


def test_headers_file_is_copied(dist: Path) -> None:
    assert (dist / "_headers").read_text() == (DEPLOY / "_headers").read_text()


@pytest.mark.parametrize("name", ["Caddyfile", "nginx.conf", "_headers"])
def test_every_server_config_sends_the_same_headers(name: str) -> None:
    text = (DEPLOY / name).read_text(encoding="utf-8")
    assert header_csp() in text
    for expected in ("nosniff", "no-referrer", "Permissions-Policy", "camera=()"):
        assert expected in text
    assert "public, max-age=31536000, immutable" in text
    for prefix in IMMUTABLE:
        path = prefix.strip("/")
        assert path in text or path.replace(".", "\\.") in text, prefix


def test_caddyfile_is_valid(tmp_path: Path) -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy saknas (make setup installerar den)")
    import subprocess

    done = subprocess.run(
        [caddy, "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "CADDY_ADMIN": "off"},
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_nginx_config_is_valid(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if nginx is None:
        pytest.skip("nginx saknas")
    import subprocess

    modules = "\n".join(
        f"include {p};" for p in sorted(Path("/etc/nginx/modules-enabled").glob("*brotli*"))
    )
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"{modules}\nerror_log {tmp_path}/error.log;\npid {tmp_path}/nginx.pid;\n"
        f"events {{}}\nhttp {{\naccess_log off;\n{(DEPLOY / 'nginx.conf').read_text()}\n}}\n"
    )
    if not modules:
        conf.write_text(conf.read_text().replace("brotli_static on;", ""))
    done = subprocess.run(
        [nginx, "-t", "-c", str(conf), "-p", "/usr/share/nginx/"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
