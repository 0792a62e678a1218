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


# The catalogue's sections, in the order a reader meets them: the state of the environment
# and what is done about it first, the administrations' own work (staff, meetings, outreach)
# last and apart.
SECTIONS = (
    ("environment", _("环境质量与污染治理"), _("空气、水、土壤、生态和废物：环境的状况，以及为改善它所建的设施和投入的资金。"),
     (Category.AIR, Category.WATER, Category.NOISE, Category.SOIL, Category.ECOLOGY, Category.EMISSIONS,
      Category.CLIMATE, Category.RADIATION, Category.WASTE, Category.INFRASTRUCTURE, Category.FUNDING)),
    ("enforcement", _("执法与督察"), _("行政处罚、督察发现的问题及其整改、群众信访。"),
     (Category.ENFORCEMENT, Category.INSPECTIONS)),
    ("administration", _("行政与组织工作"), _("机构自身的工作量：人员、会议、宣传与服务。这些数字说明部门做了什么，不说明环境怎样。"),
     (Category.OUTREACH, Category.CAPACITY)),
)


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
