# EcoPortal — `make run` serves the portal, `make test` runs the suite (both from a fresh clone).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=1

.PHONY: install run serve migrate fixtures test test-postgres lint check lock bench eval-importer clean drill

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs exactly the locked versions; pyproject.toml holds the compatible ranges.
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

# axe-core for the browser tests' accessibility checks; without npm they are skipped, saying so.
AXE := tests/e2e/node_modules/.package-lock.json
$(AXE): tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then cd tests/e2e && npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility checks in tests/e2e will be skipped"; fi

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

fixtures: migrate
	$(DEV_ENV) $(BIN)/python manage.py load_portal_data

run: fixtures
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# PYTEST_ARGS narrows or adds to the run, e.g. PYTEST_ARGS='-m "not e2e"'. The tests run in one
# pytest-xdist worker per core, each with its own test database; PYTEST_WORKERS=0 runs them in
# this process (a debugger, or one test). --dist load hands each worker its tests in collection
# order, so a worker still runs the transactional tests (which empty the database of the
# migrations' rows, the editorial groups among them) after the others, as one process does.
PYTEST_WORKERS ?= logical
test: install $(AXE)
	ECOPORTAL_TESTING=1 $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

check: install
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=$$(openssl rand -hex 32 2>/dev/null || echo check-deploy-key-0123456789abcdefghijklmnopqrstuvwxyz) \
		ALLOWED_HOSTS=portal.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

# Regenerates requirements.lock from a clean environment resolved from pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet ".[test]"
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^ecoportal' > requirements.lock
	rm -rf .lock-venv

# gunicorn + wrk on loopback at 1,000 and 100,000 bulletins (bench/run.py); DATABASE_URL and
# REDIS_URL (default: the local Redis) are used when set; BENCH_ARGS="--quick" for a smoke run,
# "--sizes 1000,20000" to size.
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Scores the importer on the evaluation set's texts that are present (evaluation/importer/README.md);
# EVAL_ARGS="--set dev --explain" lists each miss.
eval-importer: install
	$(DEV_ENV) $(BIN)/python -m evaluation.score_importer $(EVAL_ARGS)

# The outside test as one command: gunicorn in production mode on a scratch PostgreSQL database
# with its own Redis, crawled, forged at, faulted and backed up (scripts/drills/run.py);
# DRILL_ARGS="--fast" for CI's short run. Its table: docs/operations.md, "The drill".
drill: install
	$(BIN)/python scripts/drills/run.py $(DRILL_ARGS)

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache tests/e2e/node_modules artifacts
