"""Readers arriving together after a publication, with and without memoize's compute-once lock.

    <the environment of bench/page_timing.py> PAGE_CACHE=0 PAGE_CACHE_MEMO=1 \\
        .venv/bin/python bench/stampede.py /indicators/,/ [READERS=8 ROUNDS=3]

Each round starts a new content generation, then ``READERS`` threads ask for the pages at once
(in-process, Django's test client): how long until all are served, and the process's CPU time.
Without the lock every reader computes what the first one computes. Rounds alternate.
"""

import os
import sys
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402

from ecoportal.caching import generation  # noqa: E402

READERS = int(os.environ.get("READERS", "8"))


def stampede(urls, lock):
    generation.bump()
    cache = generation.page_cache()
    add = type(cache).add
    if not lock:  # every reader takes the lock
        type(cache).add = lambda self, key, *args, **kwargs: key.endswith(":computing") or add(self, key, *args, **kwargs)
    barrier = threading.Barrier(READERS + 1)

    def reader():
        client = Client(HTTP_HOST="127.0.0.1")
        barrier.wait()
        for url in urls:
            assert client.get(url).status_code == 200, url
        connections.close_all()

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    cpu = time.process_time()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    type(cache).add = add
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def main(urls):
    for number in range(int(os.environ.get("ROUNDS", "3"))):
        for lock in (True, False) if number % 2 == 0 else (False, True):
            wall, cpu = stampede(urls, lock)
            print(f"lock {'on ' if lock else 'off'} {READERS} readers: all served in {wall:6.0f} ms, CPU {cpu:6.0f} ms"
                  f" (load {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1].split(","))
