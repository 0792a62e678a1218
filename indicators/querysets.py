from django.db import models

from ecoportal.publishing import published_q

from .choices import ReviewState


class ObservationQuerySet(models.QuerySet):
    def published(self):
        """Accepted figures of public bulletins: visibility follows the bulletin."""
        return self.filter(published_q("bulletin__"), review_state=ReviewState.ACCEPTED)

    def latest_per_indicator(self, region):
        """For one region, the most recent figure of each indicator (one query)."""
        latest = (
            self.filter(region=region, indicator=models.OuterRef("indicator"))
            .order_by("-period_end", "-id")
            .values("id")[:1]
        )
        return self.filter(region=region, id=models.Subquery(latest)).order_by(
            "indicator__category", "indicator__code"
        )

    def for_display(self):
        return self.select_related("indicator", "region", "bulletin")


class IndicatorQuerySet(models.QuerySet):
    def published(self):
        """The catalogue is public; it is reference data, not editorial content."""
        return self.all()
