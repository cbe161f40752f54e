# newskg: `make demo` builds the example graph, `make test` runs the whole suite.
# Both create the virtual environment and install everything they need,
# Debian packages included, on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DEBS   := chromium raptor2-utils libapache-jena-java
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP  := $(VENV)/.installed

.PHONY: demo test venv debs bench clean help

help:
	@echo "make demo   - set up and build out/ (graph, HTML, report) from examples/"
	@echo "make test   - set up and run the whole test suite"
	@echo "make bench  - run the benchmarks in bench/"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# Debian packages the tests use: headless Chromium (HTML tests), rapper and
# Jena riot (interop tests).  Installed only when missing.
debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

demo: venv
	$(BIN)/newskg build examples/corpus.jsonl --out out
	@echo "open out/graph.html in a browser; read out/report.md"

test: venv debs
	$(BIN)/python -m pytest

bench: venv debs
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf out .pytest_cache .hypothesis tests/artifacts
