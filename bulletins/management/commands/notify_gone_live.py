"""Record and announce the scheduled bulletins whose time has come (run it every few minutes)."""

from django.core.management.base import BaseCommand

from bulletins import workflow


class Command(BaseCommand):
    help = "Record each scheduled bulletin that has gone public since the last run and e-mail those concerned."

    def handle(self, *args, **options):
        count = workflow.record_gone_live()
        self.stdout.write(f"{count} scheduled bulletin(s) gone public recorded and announced")
