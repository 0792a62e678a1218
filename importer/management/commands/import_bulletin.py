import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from bulletins.models import Publisher, Region
from importer import decode as decoding
from importer.service import FAILED, ImportBatch, ImportSession, import_bulletin_file

SUFFIXES = {".txt", ".text", ".docx"}


class Command(BaseCommand):
    @property
    def help(self):
        # A property: the limit is read from the settings when --help is asked for.
        return (
            "Import raw bulletin text (.txt in UTF-8, UTF-16 with a byte-order mark or "
            "GB18030/GBK, or .docx) as draft bulletins, with their achievement lists and "
            "candidate figures for review. Files already imported (same SHA-256 of the raw "
            "text) are skipped. Each file is one transaction. Directories are searched for .txt "
            "and .docx files. A file larger than the import limit "
            f"({decoding.size_label(decoding.max_bytes())}, settings.BULLETIN_IMPORT_MAX_BYTES) "
            "is refused unread, and so is a .docx whose text exceeds it. Exits with status 1 if "
            "any file failed."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", metavar="FILE", help="Text or .docx files, or directories."
        )
        parser.add_argument(
            "--publisher", metavar="SLUG", help="Publisher of every file (else read from the text)."
        )
        parser.add_argument(
            "--region", metavar="SLUG", help="Region of every file (else read from the text)."
        )
        parser.add_argument("--user", metavar="USERNAME", help="Record this user as the creator.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be created; write nothing."
        )

    def handle(
        self, *args, files, publisher=None, region=None, user=None, dry_run=False, **options
    ):
        verbosity = options["verbosity"]
        publisher = self._lookup(Publisher, publisher, "publisher")
        region = self._lookup(Region, region, "region")
        by = None
        if user:
            by = get_user_model().objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"No user named {user!r}.")
        paths = self._paths(files)
        session = ImportSession()
        batch = ImportBatch()
        for index, path in enumerate(paths, start=1):
            result = self._import(
                path, session, publisher=publisher, region=region, by=by, dry_run=dry_run
            )
            batch.results.append(result)
            self._progress(index, len(paths), path.name)
            self._report(path, result, verbosity)
            result.document = result.removed = None  # printed; a long batch need not keep it
        self.stdout.write(("[dry run] " if dry_run else "") + batch.summary())
        if batch.failed:
            raise CommandError(f"{batch.failed} of {len(paths)} file(s) failed.", returncode=1)

    def _lookup(self, model, slug, label):
        if not slug:
            return None
        found = model.objects.filter(slug=slug).first()
        if found is None:
            choices = ", ".join(model.objects.order_by("slug").values_list("slug", flat=True)[:30])
            raise CommandError(f"Unknown {label} {slug!r}. Known: {choices or '(none)'}")
        return found

    def _paths(self, files):
        paths = []
        for name in files:
            path = Path(name)
            if path.is_dir():
                paths.extend(
                    sorted(
                        p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
                    )
                )
            elif path.is_file():
                paths.append(path)
            else:
                raise CommandError(f"No such file: {name}")
        if not paths:
            raise CommandError("No .txt or .docx files to import.")
        return paths

    def _import(self, path, session, **kwargs):
        with path.open("rb") as handle:
            return import_bulletin_file(
                handle,
                filename=path.name,
                size=os.fstat(handle.fileno()).st_size,
                session=session,
                **kwargs,
            )

    def _progress(self, count, total, name):
        """One progress line on stderr: redrawn in place on a terminal, one per file otherwise."""
        width = 24
        filled = width * count // total
        line = f"[{'#' * filled}{'.' * (width - filled)}] {count}/{total} {name[:40]}"
        if self.stderr.isatty():
            self.stderr.write(f"\r{line:<80}", ending="\n" if count == total else "")
            self.stderr.flush()
        else:
            self.stderr.write(line)

    def _report(self, path, result, verbosity):
        status = {"created": "created", "skipped": "skipped", "failed": "FAILED"}[result.outcome]
        style = self.style.ERROR if result.outcome == FAILED else self.style.SUCCESS
        self.stdout.write(style(f"{status:8} {path.name}: ") + result.describe())
        if verbosity >= 1:
            for warning in result.warnings:
                self.stdout.write(f"         ! {warning}")
        if verbosity >= 2 and result.document is not None:
            for removed in result.removed:
                self.stdout.write(f"         - removed ({removed.reason}): {removed.text[:60]}")
            for contribution in result.contributions:
                for row in contribution.rows:
                    self.stdout.write(
                        f"         + {row['value_text']}{row['unit']} → {row['code']}: {row['quote'][:50]}"
                    )
