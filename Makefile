# One entry point for set-up, tests, lint, eval and bench.
#
# Every target first makes sure .venv exists with pressfacts installed editable
# with the dev extra. The install is stamped; the stamp depends on
# pyproject.toml, so changing dependencies reinstalls on the next `make`.
# Needs only Python >= 3.11 (python3.11 if present, else python3) and make.

SHELL := /bin/bash
.DEFAULT_GOAL := help

BOOT_PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.pressfacts-installed

# The shared corpus sits beside the repo; PRESSFACTS_CORPUS overrides it.
# Without it, `make demo` falls back to the seed release kept in tests/data.
CORPUS ?= $(or $(PRESSFACTS_CORPUS),../shared/corpus)
SEED := $(firstword $(wildcard $(CORPUS)/docs/iec-2003-q4.txt) tests/data/iec-2003-q4.txt)

.PHONY: help venv demo test lint format typecheck pytest browser eval bench bench-scale bench-serve serve clean

help:
	@echo "make demo   extract the seed release and print a table"
	@echo "make test   ruff check, ruff format --check, mypy, pytest"
	@echo "make lint   ruff check and ruff format --check only"
	@echo "make format apply ruff's fixes and formatting"
	@echo "make eval   score the corpus (all / text / html eras)"
	@echo "make bench  throughput on the corpus, 1 core and all cores"
	@echo "make bench-scale  ingest 10,000 releases: 1 worker, all cores, local Dask"
	@echo "make bench-serve  16 clients posting the seed release to the HTTP service for 20 s"
	@echo "make serve  the HTTP API and web page on http://127.0.0.1:8000 (DB=pressfacts.duckdb)"
	@echo "make browser  install Debian's chromium for the browser tests (as root; once)"
	@echo "make venv   (re)build .venv; every target does this first"

$(STAMP): pyproject.toml
	@if ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
		if [ -z "$(BOOT_PYTHON)" ]; then echo "error: need python3.11 or python3 on PATH" >&2; exit 1; fi; \
		$(BOOT_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
			|| { echo "error: Python >= 3.11 needed; $(BOOT_PYTHON) is older" >&2; exit 1; }; \
		echo "creating $(VENV) with $(BOOT_PYTHON)"; \
		rm -rf $(VENV) && $(BOOT_PYTHON) -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/pressfacts extract $(SEED) --format table

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@bash scripts/install_browser.sh
	@# pytest exits 5 when it collected no test: say so loudly, but do not fail the build for it.
	@$(BIN)/pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "WARNING: pytest collected no tests"; exit 0; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	@bash scripts/install_browser.sh
	$(BIN)/pytest

# Chromium for the browser tests (tests/test_service_browser.py): Debian's, never Playwright's download.
browser:
	bash scripts/install_browser.sh

eval: $(STAMP)
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

bench-scale: $(STAMP)
	$(BIN)/python bench/bench_scale.py $(BENCH_SCALE_ARGS)

bench-serve: $(STAMP)
	$(BIN)/python bench/bench_serve.py $(BENCH_SERVE_ARGS)

DB ?= pressfacts.duckdb
serve: $(STAMP)
	$(BIN)/pressfacts serve --db $(DB) $(SERVE_ARGS)

clean:
	rm -rf $(VENV) build .mypy_cache .ruff_cache .pytest_cache .hypothesis src/*.egg-info
