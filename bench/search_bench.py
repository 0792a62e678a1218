"""Benchmark of the full-text search: 10,000 bulletins in a scratch database, timed queries.

    .venv/bin/python bench/search_bench.py [--count 10000] [--repeat 30]

Runs on SQLite (a temporary file) and, when DATABASE_URL points at a PostgreSQL server, also on
a scratch database created beside it on that server and dropped afterwards. Bulletins are made of
sentences drawn at random from the five source documents (about 1,200 characters each); one in
ten is a draft or scheduled. For every query it reports the number of published matches and the
median and 95th percentile of the time a results page takes (the count, the first 20 ranked
bulletins and their marked passages), then the database's plan for the search, to show that it
starts from the full-text index instead of reading every bulletin.

Not a test: timings depend on the machine. Each database runs in its own process, because the
settings are read from the environment once.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["秸秆", "水质", "督察", "黑土地", "PM2.5", "生态环境", "中央环保督察", "秸秆 禁烧",
           "罕见词甲乙", "没有这个词"]
RARE_WORD = "罕见词甲乙"


def sentences():
    import re

    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "sources").glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[。！？；])|\n+", text) if len(s.strip()) >= 8]


def generate(count):
    from django.utils import timezone

    from bulletins.models import AchievementItem, AchievementList, Bulletin
    from ecoportal.publishing import Status

    rng = random.Random(20240601)
    pool = sentences()
    now = timezone.now()
    bulletins = []
    for n in range(count):
        body = "".join(rng.choice(pool) for _ in range(rng.randint(12, 24)))
        if n % 1000 == 7:
            body += f"本段含有{RARE_WORD}。"
        state = n % 10
        bulletins.append(Bulletin(
            title=rng.choice(pool)[:60],
            slug=f"bench-{n}",
            summary=rng.choice(pool),
            body=body,
            issued_on=date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650)),
            status=Status.DRAFT if state == 0 else Status.PUBLISHED,
            publish_at=None if state == 0 else now + timedelta(days=30 if state == 1 else -30),
        ))
    # bulk_create sends no signals: indexing is timed separately below.
    Bulletin.objects.bulk_create(bulletins, batch_size=500)
    lists = [
        AchievementList(bulletin=bulletin, slug=f"bench-list-{bulletin.slug}", title=f"{bulletin.title}成果")
        for bulletin in Bulletin.objects.filter(slug__startswith="bench-").order_by("pk")[: count // 10]
    ]
    AchievementList.objects.bulk_create(lists, batch_size=500)
    items = [
        AchievementItem(achievement_list=achievement_list, number=i, title=rng.choice(pool)[:40], body=rng.choice(pool))
        for achievement_list in AchievementList.objects.all()
        for i in range(1, 6)
    ]
    AchievementItem.objects.bulk_create(items, batch_size=500)


def plan(query):
    from django.db import connection

    from search.query import search_bulletins

    sql, params = search_bulletins(query).ranked_sql(0, 20)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return [row[-1] for row in cursor.fetchall()]
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def worker(count, repeat):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bulletins.models import Bulletin
    from search.index import rebuild_index
    from search.query import search_bulletins

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(count)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    rebuild_index()
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    report = {
        "database": f"{connection.vendor} {'.'.join(map(str, connection.Database.sqlite_version_info)) if connection.vendor == 'sqlite' else connection.pg_version}",
        "bulletins": Bulletin.objects.count(),
        "published": Bulletin.objects.published().count(),
        "generate_seconds": round(generated, 1),
        "index_seconds": round(indexed, 1),
        "queries": [],
    }
    for query in QUERIES:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            results = search_bulletins(query)
            total = results.count()
            results[:20]  # the first page, with its marked passages
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        report["queries"].append({
            "query": query,
            "matches": total,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, round(0.95 * len(timings)) - 1)], 1),
        })
    report["plan"] = {query: plan(query) for query in ("秸秆", RARE_WORD)}
    print(json.dumps(report, ensure_ascii=False))


def run(env, count, repeat):
    process = subprocess.run(
        [sys.executable, __file__, "--worker", "--count", str(count), "--repeat", str(repeat)],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )
    if process.returncode:
        sys.exit(f"benchmark worker failed:\n{process.stderr}")
    return json.loads(process.stdout.strip().splitlines()[-1])


def print_report(report):
    print(f"\n== {report['database']}: {report['bulletins']} bulletins, {report['published']} published")
    print(f"   generated in {report['generate_seconds']} s, indexed in {report['index_seconds']} s")
    print(f"   {'query':<14}{'matches':>8}{'median ms':>11}{'p95 ms':>9}")
    for row in report["queries"]:
        print(f"   {row['query']:<14}{row['matches']:>8}{row['median_ms']:>11}{row['p95_ms']:>9}")
    for query, lines in report["plan"].items():
        print(f"   plan for {query}:")
        for line in lines:
            print(f"     {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--skip-sqlite", action="store_true", help="only PostgreSQL (DATABASE_URL)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.count, args.repeat)
        return

    base = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    base.update(DEBUG="1", LOG_LEVEL="ERROR")
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as data_dir:
            print_report(run({**base, "ECOPORTAL_DATA_DIR": data_dir}, args.count, args.repeat))

    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        scratch = f"ecoportal_search_bench_{os.getpid()}"
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{scratch}"')
        try:
            env = {**base, "DATABASE_URL": urlunsplit(parts._replace(path=f"/{scratch}"))}
            print_report(run(env, args.count, args.repeat))
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


if __name__ == "__main__":
    main()
