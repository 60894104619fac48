# Two commands for a fresh machine (see README): `make demo` and `make test`.
# Both create the virtual environment .venv and install jobcarve with its dev tools.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
OUT ?= out

.PHONY: demo test lint unit bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/jobcarve validate examples/*.yaml
	$(BIN)/jobcarve graph examples/cnc_job_shop.yaml --out $(OUT)/cnc_job_shop
	$(BIN)/jobcarve analyze examples/cnc_job_shop.yaml --out $(OUT)/cnc_job_shop
	@echo "report: $(OUT)/cnc_job_shop/report.html (add --pdf for a PDF, --lang en for English)"

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: $(BIN)/.installed
	$(BIN)/pytest

test: lint unit

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_read.py
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf $(OUT) dist build .pytest_cache .mypy_cache .ruff_cache
