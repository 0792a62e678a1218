#!/usr/bin/env bash
# Property-based fuzzing of the read API against its own OpenAPI schema (schemathesis).
#
# Serves the portal from a throw-away SQLite database with the shipped fixtures, then lets
# schemathesis generate requests from /api/schema/ and checks that nothing is a 500, that every
# status code, content type and body is the documented one, and that invalid input is refused.
#
#   scripts/fuzz_api.sh                 # about two minutes
#   FUZZ_MAX_TIME=600 scripts/fuzz_api.sh
#
# schemathesis is in requirements.lock, which `make install` installs.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="$(cd "${VENV:-.venv}" && pwd)"
PORT="${FUZZ_PORT:-8765}"
MAX_TIME="${FUZZ_MAX_TIME:-120}"
PYTHON="$VENV/bin/python"
ST="$VENV/bin/st"

if [ ! -x "$ST" ]; then
    echo "schemathesis is not installed: $VENV/bin/pip install schemathesis" >&2
    exit 2
fi

. scripts/lib/fixtures_server.sh
start_fixtures_server "$PORT"

# Schemathesis keeps its replay data in the working directory: var/ is not versioned.
mkdir -p var/fuzz
cd var/fuzz
# positive_data_acceptance is left out on purpose: a slug that names nothing, or a page past
# the last, is a schema-valid request that the API answers with a documented 400.
"$ST" run "http://127.0.0.1:$PORT/api/schema/?format=json" \
    --wait-for-schema 30 \
    --checks all \
    --exclude-checks positive_data_acceptance \
    --max-time "$MAX_TIME" \
    --request-timeout 30 \
    --workers 1 \
    "$@"
