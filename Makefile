# Säljkompetens: one task runner for every chore. `make serve` and `make test` set up
# what they need on a fresh machine first (venv and pip, npm; `make test` also Debian's
# chromium for the browser tests, caddy and nginx for the tests of the published site).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NPX := node_modules/.bin
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
KIND ?= competency
CONTENT ?= content

.PHONY: setup serve build dist serve-dist check new lint test test-fast bench clean

setup: $(VENV)/.installed node_modules/.installed /usr/bin/chromium /usr/bin/caddy /usr/sbin/nginx

$(VENV)/.installed: pyproject.toml scoring_py/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ./scoring_py -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

/usr/bin/caddy:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq caddy

# nginx (and its brotli_static module) only for the tests of deploy/nginx.conf, which run
# their own nginx. Debian starts the nginx service on port 80 if the port is free; stopped
# and disabled again here where systemd runs.
/usr/sbin/nginx:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx libnginx-mod-http-brotli-static
	if [ -d /run/systemd/system ]; then $(SUDO) systemctl disable --now nginx; fi

serve: $(VENV)/.installed node_modules/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed node_modules/.installed
	$(BIN)/mkdocs build --strict

# The site ready to publish: versioned assets, .br/.gz beside each file, _headers (deploy/).
dist: build
	$(BIN)/python -m saljkompetens.dist --site site --out dist

# dist/ through Caddy with the shipped configuration, as it would be published.
serve-dist: dist /usr/bin/caddy
	SITE_ADDRESS=http://127.0.0.1:$${PORT:-8080} CADDY_ADMIN=off DIST="$(CURDIR)/dist" caddy run --config deploy/Caddyfile --adapter caddyfile

check: $(VENV)/.installed
	$(BIN)/python -m saljkompetens check

new: $(VENV)/.installed
	@test -n "$(TITLE)" || { echo 'Ange en titel: make new KIND=competency|article|role|check TITLE="…"'; exit 2; }
	$(BIN)/python -m saljkompetens new $(KIND) "$(TITLE)" --content "$(CONTENT)"

lint: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check saljkompetens macros scoring_py tests bench
	$(BIN)/ruff format --check saljkompetens macros scoring_py tests bench
	$(BIN)/mypy
	$(NPX)/biome check

test: setup lint
	$(BIN)/python -m pytest
	node --test tests/js/

# No browser and no Pyodide: the quick loop while working (under a minute).
test-fast: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m pytest -m "not browser and not pyodide" --ignore=tests/browser -q
	node --test tests/js/

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf site build $(VENV) node_modules
