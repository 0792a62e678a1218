"""The admin import form: pasted text and/or several .txt/.docx files."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bulletins.models import Publisher, Region

from . import decode as decoding

ACCEPT = ".txt,.text,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern of the Django documentation)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    text = forms.CharField(
        label=_("粘贴原文"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        help_text=_("从网页、公众号或文档复制的整篇文字，原样粘贴；页面杂项会自动去除。"),
    )
    files = MultipleFileField(
        label=_("上传文件"),
        required=False,
        help_text=_("可多选；.txt（UTF-8 或 GBK/GB18030）或 .docx，每个不超过 2 MB。"),
    )
    publisher = forms.ModelChoiceField(
        label=_("发布机构"),
        queryset=Publisher.objects.all(),
        required=False,
        help_text=_("留空则按原文的“来源”或署名查找。"),
    )
    region = forms.ModelChoiceField(
        label=_("地区"),
        queryset=Region.objects.all(),
        required=False,
        help_text=_("留空则按标题、发布机构或正文判断。"),
    )
    dry_run = forms.BooleanField(
        label=_("仅预览（不保存）"),
        required=False,
        help_text=_("完整执行一遍导入并显示结果，但不写入数据库。"),
    )

    def __init__(self, *args, oversized=None, **kwargs):
        super().__init__(*args, **kwargs)
        #: The size of a request too large to be read at all (its text is not known).
        self.oversized = oversized

    def clean_text(self):
        text = self.cleaned_data["text"]
        size = len(text.encode("utf-8"))
        if size > decoding.max_bytes():
            raise forms.ValidationError(too_large_message(size), code="too_large")
        return text

    def clean(self):
        cleaned = super().clean()
        if self.oversized is not None:
            self.add_error(
                "text", forms.ValidationError(too_large_message(self.oversized), code="too_large")
            )
        elif (
            not cleaned.get("text", "").strip()
            and not cleaned.get("files")
            and "text" not in self.errors
        ):
            raise forms.ValidationError(_("请粘贴原文或选择至少一个文件。"))
        return cleaned


def too_large_message(size):
    return gettext(
        "粘贴的文本过大（%(size)s），超过导入上限 %(limit)s，没有导入；更长的原文请存为 .txt 或 .docx 文件后上传。"
    ) % {"size": decoding.size_label(size), "limit": decoding.size_label(decoding.max_bytes())}
