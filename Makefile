# respub — the same targets locally and in CI. Each bootstraps .venv/ by itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-huge lint bench clean

# Prefect runs offline here: no telemetry, and patience for its temporary server.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 120

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "respub needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## run: the main job on the bundled sample corpus (corpus/), output in output/
run: $(STAMP)
	$(BIN)/respub publish

## test: the test suite, spread over every core (pytest-xdist; one file per worker), but
## the few `huge` tests (a minute or more each on 2 cores), which test-huge runs
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not huge"

## test-huge: only the `huge` tests (.ci/run runs them after `make test`)
test-huge: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile -m huge

## lint: ruff (rules and format) and mypy
lint: $(STAMP)
	$(BIN)/ruff check src tests flows benchmarks
	$(BIN)/ruff format --check src tests flows benchmarks
	$(BIN)/mypy

## bench: the benchmarks (performance targets live here, not in tests); BENCH=--full adds 100,000 documents
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py $(BENCH)

clean:
	rm -rf output .pytest_cache
