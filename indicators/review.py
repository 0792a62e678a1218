"""Accepting and rejecting candidate observations: an editor's act, not an author's.

An import proposes figures as candidates (``importing``); only an editor
(``bulletins.workflow.is_editor``) accepts or rejects them. An Author may correct a candidate's
fields, but whatever a form posts, an observation saved by someone who may not review keeps
the review state it had, and one they add is a candidate.

An acceptance is of the figure as the editor saw it: when someone who may not review changes
what was accepted (value, quote, period…), or a revision restore does, it lapses to candidate
(``state_after_change``). Nothing but ``observations_review`` and an editor's own form makes a
figure accepted or rejected; tests/indicators/test_review_paths.py lists every writer.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bulletins import workflow

from . import history
from .choices import ReviewState
from .corrections import figures_locked
from .models import Observation, VersionEvent

VERDICTS = {ReviewState.ACCEPTED, ReviewState.REJECTED}
#: What an editor accepts: the figure and the sentence it came from (attribute names).
REVIEWED_FIELDS = (
    "indicator_id", "region_id", "period_start", "period_end", "period_label",
    "value", "value_text", "unit", "qualifier", "quote", "kind", "approximate", "derived",
)


def reviewed_content(observation):
    return tuple(getattr(observation, name) for name in REVIEWED_FIELDS)


def state_after_change(stored_state, stored_content, new_content):
    """The review state of a figure whose content goes from ``stored_content`` to ``new_content``
    by the act of someone who is not reviewing it: kept, except that an acceptance of other
    content lapses to candidate. Never accepted or rejected where it was not."""
    if stored_state == ReviewState.ACCEPTED and stored_content != new_content:
        return ReviewState.CANDIDATE
    return stored_state


def may_review(user):
    return workflow.is_editor(user)


def observation_keep_review_state(observation, *, by):
    """Before ``by`` saves ``observation``: unless an editor, its review state is not theirs."""
    if may_review(by):
        return
    stored = Observation.objects.filter(pk=observation.pk).first() if observation.pk else None
    if stored is None:
        observation.review_state = ReviewState.CANDIDATE
        return
    observation.review_state = state_after_change(
        stored.review_state, reviewed_content(stored), reviewed_content(observation)
    )


@transaction.atomic
def observations_review(observations, *, state, by):
    """Accept or reject these observations; returns how many changed state.

    Editors only (``PermissionDenied`` otherwise); observations of a bulletin in the trash are
    left alone, and so are those of an approved bulletin (``corrections``). Each bulletin concerned gets a new version and a revision, as an edit would.
    """
    if state not in VERDICTS:
        raise ValueError(f"not a verdict: {state!r}")
    if not may_review(by):
        raise PermissionDenied(_("只有编辑可以采用或驳回候选数值。"))
    rows = (
        Observation.objects.select_for_update(of=("self",))
        .filter(pk__in=[o.pk for o in observations])
        .exclude(review_state=state)
        .select_related("bulletin")
    )
    # A figure already public is withdrawn by a public correction, not by a verdict.
    changed = [
        o for o in rows
        if workflow.can_edit(by, o.bulletin)
        and not (figures_locked(o.bulletin) and o.review_state == ReviewState.ACCEPTED)
    ]
    Observation.objects.filter(pk__in=[o.pk for o in changed]).update(review_state=state)
    for observation in changed:
        observation.review_state = state
    event = VersionEvent.ACCEPTED if state == ReviewState.ACCEPTED else VersionEvent.REJECTED
    history.versions_record(changed, event, by=by)
    note = _("采用候选数值") if state == ReviewState.ACCEPTED else _("驳回候选数值")
    for bulletin in {o.bulletin_id: o.bulletin for o in changed}.values():
        workflow.bulletin_touch(bulletin, by=by, note=note)
    return len(changed)
