"""The drill's own services on loopback: scratch PostgreSQL databases, a Redis, gunicorn.

Nothing shared is touched: databases get unique names on the PostgreSQL server the drill is
pointed at (and are dropped at the end), Redis and gunicorn listen on free ports and are
stopped by their process ids.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, *, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up in {seconds} s")


class ScratchDatabases:
    """Databases with unique names on one PostgreSQL server, all dropped by ``drop_all``."""

    def __init__(self, admin_url):
        import psycopg

        self.admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
        self.base = admin_url.rsplit("/", 1)[0]
        self.names = []

    def create(self, label):
        name = f"ecoportal_drill_{label}_{secrets.token_hex(4)}"
        self.admin.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return f"{self.base}/{name}".replace("postgresql://", "postgres://", 1)

    def drop_all(self):
        for name in self.names:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.names = []
        self.admin.close()


class Redis:
    """A private redis-server that keeps its data across a stop (append-only file), so that a
    stop and start is an outage, not a flush."""

    def __init__(self, workdir):
        self.port = free_port()
        self.workdir = workdir
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def cli(self, *args):
        return subprocess.run(
            ["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True, timeout=10
        ).stdout.strip()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: self.cli("ping") == "PONG", seconds=10, what="redis-server")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot shut down
            self.process.terminate()  # SIGTERM: the append-only file is flushed, then it exits
            self.process.wait(timeout=10)
        self.process = None

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def keys(self):
        return int(self.cli("dbsize") or 0)


class Gunicorn:
    def __init__(self, env, workdir, *, workers=2):
        self.port = free_port()
        self.env = env
        self.workdir = workdir
        self.workers = workers
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def healthy(self):
        try:
            with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def start(self):
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": str(self.workers),
               "GUNICORN_ACCESSLOG": ""}
        self.log = open(Path(self.workdir) / "gunicorn.log", "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "ecoportal.wsgi:application"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )
        wait_for(self.healthy, seconds=60, what="gunicorn")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if getattr(self, "log", None):
            self.log.close()


def manage(*args, env, timeout=600):
    """Run ``manage.py`` in another process; return its standard output."""
    return finish(manage_started(*args, env=env), args, timeout=timeout)


def manage_started(*args, env):
    """``manage.py`` started in another process, to be waited for with ``finish``."""
    return subprocess.Popen(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(process, args, *, timeout=600):
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    if process.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args[:2])} failed:\n{stdout[-2000:]}\n{stderr[-4000:]}")
    return stdout


def production_env(database_url, redis_url, workdir):
    """The production configuration (DEBUG off, PostgreSQL, Redis), behind a TLS proxy."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ECOPORTAL_", "DJANGO_", "PYTEST"))}
    env.update(
        DEBUG="0",
        ECOPORTAL_TESTING="0",
        SECRET_KEY="drill-" + secrets.token_hex(24),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        ECOPORTAL_DATA_DIR=str(Path(workdir) / "data"),
        MEDIA_ROOT=str(Path(workdir) / "media"),
        STATIC_ROOT=str(Path(workdir) / "static"),
        SITE_URL="https://127.0.0.1",
        CACHE_KEY_PREFIX="drill-" + secrets.token_hex(4),
        # One client address sends everything: the per-address API rate is lifted for the drill.
        API_ANON_RATE="1000000/minute",
        API_NUM_PROXIES="0",
        AXES_PROXY_COUNT="0",
    )
    return env
