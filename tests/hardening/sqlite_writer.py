"""One writer process for the SQLite concurrency test: ``python sqlite_writer.py N``.

Says "ready" once Django is set up and waits for a line on its standard input, so that all
writers begin together however long each took to start, then runs N transactions that each
read a shared row and write it back plus insert a row: the pattern that fails with "database is
locked" when SQLite transactions start deferred.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.db.models import F  # noqa: E402

from bulletins.models import Bulletin, Transition  # noqa: E402


def main(transactions):
    print("ready", flush=True)
    sys.stdin.readline()
    errors = 0
    for n in range(transactions):
        try:
            with transaction.atomic():
                shared = Bulletin.objects.get(slug="shared")
                Bulletin.objects.filter(pk=shared.pk).update(version=F("version") + 1)
                Transition.objects.create(
                    bulletin=shared, from_status=shared.status, to_status=shared.status,
                    comment=f"writer {os.getpid()} #{n}",
                )
        except Exception as error:  # noqa: BLE001 - every failure is reported by the test
            errors += 1
            print(f"ERROR {type(error).__name__}: {error}", flush=True)
    print(f"done {transactions - errors}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
