from django.core.management.base import BaseCommand

from indicators.catalogue_sync import catalogue_apply


class Command(BaseCommand):
    help = (
        "Fill the empty reference fields (aliases, definitions, unit code, limits) of the "
        "indicators from indicators/reference/catalogue.toml; with --create, also add the "
        "reference indicators the database does not have yet. Editors' values are never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--create", action="store_true", help="Add the missing reference indicators.")

    def handle(self, *args, create=False, **options):
        filled, created = catalogue_apply(create=create)
        self.stdout.write(f"{filled} indicators completed, {created} created.")
