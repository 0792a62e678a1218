# Shared helpers of the reliability drills; sourced, not run.
#
# Every drill runs its own private services on loopback so that nothing shared is touched:
# a PostgreSQL cluster in a temporary directory on port $DRILL_PG_PORT (5499), a Redis on
# $DRILL_REDIS_PORT (6391), and gunicorn on $DRILL_HTTP_PORT (8099). All are stopped and
# removed on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
DRILL_PG_PORT="${DRILL_PG_PORT:-5499}"
DRILL_REDIS_PORT="${DRILL_REDIS_PORT:-6391}"
DRILL_HTTP_PORT="${DRILL_HTTP_PORT:-8099}"
DRILL_WORKERS="${DRILL_WORKERS:-4}"
BASE_URL="http://127.0.0.1:${DRILL_HTTP_PORT}"
DRILL_DIR="$(mktemp -d /tmp/ecoportal-drill.XXXXXX)"
chmod 755 "$DRILL_DIR"
PG_DATA="$DRILL_DIR/pgdata"
GUNICORN_PID=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
result() { printf 'RESULT %s\n' "$*"; }

as_postgres() { runuser -u postgres -- "$@"; }

pg_start() {
    if [[ ! -d "$PG_DATA" ]]; then
        install -d -o postgres -g postgres "$PG_DATA" "$DRILL_DIR/pgsock"
        as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust --no-sync -E UTF8 >/dev/null
    fi
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$DRILL_DIR/pgsock/pg.log" -w -t 30 \
        -o "-p $DRILL_PG_PORT -k $DRILL_DIR/pgsock -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100" \
        start >/dev/null
}

pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; }

redis_start() {
    redis-server --daemonize yes --bind 127.0.0.1 --port "$DRILL_REDIS_PORT" --save "" --appendonly no \
        --dir "$DRILL_DIR" --logfile "$DRILL_DIR/redis.log" --pidfile "$DRILL_DIR/redis.pid"
    for _ in $(seq 50); do redis-cli -p "$DRILL_REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
    echo "private redis did not start" >&2; return 1
}

redis_stop() { redis-cli -p "$DRILL_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }

# The production configuration, behind a TLS proxy (requests carry X-Forwarded-Proto: https).
portal_env() {
    export DEBUG=0 ECOPORTAL_TESTING=0
    export SECRET_KEY="drill-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    export ALLOWED_HOSTS=127.0.0.1,localhost
    export DATABASE_URL="postgres://postgres@127.0.0.1:${DRILL_PG_PORT}/ecoportal"
    export ECOPORTAL_DATA_DIR="$DRILL_DIR/data" MEDIA_ROOT="$DRILL_DIR/media" STATIC_ROOT="$DRILL_DIR/static"
    export SITE_URL="$BASE_URL"
    # One client address sends everything: lift the per-address API rate for the drill.
    export API_ANON_RATE="${API_ANON_RATE:-1000000/minute}"
    export API_NUM_PROXIES=0 AXES_PROXY_COUNT=0
    unset REDIS_URL
}

portal_setup() {
    portal_env
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$DRILL_PG_PORT" -U postgres ecoportal
    "$PY" manage.py migrate --noinput -v0
    "$PY" manage.py collectstatic --noinput -v0
    "$PY" manage.py shell --no-imports -c "from scripts.drills.seed import seed; seed()"
}

gunicorn_start() {
    # The repository's gunicorn.conf.py decides workers, threads and timeouts when it exists.
    local conf=(--workers "$DRILL_WORKERS" --timeout 30)
    [[ -f "$ROOT/gunicorn.conf.py" ]] && conf=(-c "$ROOT/gunicorn.conf.py")
    GUNICORN_ACCESSLOG="" "$ROOT/.venv/bin/gunicorn" "${conf[@]}" ecoportal.wsgi:application \
        --bind "127.0.0.1:${DRILL_HTTP_PORT}" \
        --pid "$DRILL_DIR/gunicorn.pid" --error-logfile "$DRILL_DIR/gunicorn.log" --daemon
    for _ in $(seq 100); do
        [[ "$(status_of /healthz)" == "200" ]] && { GUNICORN_PID="$(cat "$DRILL_DIR/gunicorn.pid")"; return; }
        sleep 0.2
    done
    cat "$DRILL_DIR/gunicorn.log" >&2; echo "gunicorn did not come up" >&2; return 1
}

gunicorn_stop() {
    if [[ -n "$GUNICORN_PID" ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill -TERM "$GUNICORN_PID"
        for _ in $(seq 50); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.2; done
    fi
    GUNICORN_PID=""
}

gunicorn_workers() { pgrep -P "$GUNICORN_PID" | wc -l; }

status_of() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'X-Forwarded-Proto: https' "$BASE_URL$1" || true
}

# "code seconds" of one request
probe() {
    curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 15 -H 'X-Forwarded-Proto: https' "$BASE_URL$1" || echo "000 15"
}

crawl() {
    "$PY" "$ROOT/scripts/drills/crawl_unpublished.py" "$BASE_URL"
}

cleanup() {
    set +e
    gunicorn_stop
    redis_stop
    [[ -d "$PG_DATA" ]] && pg_stop
    rm -rf "$DRILL_DIR"
}
trap cleanup EXIT

PUBLIC_URLS=(/ /bulletins/ /achievements/ /indicators/ /api/v1/bulletins/ /api/v1/observations/ /api/v1/indicators/ /api/v1/regions/ /feeds/bulletins/ /sitemap.xml)
