"""Gunicorn settings for production: ``gunicorn ecoportal.wsgi`` reads this file by itself.

Every value can be changed from the environment (GUNICORN_*), so that each app server behind
the load balancer runs the same file. See README, "Production".
"""

import gc
import os


def _int(name, default):
    return int(os.environ.get(name) or default)


def _cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Where to listen: the proxy in front connects here. Several addresses: comma-separated.
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")]
backlog = _int("GUNICORN_BACKLOG", 2048)

# Processes and threads. Rendering is CPU-bound, so about two processes per core; the second
# thread of each overlaps the waits on PostgreSQL and Redis. A worker that keeps streaming a
# large CSV file only ties up one thread.
workers = _int("GUNICORN_WORKERS", 2 * _cores() + 1)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 2)

# A worker that stops answering the arbiter for `timeout` seconds is killed and replaced; with
# threads the arbiter hears from the worker while a slow request runs, so long downloads are
# not cut. On restart (HUP, deploy) workers get `graceful_timeout` seconds to finish requests.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Idle keep-alive connections from the proxy are kept this long.
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Each worker is replaced after about this many requests, at different moments (jitter), which
# bounds the memory any slow leak can take; 0 turns it off. A replacement costs the new worker's
# first requests (connections, copied memory): at 2,000 a busy server replaced a worker every
# second and lost a third of its throughput; at 20,000 it is one every ten seconds or so.
max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 10)

# The application is imported once, in the arbiter, and each worker is forked from it: a worker
# replaced after max_requests starts in milliseconds instead of importing Django again, which
# took about a second of a core and stalled requests on a busy server. Nothing opens a
# database or Redis connection at import, so no connection is shared across the fork.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"


def when_ready(server):
    """In the arbiter, before the first fork: load what each worker would load on its first
    requests (translations, templates, jieba's dictionary; ecoportal/warmup.py), then set all
    of it aside from the garbage collector (``gc.freeze``). A worker's full collections then no
    longer walk the 120,000 objects loaded here, nor write to (and so copy) the memory the
    workers share with the arbiter: one took 51 ms, which the request it fell on waited, and
    now takes under 0.1 ms."""
    if preload_app:
        from ecoportal.warmup import warm_up

        warm_up()
        gc.freeze()

# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# X-Forwarded-* are trusted from these addresses only (the TLS-terminating proxy).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log on stdout (GUNICORN_ACCESSLOG= empty to turn it off, or a file): the client as the
# proxy saw it, request, status, size, time in ms and whether the page cache answered.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms '
    'cache=%({x-page-cache}o)s "%(f)s" "%(a)s"'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "ecoportal"
