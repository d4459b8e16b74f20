#!/usr/bin/env bash
# Create .venv with Python >= 3.12 and install the locked dependencies into it.
#
#   scripts/bootstrap.sh          runtime dependencies (requirements.lock)
#   scripts/bootstrap.sh --dev    plus test and lint tools (requirements-dev.lock)
#
# Idempotent: the hash of each installed lock file is kept in .venv/.stamp-<lock file>, and
# pip only runs again when that lock file changed. Callers then use .venv/bin/... directly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LOCK=requirements.lock
case "${1:-}" in
"") ;;
--dev) LOCK=requirements-dev.lock ;;
*)
    echo "usage: scripts/bootstrap.sh [--dev]" >&2
    exit 2
    ;;
esac

VENV="$ROOT/.venv"

is_recent_python() {
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1
}

# Print the path of a working Python >= 3.12, or nothing. Candidates are run, not just
# looked up: a pyenv shim can be on the PATH and still fail.
find_python() {
    local c
    for c in python3.14 python3.13 python3.12 python3; do
        if command -v "$c" >/dev/null 2>&1 && is_recent_python "$c"; then
            "$c" -c 'import sys; print(sys.executable)'
            return 0
        fi
    done
    for c in /root/.pyenv/versions/3.1[2-9]*/bin/python3 "${HOME:-/root}"/.pyenv/versions/3.1[2-9]*/bin/python3 \
        /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
        if [ -x "$c" ] && is_recent_python "$c"; then
            echo "$c"
            return 0
        fi
    done
    return 1
}

if [ -x "$VENV/bin/python" ] && ! is_recent_python "$VENV/bin/python"; then
    echo "bootstrap: .venv has Python < 3.12 or is broken; recreating it"
    rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
    PYTHON="$(find_python || true)"
    if [ -z "$PYTHON" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        # Only worth it when the distribution's python3 is new enough (Debian 13: 3.13).
        candidate="$(apt-cache policy python3 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [ -n "$candidate" ] && dpkg --compare-versions "$candidate" ge 3.12; then
            echo "bootstrap: installing python3 $candidate with apt-get"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
            PYTHON="$(find_python || true)"
        fi
    fi
    if [ -z "$PYTHON" ]; then
        echo "bootstrap: Python 3.12 or newer is needed and none was found." >&2
        echo "  Tried python3.14, python3.13, python3.12, python3 on the PATH," >&2
        echo "  ~/.pyenv/versions/3.12+ and /usr/bin/python3.12+." >&2
        echo "  Install one (e.g. 'apt-get install python3' on Debian 13, or pyenv) and retry." >&2
        exit 1
    fi
    echo "bootstrap: creating .venv with $PYTHON ($("$PYTHON" -V 2>&1))"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            # Debian splits ensurepip into pythonX.Y-venv.
            ver="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$ver-venv" >/dev/null
            "$PYTHON" -m venv "$VENV"
        else
            echo "bootstrap: '$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)" >&2
            exit 1
        fi
    fi
fi

STAMP="$VENV/.stamp-$LOCK"
want="$LOCK $(sha256sum "$LOCK" | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
    exit 0
fi

echo "bootstrap: installing $LOCK into .venv"
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$VENV/bin/python" -m pip install --quiet --require-hashes -r "$LOCK"
echo "$want" >"$STAMP"
