"""backup_portal and restore_portal: every row and file comes back, verified, or nothing does."""

import io
import json
import os
import secrets
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from bulletins.models import Bulletin, Revision
from ecoportal.backup import BackupError, create_backup, restore_backup, table_counts
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
    call_command("backup_portal", str(archive), stdout=io.StringIO())
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
    manifest = create_backup(tmp_path / "b.tar.gz")
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
    create_backup(archive)
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
    create_backup(good)

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
    create_backup(good)

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
    create_backup(good)

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


# --- SQLite file → PostgreSQL, through the commands in separate processes -------------------

def postgres_admin_url():
    return os.environ.get("BACKUP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def connect_postgres():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(postgres_admin_url(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at {postgres_admin_url()}: {error}")


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def manifest_of(path):
    with tarfile.open(path) as archive:
        return json.load(archive.extractfile("manifest.json"))


def test_sqlite_backup_restores_into_postgresql(tmp_path):
    admin = connect_postgres()
    name = f"ecoportal_restore_{secrets.token_hex(4)}"
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTEST_CURRENT_TEST", "ECOPORTAL_TESTING"}}
    base.update(DEBUG="1", REDIS_URL="")
    sqlite_env = {**base, "ECOPORTAL_DATA_DIR": str(tmp_path / "sqlite"), "MEDIA_ROOT": str(tmp_path / "media-a")}
    pg_env = {
        **base,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
        "ECOPORTAL_DATA_DIR": str(tmp_path / "pg"),
        "MEDIA_ROOT": str(tmp_path / "media-b"),
    }
    manage("migrate", "--noinput", "-v0", env=sqlite_env)
    manage("shell", "-c", "from tests.hardening.backup_sample import populate; populate()", env=sqlite_env)
    manage("backup_portal", str(tmp_path / "from-sqlite.tar.gz"), env=sqlite_env)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        manage("migrate", "--noinput", "-v0", env=pg_env)
        out = manage("restore_portal", str(tmp_path / "from-sqlite.tar.gz"), env=pg_env)
        assert "Restored and verified" in out
        manage("backup_portal", str(tmp_path / "from-postgres.tar.gz"), env=pg_env)
        source, copy = manifest_of(tmp_path / "from-sqlite.tar.gz"), manifest_of(tmp_path / "from-postgres.tar.gz")
        assert (source["source_database"], copy["source_database"]) == ("sqlite", "postgresql")
        assert copy["models"] == source["models"]
        assert copy["files"] == source["files"]
        assert source["models"]["bulletins.bulletin"]["count"] == 4
        # New rows get fresh keys: the sequences were moved past the restored ones.
        manage("shell", "-c", "from tests.factories import make_bulletin; make_bulletin(slug='after-restore')", env=pg_env)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
