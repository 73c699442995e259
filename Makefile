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

test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/mypy svcops
	$(BIN)/python -m pytest

test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -m "not slow"

lint: $(VENV)/.dev
	$(BIN)/ruff check .

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_forecast.py

sample: $(VENV)/.runtime
	$(BIN)/python -m svcops sample --out sample_data

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
