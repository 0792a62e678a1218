"""Re-index a bulletin whenever its text, its achievement list or one of its items changes.

Deleting a bulletin removes its document by cascade; the achievement list and items deleted
with it must not re-index it on their way out.
"""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from bulletins.models import AchievementItem, AchievementList, Bulletin

from .index import index_bulletin


def _origin_is_a_bulletin(origin):
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(model, Bulletin)


def bulletin_saved(sender, instance, **kwargs):
    index_bulletin(instance)


def achievement_list_changed(sender, instance, origin=None, **kwargs):
    if origin is not None and _origin_is_a_bulletin(origin):
        return
    index_bulletin(instance.bulletin_id)


def achievement_item_changed(sender, instance, origin=None, **kwargs):
    if origin is not None and _origin_is_a_bulletin(origin):
        return
    bulletin_id = (
        AchievementList.objects.filter(pk=instance.achievement_list_id)
        .values_list("bulletin_id", flat=True)
        .first()
    )
    # While loaddata is still loading, the list may not exist yet: its own save indexes it.
    if bulletin_id is not None:
        index_bulletin(bulletin_id)


def connect():
    uid = "search.index"
    post_save.connect(bulletin_saved, sender=Bulletin, dispatch_uid=f"{uid}.bulletin")
    post_save.connect(achievement_list_changed, sender=AchievementList, dispatch_uid=f"{uid}.list")
    post_delete.connect(achievement_list_changed, sender=AchievementList, dispatch_uid=f"{uid}.list-del")
    post_save.connect(achievement_item_changed, sender=AchievementItem, dispatch_uid=f"{uid}.item")
    post_delete.connect(achievement_item_changed, sender=AchievementItem, dispatch_uid=f"{uid}.item-del")
