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

# Lint first (a broken rule file fails here, not in a random test), then the
# suite with rule coverage, then the check that every rule has a scenario
# that fires it and one that keeps it silent.
test: $(STAMP) system-deps
	$(BIN)/review lint
	mkdir -p build
	$(BIN)/python -m pytest --rule-coverage=build/rule-coverage.json
	$(BIN)/review coverage --report build/rule-coverage.json --strict > build/rule-coverage.txt || { cat build/rule-coverage.txt; exit 1; }
	@tail -n 2 build/rule-coverage.txt

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info
