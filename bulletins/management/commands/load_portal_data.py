from django.core.management import call_command
from django.core.management.base import BaseCommand

from bulletins.models import Bulletin


class Command(BaseCommand):
    help = "Load the shipped fixtures into an empty database; leave a database with content alone."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even if bulletins exist.")

    def handle(self, *args, force=False, **options):
        if Bulletin.objects.exists() and not force:
            self.stdout.write("Bulletins already present; fixtures not reloaded (use --force).")
            return
        call_command("loaddata", "portal", verbosity=options["verbosity"])
