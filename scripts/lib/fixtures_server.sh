# Sourced by the scripts that exercise the API from outside (fuzz_api.sh, check_generated_client.sh):
# serves the portal on 127.0.0.1:$1 from a throw-away SQLite database with the shipped fixtures,
# in the background, and stops it and removes its data on exit. Needs PYTHON; sets WORK (a
# scratch folder the caller may use too).

start_fixtures_server() {
    local port="$1"
    WORK="$(mktemp -d)"
    server_pid=""
    trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
    # A rate no check reaches: throttling has its own tests.
    export DEBUG=1 ECOPORTAL_DATA_DIR="$WORK/data" API_ANON_RATE="1000000/minute"
    unset DATABASE_URL REDIS_URL
    mkdir -p "$WORK/data"
    "$PYTHON" manage.py migrate --noinput -v0
    "$PYTHON" manage.py load_portal_data -v0
    "$PYTHON" manage.py runserver "127.0.0.1:$port" --noreload >"$WORK/server.log" 2>&1 &
    server_pid=$!
}
