from django.core.management.base import BaseCommand

from search.index import rebuild_index


class Command(BaseCommand):
    help = (
        "Re-index every bulletin for full-text search. Needed only after writes that bypass "
        "the ORM's signals (QuerySet.update, raw SQL, restoring a backup)."
    )

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} bulletins.")
