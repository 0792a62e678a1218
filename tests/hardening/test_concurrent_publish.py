"""50 editors press "publish" on one bulletin at the same moment, on PostgreSQL.

Exactly one state change and one audit row may result; the other 49 are refused as invalid
transitions (the row lock makes them see the new state), none fails otherwise.

The rows are made, raced over and removed by other threads, whose connections commit, so that
the suite's database is left as it was (no flush of what migrations created).
"""

import os
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from bulletins.models import Bulletin, Transition
from ecoportal.publishing import Status
from tests.factories import make_bulletin

workflow = pytest.importorskip("bulletins.workflow")

PUBLISHERS = 50

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL row locks; SQLite serialises every writer (see test_concurrent_writes)",
    ),
    pytest.mark.django_db,
]


def in_thread(function):
    """Run ``function`` on its own connection (autocommit) and return its result."""
    box = {}

    def run():
        try:
            box["result"] = function()
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller
            box["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if "error" in box:
        raise box["error"]
    return box.get("result")


def test_fifty_simultaneous_publishes_make_one_state_change_and_one_audit_row():
    def setup():
        editor = get_user_model().objects.create_user("editor.race", password="x", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editor"))
        bulletin = make_bulletin(status=Status.IN_REVIEW, title="并发发布", slug="race-publish")
        return editor.pk, bulletin.pk, bulletin.version

    editor_pk, bulletin_pk, version = in_thread(setup)
    start = threading.Barrier(PUBLISHERS)
    outcomes = []

    def publish():
        try:
            user = get_user_model().objects.get(pk=editor_pk)
            start.wait(timeout=60)
            workflow.bulletin_publish(Bulletin.objects.get(pk=bulletin_pk), by=user)
            outcomes.append("published")
        except workflow.InvalidTransition:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - any other outcome is a failure to report
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    try:
        threads = [threading.Thread(target=publish) for _ in range(PUBLISHERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        def observe():
            bulletin = Bulletin.objects.get(pk=bulletin_pk)
            audit = list(Transition.objects.filter(bulletin_id=bulletin_pk).values_list("to_status", flat=True))
            return bulletin.status, bulletin.version, audit

        status, new_version, audit = in_thread(observe)
        assert sorted(set(outcomes)) == ["published", "refused"], outcomes
        assert outcomes.count("published") == 1
        assert outcomes.count("refused") == PUBLISHERS - 1
        assert status == Status.PUBLISHED
        assert new_version == version + 1
        assert audit == [Status.PUBLISHED]
    finally:
        def cleanup():
            Bulletin.objects.filter(pk=bulletin_pk).delete()
            get_user_model().objects.filter(pk=editor_pk).delete()

        in_thread(cleanup)
