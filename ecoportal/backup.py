"""Backup and restore of everything the portal holds: database rows and uploaded media.

A backup is one ``.tar.gz`` with

* ``data.json`` — ``dumpdata`` of every model (users, groups, the admin's log, lock-outs and
  all portal content, drafts and trash included) with natural keys, so that it loads into a
  database whose content types and permissions were numbered differently. Content types,
  permissions and sessions are left out: ``migrate`` recreates the first two, and sessions are
  disposable.
* ``media/…`` — every file under ``MEDIA_ROOT``.
* ``manifest.json`` — per model the row count and the SHA-256 of a canonical JSON of its rows;
  per file its size and SHA-256 (``data.json`` included).

``restore_backup`` loads a backup into an empty, migrated database in one transaction and
compares the database with the manifest before committing; any difference rolls it all back.
Media files are checked against their hashes before anything is written.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connections, transaction

FORMAT_VERSION = 1
EXCLUDED_MODELS = ("contenttypes.contenttype", "auth.permission", "sessions.session")
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be made, or read, or restored here; the message says why."""


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def backed_up_models():
    """Every concrete model whose rows a backup carries, by label (``app.model``)."""
    return sorted(
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.label_lower not in EXCLUDED_MODELS
        and not model._meta.proxy
        and model._meta.managed
    )


def dump_database(path, *, using="default"):
    call_command(
        "dumpdata",
        *backed_up_models(),
        natural_foreign=True,
        natural_primary=True,
        use_base_manager=True,
        database=using,
        output=str(path),
        verbosity=0,
    )


def canonical_digests(data_path):
    """Per model: (row count, SHA-256 of its rows in a canonical order and spelling).

    Rows are sorted by their own canonical text and many-to-many lists are sorted, so the
    digest does not depend on primary keys that natural keys stand for, nor on query order.
    """
    with open(data_path, encoding="utf-8") as handle:
        objects = json.load(handle)
    rows = {label: [] for label in backed_up_models()}
    for obj in objects:
        model = apps.get_model(obj["model"])
        fields = dict(obj["fields"])
        for field in model._meta.many_to_many:
            if isinstance(fields.get(field.name), list):
                fields[field.name] = sorted(fields[field.name], key=canonical)
        rows.setdefault(obj["model"], []).append(canonical({"pk": obj.get("pk"), "fields": fields}))
    return {
        label: {
            "count": len(texts),
            "sha256": hashlib.sha256("\n".join(sorted(texts)).encode("utf-8")).hexdigest(),
        }
        for label, texts in sorted(rows.items())
    }


def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def table_counts(using="default"):
    """Row counts straight from the tables (a check on dumpdata itself)."""
    counts = {}
    for label in backed_up_models():
        counts[label] = apps.get_model(label)._base_manager.using(using).count()
    return counts


def media_files(media_root):
    root = Path(media_root)
    if not root.is_dir():
        return []
    return sorted(
        path for path in root.rglob("*") if path.is_file() and not path.is_symlink()
    )


def create_backup(out_path, *, using="default", media_root=None):
    """Write a backup of database ``using`` and ``media_root`` to ``out_path``; return its manifest."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory() as scratch:
        data_path = Path(scratch) / DATA
        # One repeatable-read snapshot on PostgreSQL so that rows and counts agree (when this
        # is the outermost transaction; an enclosing one already fixed its isolation level).
        outermost = not connections[using].in_atomic_block
        with transaction.atomic(using=using):
            if outermost and connections[using].vendor == "postgresql":
                with connections[using].cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            dump_database(data_path, using=using)
            counts = table_counts(using)
        models = canonical_digests(data_path)
        for label, entry in models.items():
            if entry["count"] != counts.get(label, 0):
                raise BackupError(f"{label}: dumped {entry['count']} rows but the table has {counts[label]}")
        files = {
            MEDIA_PREFIX + path.relative_to(media_root).as_posix(): {
                "size": path.stat().st_size,
                "sha256": sha256_file(path),
            }
            for path in media_files(media_root)
        }
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "source_database": connections[using].vendor,
            "data": {"name": DATA, "size": data_path.stat().st_size, "sha256": sha256_file(data_path)},
            "models": models,
            "files": files,
        }
        partial = out_path.with_name(out_path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            payload = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(payload), int(datetime.now(UTC).timestamp()), 0o644
            archive.addfile(info, io.BytesIO(payload))
            archive.add(data_path, arcname=DATA)
            for name in files:
                archive.add(media_root / name[len(MEDIA_PREFIX):], arcname=name)
        os.replace(partial, out_path)
    return manifest


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
        if MANIFEST not in members or DATA not in members:
            raise BackupError(f"{in_path} has no {MANIFEST} or {DATA}")
        manifest = json.load(archive.extractfile(members[MANIFEST]))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"unknown backup format {manifest.get('format')!r}")
        expected = {DATA: manifest["data"], **manifest["files"]}
        unexpected = set(members) - set(expected) - {MANIFEST}
        if unexpected:
            raise BackupError(f"files in the backup that its manifest does not list: {sorted(unexpected)}")
        for name, entry in expected.items():
            member = members.get(name)
            if member is None or not member.isfile():
                raise BackupError(f"{name} is listed in the manifest but missing from the backup")
            target = Path(scratch) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink, CHUNK)
            if sha256_file(target) != entry["sha256"]:
                raise BackupError(f"{name} does not match its SHA-256 in the manifest")
    return manifest


def occupied_models(data_path, using):
    """Models that already hold rows the backup would not simply overwrite.

    A freshly migrated database may hold rows created by data migrations (the editorial
    groups, say). Rows of a model with natural keys that the backup carries too are accepted:
    loading replaces them. Any other row means the database is not empty.
    """
    occupied = []
    backup_keys = {}
    with open(data_path, encoding="utf-8") as handle:
        for obj in serializers.deserialize("json", handle, using=using, handle_forward_references=True):
            instance = obj.object
            if hasattr(instance, "natural_key"):
                backup_keys.setdefault(instance._meta.label_lower, set()).add(tuple(instance.natural_key()))
    for label in backed_up_models():
        model = apps.get_model(label)
        rows = model._base_manager.using(using)
        if not rows.exists():
            continue
        if hasattr(model, "natural_key") and label in backup_keys and all(
            tuple(row.natural_key()) in backup_keys[label] for row in rows.iterator()
        ):
            continue
        occupied.append(f"{label} ({rows.count()} rows)")
    return occupied


def restore_backup(in_path, *, using="default", media_root=None):
    """Load a backup into an empty database and media folder; all or nothing.

    Returns the manifest. Raises ``BackupError`` (and changes nothing) if the database is not
    empty, a file would overwrite a different one, or the loaded rows differ from the manifest.
    """
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        manifest = read_archive(in_path, scratch)
        data_path = Path(scratch) / DATA
        clashes = [
            name
            for name, entry in manifest["files"].items()
            if (media_root / name[len(MEDIA_PREFIX):]).exists()
            and sha256_file(media_root / name[len(MEDIA_PREFIX):]) != entry["sha256"]
        ]
        if clashes:
            raise BackupError(f"media files already exist with other content: {clashes[:5]}")
        with transaction.atomic(using=using):
            occupied = occupied_models(data_path, using)
            if occupied:
                raise BackupError("the database is not empty: " + ", ".join(occupied))
            call_command("loaddata", str(data_path), database=using, verbosity=0)
            verify_database(manifest, using=using)
        for name in manifest["files"]:
            target = media_root / name[len(MEDIA_PREFIX):]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(scratch) / name, target)
    return manifest


def verify_database(manifest, *, using="default"):
    """Raise ``BackupError`` unless database ``using`` holds exactly the manifest's rows."""
    with tempfile.TemporaryDirectory() as scratch:
        data_path = Path(scratch) / DATA
        dump_database(data_path, using=using)
        actual = canonical_digests(data_path)
    counts = table_counts(using)
    problems = []
    for label in sorted(set(manifest["models"]) | set(actual)):
        want = manifest["models"].get(label, {"count": 0, "sha256": None})
        have = actual.get(label, {"count": 0, "sha256": None})
        if want["count"] == 0 and have["count"] == 0:
            continue
        if want["count"] != have["count"] or counts.get(label, 0) != want["count"]:
            problems.append(f"{label}: expected {want['count']} rows, found {counts.get(label, 0)}")
        elif want["sha256"] != have["sha256"]:
            problems.append(f"{label}: the rows differ from the backup's")
    if problems:
        raise BackupError("restored data does not match the manifest: " + "; ".join(problems))
