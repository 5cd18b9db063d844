"""`manage.py roll_up_reports`: write the daily rollups of the indicator figures.

Without options it does what the nightly task does (every closed day without a rollup, and the last few days
again). `--day 2026-03-02` recomputes one day; `--since`/`--until` recompute a range (a back-fill after an import
or a correction of the raw rows).
"""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from infopoints import services


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {value!r}") from error


class Command(BaseCommand):
    help = "Compute the daily rollups of the indicator figures (closed days only)."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=_date, help="recompute this one day")
        parser.add_argument("--since", type=_date, help="recompute every day from this one")
        parser.add_argument("--until", type=_date, help="… up to this one (default: yesterday)")

    def handle(self, *args, day=None, since=None, until=None, **options):
        yesterday = timezone.localdate() - timedelta(days=1)
        if day is not None and (since is not None or until is not None):
            raise CommandError("give either --day or --since/--until")
        if until is not None and since is None:
            raise CommandError("--until needs --since")
        first, last = (day, day) if day is not None else (since, until or yesterday)
        if first is None:
            done = services.rollups_pending_compute()
        else:
            if last > yesterday:
                raise CommandError(f"only closed days can be rolled up: the last one is {yesterday}")
            if first > last:
                raise CommandError("--since is after --until")
            done = services.rollups_days_compute(first + timedelta(days=n) for n in range((last - first).days + 1))
        self.stdout.write(f"{len(done)} day(s) rolled up" + (f": {done[0]} to {done[-1]}" if done else ""))
