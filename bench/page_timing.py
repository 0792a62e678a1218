"""In-process timing of the public pages: what one request costs, without a server or wrk.

    DATABASE_URL=sqlite:////path/db.sqlite3 REDIS_URL=redis://127.0.0.1:6379/0 DEBUG=0 \\
    SECRET_KEY=… ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 API_ANON_RATE=100000000/minute \\
    DJANGO_SETTINGS_MODULE=bench.settings PAGE_CACHE=0 PAGE_CACHE_MEMO=1 \\
        .venv/bin/python bench/page_timing.py [PAGE…]

On a database filled by ``generate_demo_data``. ``PAGE_CACHE=0``: each page rendered, from the
values memoised in Redis; ``PAGE_CACHE=1``: pages from the page cache. Each page is asked for
four times first (what is kept is computed), then ``N`` times (default 60): the median and 90th
percentile in ms, the median CPU time of the process (``time.process_time``: SQLite's work
included, other processes' load not), and the queries of one request. ``PAGE_CACHE_MEMO=0`` as
well: nothing kept, every request computes what a page's first reader after a publication
computes. To compare two versions, run both against the
same database and Redis (another ``CACHE_KEY_PREFIX`` each), in alternating rounds: the machine's
load moves between runs. The figures in ``ecoportal/caching/__init__.py`` come from it.
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bulletins.models import Bulletin  # noqa: E402


def pages():
    bulletin = (
        Bulletin.objects.published()
        .filter(observations__isnull=False, region__level="prefecture")
        .select_related("region__parent")
        .first()
    )
    deep = Bulletin.objects.published().count() // 20 - 5
    return {
        "home": "/",
        "bulletin list": "/bulletins/",
        "deep page": f"/bulletins/?page={deep}",
        "detail": f"/bulletins/{bulletin.slug}/",
        "indicator": "/indicators/demo-pm25/",
        "catalogue": "/indicators/",
        "region": f"/regions/{bulletin.region.slug}/",
        "search": "/search/?q=%E7%A7%B8%E7%A7%86",
        "api list": "/api/v1/bulletins/",
        "api obs": f"/api/v1/observations/?indicator=demo-pm25&region={bulletin.region.parent.slug}",
        "csv bulletin": f"/api/v1/observations/?format=csv&bulletin={bulletin.slug}",
        "bench values": "/bench/values",
        "bench constant": "/bench/constant",
    }


def get(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def main(names):
    client, times = Client(HTTP_HOST="127.0.0.1"), int(os.environ.get("N", "60"))
    for name, url in pages().items():
        if names and name not in names:
            continue
        for _ in range(4):
            response = get(client, url)
        if response.status_code != 200:
            print(f"{name:18s} HTTP {response.status_code}")
            continue
        with CaptureQueriesContext(connection) as queries:
            get(client, url)
        count = len(queries)  # now: each request empties the connection's log
        spent, cpu = [], []
        for _ in range(times):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = get(client, url)
            spent.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        spent.sort()
        print(
            f"{name:18s} median {statistics.median(spent):7.2f} ms  p90 {spent[int(len(spent) * 0.9)]:7.2f} ms  "
            f"CPU {statistics.median(cpu):7.2f} ms  queries {count}  cache {response.headers.get('X-Page-Cache', '-')}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
