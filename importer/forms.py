"""The admin import form: pasted text and/or several .txt/.docx files."""

from itertools import groupby

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bulletins.models import Publisher, Region
from indicators.choices import Category, ObservationKind

from . import decode as decoding
from . import editor_tables, table_text

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


class TableForm(forms.Form):
    """What the editor says of a table the reading left (``editor_tables``): what each column
    of numbers measures, in which unit and of which kind (a level, or its change: a table
    gives both side by side), the period, and whether rows are places.

    The indicators are one list for every column, read once (``indicators``), so the page
    makes the same queries however many columns the table has. The table the form was shown
    for is posted back (its fingerprint): a form posted on another saves nothing.
    """

    period_start = forms.DateField(
        label=_("期间起"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    period_end = forms.DateField(
        label=_("期间止"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    period_label = forms.CharField(
        label=_("期间（原文）"),
        max_length=64,
        required=False,
        help_text=_("如“2023年”“1—11月”：表格标题或上文所说的期间。"),
    )
    rows_are_places = forms.BooleanField(
        label=_("行首是地区"),
        required=False,
        help_text=_("勾选时，行首的市、县、区名作为数值的地区；否则作为限定条件（如监测点）。"),
    )

    # The table the editor named the columns of (``Table.fingerprint``), checked on saving.
    table = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, table, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fingerprint = table.fingerprint
        columns = table.columns
        self.indicators = {str(indicator.pk): indicator for indicator in indicators}
        # Grouped by category (a select's optgroups): over a hundred indicators in one flat
        # list is hard to find one's way in.
        choices = [("", gettext("（不读此列）"))] + [
            (
                Category(category).label if category in Category.values else category,
                [(str(i.pk), f"{i.name}（{i.unit}）") for i in group],
            )
            for category, group in groupby(indicators, key=lambda indicator: indicator.category)
        ]
        self.columns = columns
        for number in range(1, columns + 1):
            self.fields[f"indicator_{number}"] = forms.ChoiceField(
                label=gettext("第 %(number)d 列") % {"number": number},
                choices=choices,
                required=False,
            )
            self.fields[f"unit_{number}"] = forms.CharField(
                label=gettext("单位"),
                max_length=32,
                required=False,
                help_text=gettext("空着则用指标的单位"),
            )
            self.fields[f"kind_{number}"] = forms.ChoiceField(
                label=gettext("类型"),
                choices=ObservationKind.choices,
                initial=ObservationKind.LEVEL,
            )

    def table_fields(self):
        """The fields said of the whole table, for the template."""
        return [
            self[name] for name in ("period_start", "period_end", "period_label", "rows_are_places")
        ]

    def column_fields(self):
        """``(indicator, unit, kind)`` fields of each column, for the template."""
        return [
            (self[f"indicator_{number}"], self[f"unit_{number}"], self[f"kind_{number}"])
            for number in range(1, self.columns + 1)
        ]

    def clean(self):
        data = super().clean()
        if data.get("table") != self.fingerprint:
            raise forms.ValidationError(
                gettext("原文或分行已改变，这张表格与预览时不同：请重新核对各列后再预览。")
            )
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", gettext("期间止早于期间起。"))
        if not any(data.get(f"indicator_{n}") for n in range(1, self.columns + 1)):
            raise forms.ValidationError(gettext("请至少为一列选择指标。"))
        return data

    def choices(self):
        """The editor's choices as ``editor_tables.Choices``."""
        data = self.cleaned_data
        return editor_tables.Choices(
            columns=tuple(
                editor_tables.Column(
                    self.indicators.get(data[f"indicator_{n}"]),
                    data[f"unit_{n}"].strip(),
                    data[f"kind_{n}"],
                )
                for n in range(1, self.columns + 1)
            ),
            period_start=data["period_start"],
            period_end=data["period_end"],
            period_label=data["period_label"].strip(),
            rows_are_places=data["rows_are_places"],
        )


class GridForm(forms.Form):
    """How a table copied a cell a line is put back in rows (``table_text.CellRun.table``):
    ``per_row`` cells a row, from cell ``first`` on (counted from 0, blank lines aside)."""

    per_row = forms.IntegerField(
        label=_("每行单元格数"), min_value=1, max_value=table_text.MAX_PER_ROW
    )
    first = forms.IntegerField(
        label=_("第一行从第几个单元格开始"),
        min_value=0,
        max_value=100_000,
        help_text=_("从 0 数起；表头的单元格在它之前。"),
    )
