"""`make dist`: versioned assets, .br/.gz siblings, _headers; the deploy configs agree, and
deploy/nginx.conf does what it says through a real nginx (Debian's, with brotli_static)."""

from __future__ import annotations

import gzip
import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from saljkompetens.dist import COMPRESSIBLE, IMMUTABLE, MIN_SIZE, make_dist, version_assets
from saljkompetens.mkdocs_plugin.csp import HEADER_POLICY
from tests.support import QUICK_BROTLI
from tests.support.http import assert_security_headers, get, wait_until_serving

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
CONFIGS = ["Caddyfile", "nginx.conf", "_headers"]
FOREVER = "public, max-age=31536000, immutable"
# How each config writes its CSP; every line naming the header must be one of these.
_CSP_LINE = {
    "Caddyfile": re.compile(r'\s*Content-Security-Policy "([^"]*)"'),
    "nginx.conf": re.compile(r"\s*add_header Content-Security-Policy \$(\w+) always;"),
    "_headers": re.compile(r"\s+Content-Security-Policy: (.*)"),
}


def csp_values(name: str, text: str) -> list[str]:
    """Every Content-Security-Policy value the config `name` sends (nginx: `set` resolved)."""
    values = []
    for line in text.splitlines():
        if "content-security-policy" in line.lower() and not line.lstrip().startswith("#"):
            match = _CSP_LINE[name].fullmatch(line)
            assert match, f"{name}: {line}"
            values.append(match[1])
    if name == "nginx.conf":
        variables = dict(re.findall(r'^\s*set \$(\w+) "([^"]*)";$', text, re.M))
        values = [variables[value] for value in values]
    return values


@pytest.fixture(scope="module")
def dist(built_site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_dist(
        built_site.path,
        tmp_path_factory.mktemp("dist") / "dist",
        deploy=DEPLOY,
        cache=ROOT / "build",
        quality=QUICK_BROTLI,
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
    assert wasm.with_name("pyodide.asm.wasm.br").stat().st_size < wasm.stat().st_size / 2.5


def test_dist_publishes_brotli_at_quality_11_and_caches_each_quality_apart(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets" / "js").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><p>Hej</p>")
    script = ("const svar = [" + ", ".join(f'"fråga {n}"' for n in range(400)) + "];\n").encode()
    (site / "assets" / "js" / "a.js").write_bytes(script)
    cache = tmp_path / "cache"

    def br(**quality: int) -> bytes:
        out = make_dist(site, tmp_path / "dist", deploy=DEPLOY, cache=cache, **quality)
        (js,) = out.glob("assets/v-*/js/a.js.br")
        return js.read_bytes()

    quick = br(quality=QUICK_BROTLI)
    published = br()  # what `make dist` does: no quality given
    assert published == brotli.compress(script, quality=11, mode=brotli.MODE_TEXT)
    assert quick == brotli.compress(script, quality=QUICK_BROTLI, mode=brotli.MODE_TEXT)
    assert quick != published
    assert br(quality=QUICK_BROTLI) == quick  # from the cache, not the other quality's file
    assert len(list((cache / "brotli").iterdir())) == 2


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


def test_headers_file_names_each_existing_versioned_file_and_nothing_else(dist: Path) -> None:
    text = (dist / "_headers").read_text(encoding="utf-8")
    deploy = (DEPLOY / "_headers").read_text(encoding="utf-8")
    assert text.startswith(deploy)
    rules = re.findall(r"^(/\S*)\n((?:  .*\n)+)", text[len(deploy) :], re.M)
    assert rules and all(headers == f"  Cache-Control: {FOREVER}\n" for _, headers in rules)
    named = {path for path, _ in rules}
    assert len(rules) == len(named) and not any("*" in path for path in named)
    for path in named:  # files that exist, no .br/.gz (the hosts compress themselves)
        assert (dist / path.lstrip("/")).is_file() and not path.endswith((".br", ".gz")), path
    wasm = next(dist.glob("assets/pyodide/*/pyodide.asm.wasm"))
    scripts = [*dist.glob("assets/v-*/js/*.js"), *dist.glob("assets/stylesheets/main.*.css")]
    for path in (wasm, *scripts):
        assert "/" + path.relative_to(dist).as_posix() in named, path
    assert not {p for p in named if not p.startswith(IMMUTABLE)}
    assert len(rules) + 1 <= 100  # Cloudflare Pages reads at most 100 rules


@pytest.mark.parametrize("name", CONFIGS)
def test_every_server_config_sends_exactly_the_header_policy(name: str) -> None:
    values = csp_values(name, (DEPLOY / name).read_text(encoding="utf-8"))
    assert values and set(values) == {HEADER_POLICY}
    assert "'unsafe-inline'" not in HEADER_POLICY.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize("name", CONFIGS)
def test_a_weaker_or_reworded_csp_is_caught(name: str) -> None:
    text = (DEPLOY / name).read_text(encoding="utf-8")
    weaker = text.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-inline'")
    assert set(csp_values(name, weaker)) != {HEADER_POLICY}
    with pytest.raises(AssertionError):
        csp_values(name, text.replace("Content-Security-Policy", "content-security-policy  "))


@pytest.mark.parametrize("name", CONFIGS)
def test_every_server_config_sends_the_same_headers(name: str) -> None:
    text = (DEPLOY / name).read_text(encoding="utf-8")
    for expected in ("nosniff", "no-referrer", "Permissions-Policy", "camera=()", "same-origin"):
        assert expected in text
    if name == "_headers":  # the immutable rules are written by make dist (test above)
        return
    assert FOREVER in text
    for prefix in IMMUTABLE:
        path = prefix.strip("/")
        assert path in text or path.replace(".", "\\.") in text, prefix


def test_caddyfile_is_valid(tmp_path: Path) -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy saknas (make setup installerar den)")

    done = subprocess.run(
        [caddy, "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "CADDY_ADMIN": "off"},
    )
    assert done.returncode == 0, done.stderr[-2000:]


NGINX = "/usr/sbin/nginx"
BROTLI = Path("/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf")


def nginx_config(folder: Path, *, port: int, root: Path) -> Path:
    """deploy/nginx.conf in a whole config of its own (files in `folder`, no daemon, one
    process as the current user), serving `root` on 127.0.0.1:`port`."""
    if not (Path(NGINX).is_file() and BROTLI.is_file()):
        pytest.skip("nginx eller dess brotli_static saknas: kör `make setup`")
    server = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("/srv/saljkompetens/dist", root),
    ):
        assert server.count(old) == 1, old
        server = server.replace(old, str(new))
    temp = " ".join(f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy"))
    temp += " ".join(f" {kind}_temp_path {folder}/{kind};" for kind in ("fastcgi", "uwsgi", "scgi"))
    conf = folder / "nginx.conf"
    conf.write_text(
        f"include {BROTLI};\ndaemon off;\nmaster_process off;\n"
        f"error_log {folder}/error.log;\npid {folder}/nginx.pid;\nevents {{}}\n"
        f"http {{\naccess_log off;\n{temp}\n{server}\n}}\n",
        encoding="utf-8",
    )
    return conf


def nginx_command(conf: Path, *args: str) -> list[str]:
    return [
        NGINX,
        "-c",
        str(conf),
        "-p",
        "/usr/share/nginx/",
        "-e",
        str(conf.parent / "e.log"),
        *args,
    ]


def test_nginx_config_is_valid(tmp_path: Path) -> None:
    conf = nginx_config(tmp_path, port=8080, root=tmp_path)
    done = subprocess.run(nginx_command(conf, "-t"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def nginx(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """dist/ through Debian's nginx with deploy/nginx.conf; the base URL (no final slash)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = nginx_config(tmp_path_factory.mktemp("nginx"), port=port, root=dist)
    server = subprocess.Popen(nginx_command(conf), stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(("encoding", "sent"), [("br", "br"), ("gzip", "gzip"), ("identity", None)])
def test_nginx_sends_precompressed_files_with_vary(
    nginx: str, dist: Path, encoding: str, sent: str | None
) -> None:
    wasm = next(dist.glob("assets/pyodide/*/pyodide.asm.wasm")).relative_to(dist).as_posix()
    for path, forever in (("/sjalvskattning/", False), ("/" + wasm, True)):
        status, headers, _ = get(nginx + path, encoding)
        assert status == 200, path
        assert headers.get("content-encoding") == sent, path
        assert headers["vary"] == "Accept-Encoding", path
        assert headers["cache-control"] == (FOREVER if forever else "no-cache"), path
        assert_security_headers(headers)


def test_nginx_answers_a_missing_page_with_the_404_page_and_every_header(
    nginx: str, dist: Path
) -> None:
    for path in ("/finns-inte/", "/kompetenser/finns-inte.html", "/_headers"):
        status, headers, body = get(nginx + path)
        assert status == 404, path
        assert body == (dist / "404.html").read_bytes(), path
        assert_security_headers(headers)
        assert headers["cache-control"] == "no-cache", path


def test_nginx_caches_only_existing_versioned_files_forever(nginx: str, dist: Path) -> None:
    (version,) = dist.glob("assets/v-*")
    pyodide = next(dist.glob("assets/pyodide/*/pyodide.asm.wasm")).parent.name
    missing = [
        f"/assets/pyodide/{pyodide}/saknas.js",
        f"/assets/{version.name}/js/saknas.js",
        "/assets/v-000000000000/js/assessment.js",
        "/assets/stylesheets/main.00000000.min.css",
        "/assets/javascripts/bundle.00000000.min.js",
        "/assets/javascripts/workers/search.00000000.min.js",
    ]
    for path in missing:
        status, headers, body = get(nginx + path, "br")
        assert status == 404, path
        assert headers["cache-control"] == "no-cache", path
        assert_security_headers(headers)
    status, headers, _ = get(f"{nginx}/assets/{version.name}/js/assessment.js")
    assert (status, headers["cache-control"]) == (200, FOREVER)
