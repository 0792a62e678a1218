"""Editors' forms: the bulletin form (optimistic lock, verified cover image) and transitions."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import images, revisions
from .models import Bulletin


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class BulletinAdminForm(forms.ModelForm):
    """The bulletin as editors change it.

    ``loaded_version`` carries the version the form was loaded with. Saving from a stale version
    is refused with a report of who changed the bulletin since and what; the submitted text stays
    in the re-displayed form, whose ``loaded_version`` now is the current one, so that a second,
    deliberate save (after merging) goes through. The row is locked while checking, and the admin
    saves in the same transaction, so no save can slip in between the check and the write.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    cover_image = forms.FileField(
        label=_("封面图"), required=False, widget=AdminFileWidget,
        help_text=_("JPEG、PNG 或 WebP，不超过 8 MiB、4000 万像素；保存时去除 EXIF 并生成 1200 像素宽的缩略图。"),
    )

    #: Set to False for a preview, which must neither lock nor report conflicts.
    check_conflicts = True

    class Meta:
        model = Bulletin
        formfield_callback = _formfield
        fields = [
            "title", "slug", "summary", "body", "raw_text", "editorial_note",
            "region", "region_label", "publisher", "source_name", "author_name", "topics",
            "issued_on", "issued_at_text", "period_start", "period_end",
            "source_url", "original_url", "cover_image", "cover_alt", "pre_announce",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self.locked_version = None
        self.processed_cover = None
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean_cover_image(self):
        value = self.cleaned_data.get("cover_image")
        if isinstance(value, UploadedFile):
            self.processed_cover = images.process_cover_image(value)
            return self.processed_cover.original
        return value

    def clean(self):
        cleaned = super().clean()
        cover = cleaned.get("cover_image", self.instance.cover_image if self.instance.pk else None)
        has_image = bool(cover) if "cover_image" not in self.errors else False
        if has_image and "cover_alt" in self.fields and not (cleaned.get("cover_alt") or "").strip():
            self.add_error("cover_alt", gettext("有封面图时需要填写替代文字，供读屏软件朗读。"))
        if self.processed_cover is not None:
            self.instance.cover_rendition = self.processed_cover.rendition
        elif cleaned.get("cover_image") is False:
            self.instance.cover_rendition = ""
        if self.instance.pk and self.check_conflicts:
            self._check_version(cleaned)
        return cleaned

    def _check_version(self, cleaned):
        current = Bulletin.objects.select_for_update().get(pk=self.instance.pk)
        loaded = cleaned.get("loaded_version")
        if loaded is None:
            # A change without the version it was made on could silently overwrite a colleague's.
            raise ValidationError(
                gettext("表单缺少所编辑的版本号，无法确认是否与他人的保存冲突；请重新打开此公报后再保存。"),
                code="missing_version",
            )
        if loaded == current.version:
            self.locked_version = current.version
            return
        self.conflict = revisions.conflict_report(current, loaded)
        data = self.data.copy()
        data[self.add_prefix("loaded_version")] = current.version
        self.data = data
        names = "、".join(self.conflict["names"]) or gettext("其他人")
        raise ValidationError(
            gettext(
                "保存冲突：您打开此公报后（版本 %(loaded)s），%(names)s 已保存了新的内容（现为版本 %(current)s）。"
                "您的修改没有保存，仍保留在下面的表单中；请对照下方列出的对方改动合并后再次保存。"
                "再次保存将以表单中的内容为准。"
            )
            % {"loaded": loaded, "names": names, "current": current.version},
            code="stale_version",
        )


class TransitionForm(forms.Form):
    """What a transition button posts: an optional comment and, for publishing, a time."""

    comment = forms.CharField(label=_("意见"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    at = forms.DateTimeField(
        label=_("定时发布"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("留空则立即发布。"),
    )
    override_reason = forms.CharField(
        label=_("忽略检查结果的理由"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
