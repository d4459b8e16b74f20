#!/usr/bin/env bash
# The whole test suite: lint, migrations check, Django system checks (also --deploy),
# bandit, mypy and pytest (the browser tests also check every page they visit with the
# W3C Nu HTML Checker, vnu-jar from tests/tools/package-lock.json, run with the machine's Java).
#
#   scripts/test.sh [pytest args...]      (make test; .ci/run calls this)
#
# Database and broker:
#   - DATABASE_URL / CELERY_BROKER_URL set: used as given.
#   - else, CI=true or PostgreSQL/Redis reachable on 127.0.0.1: those, at
#     postgres://postgres@127.0.0.1:5432/woonoverlast and redis://127.0.0.1:6379/0
#     (with CI=true they are started, or installed with apt, when not running).
#   - else: the embedded defaults, SQLite and the file-system broker.
# Exits non-zero on the first failing step.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CI="${CI:-false}"
PG_URL_DEFAULT="postgres://postgres@127.0.0.1:5432/woonoverlast"
REDIS_URL_DEFAULT="redis://127.0.0.1:6379/0"

step() { printf '\n==> %s\n' "$*"; }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

wait_port() {
    local port="$1" i
    for i in $(seq 1 60); do
        port_open "$port" && return 0
        sleep 0.5
    done
    return 1
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        echo "test: need root for: $*" >&2
        return 1
    fi
}

apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

start_postgres() {
    local installed_now=false
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
        echo "test: installing PostgreSQL (apt-get)"
        apt_install postgresql
        installed_now=true
    fi
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    if $installed_now; then
        # A fresh Debian cluster asks for a password over TCP; CI uses trust on localhost.
        local hba="/etc/postgresql/$version/main/pg_hba.conf"
        as_root sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
    fi
    echo "test: starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    if $installed_now; then # apt may have started it before pg_hba.conf was changed
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
    fi
    wait_port 5432 || {
        echo "test: PostgreSQL did not come up on 127.0.0.1:5432" >&2
        exit 1
    }
}

start_redis() {
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "test: installing Redis (apt-get)"
        apt_install redis-server
    fi
    port_open 6379 && return 0 # the package's own start may have brought it up
    echo "test: starting Redis"
    as_root mkdir -p /var/lib/redis /var/log/redis
    as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
        --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_port 6379 || {
        echo "test: Redis did not come up on 127.0.0.1:6379" >&2
        exit 1
    }
}

step "Python environment (.venv, requirements-dev.lock)"
scripts/bootstrap.sh --dev
PY=.venv/bin/python

step "System packages (chromium, poppler-utils, WeasyPrint libraries, Java, npm)"
scripts/system-packages.sh

step "Test tools from npm (tests/tools: vnu-jar, the Nu HTML Checker)"
# Like bootstrap.sh: npm ci runs again only when the lock file changed. --ignore-scripts:
# vnu-jar's install script would download a Java runtime; the tests use the machine's java.
TOOLS_STAMP=tests/tools/node_modules/.stamp
want="$(sha256sum tests/tools/package-lock.json | cut -d' ' -f1)"
if [ ! -f "$TOOLS_STAMP" ] || [ "$(cat "$TOOLS_STAMP")" != "$want" ]; then
    command -v npm >/dev/null || {
        echo "test: npm is needed for tests/tools (apt-get install npm)" >&2
        exit 1
    }
    npm ci --prefix tests/tools --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$want" >"$TOOLS_STAMP"
fi

if [ -z "${DATABASE_URL:-}" ]; then
    if [ "$CI" = true ] && ! port_open 5432; then
        start_postgres
    fi
    if port_open 5432; then
        export DATABASE_URL="$PG_URL_DEFAULT"
    fi
fi
if [ -z "${CELERY_BROKER_URL:-}" ]; then
    if [ "$CI" = true ] && ! port_open 6379; then
        start_redis
    fi
    if port_open 6379; then
        export CELERY_BROKER_URL="$REDIS_URL_DEFAULT"
    fi
fi

if [ "${DATABASE_URL:-}" = "$PG_URL_DEFAULT" ]; then
    # manage.py check/makemigrations connect to it; pytest-django makes its own test_ copy.
    "$PY" - <<'EOF'
import psycopg

with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
    if not c.execute("SELECT 1 FROM pg_database WHERE datname = 'woonoverlast'").fetchone():
        c.execute("CREATE DATABASE woonoverlast")
EOF
fi

export DJANGO_ALLOW_ASYNC_UNSAFE=true # Playwright's sync API next to Django's live server
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

echo
echo "database: ${DATABASE_URL:-sqlite (embedded, var/)}"
echo "broker:   ${CELERY_BROKER_URL:-filesystem:// (embedded, var/broker/)}"

step "ruff check"
.venv/bin/ruff check .

step "ruff format --check"
.venv/bin/ruff format --check .

step "makemigrations --check"
"$PY" manage.py makemigrations --check --dry-run

step "manage.py check"
"$PY" manage.py check

step "manage.py check --deploy (production settings, warnings fail)"
# The values a production install sets (docker-compose.yml); a fresh random key each run.
# env -u: the test-only async switch exported above is no part of production.
env -u DJANGO_ALLOW_ASYNC_UNSAFE \
    DEBUG=false \
    SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    ALLOWED_HOSTS=woonoverlast.example.nl \
    CSRF_TRUSTED_ORIGINS=https://woonoverlast.example.nl \
    SECURE_SSL_REDIRECT=true \
    EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend \
    "$PY" manage.py check --deploy --fail-level WARNING

step "bandit (security lint; any finding fails)"
.venv/bin/bandit -c pyproject.toml -r . -q

step "mypy (django-stubs) on services and selectors"
.venv/bin/mypy

step "pytest"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "test: pytest collected no tests; that counts as a failure" >&2
    exit 1
fi
exit "$status"
