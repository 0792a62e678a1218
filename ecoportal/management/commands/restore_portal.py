from django.core.management.base import BaseCommand, CommandError

from ecoportal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load a backup made by backup_portal into an empty, migrated database (all or nothing), "
        "then check every model's row count and hash against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="path of the .tar.gz written by backup_portal")
        parser.add_argument("--database", default="default")

    def handle(self, *args, backup, database, **options):
        try:
            manifest = restore_backup(backup, using=database)
        except BackupError as error:
            raise CommandError(f"Nothing restored: {error}") from error
        rows = sum(entry["count"] for entry in manifest["models"].values())
        self.stdout.write(
            f"Restored and verified {rows} rows of {len(manifest['models'])} models and "
            f"{len(manifest['files'])} media files from {backup}"
        )
