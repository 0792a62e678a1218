"""The admin page where an editor pastes text or uploads files to import as draft bulletins.

Staff only (``admin_view``: sign-in, CSRF, no caching) and only for users who may add
bulletins. The work is done by ``service``; this view reads the form, runs the import and
shows the summary: a progress bar over the files, then per file what was created, skipped
or failed and why, with a link to each draft.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from ..models import Bulletin
from . import decoding
from .forms import ImportForm
from .service import ImportBatch, ImportSession, import_bulletin_file, import_bulletin_text


def import_bulletins(request):
    if not request.user.has_perm("bulletins.add_bulletin"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    batch = None
    if request.method == "POST" and form.is_valid():
        batch = _run(form.cleaned_data, by=request.user)
    context = {
        **admin.site.each_context(request),
        "title": _("导入公报原文"),
        "opts": Bulletin._meta,
        "form": form,
        "batch": batch,
        "rows": [_row(result) for result in batch.results] if batch else [],
        "max_mb": decoding.max_bytes() / (1024 * 1024),
    }
    return TemplateResponse(request, "admin/bulletins/import.html", context)


def _run(data, *, by):
    options = {
        "publisher": data["publisher"],
        "region": data["region"],
        "by": by,
        "dry_run": data["dry_run"],
        "session": ImportSession(),
    }
    batch = ImportBatch()
    if data["text"].strip():
        batch.results.append(
            import_bulletin_text(data["text"], filename=_("粘贴的文本"), **options)
        )
    for upload in data["files"]:
        batch.results.append(
            import_bulletin_file(upload, filename=upload.name, size=upload.size, **options)
        )
    return batch


def _row(result):
    link = ""
    if result.bulletin_id:
        try:
            link = reverse("admin:bulletins_bulletin_change", args=[result.bulletin_id])
        except NoReverseMatch:
            link = ""
    return {"result": result, "link": link}
