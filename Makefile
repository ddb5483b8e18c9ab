# Sellerdesk: `make demo` runs the product, `make test` runs every test. Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/sellerdesk

.PHONY: demo test test-unit test-pg e2e e2e-pg browser lint format bench clean

$(BIN)/sellerdesk: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/sellerdesk
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/sellerdesk ## migrate, load the demo marketplace, serve web app + worker on 127.0.0.1:$(PORT)
	$(BIN)/sellerdesk demo --port $(PORT)

test: test-unit e2e ## the whole suite on SQLite: unit, API and browser tests

test-unit: $(VENV)/.test-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q -m "not e2e"

test-pg: $(VENV)/.test-deps ## the suite (without the browser) against PostgreSQL
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m "not e2e"

browser: ## Debian's Chromium for the browser tests (Playwright never downloads a browser here)
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

e2e: $(VENV)/.test-deps browser ## browser tests in Chromium against a live server (SQLite)
	$(BIN)/pytest -q -m e2e tests/e2e

e2e-pg: $(VENV)/.test-deps browser ## browser tests against PostgreSQL
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m e2e tests/e2e

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(VENV)/.test-deps
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(VENV)/.test-deps ## HTTP API load benchmark on PostgreSQL (writes bench/results/)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/api_load.py --repeat 3

clean:
	rm -rf $(VENV) var .pytest_cache
