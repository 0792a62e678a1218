from django.core.management.base import BaseCommand, CommandError

from ecoportal.backup import BackupError, restore_backup, rows_in


class Command(BaseCommand):
    help = (
        "Load a backup made by backup_portal into an empty database (all or nothing for a "
        "portable backup, which needs a migrated database), then compare checksums of every "
        "restored table with those the backup took of the live tables."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="path of the .tar.gz written by backup_portal")
        parser.add_argument("--database", default="default")

    def handle(self, *args, backup, database, **options):
        try:
            manifest = restore_backup(backup, using=database)
        except BackupError as error:
            raise CommandError(f"Restore failed: {error}") from error
        what = "tables" if manifest["kind"] == "native" else "models"
        self.stdout.write(
            f"Restored and verified {rows_in(manifest)} rows of {len(manifest[what])} {what} "
            f"({manifest['kind']}) and {len(manifest['files'])} media files from {backup}"
        )
