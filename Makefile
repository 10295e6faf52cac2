PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
SCALED_STAMP := $(VENV)/.installed-scaled
# Development corpora and their scorers, kept outside the project (see README, "Measuring extraction").
EVAL_SCRIPTS ?= ../shared/eval
EVAL_DATA ?= ../shared/eval-data
EVAL_POLNEAR_LIMIT ?= 0
NEWSLEDGER ?= $(CURDIR)/$(BIN)/newsledger
UI_PORT ?= 3000
# Test processes: pytest-xdist hands each one whole modules, so a module's fixtures are built once.
TEST_WORKERS ?= 2
export DAGSTER_HOME := $(CURDIR)/dagster_home

.PHONY: install run test test-distributed lint ui clean bench eval

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(SCALED_STAMP): $(TEST_STAMP)
	$(BIN)/pip install --quiet -e '.[test,scaled]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsledger run

test: $(TEST_STAMP)
	$(BIN)/ruff check orchestration tests benchmarks
	$(BIN)/ruff format --check orchestration tests benchmarks
	$(BIN)/pytest --numprocesses $(TEST_WORKERS) --dist loadscope -m "not distributed"

# The scaled deployment (docs/deploy.md): starts PostgreSQL, Redis and Celery workers on 127.0.0.1,
# which must be installed (Debian: postgresql, redis-server).
test-distributed: $(SCALED_STAMP)
	$(BIN)/pytest -m distributed -rP

lint: $(TEST_STAMP)
	$(BIN)/ruff check --fix orchestration tests benchmarks
	$(BIN)/ruff format orchestration tests benchmarks

ui: $(STAMP)
	VIRTUAL_ENV=$(CURDIR)/$(VENV) $(BIN)/dg dev -h 127.0.0.1 -p $(UI_PORT)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.pipeline --articles 2000 --out data/benchmarks/benchmark-2000.json

eval: $(STAMP)
	@test -d "$(EVAL_SCRIPTS)" || { echo "eval: no scorers at EVAL_SCRIPTS=$(EVAL_SCRIPTS)"; exit 2; }
	@test -d "$(EVAL_DATA)" || { echo "eval: no corpora at EVAL_DATA=$(EVAL_DATA)"; exit 2; }
	$(BIN)/python -m benchmarks.extraction_eval --scripts "$(EVAL_SCRIPTS)" --data "$(EVAL_DATA)" \
		--newsledger "$(NEWSLEDGER)" --polnear-limit $(EVAL_POLNEAR_LIMIT)

clean:
	rm -rf $(VENV) data/warehouse.duckdb data/warehouse.duckdb.wal
