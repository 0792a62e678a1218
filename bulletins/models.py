import hashlib
import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecoportal.publishing import Publishable, Status

from .choices import RegionLevel
from .querysets import NEWEST_FIRST, BulletinQuerySet, FollowsBulletinQuerySet, RegionQuerySet
from .slugs import slug_path

DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class Region(models.Model):
    """An administrative area: country, province or prefecture-level city.

    Slugs are stable pinyin and part of the public contract; ``code`` is the GB/T 2260
    administrative division code where known.
    """

    slug = models.SlugField(_("标识"), unique=True)
    name = models.CharField(_("名称"), max_length=64)
    name_en = models.CharField(_("英文名称"), max_length=64, blank=True)
    level = models.CharField(_("级别"), max_length=16, choices=RegionLevel)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("行政区划代码"), max_length=6, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code", "slug"]
        verbose_name = _("地区")
        verbose_name_plural = _("地区")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("bulletins:region", self.slug)


class Publisher(models.Model):
    """An issuing body, such as 黑龙江省生态环境厅 or a bureau's WeChat account."""

    slug = models.SlugField(_("标识"), unique=True)
    name = models.CharField(_("名称"), max_length=128)
    name_en = models.CharField(_("英文名称"), max_length=128, blank=True)
    official_name_en = models.CharField(
        _("官方英文名称"), max_length=200, blank=True,
        help_text=_("机构自己使用的英文名称，仅在来源给出或确知时填写；不得自拟或音译。"),
    )
    region = models.ForeignKey(
        Region, verbose_name=_("地区"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="publishers",
    )
    url = models.URLField(_("网址"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("发布机构")
        verbose_name_plural = _("发布机构")

    def __str__(self):
        return self.name


class Topic(models.Model):
    """A subject a bulletin treats (air, water, inspections…)."""

    slug = models.SlugField(_("标识"), unique=True)
    name = models.CharField(_("名称"), max_length=64)
    name_en = models.CharField(_("英文名称"), max_length=64, blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("主题")
        verbose_name_plural = _("主题")

    def __str__(self):
        return self.name


class Bulletin(Publishable):
    """A bulletin as published by a bureau: cleaned body beside the raw text it came from.

    What the source does not state (date, publisher, city) stays empty and is shown as unknown.
    """

    title = models.CharField(_("标题"), max_length=200)
    slug = models.SlugField(_("标识"), max_length=80, unique=True)
    summary = models.TextField(_("摘要"), blank=True)
    body = models.TextField(_("正文"), help_text=_("Markdown 或纯文本段落；发布前经过清洗。"))
    raw_text = models.TextField(_("原始文本"), blank=True, help_text=_("收到时的原文，未经改动。"))
    content_hash = models.CharField(_("原文哈希"), max_length=64, blank=True, db_index=True)
    editorial_note = models.TextField(
        _("编者按"), blank=True, help_text=_("向读者说明编辑所作的处理，例如标题由编辑拟定。")
    )
    region = models.ForeignKey(
        Region, verbose_name=_("地区"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="bulletins",
    )
    region_label = models.CharField(
        _("原文所称地区"), max_length=64, blank=True,
        help_text=_("地区无法确定时，照录原文的称呼（如“口市”）。"),
    )
    publisher = models.ForeignKey(
        Publisher, verbose_name=_("发布机构"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="bulletins",
    )
    source_name = models.CharField(_("来源"), max_length=128, blank=True)
    author_name = models.CharField(_("作者"), max_length=64, blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("主题"), blank=True, related_name="bulletins")
    issued_on = models.DateField(_("发布日期"), null=True, blank=True, help_text=_("原文未注明则留空。"))
    issued_at_text = models.CharField(_("原文所注发布时间"), max_length=64, blank=True)
    period_start = models.DateField(_("所述期间起"), null=True, blank=True)
    period_end = models.DateField(_("所述期间止"), null=True, blank=True)
    source_url = models.URLField(_("转载页面"), max_length=500, blank=True)
    original_url = models.URLField(_("原文链接"), max_length=500, blank=True)
    cover_image = models.ImageField(_("封面图"), upload_to="covers/%Y/%m/", blank=True)
    cover_rendition = models.ImageField(_("封面缩略图"), upload_to="covers/renditions/", blank=True, editable=False)
    cover_alt = models.CharField(_("封面图替代文字"), max_length=200, blank=True)
    pre_announce = models.BooleanField(
        _("预告发布时间"), default=False,
        help_text=_("定时发布前，在公开的发布日历中列出标题、发布机构和时间（不含其他内容）。"),
    )

    objects = BulletinQuerySet.as_manager()

    class Meta:
        ordering = NEWEST_FIRST
        verbose_name = _("公报")
        verbose_name_plural = _("公报")
        indexes = [
            # Covers the whole public rule: counting public bulletins reads the index alone
            # (10 ms at 100,000 bulletins, not 200 ms, or seconds from a cold disk).
            models.Index(fields=["status", "publish_at", "deleted_at"], name="bulletin_public_idx"),
            models.Index(fields=["region", "status", "publish_at"], name="bulletin_region_idx"),
            models.Index(fields=["-issued_on", "-publish_at", "-id"], name="bulletin_order_idx"),
            # The API's year, period_from/period_to and period=unknown (the period reported on).
            models.Index(fields=["period_end", "period_start"], name="bulletin_period_idx"),
        ]
        permissions = [
            ("submit_bulletin", _("可提交公报审核")),
            ("review_bulletin", _("可审核公报")),
            ("publish_bulletin", _("可发布、定时发布、撤回与归档公报")),
            ("publish_without_review_bulletin", _("可不经他人审核直接发布公报（须填写理由）")),
        ]

    def clean(self):
        super().clean()
        # Direction overrides, embeddings and isolates show a text other than the one stored
        # and searched; no title or summary needs them.
        self.title = DIRECTION_CONTROLS.sub("", self.title)
        self.summary = DIRECTION_CONTROLS.sub("", self.summary)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_path("bulletins:detail", self.slug)

    @property
    def year(self):
        day = self.issued_on or self.period_end
        return day.year if day else None

    @staticmethod
    def hash_text(text):
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Correction(models.Model):
    """A correction shown to readers: an obvious conversion error in the source, edited inline,
    or a published figure corrected by an Editor (``made_at`` set, written only by
    ``indicators.corrections``; its figure's history points to it)."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="corrections")
    original = models.CharField(_("原文"), max_length=200)
    corrected = models.CharField(_("更正为"), max_length=200)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    made_at = models.DateTimeField(_("更正时间"), null=True, blank=True, editable=False, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("更正人"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = FollowsBulletinQuerySet.as_manager()

    class Meta:
        ordering = ["bulletin", "id"]
        verbose_name = _("更正")
        verbose_name_plural = _("更正")

    def __str__(self):
        return f"{self.original} → {self.corrected}"

    def get_absolute_url(self):
        return f"{self.bulletin.get_absolute_url()}#correction-{self.pk}"


class AchievementList(models.Model):
    """The numbered highlights of a bulletin; public exactly when its bulletin is."""

    bulletin = models.OneToOneField(Bulletin, on_delete=models.CASCADE, related_name="achievement_list")
    slug = models.SlugField(_("标识"), max_length=80, unique=True)
    title = models.CharField(_("标题"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"), null=True, blank=True, db_index=True)

    objects = FollowsBulletinQuerySet.as_manager()

    class Meta:
        # A list of unknown year last on every database (PostgreSQL puts NULLs first descending),
        # read through ``achievement_order_idx`` (migration 0015, per database).
        ordering = [models.F("year").desc(nulls_last=True), "slug"]
        verbose_name = _("成果清单")
        verbose_name_plural = _("成果清单")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("bulletins:achievement", args=[self.slug])


class AchievementItem(models.Model):
    """One numbered entry of an achievement list."""

    achievement_list = models.ForeignKey(AchievementList, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("序号"))
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)

    class Meta:
        ordering = ["achievement_list", "number"]
        verbose_name = _("成果")
        verbose_name_plural = _("成果")
        constraints = [
            models.UniqueConstraint(fields=["achievement_list", "number"], name="achievement_item_number_unique")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Transition(models.Model):
    """An audit record of one workflow transition; written only by the workflow module."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("操作"), max_length=32, blank=True)
    from_status = models.CharField(_("原状态"), max_length=16, choices=Status)
    to_status = models.CharField(_("新状态"), max_length=16, choices=Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    comment = models.TextField(_("意见"), blank=True)
    publish_at = models.DateTimeField(_("定时"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("流转记录")
        verbose_name_plural = _("流转记录")

    def __str__(self):
        return f"{self.bulletin_id}: {self.from_status} → {self.to_status}"


class Revision(models.Model):
    """A snapshot of a bulletin taken at every save; restoring one makes a new revision."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("修订号"))
    data = models.JSONField(_("内容"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["bulletin", "-number"]
        verbose_name = _("修订")
        verbose_name_plural = _("修订")
        constraints = [models.UniqueConstraint(fields=["bulletin", "number"], name="revision_number_unique")]

    def __str__(self):
        return f"{self.bulletin_id} r{self.number}"


class NotificationPreference(models.Model):
    """Whether a person gets the workflow's e-mails (bulletins.notifications); on unless they
    turn them off. No row means on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference",
        verbose_name=_("用户"),
    )
    email_enabled = models.BooleanField(
        _("接收邮件通知"), default=True,
        help_text=_("提交审核、退回修改、批准发布和定时公开时，给相关的人发邮件。"),
    )

    class Meta:
        verbose_name = _("通知设置")
        verbose_name_plural = _("通知设置")

    def __str__(self):
        return f"{self.user_id}: {'on' if self.email_enabled else 'off'}"
