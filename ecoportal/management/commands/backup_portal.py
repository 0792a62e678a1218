from django.core.management.base import BaseCommand, CommandError

from ecoportal.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write every row and uploaded file of the portal, with a manifest of counts and hashes, to OUT.tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("out", help="path of the .tar.gz to write")
        parser.add_argument("--database", default="default")

    def handle(self, *args, out, database, **options):
        try:
            manifest = create_backup(out, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(entry["count"] for entry in manifest["models"].values())
        self.stdout.write(
            f"Backed up {rows} rows of {len(manifest['models'])} models and "
            f"{len(manifest['files'])} media files to {out}"
        )
