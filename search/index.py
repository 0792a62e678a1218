"""Keeping the search index in step with the bulletins.

Every bulletin is indexed whatever its state; only ``Bulletin.objects.published()`` decides
what a search can return. ``index_bulletin`` runs when a bulletin, its achievement list or one
of its items is saved or deleted (``signals``); ``rebuild_index`` re-derives everything, for
writes that bypass signals (``QuerySet.update``, raw SQL) and after restoring a backup.
"""

from django.db import transaction

from bulletins.models import AchievementItem, AchievementList, Bulletin

from .backends import get_backend
from .models import SearchDocument
from .text import segment


def document_fields(bulletin):
    """The segmented title, summary and body of ``bulletin`` with its achievement list."""
    summary, body = [bulletin.summary], [bulletin.body]
    achievement_list = AchievementList.objects.filter(bulletin_id=bulletin.pk).first()
    if achievement_list is not None:
        summary.append(achievement_list.title)
        for item in AchievementItem.objects.filter(achievement_list=achievement_list):
            summary.append(item.title)
            body.append(item.body)
    return {
        "title": segment(bulletin.title),
        "summary": segment("\n".join(filter(None, summary))),
        "body": segment("\n".join(filter(None, body))),
    }


def index_bulletin(bulletin):
    """Index (or re-index) one bulletin, given as an instance or an id."""
    if not isinstance(bulletin, Bulletin):
        bulletin = Bulletin.objects.filter(pk=bulletin).first()
        if bulletin is None:
            return
    SearchDocument.objects.update_or_create(bulletin_id=bulletin.pk, defaults=document_fields(bulletin))


def remove_bulletin(bulletin_id):
    """Drop a bulletin from the index (deleting a bulletin does this by cascade)."""
    SearchDocument.objects.filter(bulletin_id=bulletin_id).delete()


@transaction.atomic
def rebuild_index():
    """Index every bulletin afresh and drop documents of bulletins that no longer exist.

    Returns the number of bulletins indexed.
    """
    count = 0
    for bulletin in Bulletin.objects.order_by("pk").iterator(chunk_size=500):
        index_bulletin(bulletin)
        count += 1
    SearchDocument.objects.exclude(bulletin_id__in=Bulletin.objects.values("pk")).delete()
    get_backend().rebuild()
    return count
