#!/usr/bin/env bash
# PostgreSQL drill: the portal's (private) PostgreSQL is killed for OUTAGE seconds (30) while
# readers probe the site and a writer walks bulletins through the workflow. Requests must be
# answered quickly with the 503 page, the workers must not pile up or time out, the site must
# come back by itself, and no row may be half written. The shared cluster on 5432 is not used.
source "$(dirname "$0")/lib.sh"
OUTAGE="${OUTAGE:-30}"

pg_start
portal_setup
gunicorn_start
workers_before="$(gunicorn_workers)"
stop_file="$DRILL_DIR/stop-writer"
"$PY" manage.py shell --no-imports -c "from scripts.drills.writer import run; run('$stop_file')" >"$DRILL_DIR/writer.out" 2>&1 &
writer_pid=$!
sleep 5
log "baseline: / -> $(probe /)"

PROBE_URLS=(/ /bulletins/ /bulletins/drill-3/ /api/v1/bulletins/ /api/v1/observations/ /indicators/ /healthz /admin/login/)
log "PostgreSQL killed (immediate shutdown) for ${OUTAGE}s"
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null
down_at=$(date +%s.%N)
codes="$DRILL_DIR/codes"; : >"$codes"
max_workers=0; min_workers=999
i=0
while (( $(echo "$(date +%s.%N) - $down_at < $OUTAGE" | bc) )); do
    path="${PROBE_URLS[$((i % ${#PROBE_URLS[@]}))]}"
    echo "$path $(probe "$path")" >>"$codes"
    w="$(gunicorn_workers)"; (( w > max_workers )) && max_workers=$w; (( w < min_workers )) && min_workers=$w
    i=$((i + 1))
    sleep 0.2
done
total=$(wc -l <"$codes")
n503=$(awk '$2==503' "$codes" | wc -l)
# Pages that need no database (the login form) may still answer 200; anything else is a failure.
bad=$(awk '$2!=503 && $2!=200' "$codes" | wc -l)
other=$(awk '$2!=503' "$codes" | awk '{print $1" "$2}' | sort | uniq -c | tr '\n' ';')
p50=$(awk '{print $3}' "$codes" | sort -n | awk '{a[NR]=$1} END{print a[int(NR*0.5)+1]}')
p95=$(awk '{print $3}' "$codes" | sort -n | awk '{a[NR]=$1} END{idx=int(NR*0.95); if(idx<1)idx=1; print a[idx]}')
max=$(awk '{print $3}' "$codes" | sort -n | tail -1)
retry_after="$(curl -s -D - -o /dev/null -H 'X-Forwarded-Proto: https' "$BASE_URL/" | tr -d '\r' | awk -F': ' 'tolower($1)=="retry-after"{print $2}')"
result "postgres_down requests=$total answered_503=$n503 other_than_503_or_200=$bad p50_s=$p50 p95_s=$p95 max_s=$max retry_after=$retry_after workers_before=$workers_before workers_min=$min_workers workers_max=$max_workers other=[$other]"

log "PostgreSQL back"
pg_start
up_at=$(date +%s.%N)
while [[ "$(status_of /)" != "200" ]]; do
    (( $(echo "$(date +%s.%N) - $up_at > 60" | bc) )) && break
    sleep 0.2
done
first_ok=$(echo "$(date +%s.%N) - $up_at" | bc)
all_ok=1
for path in "${PROBE_URLS[@]}" "${PUBLIC_URLS[@]}"; do
    code="$(status_of "$path")"
    [[ "$code" == "200" ]] || { all_ok=0; echo "  after recovery $path -> $code"; }
done
sleep 3
touch "$stop_file"; wait "$writer_pid" || true
cat "$DRILL_DIR/writer.out" | grep RESULT || cat "$DRILL_DIR/writer.out"
timeouts=$(grep -c "WORKER TIMEOUT" "$DRILL_DIR/gunicorn.log" || true)
result "postgres_back first_200_after_s=$(printf '%.1f' "$first_ok") all_pages_200=$all_ok workers=$(gunicorn_workers) worker_timeouts=$timeouts"
"$PY" manage.py shell --no-imports -c "from scripts.drills.writer import check; check()"
consistent=$?
crawl; crawled=$?
slow=$(echo "$max > 5" | bc)
if (( bad != 0 || n503 == 0 || slow != 0 || all_ok != 1 || timeouts != 0 || consistent != 0 || crawled != 0 )); then
    echo "FAILED"; exit 1
fi
echo "PASSED: 503 while down, recovered by itself, nothing half written"
