#!/usr/bin/env bash
# The demo: an embedded SQLite database with fictional demo data, a real Celery worker with
# beat on the embedded file-system broker, and Django's server on http://127.0.0.1:8000.
# No PostgreSQL or Redis needed. Ctrl-C stops the server and the worker.
#
#   scripts/demo.sh                    (make demo)
#   DEMO_PASSWORD=... scripts/demo.sh  fixed password for the demo users
#   DEMO_USE_ENV=1 scripts/demo.sh     keep DATABASE_URL / CELERY_BROKER_URL from the environment
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${DEMO_USE_ENV:-}" != 1 ]; then
    unset DATABASE_URL CELERY_BROKER_URL
fi
export DEBUG=true
# The demo logs in with a password alone; production asks every user for a second factor.
export WOONOVERLAST_REQUIRE_2FA="${WOONOVERLAST_REQUIRE_2FA:-false}"
VAR_DIR="${WOONOVERLAST_VAR_DIR:-$ROOT/var}"
PY=.venv/bin/python

scripts/bootstrap.sh

mkdir -p "$VAR_DIR/broker/queue" "$VAR_DIR/broker/processed" "$VAR_DIR/broker/control"

echo "demo: migrating the database"
"$PY" manage.py migrate --no-input -v 0

echo "demo: loading the demo data (seed_demo)"
if [ -n "${DEMO_PASSWORD:-}" ]; then
    "$PY" manage.py seed_demo --password "$DEMO_PASSWORD"
else
    "$PY" manage.py seed_demo
fi

WORKER_PID=""
cleanup() {
    if [ -n "$WORKER_PID" ] && kill -0 "$WORKER_PID" 2>/dev/null; then
        echo "demo: stopping the Celery worker"
        kill -TERM "$WORKER_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do
            kill -0 "$WORKER_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$WORKER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "demo: starting a Celery worker with beat (log: $VAR_DIR/celery.log)"
.venv/bin/celery -A woonoverlast worker -B -l info --concurrency 1 \
    >"$VAR_DIR/celery.log" 2>&1 &
WORKER_PID=$!

if [ -n "${DEMO_PASSWORD:-}" ]; then
    PASSWORD_NOTE="password: $DEMO_PASSWORD"
else
    PASSWORD_NOTE="password: printed by seed_demo above on the first run; to set one: DEMO_PASSWORD=... make demo"
fi
cat <<EOF

  Woonoverlast demo: http://127.0.0.1:8000

  Demo logins ($PASSWORD_NOTE):
    consulent     consulent sociaal beheer, corporatie A
    consulent-b   consulent sociaal beheer, corporatie B
    coordinator   coördinator, gemeente
    gemeente      ketenpartner, gemeente
    politie       ketenpartner, politie
    ggd           ketenpartner, GGD
    beheer        regionaal functioneel beheer (standaardwerkwijze, bewaartermijnen)
    beheer-b      functioneel beheer, corporatie B
    beheerder     beheerder (gebruikers), corporatie A
    beheerder-b   beheerder (gebruikers), corporatie B
    privacy       privacy officer, corporatie A

  Stop with Ctrl-C.

EOF

# Not exec: the EXIT trap must still stop the worker when the server ends.
"$PY" manage.py runserver 127.0.0.1:8000
