# Säljkompetens: one task runner for every chore. Each command sets up what it needs on a
# fresh machine first. The editors' commands (serve, check, new, build) install only what the
# site needs: the runtime Python packages and npm's Pyodide. `make test`, `lint` and `bench`
# install everything: the dev extra (pytest, Playwright, mypy, ruff, ProperDocs …), npm's
# devDependencies (Biome, axe-core), and with apt-get Debian's chromium for the browser tests,
# caddy and nginx (+ libnginx-mod-http-brotli-static) for the tests of the published site and
# poppler-utils to count printed pages. Debian's caddy and nginx packages enable and start a
# system service on port 80; where systemd runs, the targets below stop and disable it again.
#
# Material for MkDocs prints its end-of-life notice (2027-05-05) on every build; it is shown
# here as it is. Only the tests silence it (tests/conftest.py), where they compare output.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
NPX := node_modules/.bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
KIND ?= competency
CONTENT ?= content

.PHONY: setup editor-setup serve build dist serve-dist check new lint test test-fast bench clean

setup: $(VENV)/.installed node_modules/.installed /usr/bin/chromium /usr/bin/caddy /usr/sbin/nginx /usr/bin/pdfinfo

# The editors' set: what serve, check, new and build need. Stamps of their own, so that the
# full set (below) also counts as the editors' set and is never cut down by it.
editor-setup: $(VENV)/.runtime node_modules/.runtime

$(VENV)/.runtime: pyproject.toml scoring_py/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ./scoring_py -e .
	touch $@

$(VENV)/.installed: pyproject.toml scoring_py/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ./scoring_py -e '.[dev]'
	touch $@ $(VENV)/.runtime

# `npm ci` empties node_modules first: with --omit=dev only Pyodide comes back, so a full
# install that is up to date is kept as it is.
node_modules/.runtime: package.json package-lock.json
	if [ node_modules/.installed -nt package.json ] && [ node_modules/.installed -nt package-lock.json ]; \
	then true; else npm ci --omit=dev --no-audit --no-fund; fi
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@ node_modules/.runtime

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# caddy for `make serve-dist` and the tests of the served site, which run their own caddy.
# Debian's package enables and starts caddy.service (its welcome page on port 80); stopped
# and disabled again here where systemd runs.
/usr/bin/caddy:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq caddy
	if [ -d /run/systemd/system ]; then $(SUDO) systemctl disable --now caddy; fi

# poppler-utils: pdfinfo and pdftotext, for the tests that count printed pages.
/usr/bin/pdfinfo:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq poppler-utils

# nginx (and its brotli_static module) only for the tests of deploy/nginx.conf, which run
# their own nginx. Debian starts the nginx service on port 80 if the port is free; stopped
# and disabled again here where systemd runs.
/usr/sbin/nginx:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx libnginx-mod-http-brotli-static
	if [ -d /run/systemd/system ]; then $(SUDO) systemctl disable --now nginx; fi

# The preview: reloads the open page when content/, docs/, macros/ or scoring_py/ change
# (under a development-only CSP that lets MkDocs' live-reload script run; see
# saljkompetens/mkdocs_plugin/live_reload.py). `PORT=…` changes the port.
serve: editor-setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$${PORT:-8000}

build: editor-setup
	$(BIN)/mkdocs build --strict

# The site ready to publish: versioned assets, .br/.gz beside each file (brotli is in the
# dev extra), _headers (deploy/).
dist: build $(VENV)/.installed
	$(BIN)/python -m saljkompetens.dist --site site --out dist

# dist/ through Caddy with the shipped configuration, as it would be published.
serve-dist: dist /usr/bin/caddy
	SITE_ADDRESS=http://127.0.0.1:$${PORT:-8080} CADDY_ADMIN=off DIST="$(CURDIR)/dist" caddy run --config deploy/Caddyfile --adapter caddyfile

check: $(VENV)/.runtime
	$(BIN)/python -m saljkompetens check

new: $(VENV)/.runtime
	@test -n "$(TITLE)" || { echo 'Ange en titel: make new KIND=competency|article|role|selftest TITLE="…"'; exit 2; }
	$(BIN)/python -m saljkompetens new $(KIND) "$(TITLE)" --content "$(CONTENT)"

lint: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check saljkompetens macros scoring_py tests bench
	$(BIN)/ruff format --check saljkompetens macros scoring_py tests bench
	$(BIN)/mypy
	$(NPX)/biome check

test: setup lint
	$(BIN)/python -m pytest
	node --test tests/js/

# No browser, no Pyodide and no second build with ProperDocs: the quick loop while working
# (under a minute, on every core with pytest-xdist; see the README for the measured times).
test-fast: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m pytest -n auto -m "not browser and not pyodide and not properdocs" --ignore=tests/browser -q
	node --test tests/js/

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf site build $(VENV) node_modules
