#!/usr/bin/env bash
# Runs every drill one after the other and prints their RESULT lines (about 4 minutes).
# QUICK=1 shortens the load (10 s) and the outage (10 s) for CI.
set -uo pipefail
cd "$(dirname "$0")"
if [[ "${QUICK:-0}" == "1" ]]; then export DURATION="${DURATION:-10}" OUTAGE="${OUTAGE:-10}"; fi
status=0
for drill in csp_browser.sh load.sh redis_down.sh postgres_down.sh kill_mid_publish.sh; do
    printf '\n=== %s ===\n' "$drill"
    if bash "$drill" >"/tmp/drill-${drill%.sh}.log" 2>&1; then verdict=PASSED; else verdict=FAILED; status=1; fi
    grep -E '^(RESULT|  )' "/tmp/drill-${drill%.sh}.log"
    echo "$drill: $verdict (log: /tmp/drill-${drill%.sh}.log)"
done
exit $status
