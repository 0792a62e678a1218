from django.db import models

from ecoportal.publishing import published_q

from .choices import ReviewState


class ObservationQuerySet(models.QuerySet):
    def published(self):
        """Accepted figures of public bulletins: visibility follows the bulletin."""
        return self.filter(published_q("bulletin__"), review_state=ReviewState.ACCEPTED)

    def for_display(self):
        return self.select_related("indicator", "region", "bulletin")


class IndicatorQuerySet(models.QuerySet):
    def published(self):
        """The catalogue is public; it is reference data, not editorial content."""
        return self.all()
