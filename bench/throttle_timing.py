"""In-process cost of the API's anonymous throttle for one client, against the requests already
in its window (the bench is one client address at a rate it never reaches).

    REDIS_URL=redis://127.0.0.1:6379/0 CACHE_KEY_PREFIX=throttle-timing … DEBUG=0 \\
        .venv/bin/python bench/throttle_timing.py [IN_WINDOW…]

For each number of requests already counted (default 100, 1000 and 24000: 400 req/s for a
minute), the median CPU time (``time.process_time``) of one more request's check, over 300,
Redis's work not included.
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["API_ANON_RATE"] = "100000000/minute"
django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from rest_framework.request import Request  # noqa: E402

from ecoportal.api.viewsets import AnonymousRateThrottle  # noqa: E402


def request(address):
    wrapped = Request(RequestFactory().get("/api/v1/bulletins/", REMOTE_ADDR=address))
    wrapped.user = AnonymousUser()
    return wrapped


def main(sizes):
    for size in sizes:
        address = f"10.9.{size % 256}.{size // 256 % 256}"
        cache.delete_many([f"throttle_anon_{address}"])
        client = request(address)
        for _ in range(size):
            AnonymousRateThrottle().allow_request(client, None)
        cpu = []
        for _ in range(300):
            started = time.process_time()
            AnonymousRateThrottle().allow_request(client, None)
            cpu.append((time.process_time() - started) * 1000)
        print(f"{size:7d} in the window: CPU {statistics.median(cpu):6.3f} ms a request")


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [100, 1000, 24000])
