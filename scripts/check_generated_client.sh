#!/usr/bin/env bash
# Generates a Python client from the API's OpenAPI schema (openapi-python-client) and uses it
# against the portal serving the shipped fixtures: bulletins list and every detail, page=last,
# an observation, the CSV and XLSX downloads (scripts/client_check/use_client.py). A schema
# that does not match what the API answers fails here. About 30 s (the first run also installs
# the generator, pinned in scripts/client_check/requirements.txt, into var/client-check-venv).
#
#   scripts/check_generated_client.sh
#   scripts/check_generated_client.sh --install-only   # the generator's venv alone (CI, early)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="$(cd "${VENV:-.venv}" && pwd)"
PYTHON="$VENV/bin/python"
PORT="${CLIENT_CHECK_PORT:-8766}"
TOOLS="var/client-check-venv"
HERE="scripts/client_check"

if ! cmp -s "$HERE/requirements.txt" "$TOOLS/installed.txt" 2>/dev/null; then
    rm -rf "$TOOLS"
    "$PYTHON" -m venv "$TOOLS"
    "$TOOLS/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
    cp "$HERE/requirements.txt" "$TOOLS/installed.txt"
fi
if [ "${1:-}" = "--install-only" ]; then exit 0; fi

. scripts/lib/fixtures_server.sh
start_fixtures_server "$PORT"
work="$WORK"

for _ in $(seq 1 60); do
    if "$PYTHON" -c "import urllib.request,sys; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=5).read())" \
        "http://127.0.0.1:$PORT/api/schema/?format=json" >"$work/schema.json" 2>/dev/null; then break; fi
    sleep 0.5
done
"$PYTHON" -c "import json,sys; json.load(open(sys.argv[1]))" "$work/schema.json" || {
    echo "the schema could not be read" >&2; cat "$work/server.log" >&2; exit 1; }

# Any warning of the generator (an operation or a response it had to leave out) fails the check.
"$TOOLS/bin/openapi-python-client" generate --path "$work/schema.json" --output-path "$work/ecoportal_client" \
    --meta none --config "$HERE/config.yaml" >"$work/generate.log" 2>&1 || { cat "$work/generate.log" >&2; exit 1; }
if grep -qi "warning" "$work/generate.log"; then
    echo "openapi-python-client left parts of the schema out:" >&2
    cat "$work/generate.log" >&2
    exit 1
fi

PYTHONPATH="$work" "$TOOLS/bin/python" "$HERE/use_client.py" "http://127.0.0.1:$PORT"
echo "generated client: passed"
