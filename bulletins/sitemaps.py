from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import AchievementList, Bulletin, Region


class BulletinSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Bulletin.objects.published().only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class AchievementListSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return AchievementList.objects.published().only("slug").order_by("id")


class RegionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Region.objects.only("slug").order_by("id")


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "bulletins:list", "bulletins:achievements", "indicators:list"]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "static": StaticSitemap,
    "bulletins": BulletinSitemap,
    "achievements": AchievementListSitemap,
    "regions": RegionSitemap,
}
