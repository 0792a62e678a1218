"""Editorial views added to the bulletin admin: transitions, preview, revisions, trash.

Every view is wrapped by ``admin_site.admin_view`` (staff login, CSRF) and finds the bulletin
through the model admin's queryset, so an Author never reaches another author's bulletin
(404). The workflow and revision functions check permission again on the server: a forged
POST changes nothing and is answered with 403.
"""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from ecoportal.publishing import Status

from . import revisions, workflow
from .forms import SLUG_LENGTH, NotificationPreferenceForm, TransitionForm
from .models import Bulletin, NotificationPreference, Revision
from .slugs import unique_slug


def _error_text(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


class BulletinEditorialViewsMixin:
    """URLs and views of the editorial workflow, mixed into ``BulletinAdmin``."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        # The preview is shown in a frame of the form (the live preview): this origin may frame it.
        framed = [csp_replace({"frame-ancestors": [SELF]}), xframe_options_sameorigin]
        preview = self.preview_view
        for decorator in framed:
            preview = decorator(preview)
        return [
            path("preview/", wrap(preview), name=f"{prefix}_preview_new"),
            path("slug/", wrap(self.slug_view), name=f"{prefix}_slug"),
            path("notifications/", wrap(self.notifications_view), name=f"{prefix}_notifications"),
            path(
                "<path:object_id>/transition/<str:action>/",
                wrap(require_POST(self.transition_view)),
                name=f"{prefix}_transition",
            ),
            path("<path:object_id>/preview/", wrap(preview, cacheable=True), name=f"{prefix}_preview"),
            path(
                "<path:object_id>/revisions/compare/",
                wrap(self.revision_compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:number>/restore/",
                wrap(require_POST(self.revision_restore_view)),
                name=f"{prefix}_restore",
            ),
            path(
                "<path:object_id>/untrash/",
                wrap(require_POST(self.untrash_view)),
                name=f"{prefix}_untrash",
            ),
            *super().get_urls(),
        ]

    # helpers ----------------------------------------------------------------------------------

    def _bulletin_or_404(self, request, object_id):
        bulletin = self.get_object(request, unquote(object_id))
        if bulletin is None or not self.has_view_permission(request, bulletin):
            raise Http404(_("没有找到这篇公报。"))
        return bulletin

    def _change_url(self, bulletin):
        return reverse(f"{self.admin_site.name}:bulletins_bulletin_change", args=[bulletin.pk])

    # views ------------------------------------------------------------------------------------

    def transition_view(self, request, object_id, action):
        bulletin = self._bulletin_or_404(request, object_id)
        if action not in workflow.TRANSITIONS:
            raise Http404(_("未知的操作。"))
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return HttpResponseRedirect(self._change_url(bulletin))
        label = workflow.TRANSITIONS[action].label
        try:
            workflow.bulletin_perform(
                bulletin, action, by=request.user,
                comment=form.cleaned_data["comment"], at=form.cleaned_data["at"],
                override_reason=form.cleaned_data["override_reason"],
            )
        except workflow.WorkflowPermissionError:
            raise PermissionDenied from None
        except (workflow.InvalidTransition, ValidationError) as error:
            messages.error(request, _("未能%(action)s：%(error)s") % {"action": label, "error": _error_text(error)})
            return HttpResponseRedirect(self._change_url(bulletin))
        if bulletin.is_scheduled:
            messages.success(
                request,
                _("“%(title)s”已批准，将于 %(at)s 公开。")
                % {"title": bulletin, "at": timezone.localtime(bulletin.publish_at).strftime("%Y-%m-%d %H:%M")},
            )
        else:
            messages.success(request, _("“%(title)s”：%(action)s完成。") % {"title": bulletin, "action": label})
        if getattr(bulletin, "findings", None):
            messages.warning(request, _("数值检查发现 %(count)d 项问题，见“数值检查”。") % {"count": len(bulletin.findings)})
        return HttpResponseRedirect(self._change_url(bulletin))

    def preview_view(self, request, object_id=None):
        """The public page of this bulletin in any state, through the readers' template and
        sanitiser; POST previews unsaved form data (also of a bulletin not yet saved, at
        ``preview/``, which only someone who may add bulletins reaches). Nothing is saved."""
        from .views import bulletin_page_context

        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            if request.method != "POST":
                return HttpResponseRedirect(reverse(f"{self.admin_site.name}:bulletins_bulletin_add"))
            bulletin = Bulletin(status=Status.DRAFT)
        else:
            bulletin = self._bulletin_or_404(request, object_id)
        if request.method == "POST":
            fields = flatten_fieldsets(self.get_fieldsets(request, bulletin if object_id else None))
            form_class = self.get_form(request, bulletin if object_id else None, change=object_id is not None, fields=fields)
            form = form_class(request.POST, instance=bulletin)
            form.check_conflicts = False
            form.is_valid()  # fills form.instance with whatever is valid; nothing is saved
            bulletin = form.instance
        saved = bulletin.pk is not None
        if not saved:
            # Read as a bulletin with nothing related yet (no topics, figures or list).
            bulletin.pk = 0
        context = {
            **bulletin_page_context(bulletin),
            "bulletin": bulletin,
            "preview": True,
            "change_url": self._change_url(bulletin) if saved else reverse(f"{self.admin_site.name}:bulletins_bulletin_add"),
            "unsaved": request.method == "POST",
        }
        response = TemplateResponse(request, "admin/bulletins/preview.html", context)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def slug_view(self, request):
        """The slug the form would give this title (``?title=…&id=…``): what the form's script
        puts in the slug field while the editor has not written one of their own."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        title = request.GET.get("title", "")[:200]
        exclude = request.GET.get("id", "")
        slug = unique_slug(
            Bulletin, "slug", title, max_length=SLUG_LENGTH, fallback="",
            exclude_pk=int(exclude) if exclude.isdigit() else None,
        ) if title.strip() else ""
        return JsonResponse({"slug": slug})

    def notifications_view(self, request):
        """Each person turns the workflow's e-mails on or off for themselves (any staff user)."""
        preference = NotificationPreference.objects.filter(user=request.user).first() or NotificationPreference(
            user=request.user
        )
        form = NotificationPreferenceForm(request.POST if request.method == "POST" else None, instance=preference)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(
                request, _("已开启邮件通知。") if preference.email_enabled else _("已关闭邮件通知。")
            )
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": _("邮件通知"),
            "form": form,
            "email": request.user.email,
        }
        return TemplateResponse(request, "admin/bulletins/notifications.html", context)

    def revision_compare_view(self, request, object_id):
        bulletin = self._bulletin_or_404(request, object_id)
        all_revisions = list(
            Revision.objects.filter(bulletin=bulletin).select_related("by").defer("data").order_by("-number")
        )
        if not all_revisions:
            messages.info(request, _("这篇公报还没有修订记录。"))
            return HttpResponseRedirect(self._change_url(bulletin))
        numbers = [r.number for r in all_revisions]

        def pick(name, default):
            try:
                value = int(request.GET.get(name, default))
            except (TypeError, ValueError):
                return default
            return value if value in numbers else default

        newest = numbers[0]
        new_number = pick("b", newest)
        older = [n for n in numbers if n < new_number]
        old_number = pick("a", older[0] if older else new_number)
        old = get_object_or_404(Revision, bulletin=bulletin, number=old_number)
        new = get_object_or_404(Revision, bulletin=bulletin, number=new_number)
        rows = revisions.revision_diff(
            old.data, new.data, old_desc=f"r{old.number}", new_desc=f"r{new.number}"
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("比较修订：%s") % bulletin,
            "bulletin": bulletin,
            "revisions": all_revisions,
            "old": old,
            "new": new,
            "rows": rows,
            "change_url": self._change_url(bulletin),
            "can_restore": workflow.can_edit(request.user, bulletin),
        }
        return TemplateResponse(request, "admin/bulletins/bulletin/revision_compare.html", context)

    def revision_restore_view(self, request, object_id, number):
        bulletin = self._bulletin_or_404(request, object_id)
        revision = get_object_or_404(Revision, bulletin=bulletin, number=number)
        try:
            new = revisions.revision_restore(revision, by=request.user)
        except workflow.WorkflowPermissionError:
            raise PermissionDenied from None
        except ValidationError as error:
            messages.error(request, _("未能恢复：%s") % _error_text(error))
            return HttpResponseRedirect(self._change_url(bulletin))
        messages.success(
            request, _("已恢复到修订 r%(old)s，保存为新的修订 r%(new)s。") % {"old": revision.number, "new": new.number}
        )
        return HttpResponseRedirect(self._change_url(bulletin))

    def untrash_view(self, request, object_id):
        bulletin = self._bulletin_or_404(request, object_id)
        try:
            workflow.bulletin_untrash(bulletin, by=request.user)
        except workflow.WorkflowPermissionError:
            raise PermissionDenied from None
        except workflow.InvalidTransition as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%s”已从回收站恢复。") % bulletin)
        return HttpResponseRedirect(self._change_url(bulletin))
