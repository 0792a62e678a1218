"""The sitemap: an index (``/sitemap.xml``) of one sitemap per kind of page
(``/sitemap-<section>.xml``), each split in pages of at most ``Sitemap.limit`` addresses
(``?p=2``…), so that no page is left out however many there are. Each address has its
``lastmod``, read with the rows (one query a page), and the index gives each section's newest.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import DateTimeField, Max
from django.urls import reverse

from ecoportal.publishing import published_q

from .models import AchievementList, Bulletin, Region


class PortalSitemap(Sitemap):
    """``lastmod`` from an annotation (``lastmod_expression``) read with the items, and the
    section's newest from one aggregate query instead of a walk over every item."""

    limit = 5000
    lastmod_expression = None

    def annotated(self):
        raise NotImplementedError

    def items(self):
        return self.annotated().annotate(last_changed=self.lastmod_expression).order_by("id")

    def lastmod(self, item):
        return item.last_changed

    def get_latest_lastmod(self):
        return self.annotated().aggregate(latest=self.lastmod_expression)["latest"]


class BulletinSitemap(PortalSitemap):
    changefreq = "monthly"
    lastmod_expression = Max("updated_at")

    def annotated(self):
        return Bulletin.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def items(self):
        return self.annotated().order_by("id")


class AchievementListSitemap(PortalSitemap):
    changefreq = "yearly"
    lastmod_expression = Max("bulletin__updated_at")

    def annotated(self):
        return AchievementList.objects.published().only("slug")


class RegionSitemap(PortalSitemap):
    """Every region; ``lastmod`` its newest public bulletin's change (none without one)."""

    changefreq = "weekly"
    lastmod_expression = Max("bulletins__updated_at", filter=published_q("bulletins__"), output_field=DateTimeField())

    def annotated(self):
        return Region.objects.only("slug")


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "bulletins:list", "bulletins:achievements", "indicators:list"]

    def location(self, item):
        return reverse(item)


#: The sections; apps above this one add theirs from their ``AppConfig.ready()`` (indicators).
sitemaps = {
    "static": StaticSitemap,
    "bulletins": BulletinSitemap,
    "achievements": AchievementListSitemap,
    "regions": RegionSitemap,
}
