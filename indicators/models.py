import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bulletins.models import Bulletin, Correction, Region
from bulletins.slugs import slug_path

from . import units
from .choices import Category, ObservationKind, ReviewState
from .periods import period_problems
from .querysets import IndicatorQuerySet, ObservationQuerySet


class Indicator(models.Model):
    """A measured quantity (PM2.5, good-days ratio, fines…) with its unit and direction."""

    code = models.SlugField(_("代码"), max_length=64, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    name_en = models.CharField(_("英文名称"), max_length=150, blank=True)
    unit = models.CharField(_("单位"), max_length=32)
    unit_en = models.CharField(_("英文单位"), max_length=32, blank=True)
    category = models.CharField(_("类别"), max_length=32, choices=Category, db_index=True)
    higher_is_better = models.BooleanField(
        _("数值越高越好"), null=True, blank=True, help_text=_("留空表示无好坏之分（如案件数）。")
    )
    description = models.TextField(_("说明"), blank=True)
    is_headline = models.BooleanField(_("首页展示"), default=False)
    # The reference fields (indicators/reference/catalogue.toml fills them; editors keep them).
    unit_code = models.CharField(
        _("单位代码"), max_length=32, blank=True,
        help_text=_("indicators/units.py 中的单位代码，如 ug/m3、percent；留空则按“单位”识别。"),
    )
    other_unit_codes = models.CharField(
        _("其他可用单位代码"), max_length=100, blank=True,
        help_text=_("不能换算为本单位、但数值也可采用的单位代码，空格分隔（如满意度的 score）。"),
    )
    aliases_zh = models.TextField(
        _("中文别称"), blank=True, help_text=_("公报中称呼本指标的说法，每行一个，较长、较具体的在前。")
    )
    aliases_en = models.TextField(_("英文别称"), blank=True, help_text=_("每行一个。"))
    definition = models.TextField(_("定义"), blank=True)
    definition_en = models.TextField(_("英文定义"), blank=True)
    same_as = models.SlugField(
        _("同义指标代码"), max_length=64, blank=True,
        help_text=_("本指标与参考目录中另一指标含义相同时，填写该指标的代码；新数值归入该指标。"),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["category", "code"]
        verbose_name = _("指标")
        verbose_name_plural = _("指标")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("indicators:detail", self.code)

    @property
    def unit_family(self):
        unit = units.get(self.unit_code) or units.parse_unit(self.unit)
        return unit.family if unit else None

    def clean(self):
        errors = {}
        unit = units.get(self.unit_code) if self.unit_code else units.parse_unit(self.unit)
        if self.unit_code and unit is None:
            errors["unit_code"] = _("未知单位代码“%(code)s”。") % {"code": self.unit_code}
        elif unit is None:
            errors["unit"] = _("未知单位“%(unit)s”。") % {"unit": self.unit}
        elif units.parse_unit(self.unit) and units.parse_unit(self.unit).family != unit.family:
            errors["unit_code"] = _("单位代码与单位“%(unit)s”不属同一类。") % {"unit": self.unit}
        unknown = [code for code in self.other_unit_codes.split() if units.get(code) is None]
        if unknown:
            errors["other_unit_codes"] = _("未知单位代码“%(code)s”。") % {"code": " ".join(unknown)}
        if errors:
            raise ValidationError(errors)

    def catalogue_entry(self):
        """This indicator as a ``catalogue.Entry`` (its limits prefetched or queried)."""
        from .catalogue import Entry, Limit

        unit = units.get(self.unit_code) or units.parse_unit(self.unit)
        return Entry(
            code=self.code,
            name_zh=self.name,
            name_en=self.name_en,
            category=self.category,
            unit=unit.code if unit else "",
            unit_family=unit.family if unit else "",
            higher_is_better=self.higher_is_better,
            aliases_zh=tuple(_lines(self.aliases_zh)),
            aliases_en=tuple(_lines(self.aliases_en)),
            definition_zh=self.definition,
            definition_en=self.definition_en,
            limits=tuple(
                Limit(limit.value, limit.unit_code, limit.basis, limit.basis_en) for limit in self.limits.all()
            ),
            other_units=tuple(self.other_unit_codes.split()),
            same_as=self.same_as,
            in_database=True,
        )


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class IndicatorLimit(models.Model):
    """A national limit for an indicator's values (GB 3095-2012 grade II, GB 3096-2008 by class…)."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("指标"), on_delete=models.CASCADE, related_name="limits")
    value = models.DecimalField(_("限值"), max_digits=12, decimal_places=4)
    unit_code = models.CharField(_("单位代码"), max_length=32)
    basis = models.CharField(_("依据"), max_length=200, help_text=_("标准及其条款，如“GB 3095-2012 二级浓度限值（年平均）”。"))
    basis_en = models.CharField(_("英文依据"), max_length=200, blank=True)

    class Meta:
        ordering = ["indicator", "id"]
        verbose_name = _("标准限值")
        verbose_name_plural = _("标准限值")

    def __str__(self):
        unit = units.get(self.unit_code)
        return f"{self.value.normalize():f} {unit.symbol_zh if unit else self.unit_code}（{self.basis}）"

    def clean(self):
        if units.get(self.unit_code) is None:
            raise ValidationError({"unit_code": _("未知单位代码“%(code)s”。") % {"code": self.unit_code}})


class Observation(models.Model):
    """One value a bulletin states, with the verbatim sentence it came from.

    ``value_text`` is the number exactly as written in ``quote``; ``value`` is the same number
    as a decimal, and ``value_normalised`` is it in the base unit of its family for sorting and
    charts. ``qualifier`` keeps what makes it not comparable with others (扣除沙尘异常超标天数后).
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="observations", help_text=_("仅在候选数值附有新指标建议时可留空。"),
    )
    region = models.ForeignKey(Region, verbose_name=_("地区"), null=True, blank=True, on_delete=models.PROTECT, related_name="observations")
    bulletin = models.ForeignKey(Bulletin, verbose_name=_("出处公报"), on_delete=models.CASCADE, related_name="observations")
    period_start = models.DateField(_("期间起"), null=True, blank=True)
    period_end = models.DateField(_("期间止"), null=True, blank=True)
    period_label = models.CharField(_("期间（原文）"), max_length=64, blank=True, help_text=_("如“2023年”“1—11月”“截至12月28日”"))
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=4)
    value_text = models.CharField(_("原文数值"), max_length=32, help_text=_("数值在原句中的写法"))
    unit = models.CharField(_("单位"), max_length=32)
    value_normalised = models.DecimalField(_("换算值"), max_digits=24, decimal_places=4, null=True, blank=True, editable=False)
    qualifier = models.CharField(_("限定条件"), max_length=200, blank=True)
    quote = models.TextField(_("原句"))
    review_state = models.CharField(_("审核"), max_length=16, choices=ReviewState, default=ReviewState.ACCEPTED, db_index=True)
    # What the importer read, for the editor who reviews the candidate.
    kind = models.CharField(_("类型"), max_length=16, choices=ObservationKind, default=ObservationKind.LEVEL)
    approximate = models.BooleanField(_("约数"), default=False, help_text=_("原文为约数，如“1200余家次”“近3万元”。"))
    derived = models.BooleanField(
        _("推算值"), default=False, help_text=_("原文未直接写出，由同一句中的数值及其变化推算（如上年的数值）。")
    )
    reasons = models.TextField(_("识别依据"), blank=True, help_text=_("为何归入此指标、期间和地区，每行一条。"))
    proposed_indicator_name = models.CharField(_("建议新指标名称"), max_length=100, blank=True)
    proposed_indicator_unit = models.CharField(_("建议新指标单位"), max_length=32, blank=True)
    proposed_indicator_category = models.CharField(
        _("建议新指标类别"), max_length=32, choices=Category, blank=True
    )
    proposed_region_name = models.CharField(_("建议新地区名称"), max_length=64, blank=True)
    proposed_region_code = models.CharField(_("建议新地区代码"), max_length=6, blank=True)
    proposed_region_parent_code = models.CharField(_("建议新地区的上级代码"), max_length=6, blank=True)
    # The latest public correction, kept on the row so that pages mark it without a query.
    corrected_at = models.DateTimeField(_("更正时间"), null=True, blank=True, editable=False)
    correction = models.ForeignKey(
        Correction, verbose_name=_("更正"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "region", "period_end", "id"]
        verbose_name = _("观测值")
        verbose_name_plural = _("观测值")
        indexes = [
            models.Index(fields=["indicator", "region", "period_end"], name="obs_indicator_region_idx"),
            # A series' newest figures first, for the charts and cards (``newest_per_series``).
            models.Index(fields=["indicator", "region", "qualifier", "period_end"], name="obs_series_idx"),
            models.Index(fields=["region", "period_end"], name="obs_region_period_idx"),
            models.Index(fields=["bulletin"], name="obs_bulletin_idx"),
            # The API's ordering=period_end and ordering=value_normalised (within an indicator).
            models.Index(fields=["period_end", "id"], name="obs_period_end_idx"),
            models.Index(fields=["indicator", "value_normalised", "id"], name="obs_indicator_value_idx"),
            # An indicator's latest corrections (the indicator page's links to the day before each).
            models.Index(fields=["indicator", "corrected_at"], name="obs_indicator_corrected_idx"),
        ]
        constraints = [
            # A figure without an indicator proposes one and is not accepted (a candidate, or
            # rejected with its proposal): nothing accepted, so nothing public, lacks it.
            models.CheckConstraint(
                condition=models.Q(indicator__isnull=False)
                | (~models.Q(review_state=ReviewState.ACCEPTED) & ~models.Q(proposed_indicator_name="")),
                name="obs_indicator_or_proposal",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id or self.proposed_indicator_name} {self.value_text}{self.unit}"

    def save(self, *args, **kwargs):
        self.value_normalised = units.normalise(self.value, self.unit)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.bulletin.get_absolute_url()}#obs-{self.pk}"

    @classmethod
    def from_db(cls, db, field_names, values):
        observation = super().from_db(db, field_names, values)
        loaded = observation.__dict__
        if "indicator_id" in loaded and "region_id" in loaded and "qualifier" in loaded:
            # The series it was in: a correction that moves it refreshes both (``summaries``).
            observation._summary_series = (loaded["indicator_id"], loaded["region_id"], loaded["qualifier"])
        return observation

    @property
    def year(self):
        return self.period_end.year if self.period_end else None

    def unit_problem(self):
        """Why this figure's unit does not fit its indicator, or None.

        A level or a target is in the indicator's unit family (or one of its other units); a
        change may also be relative (%), or in percentage points for an indicator in percent.
        """
        unit = units.parse_unit(self.unit)
        if unit is None:
            return _("未知单位“%(unit)s”。") % {"unit": self.unit}
        indicator = self.indicator
        expected = indicator.unit_family
        allowed = {expected} if expected else {unit.family}
        if self.kind == ObservationKind.CHANGE:
            allowed.add("percent")
            if expected == "percent":
                allowed.add("percentage_point")
        if unit.family in allowed or unit.code in indicator.other_unit_codes.split():
            return None
        return _("单位“%(unit)s”与指标的单位“%(expected)s”不属同一类。") % {
            "unit": self.unit, "expected": indicator.unit,
        }

    def clean(self):
        errors = {}

        def add(field, message):
            errors.setdefault(field, []).append(message)

        # A derived figure is computed from its sentence, not written in it.
        if self.value_text and self.quote and not self.derived:
            problem = quote_value_problem(self.quote, self.value_text)
            if problem:
                add("value_text", problem)
        if self.value_text and self.value is not None and not self.derived:
            try:
                if Decimal(self.value_text.replace(",", "")) != self.value:
                    add("value", _("数值与原文写法不一致。"))
            except ArithmeticError:
                # Chinese numerals (十一, 两) are read by the importer; only other text is wrong.
                if not _CHINESE_NUMERAL.fullmatch(self.value_text):
                    add("value_text", _("原文数值不是数字。"))
        if self.indicator_id is None:
            if not self.proposed_indicator_name:
                add("indicator", _("请选择指标，或填写建议新指标的名称。"))
            elif self.review_state == ReviewState.ACCEPTED:
                add("indicator", _("只有候选数值可以暂无指标；采用前须先建立所建议的指标。"))
        elif self.unit:
            problem = self.unit_problem()
            if problem:
                add("unit", problem)
        for field, message in period_problems(self.period_label, self.period_start, self.period_end):
            add(field, message)
        if errors:
            raise ValidationError(errors)


class SeriesSummary(models.Model):
    """What the public pages show of one series (indicator, region, qualifier): kept, not computed.

    Written only by ``indicators.summaries``, in the transaction that changes the series (a
    bulletin published, withdrawn or trashed, a figure corrected, a scheduled bulletin come
    due), from ``Observation.objects.published()`` alone: a series with no public figure has
    no row. ``newest`` holds its newest public levels (``NEWEST_FIRST``, at most
    ``summaries.DEPTH``) as [id, period end, issue date] (day ordinals); ``parts`` the series
    readers see among its newest 4, 12 and 40 (``summaries.parts_of``); ``public_count`` and
    ``level_count`` its public figures of every kind and its public levels.
    """

    #: Derived from the figures: a portable backup leaves it out, and restoring the figures
    #: (their saves) writes it again (``ecoportal.backup``).
    derived_data = True

    key = models.CharField(max_length=80, unique=True)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, null=True, on_delete=models.CASCADE, related_name="+")
    qualifier = models.CharField(max_length=200, blank=True)
    public_count = models.PositiveIntegerField()
    level_count = models.PositiveIntegerField(default=0)
    newest = models.JSONField(default=list)
    parts = models.JSONField(default=dict)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.key


class SummaryClock(models.Model):
    """One row: scheduled publications up to ``checked_at`` are in the summaries; the next one
    falls due at ``next_due`` (None: none scheduled)."""

    derived_data = True  # as SeriesSummary

    checked_at = models.DateTimeField()
    next_due = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.checked_at} → {self.next_due}"


class VersionEvent(models.TextChoices):
    CREATED = "created", _("新建")
    CHANGED = "changed", _("修改")
    ACCEPTED = "accepted", _("采用")
    REJECTED = "rejected", _("驳回")
    PUBLISHED = "published", _("发布")
    CORRECTED = "corrected", _("更正")
    WITHDRAWN = "withdrawn", _("撤下")


class ObservationVersion(models.Model):
    """One version of a figure: what it said (``data``) after an event, who made it and when.

    Written only by ``indicators.history``; ``data`` holds ``history.VERSIONED_FIELDS`` and the
    review state, so that what the portal said at any moment can be told (``as_of``).
    """

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("版本号"))
    event = models.CharField(_("事件"), max_length=16, choices=VersionEvent)
    data = models.JSONField(_("内容"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"))
    correction = models.ForeignKey(
        Correction, verbose_name=_("更正"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["observation", "number"]
        verbose_name = _("数值版本")
        verbose_name_plural = _("数值版本")
        constraints = [
            models.UniqueConstraint(fields=["observation", "number"], name="observation_version_number_unique")
        ]
        indexes = [models.Index(fields=["observation", "at"], name="obs_version_at_idx")]

    def __str__(self):
        return f"{self.observation_id} v{self.number} {self.event}"


class Wording(models.Model):
    """How one region's bulletins word an indicator the catalogue names otherwise.

    Learnt when an editor files a figure that proposed a new indicator under an existing one
    (``indicators.wordings``); the importer then reads that wording as that indicator in the
    region's later bulletins. Kept per region because a wording is a bureau's habit: learnt for
    every bulletin, the wordings of the evaluation's dev set cost other bureaus' figures their
    indicator (docs/importer.md, "Learning from editors").
    """

    region = models.ForeignKey(Region, verbose_name=_("地区"), on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.CASCADE, related_name="wordings"
    )
    text = models.CharField(_("原文说法"), max_length=100)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("归档人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["region", "text"]
        verbose_name = _("地区说法")
        verbose_name_plural = _("地区说法")
        constraints = [models.UniqueConstraint(fields=["region", "text"], name="wording_region_text_unique")]

    def __str__(self):
        return f"{self.text} → {self.indicator_id}"


_CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿点.\d]+")


def quote_value_problem(quote, value_text):
    """Why ``value_text`` is not stated in ``quote`` as a number of its own, or None.

    "3" is not stated by "2330件", nor "1" by "1.06亿元": the digits must not run on.
    """
    if value_text not in quote:
        return _("数值“%(value)s”没有出现在原句中。") % {"value": value_text}
    whole = re.compile(rf"(?<![\d.])(?<!\d,){re.escape(value_text)}(?!\d)(?![.,]\d)")
    if not whole.search(quote):
        return _("数值“%(value)s”在原句中只是另一个更长数字的一部分。") % {"value": value_text}
    return None
