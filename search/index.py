"""Keeping the search index in step with the bulletins.

Every bulletin is indexed whatever its state; only ``Bulletin.objects.published()`` decides
what a search can return. ``index_bulletin`` runs when a bulletin, its achievement list or one
of its items is saved or deleted (``signals``); ``rebuild_index`` re-derives everything, for
writes that bypass signals (``QuerySet.update``, raw SQL) and after restoring a backup.

Inside ``deferred_indexing()`` (the importer enters it around each file) those calls only note
the bulletin; it is indexed once, after the transaction commits, with what was written in bulk
(``bulk_create`` sends no signal) included, and not at all if the transaction rolls back.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from bulletins.models import AchievementItem, AchievementList, Bulletin
from ecoportal.caching.generation import content_changed

from .backends import get_backend
from .models import SearchDocument
from .text import segment


def _achievement_texts(bulletin_ids):
    """{bulletin id: (titles, bodies)} of the achievement lists of these bulletins."""
    texts = {}
    for achievement_list in AchievementList.objects.filter(bulletin_id__in=bulletin_ids).prefetch_related(
        Prefetch("items", AchievementItem.objects.order_by("number"))
    ):
        titles = [achievement_list.title, *(item.title for item in achievement_list.items.all())]
        bodies = [item.body for item in achievement_list.items.all()]
        texts[achievement_list.bulletin_id] = (titles, bodies)
    return texts


def document_fields(bulletin, achievements=None):
    """The segmented title, summary and body of ``bulletin`` with its achievement list.

    ``achievements`` is the bulletin's entry of ``_achievement_texts``, looked up if not given.
    """
    if achievements is None:
        achievements = _achievement_texts([bulletin.pk]).get(bulletin.pk)
    titles, bodies = achievements or ((), ())
    return {
        "title": segment(bulletin.title),
        "summary": segment("\n".join(filter(None, [bulletin.summary, *titles]))),
        "body": segment("\n".join(filter(None, [bulletin.body, *bodies]))),
    }


_deferred = ContextVar("search_index_deferred", default=None)


@contextmanager
def deferred_indexing():
    """Index the bulletins saved inside this block once each, after the transaction commits.

    Nested blocks add to the outermost one. Outside a transaction the bulletins are indexed on
    leaving the block.
    """
    if _deferred.get() is not None:
        yield
        return
    pending = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending:
        transaction.on_commit(lambda: index_bulletins(pending))


def index_bulletin(bulletin):
    """Index (or re-index) one bulletin, given as an instance or an id."""
    pending = _deferred.get()
    if pending is not None:
        pending.add(bulletin.pk if isinstance(bulletin, Bulletin) else bulletin)
        return
    if not isinstance(bulletin, Bulletin):
        bulletin = Bulletin.objects.filter(pk=bulletin).first()
        if bulletin is None:
            return
    SearchDocument.objects.update_or_create(bulletin_id=bulletin.pk, defaults=document_fields(bulletin))


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _index_batch(bulletins):
    """Write the documents of these bulletins whose text changed, in bulk."""
    ids = [bulletin.pk for bulletin in bulletins]
    achievements = _achievement_texts(ids)
    existing = SearchDocument.objects.in_bulk(ids)
    created, changed = [], []
    now = timezone.now()
    for bulletin in bulletins:
        fields = document_fields(bulletin, achievements.get(bulletin.pk, ((), ())))
        document = existing.get(bulletin.pk)
        if document is None:
            created.append(SearchDocument(bulletin_id=bulletin.pk, **fields))
        elif any(getattr(document, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(document, name, value)
            document.indexed_at = now
            changed.append(document)
    SearchDocument.objects.bulk_create(created)
    SearchDocument.objects.bulk_update(changed, ["title", "summary", "body", "indexed_at"])
    if created or changed:
        # Written after the bulletin's own commit (and bump): results kept meanwhile go stale.
        content_changed(scopes=["lists"])


def _indexed_fields(queryset):
    return queryset.only("pk", "title", "summary", "body").order_by("pk")


@transaction.atomic
def index_bulletins(bulletin_ids, batch_size=500):
    """Index (or re-index) the bulletins with these ids, a few queries per batch."""
    ids = sorted(bulletin_ids)
    for batch in _batches(ids, batch_size):
        _index_batch(list(_indexed_fields(Bulletin.objects.filter(pk__in=batch))))


@transaction.atomic
def rebuild_index(batch_size=500):
    """Index every bulletin afresh and drop documents of bulletins that no longer exist.

    Only documents whose text changed are written. Returns the number of bulletins indexed.
    """
    count = 0
    bulletins = _indexed_fields(Bulletin.objects.all())
    with get_backend().rebuilding():
        for batch in _batches(bulletins.iterator(chunk_size=batch_size), batch_size):
            _index_batch(batch)
            count += len(batch)
        SearchDocument.objects.exclude(bulletin_id__in=Bulletin.objects.values("pk")).delete()
    return count
