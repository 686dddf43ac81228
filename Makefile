# protokoll: `make demo` ingests the sample archive, `make test` runs the whole test suite.
# Both install what they need first: Debian packages when missing, and a virtual environment.

PYTHON ?= python3
VENV   ?= .venv
DB     ?= protokoll.duckdb
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

SYNTH_MEETINGS ?= 190

.PHONY: demo demo-synthetic serve notebook test install system-deps lint samples clean

demo: install
	$(BIN)/protokoll ingest data/sample --db $(DB)
	$(BIN)/protokoll summary --db $(DB)

# A larger, clearly synthetic archive (fictional organisations), so that trends show something:
# text PDFs and one in ten scanned, read by OCR, with the progress bar (a few minutes).
demo-synthetic: install
	$(BIN)/python -m devtools.synth --out synthetic --meetings $(SYNTH_MEETINGS)
	$(BIN)/protokoll ingest synthetic/archive --db synthetic.duckdb
	$(BIN)/protokoll summary --db synthetic.duckdb

# The archive in a browser at http://127.0.0.1:8001/ (after `make demo`).
serve: install
	$(BIN)/protokoll serve --db $(DB)

# notebooks/ in JupyterLab. The notebook reads $$PROTOKOLL_DB, else synthetic.duckdb when there is
# one (`make demo-synthetic`), else protokoll.duckdb (ingesting data/sample when it is missing).
notebook: install $(VENV)/.notebook
	$(BIN)/jupyter-lab notebooks/

$(VENV)/.notebook: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,notebook]"
	touch $@

test: install
	$(BIN)/ruff check pipeline devtools tests bench models
	$(BIN)/ruff format --check pipeline devtools tests bench models
	$(BIN)/mypy
	$(BIN)/pytest

install: system-deps $(STAMP)

system-deps:
	@scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Regenerate data/sample and the PDF test fixtures from tests/fixtures/seeds/*.txt.
samples: install
	$(BIN)/python -m devtools.render

clean:
	rm -rf $(VENV) $(DB) synthetic synthetic.duckdb .pytest_cache .mypy_cache .ruff_cache
	rm -f *.view.sqlite *.duckdb.lock *.duckdb.wal $(DB).lock $(DB).wal
