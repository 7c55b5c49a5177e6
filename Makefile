# canhgiac — the two set-up commands are `make demo` and `make test` (README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core; each gets its own test database.
PYTEST_WORKERS ?= auto
# Debian packages the product needs at run time (PDF rendering, Times New Roman metrics) and for tests.
RUNTIME_DEBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core
TEST_DEBS    := chromium poppler-utils
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: demo test install install-test debs-runtime debs-test lint format serve worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python debs-runtime
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python debs-runtime debs-test
	$(BIN)/pip install -q -e ".[test]"

# Install Debian packages only when something is missing and apt is there; never fail a machine without apt.
debs-runtime:
	@missing=""; for p in $(RUNTIME_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Cài gói hệ thống:$$missing"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

debs-test:
	@missing=""; for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Cài gói hệ thống cho kiểm thử:$$missing"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# Migrate the SQLite database, load the Quảng Ninh demo data (idempotent), print the logins, serve :8000.
demo: install
	DEBUG=true TASKS_IMMEDIATE=true $(BIN)/canhgiac demo
	DEBUG=true TASKS_IMMEDIATE=true $(BIN)/canhgiac serve

# Lint, then the whole suite (unit, integration and browser tests). DATABASE_URL picks PostgreSQL.
test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

serve: install
	$(BIN)/canhgiac serve

worker: install
	$(BIN)/canhgiac worker

clean:
	rm -rf $(VENV) var/test-results
