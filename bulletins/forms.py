"""Editors' forms: the bulletin form (optimistic lock, verified cover image) and transitions."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import images, revisions
from .models import Bulletin, NotificationPreference
from .slugs import unique_slug

SLUG_LENGTH = Bulletin._meta.get_field("slug").max_length

#: Every field of the bulletin form explained in plain words (what to write, who sees it).
HELP_TEXTS = {
    "title": _("读者在列表和搜索结果中看到的标题，照录原文标题；原文没有标题时由编辑拟定，并在编者按中说明。"),
    "slug": _("网址中的名称（/bulletins/名称/），只能用小写字母、数字和连字符。留空则按标题自动生成拼音；公开后请不要再改，以免旧链接失效。"),
    "summary": _("一两句话说明公报讲了什么，显示在列表、搜索结果和订阅中。可以留空。"),
    "body": _("正文。空一行分段；“## 小标题”为小标题，“- ”开头为列表，**加粗**。保存和发布时去除不安全的内容；下方的预览就是读者将看到的样子。"),
    "raw_text": _("收到的原文，一字不改，用来核对正文和数值。导入时自动填写。"),
    "editorial_note": _("向读者说明编辑做了什么处理，例如“标题由编辑拟定”。没有则留空。"),
    "region": _("公报所讲的地区。找不到时留空，并在右边照录原文的称呼。"),
    "region_label": _("地区无法确定时，照录原文的称呼（如“口市”）。"),
    "publisher": _("发布公报的机构，例如某市生态环境局。原文未注明则留空。"),
    "source_name": _("转载时注明的来源，例如报纸或网站的名称。"),
    "author_name": _("原文署名的作者或记者；没有则留空。"),
    "topics": _("勾选公报涉及的主题，读者可按主题筛选。"),
    "issued_on": _("原文注明的发布日期；原文未注明则留空，不要猜。"),
    "issued_at_text": _("原文中写的发布时间，照抄（例如“2024年1月29日 09:00”）。"),
    "period_start": _("公报所述数据的期间从哪天开始，例如年报为1月1日；不清楚则留空。"),
    "period_end": _("公报所述数据的期间到哪天结束；不清楚则留空。"),
    "source_url": _("转载公报的网页地址。"),
    "original_url": _("发布机构网站上原文的地址，读者可点击查看原文。"),
    "cover_alt": _("用一句话描述封面图的内容，供看不到图片的读者（读屏软件）使用。有封面图时必填。"),
    "pre_announce": _("定时发布前，在公开的发布日历中列出标题、发布机构和时间（不含其他内容）。"),
}


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
        help_texts = HELP_TEXTS
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
        if "slug" in self.fields:
            self.fields["slug"].required = False
        if "title" in self.fields:
            # Long titles are common (伊春市…生态环境保护工作亮点（15项）): the box shows them whole.
            self.fields["title"].widget.attrs.update({"class": "vTextField bulletin-title"})

    def clean_slug(self):
        """A slug left empty is made from the title, in pinyin, unique among bulletins."""
        slug = self.cleaned_data.get("slug")
        if slug or "title" not in self.fields:
            return slug
        title = self.data.get(self.add_prefix("title"), "")
        return unique_slug(Bulletin, "slug", title, max_length=SLUG_LENGTH, fallback="bulletin", exclude_pk=self.instance.pk)

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


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["email_enabled"]
