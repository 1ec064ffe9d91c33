# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make demo   installs into .venv and reviews a bundled example packet
#   make test   installs into .venv and runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/review check examples/03_revise_penalty_organisation.yaml --format text; test $$? -le 1
	$(BIN)/review check examples/01_approve_penalty_individual.yaml --format json
	mkdir -p out
	$(BIN)/review check examples/03_revise_penalty_organisation.yaml --out out/opinion-03.docx; test $$? -le 1
	$(BIN)/review check examples/03_revise_penalty_organisation.yaml --out out/opinion-03.html; test $$? -le 1
	@echo "审核意见书已写入 out/opinion-03.docx 与 out/opinion-03.html"

# System packages some tests need (Debian's chromium and a CJK font for the
# A4 print test); each script does nothing when its package is present.
system-deps:
	@for script in scripts/ensure-*.sh; do bash $$script || exit 1; done

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info
