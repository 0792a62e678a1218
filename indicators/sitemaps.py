"""The indicator pages' section of the sitemap (registered in ``bulletins.sitemaps.sitemaps``)."""

from django.db.models import DateTimeField, Max

from bulletins.sitemaps import PortalSitemap
from ecoportal.publishing import published_q

from .models import Indicator


class IndicatorSitemap(PortalSitemap):
    """Every indicator's page; ``lastmod`` the newest change of a public bulletin stating it."""

    changefreq = "weekly"
    lastmod_expression = Max("observations__bulletin__updated_at", filter=published_q("observations__bulletin__"), output_field=DateTimeField())

    def annotated(self):
        return Indicator.objects.published().only("code")
