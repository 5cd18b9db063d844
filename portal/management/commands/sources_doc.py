from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.legal_sources import sources_markdown


def sources_doc_path() -> Path:
    return Path(settings.BASE_DIR) / "docs" / "sources.md"


class Command(BaseCommand):
    """Writes docs/sources.md from portal/legal_sources/, so the document and the law page never disagree."""

    help = "Write docs/sources.md from the list of acts and legal facts (--check: fail if it is out of date)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only compare; exit with an error if stale.")

    def handle(self, *args, check=False, **options):
        path = sources_doc_path()
        wanted = sources_markdown()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != wanted:
                raise CommandError("docs/sources.md is out of date: run `python manage.py sources_doc`.")
            self.stdout.write("docs/sources.md is up to date.")
            return
        path.write_text(wanted, encoding="utf-8")
        self.stdout.write(f"Wrote {path.relative_to(settings.BASE_DIR)}.")
