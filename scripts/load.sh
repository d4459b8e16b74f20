#!/usr/bin/env bash
# A bounded load test: gunicorn on PostgreSQL with the demo data, 16 users for 60 seconds.
#
#   scripts/load.sh                      (make load)
#   LOAD_USERS=16 LOAD_TIME=60s scripts/load.sh
#
# Uses a PostgreSQL database of its own, woonoverlast_load, on the server of DATABASE_URL
# (default postgres://postgres@127.0.0.1:5432/...): created when missing, migrated and seeded
# with the demo data (seed_demo). gunicorn runs as production runs it (DEBUG off, static files
# through whitenoise, two-factor login on) on a free port of 127.0.0.1 only; locust logs
# the users in and browses the case list, case pages and meetings, then stops by itself.
# gunicorn is stopped on exit whatever happens; nothing keeps running. Prints requests per
# second, p50, p95 and errors; exits non-zero when any request failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=.venv/bin/python
USERS="${LOAD_USERS:-16}"
RUN_TIME="${LOAD_TIME:-60s}"

server="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/woonoverlast}"
export DATABASE_URL="${server%/*}/woonoverlast_load"
# Keep whatever a page might queue (e-mails) apart from other users of the same Redis.
export CELERY_BROKER_KEY_PREFIX="${CELERY_BROKER_KEY_PREFIX:-load:}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')}"

WORK="$(mktemp -d)"
GUNICORN_PID=""
cleanup() {
    if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill -TERM "$GUNICORN_PID" 2>/dev/null || true
        for _ in $(seq 1 40); do
            kill -0 "$GUNICORN_PID" 2>/dev/null || break
            sleep 0.25
        done
        kill -KILL "$GUNICORN_PID" 2>/dev/null || true
        wait "$GUNICORN_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$PY" -m tests.load.prepare "$WORK/logins.json"

# Production settings, but for one: the cookies go over plain HTTP, because this runs on
# loopback without TLS. `check --deploy` flags exactly that (security.W012, W016); nothing
# else is weakened, in particular every user still logs in with a second factor.
export DEBUG=false STATIC_MANIFEST=true SECURE_COOKIES=false
export ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT="$ROOT/var/load/static"
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
# Collected (and compressed) once; again only when a file under static/ changed since.
if [ ! -f "$STATIC_ROOT/staticfiles.json" ] \
    || [ -n "$(find static -newer "$STATIC_ROOT/staticfiles.json" -print -quit)" ]; then
    echo "load: collecting the static files into $STATIC_ROOT"
    "$PY" manage.py collectstatic --no-input -v 0
fi

PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
# Its own control socket: the default one in ~/.gunicorn is shared by every gunicorn.
.venv/bin/gunicorn woonoverlast.wsgi -c gunicorn.conf.py --bind "127.0.0.1:$PORT" \
    --control-socket "$WORK/gunicorn.ctl" >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
"$PY" - "$URL/account/login/" <<'PYEOF'
import sys, time, urllib.request
# Up, then a few more pages so that the workers' first requests (which load the URL
# patterns, templates and translations) are not measured.
for attempt in range(240):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=30)
        break
    except OSError:
        time.sleep(0.25)
else:
    sys.exit("load: gunicorn did not answer within 60 s")
for _ in range(20):
    urllib.request.urlopen(sys.argv[1], timeout=30)
PYEOF
echo "load: gunicorn on $URL ($(grep -c 'Booting worker' "$WORK/gunicorn.log") workers); $USERS users for $RUN_TIME"

"$PY" -m tests.load.login "$URL" "$WORK/logins.json" "$WORK/sessions.json" "$USERS"

status=0
# CPU time of gunicorn, PostgreSQL and locust over the run (tests/load/cpu.py): what a request
# costs the machine, against what its cores can give.
"$PY" -m tests.load.cpu sample "$GUNICORN_PID" "$WORK/cpu-before.json"
LOAD_SESSIONS="$WORK/sessions.json" "$PY" -m tests.load.cpu run "$WORK/cpu-locust.json" -- \
    timeout 300 .venv/bin/locust -f tests/load/locustfile.py \
    --headless -u "$USERS" -r "$USERS" -t "$RUN_TIME" --stop-timeout 5 --host "$URL" \
    --only-summary --csv "$WORK/locust" --loglevel WARNING >"$WORK/locust.log" 2>&1 || status=$?
"$PY" -m tests.load.cpu sample "$GUNICORN_PID" "$WORK/cpu-after.json"
if [ ! -f "$WORK/locust_stats.csv" ]; then
    cat "$WORK/locust.log" >&2
    exit 1
fi
"$PY" -m tests.load.summary "$WORK/locust" \
    "$WORK/cpu-before.json" "$WORK/cpu-after.json" "$WORK/cpu-locust.json" || status=$?
if [ "$status" != 0 ]; then
    echo "load: errors; the last lines of locust and gunicorn:" >&2
    tail -n 20 "$WORK/locust.log" "$WORK/gunicorn.log" >&2
fi
exit "$status"
