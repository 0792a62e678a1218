"""Eight editors import the same text at the same moment, on PostgreSQL: one bulletin results.

The duplicate check and the insert run under a transaction-scoped advisory lock on the text's
hash, so the others see the first one's bulletin and skip. (SQLite serialises writers with
IMMEDIATE transactions, so the race cannot happen there.) The threads use their own
connections, which commit; the rows are removed by another thread at the end.
"""

import os
import threading

import pytest
from django.db import connection

from bulletins.models import Bulletin
from importer.service import import_bulletin_text

IMPORTERS = 8
TEXT = "并发导入的公报\n来源：测试\n\n全市新建公园7个，新增绿地12.5公顷。\n"

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL advisory locks; SQLite serialises every writer",
    ),
    pytest.mark.django_db,
]


def run_threads(function, count):
    """Run ``function`` in ``count`` threads released together; their results, in order."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(index):
        try:
            barrier.wait(timeout=30)
            results[index] = function()
        except BaseException as error:  # noqa: BLE001 - reported in the caller
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def test_simultaneous_imports_of_one_text_make_one_bulletin():
    content_hash = Bulletin.hash_text(TEXT)
    try:
        results = run_threads(
            lambda: import_bulletin_text(TEXT, filename="race.txt").outcome, IMPORTERS
        )
        count = run_threads(lambda: Bulletin.objects.filter(content_hash=content_hash).count(), 1)[
            0
        ]
        assert sorted(results) == ["created"] + ["skipped"] * (IMPORTERS - 1)
        assert count == 1
    finally:
        run_threads(lambda: Bulletin.objects.filter(content_hash=content_hash).delete(), 1)
