# Set-up and everyday commands; see README.md.
#   make build   extract source_pdfs/*.pdf into docs/, then mkdocs builds site/ (Chinese)
#                and site/en/ (English, mkdocs.en.yml; after a full Chinese build, which cleans
#                site/, else at the same time)
#   make test    run the test suite (works before `make build`); make test-fast: no browser, no slow
# AS_OF=YYYY-MM-DD fixes the date statuses refer to; STRICT=1 fails on warnings.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install: reinstall when pyproject.toml is newer.
INSTALLED := $(VENV)/.installed

export AS_OF STRICT
# Silences material's end-of-life banner, which would bury the build's own output.
export NO_MKDOCS_2_WARNING := 1

# BUILDER=zensical builds site/ with Zensical (Material for MkDocs' successor, which reads the
# same mkdocs.yml; README: Zensical) instead of mkdocs, the default. FULL=1: a clean build.
# SITE_BUILD builds both languages, the Chinese site first (a full build of it cleans site/).
BUILDER ?= mkdocs
ifeq ($(BUILDER),zensical)
SITE_BUILD = $(BIN)/zensical build $(if $(FULL),--clean) -f mkdocs.yml && $(BIN)/zensical build $(if $(FULL),--clean) -f mkdocs.en.yml
else ifeq ($(BUILDER),mkdocs)
SITE_BUILD = $(BIN)/python -m extract.build.mkdocs_build $(if $(FULL),--full) --config mkdocs.yml --config mkdocs.en.yml
else
$(error BUILDER=$(BUILDER): use mkdocs (the default) or zensical)
endif

.PHONY: build test test-fast test-slow serve serve-site clean bench bench-scale bench-search screenshots

# npm ci installs axe-core for the accessibility tests (package-lock.json) where npm exists.
$(INSTALLED): pyproject.toml package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	if command -v npm >/dev/null; then npm ci --silent --no-audit --no-fund; fi
	touch $@

# A PDF that fails is reported and skipped: the site is still built from the others,
# then make exits with the extractor's non-zero status. Incremental: unchanged PDFs come
# from .cache/extract, unchanged pages are not rewritten, and extract.build.mkdocs_build rebuilds only
# changed pages when that equals a full build (FULL=1 forces a full one); two such incremental
# builds, one per language, run at the same time.
build: $(INSTALLED)
	status=0; \
	$(BIN)/python -m extract build source_pdfs --docs docs || status=$$?; \
	$(SITE_BUILD) && exit $$status

# Every test but the slow ones, browser (chromium) and node ones included, on every core
# (pytest-xdist; a file's tests stay in one process, so its fixtures are made once; the
# longest files start first, in tests/conftest.py's order, which --no-loadscope-reorder keeps).
# A missing chromium or node fails the run in CI (CI=true) and ends a local run with a
# notice (tests/needs.py).
PYTEST := $(BIN)/python -m pytest -q -n auto --dist loadfile --no-loadscope-reorder
test: $(INSTALLED)
	$(PYTEST) -m "not slow"

# The edit loop: no browser, no slow tests.
test-fast: $(INSTALLED)
	$(PYTEST) -m "not browser and not slow"

# Tests of benchmark inputs that take half a minute or more each; CI runs them after make test.
test-slow: $(INSTALLED)
	$(BIN)/python -m pytest -q -m slow

# Live reload at http://127.0.0.1:8000/: a change to docs/ reloads the page; a change to
# templates/ or source_pdfs/ re-runs the extractor first (mkdocs.serve.yml).
serve: build
	$(BIN)/mkdocs serve -f mkdocs.serve.yml

# Phone (390 px) and desktop (1280 px) screenshots of the main page types into screenshots/.
screenshots: build
	$(BIN)/python scripts/screenshots.py --site site --out screenshots

# Both languages exactly as built, without live reload (mkdocs serve shows one language).
serve-site: build
	@echo "Serving site/ (Chinese) and site/en/ (English) at http://127.0.0.1:8000/"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

# Whole process on one issue against the bare pdfplumber chars pass and pdftotext (poppler-utils,
# when installed), ratios within one run; then seconds per pipeline stage.
bench: $(INSTALLED)
	$(BIN)/python bench/bench_process.py
	$(BIN)/python bench/bench_stages.py source_pdfs/*.pdf

# Archive scale: pages/s against pdfplumber and pdftotext, cold and +1-issue builds of
# 12, 60 and 240 synthetic issues (site by mkdocs and by Zensical; NO_ZENSICAL=1: mkdocs only), bytes before the first
# search result (ours and Pagefind: PAGEFIND="/tmp/pf/bin/python -m pagefind", a venv with
# pip install 'pagefind[extended]'); writes bench/results/scale.{json,md}. Takes a while.
bench-scale: $(INSTALLED)
	$(BIN)/python bench/bench_scale.py $(if $(PAGEFIND),--pagefind "$(PAGEFIND)") $(if $(NO_ZENSICAL),--no-zensical)

# Search: reader queries against stock material search, index bytes, first-result time.
bench-search: build
	$(BIN)/python bench/bench_search.py .

clean:
	rm -rf docs site .docs.render-memo.json .docs.search-memo.json .pytest_cache .cache node_modules
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
