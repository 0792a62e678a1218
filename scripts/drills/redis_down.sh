#!/usr/bin/env bash
# Redis drill: the portal runs with REDIS_URL pointing at a private Redis, which is then stopped.
# Public pages and the API must still answer 200 from the database, quickly, and keep doing so
# after Redis returns. (The shared Redis on 6379 is never touched.)
source "$(dirname "$0")/lib.sh"

pg_start
redis_start
portal_setup
export REDIS_URL="redis://127.0.0.1:${DRILL_REDIS_PORT}/0"
gunicorn_start
for path in "${PUBLIC_URLS[@]}"; do status_of "$path" >/dev/null; done
log "Redis up: $(redis-cli -p "$DRILL_REDIS_PORT" dbsize) keys cached"

check_all() {  # prints failures; sets ok/slowest
    ok=0; total=0; slowest=0
    for path in "${PUBLIC_URLS[@]}" /bulletins/drill-3/ /api/v1/bulletins/drill-3/ /healthz; do
        read -r code secs <<<"$(probe "$path")"
        total=$((total + 1))
        if [[ "$code" == "200" ]]; then ok=$((ok + 1)); else echo "  $path -> $code"; fi
        slowest="$(awk -v a="$slowest" -v b="$secs" 'BEGIN{print (b>a)?b:a}')"
    done
}

redis_stop
log "Redis stopped"
failures=0
for round in 1 2 3; do
    check_all
    result "redis_down round=$round ok=$ok/$total slowest_s=$slowest"
    [[ "$ok" == "$total" ]] || failures=$((failures + 1))
done
crawl || failures=$((failures + 1))
redis_start
log "Redis back"
check_all
result "redis_back ok=$ok/$total slowest_s=$slowest keys=$(redis-cli -p "$DRILL_REDIS_PORT" dbsize)"
[[ "$ok" == "$total" ]] || failures=$((failures + 1))
if [[ "$failures" != 0 ]]; then
    echo "FAILED: pages or API did not answer 200 without Redis"; tail -30 "$DRILL_DIR/gunicorn.log"; exit 1
fi
echo "PASSED: pages and API answer 200 without Redis"
