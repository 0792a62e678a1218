from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from bulletins.models import Bulletin
from indicators import summaries
from indicators.catalogue_sync import catalogue_apply
from indicators.choices import ReviewState
from indicators.models import Observation


class Command(BaseCommand):
    # Here rather than in bulletins: the fixtures hold figures, and a reload must keep their review.
    help = (
        "Load the shipped fixtures into an empty database; leave a database with content alone. "
        "With --force, reload them over existing content, keeping the review state editors gave "
        "each figure that already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even if bulletins exist.")

    def handle(self, *args, force=False, **options):
        if Bulletin.objects.exists() and not force:
            self.stdout.write("Bulletins already present; fixtures not reloaded (use --force).")
            return
        with transaction.atomic():
            # The fixtures say "accepted"; a figure an editor has rejected (or not yet accepted)
            # since stays so: a reload is not a review (indicators.review).
            not_accepted = list(
                Observation.objects.exclude(review_state=ReviewState.ACCEPTED).values_list("pk", "review_state")
            )
            call_command("loaddata", "portal", verbosity=options["verbosity"])
            # The fixtures predate the reference fields: the seeds take theirs from the file.
            catalogue_apply()
            for state in {state for _, state in not_accepted}:
                kept = [pk for pk, value in not_accepted if value == state]
                for start in range(0, len(kept), 500):
                    Observation.objects.filter(pk__in=kept[start : start + 500]).update(review_state=state)
                    summaries.refresh_figures(Observation.objects.filter(pk__in=kept[start : start + 500]))
