#!/usr/bin/env bash
# Worker killed mid-publish: a process publishing a bulletin is paused inside the publish
# transaction (after the bulletin row and its audit row are written, before the commit: a
# post_save hook on Transition, installed by this drill only) and killed with SIGKILL. The
# bulletin must be wholly as before (state, version, no audit row, not public), its row lock
# released, and a publish afterwards must succeed.
source "$(dirname "$0")/lib.sh"

pg_start
portal_setup
gunicorn_start
"$PY" manage.py shell --no-imports -c "
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from ecoportal.publishing import Status
from tests.factories import make_bulletin
editor, _ = get_user_model().objects.get_or_create(username='drill.editor', defaults={'is_staff': True})
editor.groups.add(Group.objects.get(name='Editor'))
make_bulletin(slug='kill-me', title='KILLMARKER', status=Status.IN_REVIEW, created_by=editor)
"
state() {
    "$PY" manage.py shell --no-imports -c "
from bulletins.models import Bulletin, Transition
b = Bulletin.objects.get(slug='kill-me')
print(b.status, b.version, b.publish_at is not None, Transition.objects.filter(bulletin=b).count())
" | tail -1
}
before="$(state)"
log "before: status version has_publish_at audit_rows = $before"

out="$DRILL_DIR/publisher.out"
"$PY" manage.py shell --no-imports -c "
import time
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from bulletins import workflow
from bulletins.models import Bulletin, Transition

def pause(sender, instance, **kwargs):
    print('PAUSED inside the publish transaction', flush=True)
    time.sleep(120)

post_save.connect(pause, sender=Transition)
workflow.bulletin_publish(Bulletin.objects.get(slug='kill-me'), by=get_user_model().objects.get(username='drill.editor'))
print('COMMITTED', flush=True)
" >"$out" 2>&1 &
publisher=$!
for _ in $(seq 300); do grep -q PAUSED "$out" && break; sleep 0.1; done
grep -q PAUSED "$out" || { cat "$out"; echo "FAILED: the publish never reached the hook"; exit 1; }
kill -9 "$publisher"; wait "$publisher" 2>/dev/null || true
log "publisher killed with SIGKILL inside the transaction"
sleep 1
after="$(state)"
page="$(status_of /bulletins/kill-me/)"
result "kill_mid_publish before=[$before] after=[$after] public_page=$page"
# The row lock died with the killed backend: a NOWAIT lock succeeds, and a publish goes through.
"$PY" manage.py shell --no-imports -c "
import time
from django.contrib.auth import get_user_model
from django.db import transaction
from bulletins import workflow
from bulletins.models import Bulletin
with transaction.atomic():
    Bulletin.objects.select_for_update(nowait=True).get(slug='kill-me')
started = time.monotonic()
workflow.bulletin_publish(Bulletin.objects.get(slug='kill-me'), by=get_user_model().objects.get(username='drill.editor'))
print(f'RESULT publish_after_kill row_lock_free=True publish_ms={(time.monotonic() - started) * 1000:.0f}')
" | grep RESULT
final="$(state)"
result "final_state [$final]"
crawl; crawled=$?
if [[ "$after" != "$before" || "$page" != "404" || "$final" != published* || $crawled != 0 ]]; then
    echo "FAILED"; exit 1
fi
echo "PASSED: the killed publish left the bulletin wholly as it was"
