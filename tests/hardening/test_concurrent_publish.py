"""50 editors press "publish" on one bulletin at the same moment, on PostgreSQL.

Exactly one state change and one audit row may result; the other 49 are refused as invalid
transitions (the row lock makes them see the new state), none fails otherwise.
"""

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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_publishes_make_one_state_change_and_one_audit_row():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks; SQLite serialises all writers (see test_concurrent_writes)")
    editor = get_user_model().objects.create_user("editor.race", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    bulletin = make_bulletin(status=Status.IN_REVIEW, title="并发发布", slug="race")
    version = bulletin.version
    start = threading.Barrier(PUBLISHERS)
    outcomes = []

    def publish():
        try:
            user = get_user_model().objects.get(pk=editor.pk)
            start.wait(timeout=60)
            workflow.bulletin_publish(Bulletin.objects.get(pk=bulletin.pk), by=user)
            outcomes.append("published")
        except workflow.InvalidTransition:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - any other outcome is a failure to report
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=publish) for _ in range(PUBLISHERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(set(outcomes)) == ["published", "refused"], outcomes
    assert outcomes.count("published") == 1
    assert outcomes.count("refused") == PUBLISHERS - 1
    bulletin.refresh_from_db()
    assert bulletin.status == Status.PUBLISHED
    assert bulletin.version == version + 1
    assert Transition.objects.filter(bulletin=bulletin).count() == 1
    assert Transition.objects.get(bulletin=bulletin).to_status == Status.PUBLISHED
