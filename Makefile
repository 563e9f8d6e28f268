# Set-up and everyday commands; see README.md.
#   make build   extract source_pdfs/*.pdf into docs/, then mkdocs builds site/
#   make test    run the test suite (works before `make build`)
# AS_OF=YYYY-MM-DD fixes the date statuses refer to; STRICT=1 fails on warnings.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install: reinstall when pyproject.toml is newer.
INSTALLED := $(VENV)/.installed

export AS_OF STRICT
# Silences material's end-of-life banner, which would bury the build's own output.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test serve clean golden bench bench-search

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# A PDF that fails is reported and skipped: the site is still built from the others,
# then make exits with the extractor's non-zero status.
build: $(INSTALLED)
	status=0; \
	$(BIN)/python -m extract build source_pdfs --docs docs || status=$$?; \
	$(BIN)/mkdocs build --strict --quiet && exit $$status

test: $(INSTALLED)
	$(BIN)/python -m pytest -q

serve: build  # live reload of docs/; rerun `make build` after changing a PDF or template
	$(BIN)/mkdocs serve

# Regenerates golden files next to the fixtures; review the diff before committing it.
# Filled in by the golden tests' owner once the goldens' format is settled.
golden: $(INSTALLED)
	@echo "golden: no golden files are generated yet"

bench: $(INSTALLED)
	$(BIN)/python bench/bench_stages.py source_pdfs/*.pdf

# Search: reader queries against stock material search, index bytes, first-result time.
bench-search: build
	$(BIN)/python bench/bench_search.py .

clean:
	rm -rf docs site .pytest_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
