#!/usr/bin/env bash
# Load drill: wrk with 64 connections for 60 s (DURATION, CONNECTIONS) on a mix of public pages
# and API calls against gunicorn in the production configuration (PostgreSQL and Redis of its
# own on loopback). Passes when no response is a 5xx; prints p95 and throughput.
source "$(dirname "$0")/lib.sh"
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"

log "private PostgreSQL on $DRILL_PG_PORT, Redis on $DRILL_REDIS_PORT"
pg_start
redis_start
portal_setup
export REDIS_URL="redis://127.0.0.1:${DRILL_REDIS_PORT}/0"
gunicorn_start
log "gunicorn ($(gunicorn_workers) workers, gunicorn.conf.py if present) on $BASE_URL; warming up"
for path in "${PUBLIC_URLS[@]}"; do status_of "$path" >/dev/null; done
log "wrk -c $CONNECTIONS -d ${DURATION}s"
out="$(wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s --latency -s "$ROOT/scripts/drills/mix.lua" "$BASE_URL")"
echo "$out" | grep -v '^RESULT'
line="$(echo "$out" | grep '^RESULT load')"
echo "$line"
crawl || { echo "FAILED: the crawl after the load found unpublished content or errors"; exit 1; }
five="$(echo "$line" | sed -E 's/.* 5xx=([0-9]+).*/\1/')"
socket_errors="$(echo "$line" | sed -E 's/.* socket_errors=([0-9]+).*/\1/')"
timeouts="$(echo "$line" | sed -E 's/.* timeouts=([0-9]+).*/\1/')"
# A client-side timeout (no answer within 10 s) is reported, not failed: on a shared machine it
# measures the neighbours' load as much as the portal. 5xx answers and broken connections fail.
[[ "$timeouts" != "0" ]] && echo "WARNING: $timeouts requests got no answer within 10 s"
if [[ "$five" != "0" || "$socket_errors" != "0" ]]; then
    echo "FAILED: $five responses were 5xx; $socket_errors socket errors"
    tail -20 "$DRILL_DIR/gunicorn.log"
    exit 1
fi
echo "PASSED: no 5xx under load"
