# The two set-up commands: `make demo` and `make test`. Both create .venv with Python 3.11 on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"

demo: install
	$(BIN)/parley demo

test: install-dev
	$(BIN)/python -m ruff check src tests benchmarks
	$(BIN)/python -m ruff format --check src tests benchmarks
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/python -m ruff check src tests benchmarks
	$(BIN)/python -m mypy

clean:
	rm -rf $(VENV) parley.duckdb build src/*.egg-info
