"""Write every series summary afresh from the figures (``indicators.summaries.rebuild``)."""

import time

from django.core.management.base import BaseCommand

from indicators import summaries
from indicators.models import SeriesSummary


class Command(BaseCommand):
    help = "Rebuild the series summaries the catalogue, home, indicator and region pages read."

    def handle(self, *args, **options):
        started = time.monotonic()
        summaries.rebuild()
        self.stdout.write(f"Rebuilt {SeriesSummary.objects.count()} series summaries in {time.monotonic() - started:.1f} s.")
