"""Checksums of the live tables, row by row: what a restore is verified against.

Two kinds, for the two kinds of backup (``ecoportal.backup``):

* ``model_checksums`` — every row of every model in a canonical spelling that is the same on
  SQLite and PostgreSQL: times in UTC to the microsecond, decimals as stored, foreign keys to
  rows with natural keys (users, groups, content types, permissions) by that key, many-to-many
  lists sorted. A row's key is its primary key, or its own digest where the portable
  format leaves the primary key out (natural keys are unique). Comparable across engines, so it verifies the portable format.
* ``table_checksums`` — every table of the database as the driver returns it (search index
  tables and the migration log included), for copies made by the database's own tools, which
  must come back identical on the same engine.

Each gives per model or table ``{"count": rows, "sha256": digest of its sorted row digests}``;
``*_row_digests`` give the digest of every row by key, to say which rows differ.
"""

import datetime
import decimal
import hashlib
import json
import sqlite3
import uuid

from django.apps import apps
from django.core import serializers
from django.db import connections


def canonical_value(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(f"no canonical form for {type(value).__name__}")


def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=canonical_value)


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def summarise(row_digests):
    """``{"count", "sha256"}`` of a mapping of row key → row digest; independent of order."""
    lines = sorted(f"{key}\t{value}" for key, value in row_digests.items())
    return {"count": len(lines), "sha256": digest("\n".join(lines))}


# Models, in a spelling that survives a change of engine ---------------------------------


def model_row_digests(label, *, using="default", natural_primary=True):
    model = apps.get_model(label)
    rows = model._base_manager.using(using).order_by("pk")
    many = [field.name for field in model._meta.many_to_many]
    if many:
        rows = rows.prefetch_related(*many)
    result = {}
    for obj in serializers.serialize(
        "python", rows.iterator(chunk_size=2000) if not many else rows,
        use_natural_foreign_keys=True, use_natural_primary_keys=natural_primary,
    ):
        fields = dict(obj["fields"])
        for name in many:
            if isinstance(fields.get(name), list):
                fields[name] = sorted(fields[name], key=canonical)
        row = digest(canonical({"pk": obj.get("pk"), "fields": fields}))
        # A row whose primary key the portable format leaves out is known by its content.
        result[canonical(obj["pk"]) if "pk" in obj else f"natural:{row}"] = row
    return result


def model_checksums(labels, *, using="default", natural_primary=True):
    return {label: summarise(model_row_digests(label, using=using, natural_primary=natural_primary)) for label in labels}


# Tables, as the database holds them ------------------------------------------------------


def table_names(using="default"):
    connection = connections[using]
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def table_row_digests(table, *, using="default"):
    """Row digest → how many rows have it (tables without a key may repeat a row)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        return _row_digests(cursor, connection.ops.quote_name(table))


def _row_digests(cursor, quoted_table):
    counts = {}
    cursor.execute(f"SELECT * FROM {quoted_table}")  # noqa: S608 - a name from the catalogue
    while batch := cursor.fetchmany(2000):
        for row in batch:
            key = digest(repr(tuple(row)))
            counts[key] = counts.get(key, 0) + 1
    return counts


def _summarise_tables(digests_by_table):
    result = {}
    for table, counts in digests_by_table.items():
        lines = sorted(f"{key}\t{count}" for key, count in counts.items())
        result[table] = {"count": sum(counts.values()), "sha256": digest("\n".join(lines))}
    return result


def table_checksums(using="default"):
    return _summarise_tables({table: table_row_digests(table, using=using) for table in table_names(using)})


def sqlite_file_checksums(path):
    """``table_checksums`` of an SQLite file, read as Django's connection reads (the same
    column types are decoded), so that it equals the checksums of that file once live."""
    source = sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
    )
    try:
        cursor = source.cursor()
        tables = [name for (name,) in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence' ORDER BY name"
        )]
        return _summarise_tables({table: _row_digests(cursor, '"' + table.replace('"', '""') + '"') for table in tables})
    finally:
        source.close()


def differences(expected, actual):
    """Human-readable differences between two ``*_checksums`` results."""
    problems = []
    for name in sorted(set(expected) | set(actual)):
        want, have = expected.get(name), actual.get(name)
        if want == have:
            continue
        if want is None or have is None:
            problems.append(f"{name}: {'missing' if have is None else 'not in the backup'}")
        elif want["count"] != have["count"]:
            problems.append(f"{name}: expected {want['count']} rows, found {have['count']}")
        else:
            problems.append(f"{name}: the rows differ from the backup's")
    return problems
