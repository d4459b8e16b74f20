# Woonoverlast: the commands. `make` alone lists them.
.DEFAULT_GOAL := help
.PHONY: help demo test lint lock vendor bench bench-agenda load

VENV := .venv

help: ## List the targets
	@echo "Woonoverlast"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

demo: ## Demo on http://127.0.0.1:8000 (SQLite, embedded Celery worker + beat; logins printed)
	scripts/demo.sh

test: ## The whole test suite: ruff, migrations, check (+ --deploy), bandit, mypy, pytest (ARGS=...)
	scripts/test.sh $(ARGS)

bench: ## Access benchmark at 100,000 cases in its own PostgreSQL database <name>_bench (ARGS="--fresh")
	scripts/bootstrap.sh --dev
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/woonoverlast}" $(VENV)/bin/python manage.py bench_access $(ARGS)

lint: ## ruff check and ruff format --check
	scripts/bootstrap.sh --dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

lock: ## Regenerate requirements.lock and requirements-dev.lock from pyproject.toml with uv
	scripts/bootstrap.sh --dev
	$(VENV)/bin/pip install --quiet uv
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --python-version 3.12 --generate-hashes -o requirements.lock
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --python-version 3.12 --extra dev --generate-hashes -o requirements-dev.lock

vendor: ## Fetch the pinned NL Design System CSS, htmx and axe-core into static/vendor/ (npm)
	scripts/vendor-static.sh

bench-agenda: ## Time the agenda PDFs (30 items, 6 organisations) in <name>_bench, rolled back
	scripts/bootstrap.sh
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/woonoverlast}" $(VENV)/bin/python manage.py bench_agenda --items 30 --organisations 6

load: ## Load test: gunicorn + PostgreSQL (woonoverlast_load, demo data), 16 users for 60 s
	scripts/bootstrap.sh --dev
	scripts/load.sh
