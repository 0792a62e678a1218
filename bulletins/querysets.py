from django.db import models

from ecoportal.publishing import PublishableQuerySet, published_q


class RegionQuerySet(models.QuerySet):
    def as_tree(self):
        """Every region as (region, children) pairs from the top, children in code order.

        One query; the regions index lists provinces with their cities under the country.
        """
        regions = list(self.order_by("code", "slug"))
        children = {}
        for region in regions:
            children.setdefault(region.parent_id, []).append(region)

        def branch(region):
            return {"region": region, "children": [branch(child) for child in children.get(region.pk, [])]}

        return [branch(region) for region in children.get(None, [])]

    def with_descendants(self, *regions):
        """The regions themselves and every region below them (the tree is three levels deep)."""
        ids = [region.pk for region in regions]
        return self.filter(models.Q(pk__in=ids) | models.Q(parent__in=ids) | models.Q(parent__parent__in=ids))


#: All that the release calendar shows of an unpublished bulletin (``announced()``).
ANNOUNCED_FIELDS = (
    "id", "title", "publish_at", "publisher__name", "publisher__name_en", "publisher__official_name_en",
)


class BulletinQuerySet(PublishableQuerySet):
    def announced(self):
        """Scheduled bulletins an Editor chose to pre-announce: what the release calendar lists.

        Only ``ANNOUNCED_FIELDS`` are read, so that nothing else of an unpublished item can
        reach the page that shows them."""
        return (
            self.scheduled().filter(pre_announce=True)
            .order_by("publish_at", "id")
            .values(*ANNOUNCED_FIELDS)
        )

    def for_listing(self):
        return self.select_related("region", "publisher").prefetch_related("topics")

    def for_cards(self):
        """What a bulletin card shows (``_bulletin_card.html``): no body, no topics.

        Bodies are long; loading twenty of them to show their titles was most of a list
        page's database time.
        """
        return self.select_related("region", "publisher").only(
            "id", "slug", "title", "summary", "region_label", "source_name", "issued_on",
            "publish_at", "status", "deleted_at",
            "region__slug", "region__name", "region__name_en",
            "publisher__slug", "publisher__name", "publisher__name_en", "publisher__official_name_en",
        )

    def showing_cover_file(self, name):
        """Bulletins whose cover image or its rendition is the stored file ``name``."""
        return self.filter(models.Q(cover_image=name) | models.Q(cover_rendition=name))

    def in_year(self, year):
        """Issued in that year, or, when the issue date is unknown, covering it."""
        return self.filter(
            models.Q(issued_on__year=year)
            | models.Q(issued_on__isnull=True, period_end__year=year)
        )

    def in_region(self, region):
        from .models import Region

        return self.filter(region__in=Region.objects.with_descendants(region))


class FollowsBulletinQuerySet(models.QuerySet):
    """Rows whose visibility is their bulletin's."""

    def published(self):
        return self.filter(published_q("bulletin__"))
