"""`python -m saljkompetens.dist`: the built site (`site/`) made ready to publish (`dist/`).

- The site's own CSS and JS move to `assets/v-<hash>/` (the hash of their content), and
  the pages point there, so a server may cache them forever, as it may Pyodide's files and
  the wheel under `assets/pyodide/` (saljkompetens.assets) and Material's hashed bundles.
- Every compressible file of 1 kB or more gets a `.br` (brotli, quality 11) and a `.gz`
  (gzip -9) beside it, for servers that send precompressed files (deploy/). Brotli output
  is cached in `build/brotli/` by content and quality, so a second run takes seconds. The
  tests ask for a lower quality (`make_dist(…, quality=5)`): the same files in a second
  instead of a minute or more on a fresh clone (quality 11 takes the wasm 9.6 → 2.7 MB,
  quality 5 to 3.2 MB).
- `_headers` for Netlify and Cloudflare Pages: `deploy/_headers` and one rule per file a
  host may cache forever. A host matches these rules by path, even for a 404, so only files
  that exist are named: a missing one is not cached as immutable.

The folder is written beside `dist/` and swapped in when finished.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import quote

import brotli

COMPRESSIBLE = {".wasm", ".js", ".mjs", ".css", ".html", ".json", ".svg", ".xml", ".txt"}
MIN_SIZE = 1024
QUALITY = 11  # brotli's best: what is published
VERSIONED = ("js", "css")  # folders under assets/ whose files the pages link to
# Paths a server may cache forever (their names change with their content).
IMMUTABLE = (
    "/assets/pyodide/",
    "/assets/v-",
    "/assets/stylesheets/",
    "/assets/javascripts/bundle.",
    "/assets/javascripts/workers/",
)
IMMUTABLE_RULE = "  Cache-Control: public, max-age=31536000, immutable\n"
_LINK = re.compile(r"""(?<=["'])((?:\.\./)*|/)?assets/(js|css)/""")


def version_assets(site: Path) -> str:
    """Move `assets/js` and `assets/css` under `assets/v-<hash>/` and relink every page."""
    digest = hashlib.sha256()
    for folder in VERSIONED:
        for path in sorted((site / "assets" / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(site).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    version = f"v-{digest.hexdigest()[:12]}"
    for folder in VERSIONED:
        source = site / "assets" / folder
        if source.is_dir():
            (site / "assets" / version).mkdir(exist_ok=True)
            source.rename(site / "assets" / version / folder)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        relinked = _LINK.sub(lambda m: f"{m.group(1) or ''}assets/{version}/{m.group(2)}/", html)
        if relinked != html:
            page.write_text(relinked, encoding="utf-8")
    return version


def _brotli(data: bytes, cache: Path, quality: int = QUALITY) -> bytes:
    suffix = ".br" if quality == QUALITY else f".q{quality}.br"
    cached = cache / f"{hashlib.sha256(data).hexdigest()}{suffix}"
    if cached.is_file():
        return cached.read_bytes()
    mode = brotli.MODE_TEXT if len(data) < 4_000_000 else brotli.MODE_GENERIC
    packed = brotli.compress(data, quality=quality, mode=mode)
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(packed)
    partial.replace(cached)
    return packed


def _compress(path: Path, cache: Path, quality: int = QUALITY) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".br").write_bytes(_brotli(data, cache, quality))
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))


def compressible(site: Path) -> list[Path]:
    """The files that get `.br` and `.gz` siblings."""
    return sorted(
        path
        for path in site.rglob("*")
        if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_SIZE
    )


def immutable_paths(site: Path) -> list[str]:
    """The URL paths of the files under IMMUTABLE, without their .br/.gz siblings."""
    paths = []
    for path in sorted(site.rglob("*")):
        url = "/" + path.relative_to(site).as_posix()
        if url.startswith(IMMUTABLE) and path.suffix not in (".br", ".gz") and path.is_file():
            paths.append(quote(url))
    return paths


def headers_file(deploy: Path, site: Path) -> str:
    """`deploy/_headers`, then a Cache-Control rule for each file a host may cache forever."""
    rules = "".join(f"\n{path}\n{IMMUTABLE_RULE}" for path in immutable_paths(site))
    return (deploy / "_headers").read_text(encoding="utf-8") + rules


def make_dist(site: Path, out: Path, *, deploy: Path, cache: Path, quality: int = QUALITY) -> Path:
    """Write the publishable copy of `site` to `out` (replaced only when finished), with
    brotli at `quality` (0–11; what is published: 11)."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} har ingen byggd webbplats; kör `make build` först.")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copytree(site, work, dirs_exist_ok=True)
        version_assets(work)
        files = compressible(work)
        with ProcessPoolExecutor() as pool:
            list(
                pool.map(_compress, files, [cache / "brotli"] * len(files), [quality] * len(files))
            )
        (work / "_headers").write_text(headers_file(deploy, work), encoding="utf-8")
        work.chmod(0o755)
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        if out.exists():
            out.rename(old)
        work.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out


def main(argv: list[str] | None = None) -> int:
    """`python -m saljkompetens.dist [--site site] [--out dist]`."""
    parser = argparse.ArgumentParser(
        prog="python -m saljkompetens.dist",
        description="Gör den byggda webbplatsen klar att publicera: versionerade filer, "
        ".br och .gz bredvid varje komprimerbar fil och _headers.",
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="byggd webbplats")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="mål (standard: dist)")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    out = make_dist(args.site, args.out, deploy=root / "deploy", cache=root / "build")
    files = sum(1 for path in out.rglob("*") if path.is_file())
    print(f"{out}: {files} filer", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
