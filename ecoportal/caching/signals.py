"""Saving or deleting public content, or changing a bulletin's topics, starts a new generation.

Every model of the content apps (``PAGE_CACHE_CONTENT_APPS``) counts, except the editors' own
records (``PAGE_CACHE_IGNORED_MODELS``: audit trail, revisions), which no public page shows.
A draft saved by an editor makes a bump too: harmless, and simpler than knowing what was
public before.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from .generation import content_changed

M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def content_models():
    ignored = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS
        and model._meta.label_lower not in ignored
    ]


def _saved_or_deleted(sender, using=None, **kwargs):
    content_changed(using=using)


def _relations_changed(sender, action, using=None, **kwargs):
    if action in M2M_ACTIONS and sender._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS:
        content_changed(using=using)


def _uid(signal, model):
    return f"pagecache:{signal}:{model._meta.label_lower}"


def connect():
    for model in content_models():
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=_uid("save", model))
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=_uid("delete", model))
    m2m_changed.connect(_relations_changed, dispatch_uid="pagecache:m2m")


def disconnect():
    for model in content_models():
        post_save.disconnect(sender=model, dispatch_uid=_uid("save", model))
        post_delete.disconnect(sender=model, dispatch_uid=_uid("delete", model))
    m2m_changed.disconnect(dispatch_uid="pagecache:m2m")
