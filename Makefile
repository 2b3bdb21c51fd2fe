# Säljkompetens: one task runner for every chore. `make serve` and `make test` set
# everything up on a fresh machine (venv, pip, npm, Debian's chromium) first.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup serve build test lint check bench clean

setup: $(VENV)/.installed node_modules/.installed /usr/bin/chromium

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

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/python -m saljkompetens check

lint: setup
	$(BIN)/ruff check saljkompetens macros scoring_py tests bench
	$(BIN)/ruff format --check saljkompetens macros scoring_py tests bench

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf site build $(VENV) node_modules
