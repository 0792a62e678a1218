from django.core.management.base import BaseCommand, CommandError

from ecoportal.backup import BackupError, create_backup, rows_in


class Command(BaseCommand):
    help = (
        "Write every row and uploaded file of the portal, with checksums of the live tables, to "
        "OUT.tar.gz (mode 0600). The database's own copy (pg_dump, SQLite's backup API) unless "
        "--portable; see docs/operations.md for which to use when."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="path of the .tar.gz to write")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--portable", action="store_true",
            help="rows as JSON with natural keys, loadable into SQLite or PostgreSQL (to change engine)",
        )

    def handle(self, *args, out, database, portable, **options):
        try:
            manifest = create_backup(out, using=database, portable=portable)
        except BackupError as error:
            raise CommandError(str(error)) from error
        what = "tables" if manifest["kind"] == "native" else "models"
        self.stdout.write(
            f"Backed up {rows_in(manifest)} rows of {len(manifest[what])} {what} ({manifest['kind']}, "
            f"{manifest['source_database']}) and {len(manifest['files'])} media files to {out}"
        )
