"""A steady editorial writer for the drills, and the consistency check of what it wrote.

    manage.py shell -c "from scripts.drills.writer import run; run(STOP_FILE)"
    manage.py shell -c "from scripts.drills.writer import check; check()"

``run`` walks ten bulletins round the workflow (submit, publish, withdraw) through
``bulletins.workflow`` until STOP_FILE exists, carrying on through database outages.
``check`` proves that nothing was half written: for every such bulletin each transition bumped
the version once and wrote one audit row, and the state is the last audit row's target.
"""

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import InterfaceError, OperationalError, close_old_connections, connection

from bulletins import workflow
from bulletins.models import Bulletin, Transition
from ecoportal.publishing import Status
from tests.factories import make_bulletin

PREFIX = "writer-"
NEXT = {
    Status.DRAFT: ("submit", ""),
    Status.IN_REVIEW: ("publish", ""),
    Status.PUBLISHED: ("withdraw", "演练：撤回"),
}


def setup():
    editor, _ = get_user_model().objects.get_or_create(username="drill.editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name="Editor"))
    for n in range(10):
        if not Bulletin.objects.filter(slug=f"{PREFIX}{n}").exists():
            make_bulletin(slug=f"{PREFIX}{n}", title=f"演练写入{n}", status=Status.DRAFT, created_by=editor)
    return editor


def run(stop_file):
    editor = setup()
    done = failed = 0
    started = time.monotonic()
    n = 0
    while not Path(stop_file).exists():
        n += 1
        try:
            bulletin = Bulletin.objects.get(slug=f"{PREFIX}{n % 10}")
            action, comment = NEXT[bulletin.status]
            workflow.bulletin_perform(bulletin, action, by=editor, comment=comment)
            done += 1
        except (OperationalError, InterfaceError):
            failed += 1
            close_old_connections()
            connection.close()
            time.sleep(0.2)
        time.sleep(0.05)
    print(f"RESULT writer transitions={done} refused_while_down={failed} seconds={time.monotonic() - started:.0f}")


def check():
    problems = []
    total = 0
    for bulletin in Bulletin.objects.filter(slug__startswith=PREFIX):
        audit = list(Transition.objects.filter(bulletin=bulletin).order_by("at", "id"))
        total += len(audit)
        if bulletin.version - 1 != len(audit):
            problems.append(f"{bulletin.slug}: version {bulletin.version} but {len(audit)} audit rows")
        expected = audit[-1].to_status if audit else Status.DRAFT
        if bulletin.status != expected:
            problems.append(f"{bulletin.slug}: status {bulletin.status} but last audit row says {expected}")
        if bulletin.status == Status.PUBLISHED and bulletin.publish_at is None:
            problems.append(f"{bulletin.slug}: published without a publish time")
    print(f"RESULT consistency bulletins=10 audit_rows={total} half_written={len(problems)}")
    for problem in problems:
        print(f"  {problem}")
    if problems:
        raise SystemExit(1)
