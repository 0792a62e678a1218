"""Cover image files: served under /media/ while a bulletin may be seen with them, and removed
from storage once no bulletin names them.

**Serving.** Nothing else serves MEDIA_ROOT in production, and a web-server rule would serve
every file there to anyone: a draft's cover, or one replaced because it should not be shown.
``serve_cover`` answers a file only while a published bulletin shows it (or, for staff who may
see bulletins in the admin, any bulletin does), with its type from its extension, never sniffed,
and a sandboxing Content-Security-Policy. Anything else under /media/ is a 404.

**Removal.** A cover replaced or cleared, and the covers of a deleted bulletin, are deleted
from storage once the change is committed (a rolled-back save still needs them), unless another
bulletin names the same file. Revisions keep the names of earlier covers; restoring one whose
file was removed since gives a bulletin without that image until it is uploaded again.
"""

from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from ecoportal.publishing import shows_published_only

from .models import Bulletin

FIELDS = ("cover_image", "cover_rendition")
#: What a cover is stored as (bulletins.images re-encodes every upload to one of these).
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
PUBLIC_MAX_AGE = 300


def _stored_names(pk):
    row = Bulletin.objects.filter(pk=pk).values_list(*FIELDS).first()
    return {name for name in row or () if name}


def _current_names(bulletin):
    return {getattr(bulletin, field).name for field in FIELDS if getattr(bulletin, field)}


@receiver(pre_save, sender=Bulletin, dispatch_uid="bulletins.cover_files.before_save")
def _remember_stored_covers(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(FIELDS) & set(update_fields):
        return  # a workflow transition, which never changes the cover: no query
    instance._stored_cover_names = _stored_names(instance.pk)


@receiver(post_save, sender=Bulletin, dispatch_uid="bulletins.cover_files.after_save")
def _remove_replaced_covers(sender, instance, raw=False, **kwargs):
    replaced = instance.__dict__.pop("_stored_cover_names", set()) - _current_names(instance)
    if replaced:
        remove_when_committed(replaced)


@receiver(pre_delete, sender=Bulletin, dispatch_uid="bulletins.cover_files.before_delete")
def _remove_deleted_covers(sender, instance, **kwargs):
    # Read while the row exists: the instance may have been loaded without its cover fields.
    names = _stored_names(instance.pk)
    if names:
        remove_when_committed(names)


def remove_when_committed(names):
    transaction.on_commit(lambda: remove_unused(names))


def remove_unused(names):
    """Delete the files of ``names`` that no bulletin names any more."""
    for name in names:
        if not Bulletin.objects.showing_cover_file(name).exists():
            default_storage.delete(name)


def _visible_to(user):
    if user.is_authenticated and user.is_staff and user.has_perm("bulletins.view_bulletin"):
        return Bulletin.objects.all()
    return None


@shows_published_only
@require_safe
def serve_cover(request, name):
    content_type = CONTENT_TYPES.get(PurePosixPath(name).suffix.lower())
    if content_type is None or not name.startswith("covers/"):
        raise Http404
    staff_rows = _visible_to(request.user)
    public = Bulletin.objects.published().showing_cover_file(name).exists()
    if not public and (staff_rows is None or not staff_rows.showing_cover_file(name).exists()):
        raise Http404
    try:
        file = default_storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise Http404 from None
    response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{PurePosixPath(name).name}"'
    # An image is never a page: no scripts, plugins or forms even if a browser rendered it as one.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}" if public else "private, no-store"
    return response


