from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    AIR = "air", _("大气")
    WATER = "water", _("水")
    NOISE = "noise", _("声环境")
    SOIL = "soil", _("土壤")
    ECOLOGY = "ecology", _("生态")
    EMISSIONS = "emissions", _("污染减排")
    CLIMATE = "climate", _("气候与能源")
    RADIATION = "radiation", _("辐射")
    ENFORCEMENT = "enforcement", _("执法")
    INSPECTIONS = "inspections", _("督察与信访")
    WASTE = "waste", _("固体废物")
    INFRASTRUCTURE = "infrastructure", _("基础设施")
    FUNDING = "funding", _("资金")
    OUTREACH = "outreach", _("宣传与服务")
    CAPACITY = "capacity", _("能力建设")


class ReviewState(models.TextChoices):
    """Whether a figure has been accepted by an editor (imports propose candidates)."""

    ACCEPTED = "accepted", _("已采用")
    CANDIDATE = "candidate", _("待确认")
    REJECTED = "rejected", _("已驳回")


class ObservationKind(models.TextChoices):
    """What a figure says of its indicator: its level, a change of it, or a target for it."""

    LEVEL = "level", _("数值")
    CHANGE = "change", _("变化")
    TARGET = "target", _("目标")
