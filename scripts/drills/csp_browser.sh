#!/usr/bin/env bash
# The admin and the API docs work under the Content-Security-Policy in a real browser:
# headless Chromium signs in, opens the pages and reports every CSP violation.
source "$(dirname "$0")/lib.sh"
pg_start
portal_setup
export SECURE_SSL_REDIRECT=0  # Chromium talks plain HTTP to loopback; no proxy adds the header
gunicorn_start
"$PY" manage.py shell --no-imports -c "
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser('csp.admin', password='csp-Check-pass-2024')
"
python3 -m venv "$DRILL_DIR/cdp" && "$DRILL_DIR/cdp/bin/pip" install --quiet websocket-client
"$DRILL_DIR/cdp/bin/python" "$ROOT/scripts/drills/csp_browser_check.py" "$BASE_URL" csp.admin csp-Check-pass-2024 "${SCREENSHOTS:-/tmp/csp-screenshots}"
