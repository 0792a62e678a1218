"""Benchmark of the portal as deployed: gunicorn with production settings, wrk on loopback.

    make bench                                       # 1,000 and 100,000 bulletins, SQLite
    .venv/bin/python bench/run.py --sizes 1000,20000 --duration 10 --connections 16
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ecoportal REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --quick            # smoke run: 1,000 bulletins, 2 s a scenario
    DATABASE_URL=… .venv/bin/python bench/run.py --modes storm:1 --servers 2   # two app servers

For each size it prepares a database (SQLite files under var/bench/, or a database
``<name>_bench_<size>`` beside DATABASE_URL's; filled once by ``generate_demo_data`` and reused
while the number of demo bulletins matches), collects static files, starts gunicorn from
gunicorn.conf.py on a free port of 127.0.0.1 with DEBUG=0 and ``bench.settings`` (the portal's
settings, plus the reference views of bench/urls.py), and drives each scenario with wrk.
The servers of all sizes run side by side and the runs of a scenario alternate between them,
so that the machine's changing load falls on every size alike (in ABBA order, so that neither
size always follows the other). The data holds still meanwhile: demo bulletins scheduled to
appear during the run are moved past its end. It runs every scenario twice:
with the page cache off (every request rendered; counts, pages, list cards, bulletin bodies and
indicator charts still memoised in the shared cache) and on
(pages from the cache). The cache is Redis, as in production: REDIS_URL, or the local one.

The storm modes publish bulletins through the editorial workflow while wrk reads, and check
after each publication that the server wrk reads from shows it wherever the data puts it
(bench/storm.py); with ``--servers 2`` they publish through a second gunicorn of each size over
the same database and Redis. Every worker's memory is sampled throughout (``--max-requests 0``:
never replaced, so that growth shows).

Every figure is also given as a ratio to references measured on the same server in the same
run: ``/bench/constant`` (a fixed response through all middleware), a static file served by
whitenoise, and for the API list ``/bench/values`` (the same queries by hand with ``.values()``).
The peak memory of the workers is sampled while one client downloads every observation as CSV.

Results: a markdown table on stdout and in bench/results/, with the raw numbers in JSON beside
it. Each run is bounded (wrk -d, timeouts on every step) and stops its server, whatever happens.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, the project is not
    sys.path.insert(0, str(ROOT))

from bench.storm import PREFIX as STORM_PREFIX  # noqa: E402
from bench.storm import Storm  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
VAR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk_report.lua"

REFERENCES = ["constant", "static"]
GROWING_CSV = "CSV export, a province's figures"
SCENARIOS = [
    ("home", "/"),
    ("bulletin list", "/bulletins/"),
    ("bulletin list, deep page", "/bulletins/?page={deep_page}"),
    ("bulletin detail", "/bulletins/{bulletin}/"),
    ("indicator catalogue", "/indicators/"),
    ("indicator page", "/indicators/{indicator}/"),
    ("region page", "/regions/{region}/"),
    ("search", "/search/?q=%E7%A7%B8%E7%A7%86"),  # 秸秆
    ("API bulletin list", "/api/v1/bulletins/"),
    ("API observations, filtered", "/api/v1/observations/?indicator={indicator}&region={province}"),
    ("CSV export, one bulletin's figures", "/api/v1/observations/?format=csv&bulletin={bulletin}"),
    # Every PM2.5 figure of a province: 100 times more rows at 100,000 bulletins than at 1,000,
    # so its time grows with the data by design (it is outside the p95 target).
    (GROWING_CSV, "/api/v1/observations/?format=csv&indicator={indicator}&region={province}"),
]
API_REFERENCE = ("values", "/bench/values")
#: Targets that do the same work at every size: their ratios show the noise of the measure.
SAME_WORK = (*REFERENCES, API_REFERENCE[0])

DISCOVER = """
import json
from bulletins.models import Bulletin
from indicators.models import Observation
def _search_documents():
    try:
        from search.models import SearchDocument
    except ImportError:
        return None
    return SearchDocument.objects.count()
published = Bulletin.objects.published()
bulletin = published.filter(slug__startswith="demo-", observations__isnull=False, issued_on__isnull=False,
    region__level="prefecture").select_related(
    "region__parent").order_by("-issued_on", "-publish_at", "-id").first()
count = published.count()
print(json.dumps({
    "bulletin": bulletin.slug,
    "region": bulletin.region.slug,
    "province": bulletin.region.parent.slug,
    "indicator": "demo-pm25",
    "deep_page": max(1, int(count / 20 * 0.8)),
    "published": count,
    "demo": Bulletin.objects.filter(slug__startswith="demo-").count(),
    "observations": Observation.objects.count(),
    "search_documents": _search_documents(),
}))
"""


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def django_script(script, env, *args, timeout=300):
    """The output of ``script`` run with Django set up, in the environment of one size."""
    setup = 'import os, django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")\ndjango.setup()\n'
    return run([PYTHON, "-c", setup + script, *args], env, timeout, capture=True)


def run(command, env, timeout, capture=False):
    """A management command or script, bounded in time; its output is shown unless captured."""
    result = subprocess.run(
        command, cwd=ROOT, env=env, timeout=timeout, text=True,
        stdout=subprocess.PIPE if capture else None, stderr=subprocess.PIPE if capture else None,
    )
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr or ''}")
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(args):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(VAR / "static"),
        # The benchmark is one client address; the per-address API limit would answer 429s.
        API_ANON_RATE="100000000/minute",
        GUNICORN_ACCESSLOG="",
        GUNICORN_LOGLEVEL="warning",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if args.workers:
        env["GUNICORN_WORKERS"] = str(args.workers)
    if args.threads:
        env["GUNICORN_THREADS"] = str(args.threads)
    if args.max_requests is not None:
        env["GUNICORN_MAX_REQUESTS"] = str(args.max_requests)
    return env


def database_env(args, size):
    """Environment naming the database of this size, created if need be."""
    if not args.database_url:
        directory = VAR / f"sqlite-{size}"
        directory.mkdir(parents=True, exist_ok=True)
        return {"ECOPORTAL_DATA_DIR": str(directory)}, f"SQLite {directory.relative_to(ROOT)}/db.sqlite3"
    parts = urlsplit(args.database_url)
    name = f"{parts.path.lstrip('/') or 'ecoportal'}_bench_{size}"
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}, f"PostgreSQL {name}"


def prepare(args, env, size):
    """Migrate, load the fixtures and generate `size` demo bulletins unless already there."""
    manage = [PYTHON, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v0"], env, 600)
    run([*manage, "load_portal_data", "-v0"], env, 600, capture=True)
    facts = json.loads(django_script(DISCOVER, env)) if _has_demo(env) else None
    if facts is None or facts["demo"] != size:
        log(f"generating {size} demo bulletins (once; reused by later runs)")
        command = [*manage, "generate_demo_data", "--clear", "--bulletins", str(size)]
        if args.search_index and (ROOT / "search" / "index.py").exists():
            command.append("--index-search")
        run(command, env, 4 * 3600)  # ends with ANALYZE: the planner knows the new tables
        facts = json.loads(django_script(DISCOVER, env))
    return facts


_HAS_DEMO = """
from bulletins.models import Bulletin
print(int(Bulletin.objects.filter(slug__startswith="demo-").exists()))
"""


_HOLD = """
import sys
from datetime import timedelta
from django.db.models import F
from django.utils import timezone
from bulletins.models import Bulletin
hold = timedelta(seconds=float(sys.argv[1]))
now = timezone.now()
due = Bulletin.objects.scheduled(after=now).filter(slug__startswith="demo-", publish_at__lte=now + hold)
print(due.update(publish_at=F("publish_at") + hold))
"""


def hold_schedule(env, seconds):
    """Demo bulletins due to appear within ``seconds`` appear that much later.

    The benchmark compares the sizes in a steady state: a scheduled bulletin coming due starts a
    content generation (everything kept is computed again), and at 100,000 bulletins the demo
    data has about 100 times more of them than at 1,000, so they would fall on one size only.
    Returns how many were moved.
    """
    return int(django_script(_HOLD, env, str(seconds)))


def _has_demo(env):
    return django_script(_HAS_DEMO, env).strip() == "1"


class Server:
    """gunicorn on 127.0.0.1:<free port> in its own process group, always stopped."""

    def __init__(self, env, label):
        self.port = free_port()
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.label = label
        self.process = None

    def __enter__(self):
        self.log = open(VAR / f"gunicorn-{self.label}.log", "w")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(
            [GUNICORN, "-c", str(ROOT / "gunicorn.conf.py"), "ecoportal.wsgi"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited, see {self.log.name}")
            try:
                if fetch(self.url("/healthz"), timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer /healthz within 60 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=35)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def workers(self):
        """Process ids of the gunicorn workers (children of the master)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids


def fetch(url, timeout=30):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback
            size = 0
            while chunk := response.read(1 << 16):
                size += len(chunk)
            return response.status, size, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, 0, dict(error.headers)


def rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def wrk(url, args, duration=None):
    duration = duration or args.duration
    command = [
        "wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{duration}s", "--timeout", "5s",
        "-s", str(LUA), url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60).stdout
    match = re.search(r"^BENCH (\{.*\})$", output, re.MULTILINE)
    if not match:
        raise SystemExit(f"wrk gave no result for {url}:\n{output}")
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    ok = sum(count for code, count in data["statuses"].items() if 200 <= int(code) < 300)
    return {
        "rps": data["requests"] / seconds,
        "p50_ms": data["p50_us"] / 1000,
        "p95_ms": data["p95_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "requests": data["requests"],
        "non_2xx": data["requests"] - ok,
        "errors": data["socket_errors"] + data["timeouts"],
        "statuses": data["statuses"],
        "mb_per_s": data["bytes"] / seconds / 1e6,
        "histogram": Counter({int(bucket): count for bucket, count in data["histogram"].items()}),
    }


def pooled_ms(histogram, fraction):
    """The ``fraction`` quantile of the latencies in ``histogram`` (wrk_report.lua's 1% buckets),
    in ms: the middle of the bucket it falls in."""
    total, seen = sum(histogram.values()), 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if seen >= fraction * total:
            return 1.01 ** (bucket + 0.5) / 1000
    return None


def csv_memory(server, url):
    """Peak RSS of the workers while one client downloads ``url`` (every observation)."""
    workers = server.workers()
    before = {pid: rss_kb(pid) for pid in workers}
    peak = dict(before)
    done = threading.Event()

    def sample():
        while not done.is_set():
            for pid in workers:
                peak[pid] = max(peak.get(pid, 0), rss_kb(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.monotonic()
    try:
        status, size, _ = fetch(server.url(url), timeout=600)
    finally:
        done.set()
        sampler.join()
    growth = {pid: peak[pid] - before.get(pid, 0) for pid in workers}
    busiest = max(growth, key=growth.get) if growth else None
    return {
        "status": status,
        "mb": size / 1e6,
        "seconds": time.monotonic() - started,
        "worker_rss_before_mb": before.get(busiest, 0) / 1024,
        "worker_rss_peak_mb": peak.get(busiest, 0) / 1024,
        "growth_mb": growth.get(busiest, 0) / 1024,
    }


class MemorySampler:
    """Every worker's RSS sampled every ``interval`` seconds while a mode is measured, so that a
    worker that grows (a leak, or what one request left behind) shows beside the others; workers
    replaced meanwhile (``max_requests``) show as more workers than the server runs."""

    def __init__(self, server, interval=1.0):
        self.server, self.interval, self.samples = server, interval, {}
        self.started, self.done = time.monotonic(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.done.is_set():
            now = round(time.monotonic() - self.started, 1)
            for pid in self.server.workers():
                kb = rss_kb(pid)
                if kb:
                    self.samples.setdefault(pid, []).append((now, round(kb / 1024, 1)))
            self.done.wait(self.interval)

    def stop(self):
        self.done.set()
        self.thread.join()
        return memory_summary(self.samples, time.monotonic() - self.started)


def memory_summary(samples, seconds, settled=60):
    """Per worker (in the order they started): RSS in MB at its first sample, ``settled`` seconds
    later (templates, translations and connections loaded), its peak and its last sample; its
    growth from then to the end. ``samples``: {pid: [(seconds, MB), …]}."""
    workers = []
    for pid, series in sorted(samples.items(), key=lambda item: item[1][0][0]):
        first_t = series[0][0]
        later = [mb for t, mb in series if t >= first_t + settled]
        workers.append({
            "pid": pid, "first_s": first_t, "last_s": series[-1][0], "start_mb": series[0][1],
            "settled_mb": later[0] if later else None, "peak_mb": max(mb for _, mb in series),
            "end_mb": series[-1][1], "growth_mb": round(series[-1][1] - later[0], 1) if later else None,
        })
    return {"seconds": round(seconds), "workers": workers, "samples": {str(pid): series for pid, series in samples.items()}}


def static_path():
    manifest = VAR / "static" / "staticfiles.json"
    paths = json.loads(manifest.read_text())["paths"] if manifest.exists() else {}
    return "/static/" + paths.get("css/site.css", "css/site.css")


def size_env(args, size, env):
    """The environment of the server of this size: its database and its own cache keys."""
    db_env, db_label = database_env(args, size)
    env = {**env, **db_env}
    if args.redis_url:
        # Keys of this size's database apart from the others' (and from a real site's).
        env.update(REDIS_URL=args.redis_url, CACHE_KEY_PREFIX=f"bench-{size}-{os.getpid()}")
    return env, db_label


def _forget_keys(url, prefix):
    """The benchmark's keys in Redis (pages, generation, throttle counts) go with it."""
    import redis

    server = redis.Redis.from_url(url)
    for key in server.scan_iter(f"{prefix}:*", count=1000):
        server.delete(key)


_GENERATION = """
from ecoportal.caching.models import Generation
print(Generation.objects.values_list("number", flat=True).first())
"""


def _generation(env):
    """The content generation a server reads pages under (None before its first request)."""
    value = django_script(_GENERATION, env).strip().splitlines()[-1]
    return None if value == "None" else int(value)


def bench_all(args, sizes, env):
    """Every scenario at every size, the sizes' servers running side by side.

    The runs of one scenario alternate between the sizes (1k, 100k, 1k, 100k…), so that a
    change in the machine's load during the benchmark falls on both sizes alike and the
    comparison of their latencies measures the data, not the moment.
    """
    envs, facts = {}, {}
    for size in sizes:
        envs[size], label = size_env(args, size, env)
        facts[size] = {"database": label, **prepare(args, envs[size], size)}
        log(f"{size}: {facts[size]['published']} published bulletins, {facts[size]['observations']} observations ({label})")
    # Twice the expected length of the run: wrk, its warm-up and a margin for every target.
    hold = 2 * len(args.modes) * len(sizes) * (len(SCENARIOS) + 3) * (args.repeat * args.duration + 3) + 1800
    for size in sizes:
        facts[size]["held"] = hold_schedule(envs[size], hold)
    log(f"scheduled demo bulletins moved past the run ({hold // 60} min): "
        + ", ".join(f"{facts[size]['held']} at {size}" for size in sizes))
    rows, memories = [], {}
    try:
        for mode in args.modes:
            with contextlib.ExitStack() as stack:
                servers = {size: stack.enter_context(Server(mode_env(args, envs[size], mode), f"{size}-{mode}")) for size in sizes}
                for server in servers.values():
                    fetch(server.url("/"), timeout=600)  # starts the generation of a new key prefix
                before = {size: _generation(envs[size]) for size in sizes}
                interval = storm_interval(mode)
                publishers = {}
                if interval is not None:
                    # With --servers 2 the storm publishes through a second server of each size
                    # (the same database, Redis and cache keys) while wrk reads from the first.
                    publishing = servers if args.servers == 1 else {
                        size: stack.enter_context(Server(mode_env(args, envs[size], mode), f"{size}-{mode}-publishing"))
                        for size in sizes
                    }
                    length = (len(SCENARIOS) + 3) * len(sizes) * (args.repeat * args.duration + 3) + 600
                    publishers = {
                        size: Storm(PYTHON, envs[size], interval, length, publishing[size], servers[size])
                        for size in sizes
                    }
                samplers = {size: MemorySampler(server) for size, server in servers.items()}
                try:
                    rows += _bench_mode(args, mode, servers, facts)
                finally:
                    for size, sampler in samplers.items():
                        facts[size].setdefault("worker_memory", {})[mode] = sampler.stop()
                    for size, publisher in publishers.items():
                        facts[size].setdefault("storm", {})[mode] = publisher.stop()
                        forget_storm(envs[size])
                for size in sizes:
                    # A scheduled demo bulletin coming due starts a generation: everything kept is
                    # computed again, which shows in that run's latencies.
                    after = _generation(envs[size])
                    started = after - before[size] if None not in (after, before[size]) else None
                    facts[size].setdefault("generations_started", {})[mode] = started
                if mode == args.modes[0] and not args.quick:
                    for size, server in servers.items() if args.csv_memory else ():
                        log(f"{size}: streaming every observation as CSV, sampling worker memory")
                        memories[size] = {**csv_memory(server, "/api/v1/observations/?format=csv"),
                                          "rows": facts[size]["observations"]}
                    if args.redis_url:
                        for size, server in servers.items():
                            log(f"{size}: first requests after a publication")
                            facts[size]["after_publish_ms"] = after_publish(server, facts[size])
    finally:
        if args.redis_url:
            for size in sizes:
                _forget_keys(args.redis_url, envs[size]["CACHE_KEY_PREFIX"])
    return rows, memories, [facts[size] for size in sizes]


_BUMP = """
from ecoportal.caching.generation import bump
bump()
"""

#: The pages whose memoised values a publication makes the portal compute again, first to last.
AFTER_PUBLISH = [
    ("home", "/"),
    ("indicator catalogue", "/indicators/"),
    ("indicator page", "/indicators/{indicator}/"),
    ("region page", "/regions/{region}/"),
    ("bulletin list", "/bulletins/"),
]


def after_publish(server, facts, times=3):
    """Milliseconds of each page's first request after a publication, the median of ``times``.

    A publication starts a new content generation: what the pages keep (cards, charts, counts)
    is computed again by the first readers, one request at a time, then shared.
    """
    timings = {name: [] for name, _ in AFTER_PUBLISH}
    for _ in range(times):
        django_script(_BUMP, server.env)
        for name, template in AFTER_PUBLISH:
            started = time.monotonic()
            status, _, _ = fetch(server.url(template.format(**facts)), timeout=600)
            if status != 200:
                raise SystemExit(f"{template}: HTTP {status} after a publication")
            timings[name].append((time.monotonic() - started) * 1000)
    return {name: statistics.median(values) for name, values in timings.items()}


#: What each mode keeps: "cold" nothing (every request computes what a publication's first
#: reader computes), "uncached" memoised values and fragments but no page, "cached" pages too;
#: "storm:N" is "cached" while a bulletin is published every N seconds (``bench.storm.Storm``).
MODES = ("cold", "uncached", "cached")


def storm_interval(mode):
    return float(mode.split(":", 1)[1]) if mode.startswith("storm:") else None


def mode_env(args, env, mode):
    cached = mode == "cached" or storm_interval(mode) is not None
    env = {**env, "DJANGO_SETTINGS_MODULE": "bench.settings", "PAGE_CACHE": "1" if cached else "0"}
    if mode == "cold":
        env["PAGE_CACHE_MEMO"] = "0"
    elif not args.redis_url:
        # No shared cache: each worker keeps its own (fine for a read-only benchmark).
        env["PAGE_CACHE_MEMO"] = "1" if cached else "0"
    return env


_FORGET_STORM = """
import sys
from bulletins.models import Bulletin
print(Bulletin.objects.filter(slug__startswith=sys.argv[1]).delete()[0])
"""


def forget_storm(env):
    """The storm's bulletins deleted, so that the demo data stays what it was."""
    django_script(_FORGET_STORM, env, STORM_PREFIX, timeout=1800)


def _bench_mode(args, mode, servers, facts):
    rows = []
    targets = [("constant", "/bench/constant"), ("static", static_path()), API_REFERENCE, *SCENARIOS]
    for name, template in targets:
        paths, runs = {}, {size: [] for size in servers}
        for size, server in servers.items():
            paths[size] = path = template.format(**facts[size])
            status, _, headers = fetch(server.url(path), timeout=600)
            # Warm with the measured load itself: every worker and thread opens its connections,
            # loads its templates and translations, and the memoised values are computed.
            wrk(server.url(path), args, duration=1)
            log(f"{size} {mode}: {name} ({status}, cache {headers.get('X-Page-Cache', '-')})")
        for round_ in range(args.repeat):
            # ABBA order: neither size always runs right after the other's load.
            order = list(servers.items())
            for size, server in order[::-1] if round_ % 2 else order:
                runs[size].append(wrk(server.url(paths[size]), args))
        for size in servers:
            rows.append({"size": size, "mode": mode, "scenario": name, "path": paths[size], **_summary(runs[size])})
    return rows


_FIGURES = ("rps", "p50_ms", "p95_ms", "p99_ms", "mb_per_s")


def _summary(runs):
    """Each figure the median of its values over the runs, so that one run's stall (a content
    generation starting, another process waking) moves none of them; failures are summed;
    latencies also pooled over every request of every run. The runs' own figures are kept
    too (``runs``), in the order they ran."""
    result = {key: statistics.median(run[key] for run in runs) for key in _FIGURES}
    for key in ("requests", "non_2xx", "errors"):
        result[key] = sum(run[key] for run in runs)
    result["statuses"] = dict(sum((Counter(run["statuses"]) for run in runs), Counter()))
    # Latencies of every request of every round together: the p95 of all that was measured.
    histogram = sum((run["histogram"] for run in runs), Counter())
    for name, fraction in (("pooled_p50_ms", 0.50), ("pooled_p95_ms", 0.95), ("pooled_p99_ms", 0.99)):
        result[name] = pooled_ms(histogram, fraction)
    result["histogram"] = dict(sorted(histogram.items()))
    result["runs"] = [{key: run[key] for key in _FIGURES} for run in runs]
    return result


def paired_p95_ratios(small, large):
    """p95 of ``large`` over p95 of ``small`` in each round: the two ran one after the other,
    so a change in the machine's state between rounds falls on both sides of each ratio."""
    return [b["p95_ms"] / a["p95_ms"] for a, b in zip(small["runs"], large["runs"], strict=True) if a["p95_ms"] and b["p95_ms"]]


def ratios(rows):
    index = {(r["size"], r["mode"], r["scenario"]): r for r in rows}
    for row in rows:
        for reference in ("constant", "static", "values"):
            base = index.get((row["size"], row["mode"], reference))
            if base and base["rps"]:
                row[f"x_{reference}"] = row["rps"] / base["rps"]
    return index


def _started(data):
    started = data.get("generations_started", {})
    return ", ".join(f"{count if count is not None else 'unknown'} {mode}" for mode, count in started.items()) or "unknown"


def fmt(value, digits=0):
    return "—" if value is None else f"{value:,.{digits}f}"


def markdown(rows, memories, meta, sizes):
    index = ratios(rows)
    lines = [
        f"### Benchmark {meta['when']} ({meta['commit']})",
        "",
        f"{meta['machine']}; database: {meta['database']}; cache: {meta['cache']}; "
        f"gunicorn {meta['workers']} workers × {meta['threads']} threads; wrk {meta['wrk']}"
        + (f", {meta['repeat']} rounds (req/s: the median of the rounds; latencies: of every request "
           "of every round)" if meta["repeat"] > 1 else "") + ".",
        "",
        *(
            f"* {size:,} bulletins: {data['published']:,} published, {data['observations']:,} observations, "
            f"search index of {data['search_documents'] or 0:,} bulletins ({data['database']}); "
            f"scheduled bulletins moved past the run: {data.get('held', 0):,}; content generations "
            f"started while measuring: {_started(data)}."
            for size, data in zip(sizes, meta["databases"], strict=True)
        ),
        "",
        "\"cold\": nothing is kept, every request computes its page from the database. \"uncached\": the "
        "page cache is off and every page is rendered"
        + (", from counts, pages, cards, bodies and charts kept in Redis per content generation, and copied"
           " into each worker that read them (memoize)."
           if meta["cache"] == "Redis" else "; nothing is memoised without a shared cache.")
        + " \"storm:N\": cached while a bulletin with five figures is published through the workflow every N s"
        " at each size" + (", through a second app server of that size (the same PostgreSQL, Redis and cache "
                           "keys) while wrk reads from the first" if meta.get("servers", 1) > 1 else "") + ".",
        "",
        *_storm_table(sizes, meta),
        "| bulletins | page cache | scenario | req/s | × constant | × static | p50 ms | p95 ms | p99 ms | non-2xx | errors |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        extra = f" (× values {row['x_values']:.2f})" if row["scenario"] == "API bulletin list" and "x_values" in row else ""
        lines.append(
            f"| {row['size']:,} | {row['mode']} | {row['scenario']}{extra} | {fmt(row['rps'])} | "
            f"{row.get('x_constant', 0):.2f} | {row.get('x_static', 0):.2f} | {fmt(row['pooled_p50_ms'], 1)} | "
            f"{fmt(row['pooled_p95_ms'], 1)} | {fmt(row['pooled_p99_ms'], 1)} | {row['non_2xx']} | {row['errors']} |"
        )
    if len(sizes) > 1:
        small = sizes[0]
        columns = [(size, mode) for size in sizes[1:] for mode in meta["modes"]]
        lines += [
            "",
            f"p95 as a multiple of p95 at {small:,} bulletins (target ≤ 1.2): the p95 of every request "
            "of every round; with several rounds, then the median of the rounds' own ratios (each round "
            "ran both sizes one after the other) and their range. The references do the same work at "
            "both sizes: how far their ratios stray from 1 is the noise of the measure.",
            "",
            "| scenario | " + " | ".join(f"{size:,} {mode}" for size, mode in columns) + " |",
            "| --- | " + " | ".join("---:" for _ in columns) + " |",
        ]
        for name in [*(name for name, _ in SCENARIOS), *SAME_WORK]:
            cells = []
            for size, mode in columns:
                a, b = index.get((small, mode, name)), index.get((size, mode, name))
                # A scenario with no completed request at a size has no latency to compare.
                if not (a and b and a["pooled_p95_ms"] and a["p95_ms"] and b["pooled_p95_ms"] and b["p95_ms"]):
                    cells.append("—")
                    continue
                cell = f"{b['pooled_p95_ms'] / a['pooled_p95_ms']:.2f}"
                paired = paired_p95_ratios(a, b)
                if len(paired) > 1:
                    cell += f"; {statistics.median(paired):.2f} ({min(paired):.2f}–{max(paired):.2f})"
                cells.append(cell)
            note = " (grows with the data)" if name == GROWING_CSV else " (reference)" if name in SAME_WORK else ""
            lines.append(f"| {name}{note} | " + " | ".join(cells) + " |")
    published = [(size, data["after_publish_ms"]) for size, data in zip(sizes, meta["databases"], strict=True)
                 if data.get("after_publish_ms")]
    if published:
        lines += [
            "",
            "First request of each page after a publication (a new content generation; page cache "
            f"{meta['modes'][0]}), in this order, ms, the median of 3:",
            "",
            "| page | " + " | ".join(f"{size:,}" for size, _ in published) + " |",
            "| --- | " + " | ".join("---:" for _ in published) + " |",
            *(f"| {name} | " + " | ".join(fmt(timings[name], 0) for _, timings in published) + " |"
              for name, _ in AFTER_PUBLISH),
        ]
    lines += _memory_table(sizes, meta)
    for size, memory in memories.items():
        if memory:
            lines += [
                "",
                f"CSV of all {memory['rows']:,} observations at {size:,} bulletins: {memory['mb']:.0f} MB in "
                f"{memory['seconds']:.1f} s (HTTP {memory['status']}); the worker serving it went from "
                f"{memory['worker_rss_before_mb']:.0f} MB to a peak of {memory['worker_rss_peak_mb']:.0f} MB RSS.",
            ]
    return "\n".join(lines) + "\n"


def _memory_table(sizes, meta):
    """Each mode's workers: RSS once settled, peak and growth, worker by worker."""
    found = [(size, mode, memory) for size, data in zip(sizes, meta["databases"], strict=True)
             for mode, memory in data.get("worker_memory", {}).items()]
    if not found:
        return []

    def each(memory, key):
        return ", ".join(fmt(worker[key]) for worker in memory["workers"])

    recycling = ("off" if meta.get("max_requests") == 0 else
                 f"after {meta['max_requests']:,} requests" if meta.get("max_requests") else "as gunicorn.conf.py sets it")
    return [
        "",
        f"Worker memory, MB of RSS, sampled every second while each mode was measured (workers replaced: "
        f"{recycling}), worker by worker in the order they started: once settled (a minute after its first "
        "sample), its peak, and its growth from settled to its last sample.",
        "",
        "| bulletins | mode | seconds | workers | settled | peak | growth |",
        "| ---: | --- | ---: | ---: | --- | --- | --- |",
        *(f"| {size:,} | {mode} | {memory['seconds']} | {len(memory['workers'])} | {each(memory, 'settled_mb')} | "
          f"{each(memory, 'peak_mb')} | {each(memory, 'growth_mb')} |" for size, mode, memory in found),
    ]


def _by_page(counts):
    return f" ({', '.join(f'{name} {count}' for name, count in counts.items())})" if counts else ""


def _storm_table(sizes, meta):
    """Each storm's publications and the pages found stale on the reading server after them."""
    storms = [(size, mode, found) for size, data in zip(sizes, meta["databases"], strict=True)
              for mode, found in data.get("storm", {}).items()]
    if not storms:
        return []
    return [
        "Publication storms: a bulletin published through the admin's workflow (its request, ms: median and "
        "highest), then, as soon as that request returned, its page, the home page, the bulletin list, its "
        "region's page and the API's bulletin list read from the server wrk reads from, and rendered beside "
        "the servers with nothing kept: a page that shows the bulletin there but not on the server is stale "
        "(read again 1 s later: \"still\"); one that shows it in neither is where the data does not put it "
        "(\"not on it\").",
        "",
        "| bulletins | mode | pages read from | published | failed | publish ms | pages checked | stale | "
        "still stale after 1 s | not on it | served from the page cache |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
        *(f"| {size:,} | {mode} | {found['read_from']} | {found['published']} | {found['failed']} | "
          f"{fmt(found['publish_ms_median'])} ({fmt(found['publish_ms_max'])}) | {found['pages_checked']} | "
          f"{found['stale']}" + _by_page(found["stale_by_page"]) + f" | {found['stale_after_1s']} | "
          f"{_by_page(found['absent_by_page']).strip(' ()') or 0} | {found['checked_from_page_cache']} |"
          for size, mode, found in storms),
        "",
    ]


def _interrupted(signum, frame):
    raise KeyboardInterrupt  # unwinds through the servers' __exit__, which stops them


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000", help="Comma-separated numbers of bulletins.")
    parser.add_argument("--duration", type=int, default=2, help="Seconds of wrk per scenario and round.")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=15,
                        help="Rounds of each scenario (the sizes alternating): req/s is their median, "
                        "latencies those of all their requests. Many short rounds pair the sizes closely in time.")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: gunicorn.conf.py).")
    parser.add_argument("--threads", type=int, default=0, help="Threads per worker (default: gunicorn.conf.py).")
    parser.add_argument("--modes", default="cold,uncached,cached,storm:10,storm:1",
                        help="Comma-separated: cold (nothing kept), uncached (memoised values kept, no "
                        "page), cached, storm:N (cached while a bulletin is published every N s).")
    parser.add_argument("--max-requests", type=int, default=None,
                        help="Requests after which gunicorn replaces a worker (default: gunicorn.conf.py's; "
                        "0: never, to see the workers' memory over the whole run).")
    parser.add_argument("--no-csv-memory", dest="csv_memory", action="store_false",
                        help="Do not stream every observation as CSV (minutes at 100,000 bulletins).")
    parser.add_argument("--servers", type=int, default=1, choices=(1, 2),
                        help="2: each storm publishes through a second gunicorn of each size (the same "
                        "database and Redis) while wrk reads from the first, which must serve no stale page.")
    parser.add_argument("--no-search-index", dest="search_index", action="store_false",
                        help="Do not build the search index when generating (much faster at 100,000).")
    parser.add_argument("--quick", action="store_true", help="Smoke run: 1,000 bulletins, 2 s a scenario.")
    args = parser.parse_args()
    args.database_url = os.environ.get("DATABASE_URL", "")
    args.redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.quick:
        sizes, args.duration, args.connections, args.repeat = [1000], 2, 4, 1
    args.modes = [mode.strip() for mode in args.modes.split(",")]
    unknown = [mode for mode in args.modes if mode not in MODES and storm_interval(mode) is None]
    if unknown:
        raise SystemExit(f"unknown modes: {unknown}")
    if not subprocess.run(["which", "wrk"], capture_output=True).returncode == 0:
        raise SystemExit("wrk is needed: https://github.com/wg/wrk (apt-get install wrk)")

    VAR.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _interrupted)
    env = base_env(args)
    log("collecting static files")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env, 600)

    load_before = os.getloadavg()[0]
    rows, memories, databases = bench_all(args, sizes, env)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    cores = len(os.sched_getaffinity(0))
    meta = {
        "when": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "commit": commit,
        "machine": f"{cores} cores ({platform.processor() or platform.machine()}), load average "
        f"{load_before:.1f} before the run and {os.getloadavg()[0]:.1f} at its end",
        "database": "PostgreSQL" if args.database_url else "SQLite",
        "cache": "Redis" if args.redis_url else "in-process per worker (no REDIS_URL)",
        "workers": args.workers or 2 * cores + 1,
        "threads": args.threads or 2,
        "wrk": f"{args.wrk_threads} threads, {args.connections} connections, {args.duration} s a scenario",
        "modes": args.modes,
        "servers": args.servers,
        "max_requests": args.max_requests,
        "repeat": args.repeat,
        "sizes": sizes,
        "databases": databases,
    }
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    # The measurements first: a fault in the report must not lose a run of many minutes.
    (RESULTS / f"bench-{stamp}.json").write_text(
        json.dumps({"meta": meta, "rows": rows, "csv_memory": memories}, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    table = markdown(rows, memories, meta, sizes)
    (RESULTS / f"bench-{stamp}.md").write_text(table, encoding="utf-8")
    print(table)
    log(f"written to bench/results/bench-{stamp}.md and .json")


if __name__ == "__main__":
    main()
