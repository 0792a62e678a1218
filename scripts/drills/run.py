"""The outside test as one command: a production-mode portal attacked from outside.

    python scripts/drills/run.py           # the whole drill (about 4 minutes here)
    python scripts/drills/run.py --fast    # the same steps, shorter crawls (CI; under 2 minutes)

Starts gunicorn with DEBUG=0 on a scratch PostgreSQL database (unique name on the server at
DRILL_POSTGRES, default postgresql://postgres@127.0.0.1:5432/postgres) and its own Redis on a
free port, seeds public content and a hidden item in every non-public state, then:

1. crawls every public surface anonymously, in Chinese and in English, counting leaks;
2. sends forged admin POSTs per role (anonymous, Author, Editor, Administrator);
3. Redis faults: pauses or stops its Redis, withdraws a published bulletin from a shell (or
   from the admin), brings Redis back, and counts the public surfaces that still show it;
4. backs up the live database (native, and in the full drill also portable into SQLite),
   restores into a scratch database and compares every row of every table.

Prints a table of requests, leaks and errors, and exits 1 on any leak or error.
"""

import argparse
import json
import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")

from scripts.drills import services  # noqa: E402


class Row:
    def __init__(self, step, requests=0, leaks=0, errors=0, note=""):
        self.step, self.requests, self.leaks, self.errors, self.note = step, requests, leaks, errors, note

    @property
    def failed(self):
        return bool(self.leaks or self.errors)


def print_table(rows, seconds):
    print()
    print("| step | requests | leaks | errors | result |")
    print("| --- | ---: | ---: | ---: | --- |")
    for row in rows:
        verdict = "FAILED" if row.failed else "ok"
        print(f"| {row.step} | {row.requests:,} | {row.leaks} | {row.errors} | {verdict}{'; ' + row.note if row.note else ''} |")
    total = sum(r.requests for r in rows)
    print(f"| **total** | **{total:,}** | **{sum(r.leaks for r in rows)}** | **{sum(r.errors for r in rows)}** | "
          f"{seconds:.0f} s |")


# Steps ------------------------------------------------------------------------------------


def step_crawl(base, fast):
    from scripts.drills.crawl_unpublished import crawl, hidden_item_urls
    from tests.test_public_visibility import hidden_variants

    markers = list(hidden_variants())
    rows = []
    for language in ("zh-hans", "en"):
        result = crawl(base, language=language, markers=markers, hidden_urls=hidden_item_urls(markers),
                       max_pages=120 if fast else 2000)
        note = f"{result.pages} pages"
        for line in (result.leaks + result.errors)[:5]:
            note += f"; {line}"
        rows.append(Row(f"anonymous crawl ({language})", result.requests, len(result.leaks), len(result.errors), note))
    return rows


def step_forged(base):
    from scripts.drills import forged_posts

    outcomes = forged_posts.run(base)
    by_role = {}
    for outcome in outcomes:
        by_role.setdefault(outcome.role, []).append(outcome)
    rows = []
    for role, items in by_role.items():
        leaks = [o for o in items if o.changed]
        errors = [o for o in items if o.status >= 500]
        statuses = ", ".join(sorted({str(o.status) for o in items}))
        note = f"{len(items)} forgeries, answered {statuses}"
        for outcome in leaks + errors:
            note += f"; {outcome.what}: {'TAKEN' if outcome.changed else ''} {outcome.status}"
        requests = sum(o.requests for o in items)  # sign-in and CSRF pages included
        rows.append(Row(f"forged admin POSTs ({role})", requests, len(leaks), len(errors), note))
    return rows


def fault_surfaces(marker):
    from scripts.drills.seed import FAULT_SEARCH

    slug = marker.lower()
    return [
        "/", "/bulletins/", "/achievements/", f"/bulletins/{slug}/", f"/achievements/{slug}-list/",
        "/feeds/bulletins/", "/feeds/bulletins/atom/", "/sitemap.xml", f"/search/?q={quote(FAULT_SEARCH)}",
        "/api/v1/bulletins/", f"/api/v1/bulletins/{slug}/", "/api/v1/achievement-lists/",
        "/api/v1/observations/", "/api/v1/observations/?format=csv", "/indicators/drill-good-days/",
        "/regions/drill-city/",
    ]


def showing(base, marker):
    """(requests, surfaces that show ``marker`` in either language, server errors)."""
    from scripts.drills.client import Client

    shown, errors, requests = [], [], 0
    for language in ("zh-hans", "en"):
        client = Client(base, language=language)
        for path in fault_surfaces(marker):
            status, _, text = client.get(path)
            if status >= 500:
                errors.append(f"{path} {status}")
            elif status == 200 and (marker in text or marker.lower() in text):
                shown.append(f"{language}{path}")
        requests += client.requests
    return requests, shown, errors


def step_redis_faults(base, redis, env):
    from scripts.drills.client import Client
    from scripts.drills.seed import FAULT_ROUNDS, PASSWORD

    rows = []
    for marker, fault, by in zip(FAULT_ROUNDS, ("pause", "stop", "pause"), ("shell", "shell", "admin"), strict=True):
        requests, warm, errors = showing(base, marker)  # the pages are now in the cache
        editor = None
        if by == "admin":
            editor = Client(base)
            editor.login("drill.editor", PASSWORD)
        (redis.pause if fault == "pause" else redis.stop)()
        try:
            if by == "shell":
                services.manage("shell", "-c", f"from scripts.drills.seed import withdraw; withdraw({marker.lower()!r})", env=env)
            else:
                from bulletins.models import Bulletin

                pk = Bulletin.objects.get(slug=marker.lower()).pk
                status, _, _ = editor.post(f"/admin/bulletins/bulletin/{pk}/transition/withdraw/", {"comment": "演练：撤回"},
                                           token_from=f"/admin/bulletins/bulletin/{pk}/change/")
                if status >= 500:
                    errors.append(f"withdraw from the admin answered {status}")
        finally:
            (redis.resume if fault == "pause" else redis.start)()
        from bulletins.models import Bulletin

        withdrawn = Bulletin.objects.get(slug=marker.lower()).status == "draft"
        more, stale, late_errors = showing(base, marker)
        note = (f"shown on {len(warm)} surfaces before; withdrawn from the {by} while Redis was "
                f"{'paused' if fault == 'pause' else 'stopped'}; {len(stale)} of {len(warm)} still show it after")
        if not withdrawn:
            errors.append("the withdrawal did not happen")
        if stale:
            note += " (" + ", ".join(stale[:4]) + ("…" if len(stale) > 4 else "") + ")"
        rows.append(Row(f"Redis {fault}, change from the {by}", requests + more + (editor.requests if editor else 0),
                        len(stale), len(errors + late_errors), note))
    return rows


def step_backup(env, databases, workdir, fast):
    rows = []
    archive = Path(workdir) / "drill-backup.tar.gz"
    started = time.monotonic()
    services.manage("backup_portal", str(archive), env=env)
    mode = stat.S_IMODE(archive.stat().st_mode)
    target = {**env, "DATABASE_URL": databases.create("restored"), "MEDIA_ROOT": str(Path(workdir) / "media-restored")}
    services.manage("restore_portal", str(archive), env=target)
    rows.append(compare_rows("backup → restore (native, PostgreSQL)", env, target, "tables", mode, started))
    if not fast:
        started = time.monotonic()
        portable = Path(workdir) / "drill-portable.tar.gz"
        services.manage("backup_portal", "--portable", str(portable), env=env)
        sqlite = {**env, "DATABASE_URL": "", "ECOPORTAL_DATA_DIR": str(Path(workdir) / "sqlite"),
                  "MEDIA_ROOT": str(Path(workdir) / "media-sqlite")}
        services.manage("migrate", "--noinput", "-v0", env=sqlite)
        services.manage("restore_portal", str(portable), env=sqlite)
        rows.append(compare_rows("backup → restore (portable, PostgreSQL → SQLite)", env, sqlite, "models",
                                 stat.S_IMODE(portable.stat().st_mode), started))
    return rows


def row_digests(kind, env):
    code = f"from tests.hardening.backup_sample import print_row_digests; print_row_digests({kind!r})"
    return json.loads(services.manage("shell", "-c", code, env=env).strip().splitlines()[-1])


def compare_rows(step, source, target, kind, mode, started):
    before, after = row_digests(kind, source), row_digests(kind, target)
    # Sessions and sign-in records keep changing while the site runs; the rest must be equal.
    volatile = ("django_session", "axes_", "sessions.", "axes.")
    differ = []
    compared = 0
    for table in sorted(set(before) | set(after)):
        if table.startswith(volatile):
            continue
        rows_before, rows_after = before.get(table, {}), after.get(table, {})
        compared += sum(rows_before.values()) if kind == "tables" else len(rows_before)
        if rows_before != rows_after:
            differ.append(table)
    note = (f"{compared:,} rows of {len(before)} {kind} compared, {len(differ)} differ; file mode {oct(mode)}; "
            f"{time.monotonic() - started:.0f} s")
    if differ:
        note += " (" + ", ".join(differ[:5]) + ")"
    return Row(step, 0, len(differ), int(mode != 0o600), note)


# The run ----------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fast", action="store_true", help="shorter crawls and the native backup only (CI)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="ecoportal-drill-")
    os.chmod(workdir, 0o700)
    databases = services.ScratchDatabases(os.environ.get("DRILL_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"))
    redis = services.Redis(workdir)
    gunicorn = None
    rows = []
    try:
        redis.start()
        env = services.production_env(databases.create("portal"), redis.url, workdir)
        os.environ.update(env)  # this process reads the same database to check the forgeries
        print(f"[{time.monotonic() - started:4.0f} s] migrate, collectstatic, seed", flush=True)
        # Static files are collected (and compressed) while the database is migrated and seeded.
        static = services.manage_started("collectstatic", "--noinput", "-v0", env=env)
        services.manage("migrate", "--noinput", "-v0", env=env)
        seed = f"from scripts.drills.seed import seed, seed_people; seed({20 if args.fast else 60}); seed_people()"
        services.manage("shell", "-c", seed, env=env)
        services.finish(static, ["collectstatic"])
        import django

        django.setup()
        gunicorn = services.Gunicorn(env, workdir, workers=args.workers)
        gunicorn.start()
        for name, step in (
            ("crawl", lambda: step_crawl(gunicorn.base, args.fast)),
            ("forged POSTs", lambda: step_forged(gunicorn.base)),
            ("Redis faults", lambda: step_redis_faults(gunicorn.base, redis, env)),
            ("backup", lambda: step_backup(env, databases, workdir, args.fast)),
        ):
            print(f"[{time.monotonic() - started:4.0f} s] {name}", flush=True)
            try:
                rows += step()
            except Exception as error:  # noqa: BLE001 - a broken step is reported as an error, the drill goes on
                rows.append(Row(name, errors=1, note=f"{type(error).__name__}: {str(error)[:300]}"))
    finally:
        if gunicorn:
            gunicorn.stop()
        redis.stop()
        from django.db import connections

        connections.close_all()
        databases.drop_all()
        shutil.rmtree(workdir, ignore_errors=True)
    print_table(rows, time.monotonic() - started)
    failed = [row for row in rows if row.failed]
    print("drill FAILED" if failed else "drill passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
