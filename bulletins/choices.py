from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    COUNTRY = "country", _("国家")
    PROVINCE = "province", _("省")
    PREFECTURE = "prefecture", _("地级市")
    COUNTY = "county", _("县级")
