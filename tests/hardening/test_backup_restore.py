"""backup_portal and restore_portal: every row and file comes back, verified, or nothing does."""

import contextlib
import io
import json
import os
import secrets
import stat
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from bulletins.models import Bulletin, Revision
from ecoportal.backup import BackupError, create_backup, restore_backup, table_counts
from tests.factories import make_bulletin
from tests.hardening.backup_sample import PNG, populate

ROOT = Path(__file__).resolve().parents[2]
# Each test runs in a transaction that is rolled back: emptying the database inside it (flush)
# and restoring into it leave the suite's database as it was, editorial groups included.
pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def empty_portal(media):
    """What a new server starts from: migrated tables with nothing in them, no media."""
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred foreign-key checks pending in this transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()


def test_round_trip_restores_every_row_and_file(tmp_path, media):
    slugs = populate()
    before = table_counts()
    archive = tmp_path / "portal.tar.gz"
    call_command("backup_portal", str(archive), "--portable", stdout=io.StringIO())
    cover = Bulletin.objects.get(slug="bk-published").cover_image.name

    empty_portal(media)
    assert not Bulletin.objects.exists()

    out = io.StringIO()
    call_command("restore_portal", str(archive), stdout=out)
    assert "Restored and verified" in out.getvalue()
    assert table_counts() == before
    assert sorted(Bulletin.objects.values_list("slug", flat=True)) == sorted(slugs)
    trashed = Bulletin.objects.get(slug="bk-trashed")
    assert trashed.deleted_at is not None
    assert Revision.objects.get().data["nested"] == [1, {"a": None}]
    editor = get_user_model().objects.get(username="editor.wang")
    assert editor.check_password("pw-Editor-2024")
    assert set(editor.groups.get().permissions.values_list("codename", flat=True)) == {"change_bulletin", "view_bulletin"}
    assert (media / cover).read_bytes() == PNG
    assert Bulletin.objects.get(slug="bk-published").topics.count() == 2


def test_manifest_lists_counts_and_hashes_of_every_model_and_file(tmp_path, media):
    populate()
    manifest = create_backup(tmp_path / "b.tar.gz", portable=True)
    assert manifest["models"]["bulletins.bulletin"]["count"] == 4
    assert manifest["models"]["auth.user"]["count"] == 3
    assert manifest["models"]["admin.logentry"]["count"] == 1
    assert "contenttypes.contenttype" not in manifest["models"]
    assert "sessions.session" not in manifest["models"]
    assert all(len(entry["sha256"]) == 64 for entry in manifest["models"].values())
    [(name, entry)] = manifest["files"].items()
    assert name.startswith("media/covers/") and entry["size"] == len(PNG)
    with tarfile.open(tmp_path / "b.tar.gz") as archive:
        assert json.load(archive.extractfile("manifest.json")) == manifest


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(tmp_path, media):
    populate()
    archive = tmp_path / "b.tar.gz"
    create_backup(archive, portable=True)
    before = table_counts()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_portal", str(archive), stdout=io.StringIO())
    assert table_counts() == before


def rewrite_archive(source, target, change):
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            member, data = change(member, data)
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


def test_restore_that_does_not_match_the_manifest_rolls_back_entirely(tmp_path, media):
    populate()
    good, bad = tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz"
    create_backup(good, portable=True)

    def claim_one_bulletin_more(member, data):
        if member.name == "manifest.json":
            manifest = json.loads(data)
            manifest["models"]["bulletins.bulletin"]["count"] += 1
            data = json.dumps(manifest).encode()
        return member, data

    rewrite_archive(good, bad, claim_one_bulletin_more)
    empty_portal(media)
    with pytest.raises(BackupError, match="bulletins.bulletin: expected 5 rows, found 4"):
        restore_backup(bad)
    assert not Bulletin.objects.exists()
    assert not get_user_model().objects.exists()
    assert not list(media.rglob("*.png"))


def test_restore_refuses_a_tampered_data_file(tmp_path, media):
    populate()
    good, bad = tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz"
    create_backup(good, portable=True)

    def edit_a_title(member, data):
        if member.name == "data.json":
            data = data.replace("草稿".encode(), "篡改".encode())
        return member, data

    rewrite_archive(good, bad, edit_a_title)
    empty_portal(media)
    with pytest.raises(BackupError, match="data.json does not match"):
        restore_backup(bad)
    assert not Bulletin.objects.exists()


def test_restore_refuses_paths_outside_the_media_folder(tmp_path, media):
    populate()
    good, bad = tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz"
    create_backup(good, portable=True)

    def escape(member, data):
        if member.name.startswith("media/"):
            member.name = "media/../../escaped.png"
        return member, data

    rewrite_archive(good, bad, escape)
    empty_portal(media)
    with pytest.raises(BackupError, match="unsafe path"):
        restore_backup(bad)
    assert not (tmp_path / "escaped.png").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, media):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file")
    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore_portal", str(junk))


# --- Round trips through the commands, in separate processes, on scratch databases ----------
#
# Each compares a digest of every row of every table (``ecoportal.table_checksums``) of the live
# database before the backup with the restored one: native copies on the same engine table by
# table as the driver returns them, the portable format model by model across engines.


def postgres_admin_url():
    return os.environ.get("BACKUP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def connect_postgres():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(postgres_admin_url(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at {postgres_admin_url()}: {error}")


def manage(*args, env):
    # umask 0: the backup must be private by its own doing, not the caller's umask.
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        preexec_fn=lambda: os.umask(0),  # noqa: PLW1509 - no threads in the child before exec
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def row_digests(kind, env):
    code = f"from tests.hardening.backup_sample import print_row_digests; print_row_digests({kind!r})"
    return json.loads(manage("shell", "-c", code, env=env).strip().splitlines()[-1])


def manifest_of(path):
    with tarfile.open(path) as archive:
        return json.load(archive.extractfile("manifest.json"))


def base_env():
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTEST_CURRENT_TEST", "ECOPORTAL_TESTING"}}
    base.update(DEBUG="1", REDIS_URL="")
    return base


def sqlite_env(tmp_path, name):
    return {**base_env(), "ECOPORTAL_DATA_DIR": str(tmp_path / name), "MEDIA_ROOT": str(tmp_path / f"media-{name}")}


@contextlib.contextmanager
def scratch_postgres(tmp_path, label):
    admin = connect_postgres()
    name = f"ecoportal_{label}_{secrets.token_hex(4)}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {
            **base_env(),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
            "ECOPORTAL_DATA_DIR": str(tmp_path / name),
            "MEDIA_ROOT": str(tmp_path / f"media-{name}"),
        }
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def assert_same_rows(before, after):
    """Every row of every table (or model) is there after, with the same digest."""
    assert sorted(after) == sorted(before)
    for table, rows in before.items():
        missing = set(rows) - set(after[table])
        extra = set(after[table]) - set(rows)
        changed = [key for key in set(rows) & set(after[table]) if rows[key] != after[table][key]]
        assert (missing, extra, changed) == (set(), set(), []), table
    return sum(len(rows) for rows in before.values())


def populated(kind, env):
    """Migrates and fills the database with the sample, then returns its ``row_digests``: in one
    process, where three would each start Django."""
    code = (
        "from django.core.management import call_command; call_command('migrate', interactive=False, verbosity=0);"
        "from tests.hardening.backup_sample import populate, print_row_digests;"
        f"populate(); print_row_digests({kind!r})"
    )
    return json.loads(manage("shell", "-c", code, env=env).strip().splitlines()[-1])


def native_round_trip(tmp_path, source, target):
    before = populated("tables", source)
    archive = tmp_path / "native.tar.gz"
    out = manage("backup_portal", str(archive), env=source)
    assert "(native," in out
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    out = manage("restore_portal", str(archive), env=target)  # into a database with no tables
    assert "Restored and verified" in out
    after = row_digests("tables", target)
    rows = assert_same_rows(before, after)
    assert rows > 100 and "bulletins_bulletin" in before and "django_migrations" in before
    return manifest_of(archive)


@pytest.mark.separate_processes
def test_sqlite_native_round_trip_restores_every_row_of_every_table(tmp_path):
    manifest = native_round_trip(tmp_path, sqlite_env(tmp_path, "a"), sqlite_env(tmp_path, "b"))
    assert manifest["source_database"] == "sqlite" and manifest["data"]["name"] == "database.sqlite3"


@pytest.mark.separate_processes
def test_postgresql_native_round_trip_restores_every_row_of_every_table(tmp_path):
    with scratch_postgres(tmp_path, "native_a") as source, scratch_postgres(tmp_path, "native_b") as target:
        manifest = native_round_trip(tmp_path, source, target)
    assert manifest["source_database"] == "postgresql" and manifest["data"]["name"] == "database.pgdump"


def test_times_keep_their_microseconds_in_the_portable_format(tmp_path, media):
    bulletin = make_bulletin(slug="micro", publish_at=datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC))
    create_backup(tmp_path / "b.tar.gz", portable=True)
    empty_portal(media)
    restore_backup(tmp_path / "b.tar.gz")
    assert Bulletin.objects.get(slug=bulletin.slug).publish_at.microsecond == 123456


def test_the_backup_file_is_private_whatever_the_umask(tmp_path, media):
    populate()
    out = tmp_path / "b.tar.gz"
    out.write_bytes(b"an older file, readable by all")
    out.chmod(0o644)
    old = os.umask(0)
    try:
        create_backup(out, portable=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with tarfile.open(out) as archive:
        assert archive.getmember("manifest.json").mode == 0o600


@pytest.mark.separate_processes
def test_sqlite_backup_restores_into_postgresql(tmp_path):
    source = sqlite_env(tmp_path, "sqlite")
    before = populated("models", source)
    manage("backup_portal", "--portable", str(tmp_path / "from-sqlite.tar.gz"), env=source)
    assert stat.S_IMODE((tmp_path / "from-sqlite.tar.gz").stat().st_mode) == 0o600
    with scratch_postgres(tmp_path, "portable") as target:
        manage("migrate", "--noinput", "-v0", env=target)
        # A native SQLite copy cannot go into PostgreSQL, and says what to do instead.
        manage("backup_portal", str(tmp_path / "native.tar.gz"), env=source)
        refused = subprocess.run(
            [sys.executable, "manage.py", "restore_portal", str(tmp_path / "native.tar.gz")],
            cwd=ROOT, env=target, capture_output=True, text=True, timeout=300,
        )
        assert refused.returncode != 0 and "--portable" in refused.stderr
        out = manage("restore_portal", str(tmp_path / "from-sqlite.tar.gz"), env=target)
        assert "Restored and verified" in out
        assert_same_rows(before, row_digests("models", target))
        manage("backup_portal", "--portable", str(tmp_path / "from-postgres.tar.gz"), env=target)
        source_manifest, copy = manifest_of(tmp_path / "from-sqlite.tar.gz"), manifest_of(tmp_path / "from-postgres.tar.gz")
        assert (source_manifest["source_database"], copy["source_database"]) == ("sqlite", "postgresql")
        assert copy["models"] == source_manifest["models"]
        assert copy["files"] == source_manifest["files"]
        assert source_manifest["models"]["bulletins.bulletin"]["count"] == 4
        # New rows get fresh keys: the sequences were moved past the restored ones.
        manage("shell", "-c", "from tests.factories import make_bulletin; make_bulletin(slug='after-restore')", env=target)
