import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Left to right, as the apps depend on each other: each app's demo may use the data of the apps before it.
PROJECT_APPS = ["portal", "cases", "appointments", "infopoints"]


class Command(BaseCommand):
    help = "Create or refresh the demo data of every project app (places, staff, and what later features add)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data creates accounts with published passwords: run it only with DEBUG=1.")
        for app in PROJECT_APPS:
            try:
                demo = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            demo.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
