from django.db import models
from django.db.models import F, OuterRef, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber

from ecoportal.publishing import published_q

from .choices import ReviewState

# Latest period first; figures whose period is unknown come after dated ones, ordered by the
# date of the bulletin that states them.
NEWEST_FIRST = (
    F("period_end").desc(nulls_last=True),
    F("bulletin__issued_on").desc(nulls_last=True),
    F("id").desc(),
)

# What a chart needs of a figure: no quote, no bulletin text.
CHART_FIELDS = (
    "id",
    "indicator_id",
    "region_id",
    "bulletin_id",
    "period_start",
    "period_end",
    "period_label",
    "value",
    "value_text",
    "unit",
    "value_normalised",
    "qualifier",
    "region__name",
    "region__name_en",
    "region__slug",
    "region__code",
    "region__level",
    "bulletin__slug",
    "bulletin__issued_on",
    "bulletin__region_label",
)


class ObservationQuerySet(models.QuerySet):
    def published(self):
        """Accepted figures of public bulletins: visibility follows the bulletin."""
        return self.filter(published_q("bulletin__"), review_state=ReviewState.ACCEPTED)

    def newest_first(self):
        return self.order_by(*NEWEST_FIRST)

    def for_charts(self):
        """The figures with just what a chart or a sparkline shows, in one query."""
        return self.select_related("region", "bulletin").only(*CHART_FIELDS)

    def for_table(self):
        """The figures with what a table row shows: the quote and the bulletin's title too."""
        return self.select_related("region", "bulletin").only(
            *CHART_FIELDS, "quote", "bulletin__title"
        )

    def recent_per(self, *fields, limit):
        """At most ``limit`` most recent figures for each combination of ``fields``, one query.

        However many figures there are, a page asks for a bounded number per series
        (e.g. per indicator, region and qualifier), newest first within each.
        """
        rank = Window(RowNumber(), partition_by=[F(field) for field in fields], order_by=NEWEST_FIRST)
        return self.annotate(recent_rank=rank).filter(recent_rank__lte=limit).newest_first()

    def for_display(self):
        return self.select_related("indicator", "region", "bulletin")


class IndicatorQuerySet(models.QuerySet):
    def published(self):
        """The catalogue is public; it is reference data, not editorial content."""
        return self.all()

    def headline(self):
        return self.filter(is_headline=True)

    def with_public_counts(self):
        """Each indicator with ``public_count``, the number of its published figures."""
        from .models import Observation

        counts = (
            Observation.objects.published()
            .filter(indicator=OuterRef("pk"))
            .order_by()
            .values("indicator")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(public_count=Coalesce(Subquery(counts[:1]), 0))
