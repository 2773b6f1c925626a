# Two commands for a fresh machine: `make docs` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -n

.PHONY: help venv install-docs install-test install-lint docs test lint bench clean

help:
	@echo "make docs   - create $(VENV), install, build the handbook in docs/ (to docs/_build/html)"
	@echo "make test   - install test extras and run the whole test suite"
	@echo "make lint   - ruff and mypy --strict"
	@echo "make bench  - build benchmarks (see benchmarks/README.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

venv: $(BIN)/python

install-docs: venv
	$(BIN)/python -m pip install -q -e '.[docs]'

install-test: venv
	$(BIN)/python -m pip install -q -e '.[test,docs]'

install-lint: venv
	$(BIN)/python -m pip install -q -e '.[test,docs,lint]'

docs: install-docs
	$(BIN)/sphinx-build $(SPHINXOPTS) -b html docs docs/_build/html

test: install-test
	$(BIN)/python -m pytest -p no:cacheprovider

lint: install-lint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: venv
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python -m benchmarks.run $(BENCHOPTS)

clean:
	rm -rf docs/_build build dist .pytest_cache .mypy_cache .ruff_cache
