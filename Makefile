PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export DAGSTER_HOME := $(CURDIR)/dagster_home

.PHONY: install run test lint ui clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsledger run

test: $(TEST_STAMP)
	$(BIN)/ruff check orchestration tests benchmarks
	$(BIN)/ruff format --check orchestration tests benchmarks
	$(BIN)/pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check --fix orchestration tests benchmarks
	$(BIN)/ruff format orchestration tests benchmarks

ui: $(STAMP)
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

bench: $(STAMP)
	$(BIN)/python -m benchmarks.pipeline --articles 2000 --out data/benchmarks/benchmark-2000.json

clean:
	rm -rf $(VENV) data/warehouse.duckdb data/warehouse.duckdb.wal
