# Two commands for a fresh machine (see README): `make demo` and `make test`.
# Both create the virtual environment .venv and install jobcarve with its dev tools.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
OUT ?= out

.PHONY: demo test lint unit bench clean browser-deps

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

# The browser tests need Debian's Chromium and poppler-utils: installed here when run as
# root (as on CI and the project's machines), otherwise the tests say how to install them.
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi "Noto Color Emoji"; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium poppler-utils fonts-liberation fonts-dejavu-core fonts-noto-color-emoji >/dev/null; \
	  else \
	    echo "note: browser tests need: sudo apt-get install chromium poppler-utils fonts-noto-color-emoji (they skip without)"; \
	  fi; \
	fi

unit: $(BIN)/.installed browser-deps
	$(BIN)/pytest

test: lint unit

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_read.py
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf $(OUT) dist build .pytest_cache .mypy_cache .ruff_cache
