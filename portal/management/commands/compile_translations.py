from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_paths() -> list[Path]:
    return sorted(path for locale_dir in settings.LOCALE_PATHS for path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    """Like `compilemessages`, but in pure Python, so a machine without GNU gettext can build the catalogues."""

    help = "Compile the interface translations in locale/ (.po) into the binary files Django reads (.mo)."

    def handle(self, *args, **options):
        for po_path in catalogue_paths():
            catalogue = polib.pofile(str(po_path))
            mo_path = po_path.with_suffix(".mo")
            # Rewritten only when out of date: a process reading the catalogue meanwhile never sees half a file.
            if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                catalogue.save_as_mofile(str(mo_path))
            self.stdout.write(f"{po_path.relative_to(settings.BASE_DIR)}: {catalogue.percent_translated()}% translated")
