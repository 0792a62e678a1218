"""Backup and restore of everything the portal holds: database rows and uploaded media.

A backup is one ``.tar.gz``, created mode 0600 (it holds password hashes), with

* the database, in one of two kinds:

  - **native** (the default): the database's own copy — ``pg_dump --format=custom`` on
    PostgreSQL, SQLite's online backup API on SQLite. Every table comes back byte for byte
    (search index and migration log included) on the same engine, and restoring is fast.
  - **portable**: ``data.json``, every model's rows with natural keys (content types,
    permissions and sessions left out: ``migrate`` recreates the first two), times to the
    microsecond. It loads into either engine, so it moves a portal from SQLite to PostgreSQL.

* ``media/…`` — every file under ``MEDIA_ROOT``;
* ``manifest.json`` — checksums of the live tables taken when the copy was made
  (``ecoportal.table_checksums``: per table for a native copy, per model in an
  engine-independent spelling for a portable one), and per file its size and SHA-256.

``restore_backup`` refuses a database with content, loads the copy, and compares checksums of
the restored live tables with the manifest: the restore is "verified" only if every table is
identical. A portable restore runs in one transaction that any difference rolls back. Media
files are checked against their hashes before anything is written.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from itertools import chain
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers import json as json_serializer
from django.db import connections, transaction

from . import table_checksums as checksums

FORMAT_VERSION = 2
NATIVE, PORTABLE = "native", "portable"
# The content generation is runtime state: a portable restore starts a new one as it loads.
EXCLUDED_MODELS = ("contenttypes.contenttype", "auth.permission", "sessions.session", "pagecache.generation")
MANIFEST = "manifest.json"
DATA = "data.json"
NATIVE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024
PRIVATE = 0o600


class BackupError(Exception):
    """A backup that cannot be made, or read, or restored here; the message says why."""


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def private_file(path, mode="wb"):
    """Open a new file that only its owner may read, whatever the umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    os.fchmod(fd, PRIVATE)  # an existing file keeps its mode through O_CREAT
    return os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {}))


def backed_up_models():
    """Every concrete model whose rows a portable backup carries, by label (``app.model``).

    Models marked ``derived_data`` are left out: their rows are computed from others as those
    are saved, so loading them too would write each twice (and clash on its unique keys)."""
    return sorted(
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.label_lower not in EXCLUDED_MODELS
        and not getattr(model, "derived_data", False)
        and not model._meta.proxy
        and model._meta.managed
    )


def table_counts(using="default"):
    """Row counts straight from the tables."""
    return {label: apps.get_model(label)._base_manager.using(using).count() for label in backed_up_models()}


def media_files(media_root):
    root = Path(media_root)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


# The portable format ----------------------------------------------------------------------


class ExactSerializer(json_serializer.Serializer):
    """Django's JSON serializer, but times keep their microseconds (its encoder cuts them to
    milliseconds, which made restored times differ from the originals)."""

    def _value_from_field(self, obj, field):
        value = field.value_from_object(obj)
        if isinstance(value, datetime.datetime | datetime.time):
            return value.isoformat()
        return super()._value_from_field(obj, field)


def dump_portable(path, *, using="default"):
    """Every backed-up model's rows, in an order that loads (``dumpdata``'s), to ``path``."""
    by_app = {}
    for label in backed_up_models():
        model = apps.get_model(label)
        by_app.setdefault(model._meta.app_config, []).append(model)
    ordered = serializers.sort_dependencies(by_app.items(), allow_cycles=True)
    rows = chain.from_iterable(model._base_manager.using(using).order_by("pk").iterator() for model in ordered)
    with private_file(path, "w") as handle:
        ExactSerializer().serialize(
            rows, stream=handle, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )


def portable_checksums(using="default"):
    return checksums.model_checksums(backed_up_models(), using=using, natural_primary=True)


# The native formats -------------------------------------------------------------------------


def _pg_command(program, using, *args):
    """``program`` with the connection of database ``using``, and the environment it needs."""
    params = connections[using].settings_dict
    command = [program, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            command += [flag, str(params[key])]
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    return [*command, *args, "--dbname", params["NAME"]], env


def _run(command, env=None):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed: {error}") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _sqlite_raw(using):
    connection = connections[using]
    connection.ensure_connection()
    return connection.connection


def dump_native(path, *, using="default"):
    """The database's own copy of itself to ``path``; returns the checksums of its tables,
    taken of the same state the copy holds."""
    connection = connections[using]
    with private_file(path):
        pass
    if connection.vendor == "postgresql":
        with snapshot_transaction(using), connection.cursor() as cursor:
            # pg_dump reads the snapshot this transaction exports, and the checksums are taken
            # in it: both see exactly the same rows, whatever is written meanwhile.
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            command, env = _pg_command(
                "pg_dump", using, "--format=custom", "--no-owner", "--no-privileges",
                f"--snapshot={snapshot}", f"--file={path}",
            )
            _run(command, env)
            return checksums.table_checksums(using)
    if connection.vendor != "sqlite":
        raise BackupError(f"no native backup for {connection.vendor}; use --portable")
    # SQLite's backup API copies one consistent state (it starts again if another connection
    # writes meanwhile); the checksums are taken of that copy.
    target = sqlite3.connect(path)
    try:
        _sqlite_raw(using).backup(target)
    finally:
        target.close()
    return checksums.sqlite_file_checksums(path)


def load_native(path, *, using="default"):
    connection = connections[using]
    if connection.vendor == "postgresql":
        command, env = _pg_command(
            "pg_restore", using, "--clean", "--if-exists", "--no-owner", "--no-privileges",
            "--single-transaction", "--exit-on-error", str(path),
        )
        connection.close()  # no session of ours holds a lock on what pg_restore drops
        _run(command, env)
    else:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(_sqlite_raw(using))
        finally:
            source.close()


# Making a backup --------------------------------------------------------------------------


def create_backup(out_path, *, using="default", media_root=None, portable=False):
    """Write a backup of database ``using`` and ``media_root`` to ``out_path``; return its manifest."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    out_path = Path(out_path)
    vendor = connections[using].vendor
    with tempfile.TemporaryDirectory() as scratch:  # mode 0700
        if portable:
            payload = Path(scratch) / DATA
            with snapshot_transaction(using):
                dump_portable(payload, using=using)
                database = {"kind": PORTABLE, "models": portable_checksums(using)}
        else:
            if vendor not in NATIVE_FILES:
                raise BackupError(f"no native backup for {vendor}; use --portable")
            payload = Path(scratch) / NATIVE_FILES[vendor]
            database = {"kind": NATIVE, "tables": dump_native(payload, using=using)}
        files = {
            MEDIA_PREFIX + path.relative_to(media_root).as_posix(): {
                "size": path.stat().st_size,
                "sha256": sha256_file(path),
            }
            for path in media_files(media_root)
        }
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "source_database": vendor,
            **database,
            "data": {"name": payload.name, "size": payload.stat().st_size, "sha256": sha256_file(payload)},
            "files": files,
        }
        partial = out_path.with_name(out_path.name + ".partial")
        with private_file(partial) as handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
            text = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(text), int(datetime.datetime.now(datetime.UTC).timestamp()), PRIVATE
            archive.addfile(info, io.BytesIO(text))
            archive.add(payload, arcname=payload.name)
            for name in files:
                archive.add(media_root / name[len(MEDIA_PREFIX):], arcname=name)
        os.replace(partial, out_path)
    return manifest


@contextmanager
def snapshot_transaction(using):
    """One repeatable-read snapshot on PostgreSQL so that rows and checksums agree (when this
    is the outermost transaction; an enclosing one already fixed its isolation level)."""
    outermost = not connections[using].in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connections[using].vendor == "postgresql":
            with connections[using].cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


# Restoring --------------------------------------------------------------------------------


def safe_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not name:
        raise BackupError(f"unsafe path in backup: {name!r}")
    return name


def read_archive(in_path, scratch):
    """Extract a backup into ``scratch`` after checking every member; return its manifest."""
    if not Path(in_path).is_file() or not tarfile.is_tarfile(in_path):
        raise BackupError(f"{in_path} is not a readable backup")
    with tarfile.open(in_path, "r:gz") as archive:
        members = {safe_member_name(member.name): member for member in archive.getmembers()}
        if MANIFEST not in members:
            raise BackupError(f"{in_path} has no {MANIFEST}")
        manifest = json.load(archive.extractfile(members[MANIFEST]))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(
                f"backup format {manifest.get('format')!r} is not {FORMAT_VERSION}: restore it with the "
                "version of the portal that made it"
            )
        payload = manifest["data"]["name"]
        if payload not in {DATA, *NATIVE_FILES.values()}:
            raise BackupError(f"unknown database file in backup: {payload!r}")
        expected = {payload: manifest["data"], **manifest["files"]}
        unexpected = set(members) - set(expected) - {MANIFEST}
        if unexpected:
            raise BackupError(f"files in the backup that its manifest does not list: {sorted(unexpected)}")
        for name, entry in expected.items():
            member = members.get(name)
            if member is None or not member.isfile():
                raise BackupError(f"{name} is listed in the manifest but missing from the backup")
            target = Path(scratch) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, private_file(target) as sink:
                shutil.copyfileobj(source, sink, CHUNK)
            if sha256_file(target) != entry["sha256"]:
                raise BackupError(f"{name} does not match its SHA-256 in the manifest")
    return manifest


def occupied_models(using):
    """Models with rows a new, migrated portal does not have (data migrations create the
    editorial groups and their permissions only); tables not yet created count as empty."""
    existing = set(checksums.table_names(using))
    occupied = []
    for label in backed_up_models():
        model = apps.get_model(label)
        if label == "auth.group" or model._meta.db_table not in existing:
            continue
        count = model._base_manager.using(using).count()
        if count:
            occupied.append(f"{label} ({count} rows)")
    return occupied


def restore_backup(in_path, *, using="default", media_root=None):
    """Load a backup into an empty database and media folder, then verify every table.

    Returns the manifest. Raises ``BackupError`` if the database is not empty, a file would
    overwrite a different one, the backup is of a kind this database cannot take, or the
    restored tables differ from the manifest's checksums (a portable restore is then rolled
    back; after a native one the message names the tables, and the database is to be dropped).
    """
    media_root = Path(media_root or settings.MEDIA_ROOT)
    vendor = connections[using].vendor
    with tempfile.TemporaryDirectory() as scratch:
        manifest = read_archive(in_path, scratch)
        payload = Path(scratch) / manifest["data"]["name"]
        clashes = [
            name
            for name, entry in manifest["files"].items()
            if (media_root / name[len(MEDIA_PREFIX):]).exists()
            and sha256_file(media_root / name[len(MEDIA_PREFIX):]) != entry["sha256"]
        ]
        if clashes:
            raise BackupError(f"media files already exist with other content: {clashes[:5]}")
        occupied = occupied_models(using)
        if occupied:
            raise BackupError("the database is not empty: " + ", ".join(occupied))
        if manifest["kind"] == PORTABLE:
            with transaction.atomic(using=using):
                call_command("loaddata", str(payload), database=using, verbosity=0)
                verify(manifest["models"], portable_checksums(using))
        else:
            if manifest["source_database"] != vendor:
                raise BackupError(
                    f"a native {manifest['source_database']} backup cannot be restored into {vendor}: "
                    "make a portable one (backup_portal --portable)"
                )
            load_native(payload, using=using)
            verify(manifest["tables"], checksums.table_checksums(using))
        for name in manifest["files"]:
            target = media_root / name[len(MEDIA_PREFIX):]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(scratch) / name, target)
    return manifest


def verify(expected, actual):
    problems = checksums.differences(expected, actual)
    if problems:
        raise BackupError("restored data does not match the manifest: " + "; ".join(problems))


def rows_in(manifest):
    """How many rows the manifest describes (tables or models)."""
    return sum(entry["count"] for entry in (manifest.get("tables") or manifest.get("models")).values())
