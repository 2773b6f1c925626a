# Two commands for a fresh machine: `make docs` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -n

.PHONY: help venv install-docs install-test install-lint browser docs serve docs-links gallery docs-smoke test test-random test-matrix test-oldest test-newest lint bench bench-limits locale locale-check clean

help:
	@echo "make docs   - create $(VENV), install, build the handbook in docs/ (to docs/_build/html)"
	@echo "make serve  - live preview of the handbook (sphinx-autobuild) on http://127.0.0.1:8000"
	@echo "make docs-links - build the handbook and check every internal link and #fragment resolves"
	@echo "make gallery - retake the screenshot gallery (docs/gallery.md, docs/_static/gallery/)"
	@echo "make docs-smoke - the handbook under dirhtml, singlehtml, text, latex and epub"
	@echo "make test   - install everything the suite needs (Python extras, npm packages, Chromium) and run it"
	@echo "make lint   - ruff and mypy --strict"
	@echo "make test-matrix - the suite on the oldest and the newest supported stack (test-oldest, test-newest)"
	@echo "make test-random - long randomized edit sequences (incremental == clean after every edit)"
	@echo "make bench  - build benchmarks (see benchmarks/README.md)"
	@echo "make locale - extract the messages, merge them into every language's .po, compile the .mo files"
	@echo "make locale-check - fail when a .po misses a message or its .mo is not compiled from it"

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

# Live preview: rebuilds on every save, drafts shown (preview mode), the package's own files watched too.
serve: install-docs
	$(BIN)/sphinx-autobuild -D careerblog_include_drafts=1 --watch sphinx_careerblog \
		--host 127.0.0.1 --port 8000 docs docs/_build/serve

# The internal linkcheck: every relative href (and #fragment) of the built handbook resolves.
docs-links: install-test
	$(BIN)/python -m pytest -p no:cacheprovider -q tests/test_docs_handbook.py -k internal_link

# Screenshots of the handbook in each theme, light and dark, phone and desktop (needs chromium).
gallery: install-test browser
	$(BIN)/python docs/_tools/gallery.py

# The handbook under the other builders the extension supports, warnings as errors.
docs-smoke: install-docs
	for b in dirhtml singlehtml text latex epub; do \
		rm -rf docs/_build/$$b; \
		$(BIN)/sphinx-build $(SPHINXOPTS) -q -b $$b -d docs/_build/doctrees-$$b docs docs/_build/$$b || exit 1; \
	done

# npm test assets (axe-core) from the committed lock file
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

# Debian's Chromium for the browser tests (never `playwright install`: it cannot download here)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing Debian's chromium for the browser tests"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
				chromium fonts-liberation >/dev/null; \
		else \
			echo "chromium is missing: run 'sudo apt-get install --no-install-recommends chromium'" >&2; \
			exit 1; \
		fi; }

# two workers, each taking whole test files (their shared builds stay in one process)
TEST_WORKERS ?= 2

test: install-test node_modules/.package-lock.json browser
	mkdir -p .pytest-tmp
	$(BIN)/python -m pytest -p no:cacheprovider --basetemp=$(CURDIR)/.pytest-tmp/test \
		-n $(TEST_WORKERS) --dist loadfile

# Longer randomized edit sequences than `make test` runs (CAREERBLOG_SEEDS=1,2 to replay).
test-random: install-test
	mkdir -p .pytest-tmp
	$(BIN)/python -m pytest -p no:cacheprovider --basetemp=$(CURDIR)/.pytest-tmp/random \
		-m random_long tests/test_random_edits.py

# The support window (docs/reference/dependencies.md), tested at both ends, each in a
# virtualenv of its own (.venv-oldest, .venv-newest): the whole suite, browser and
# theme tests included. Python is $(PYTHON) (3.11, the oldest supported).
PINS_oldest = 'sphinx==7.4.*' 'myst-parser==4.0.*' 'docutils==0.20.*' 'sphinx-design==0.6.0'
PINS_newest = 'sphinx>=9,<10' 'myst-parser>=5,<6' 'docutils>=0.22' 'sphinx-design>=0.8'
MATRIX = oldest newest

test-matrix: $(addprefix test-,$(MATRIX))

$(addprefix test-,$(MATRIX)): test-%: node_modules/.package-lock.json browser
	test -x $(VENV)-$*/bin/python || $(PYTHON) -m venv $(VENV)-$*
	$(VENV)-$*/bin/python -m pip install -q -U pip
	$(VENV)-$*/bin/python -m pip install -q -U --upgrade-strategy eager -e '.[test]' $(PINS_$*)
	$(VENV)-$*/bin/python -c 'import sys, sphinx, docutils, myst_parser, sphinx_design as d; \
		print("$*: Python %s, Sphinx %s, docutils %s, MyST-Parser %s, sphinx-design %s" % \
		(sys.version.split()[0], sphinx.__version__, docutils.__version__, myst_parser.__version__, d.__version__))'
	mkdir -p .pytest-tmp
	$(VENV)-$*/bin/python -m pytest -p no:cacheprovider --basetemp=$(CURDIR)/.pytest-tmp/$* \
		-n $(TEST_WORKERS) --dist loadfile

lint: install-lint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: venv
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python -m benchmarks.run $(BENCHOPTS)

# Message catalogs (sphinx_careerblog/locale): see docs/howto/add-a-language.md
locale: venv
	$(BIN)/python -m tools.catalogs extract update compile

locale-check: venv
	$(BIN)/python -m tools.catalogs check

bench-limits: venv
	$(BIN)/python -m pip install -q -e .
	$(BIN)/python -m benchmarks.limits --plain $(BENCHOPTS)

clean:
	rm -rf docs/_build build dist .pytest_cache .mypy_cache .ruff_cache
