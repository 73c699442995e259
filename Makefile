# Two commands for a fresh machine with Python 3.11 and make:
#   make run    set up, then open the app on the bundled sample workspace
#   make test   set up, then lint, type-check svcops/ and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test test-fast lint bench sample clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run app.py --server.port $(PORT)

# Both cores; a test file stays on one worker (the browser tests share one server per file).
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile

test: lint
	$(PYTEST)

test-fast: $(VENV)/.dev
	$(PYTEST) -m "not slow"

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy svcops

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_forecast.py

sample: $(VENV)/.runtime
	$(BIN)/python -m svcops sample --out sample_data

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
