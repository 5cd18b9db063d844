"""Report periods: a day, a week, a month, a quarter or custom days, and the previous period of the same length."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import DateField, F
from django.db.models.functions import TruncDate, TruncMonth, TruncWeek
from django.db.models.functions.datetime import TruncBase
from django.utils import timezone

# Longer ranges are refused: the figures of several years belong in several reports, not on one screen.
MAX_DAYS = 366
KINDS = ["day", "week", "month", "quarter", "custom"]


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def previous(self) -> "Period":
        """The days just before, as many as this period has (a month of 31 days is compared with 31 days)."""
        return Period(self.first_day - timedelta(days=self.days), self.first_day - timedelta(days=1))

    def bounds(self) -> tuple[datetime, datetime]:
        """[since, until) as aware moments: local midnight of the first day to local midnight after the last."""
        zone = timezone.get_current_timezone()
        since = datetime.combine(self.first_day, time(0), zone)
        until = datetime.combine(self.last_day + timedelta(days=1), time(0), zone)
        return since, until

    @property
    def step(self) -> str:
        if self.days <= 62:
            return "day"
        return "week" if self.days <= 190 else "month"

    @property
    def trunc(self) -> Callable[..., TruncBase]:
        return {"day": TruncDate, "week": TruncWeek, "month": TruncMonth}[self.step]

    def bucket_of(self, field_name: str, *, date_field: bool = False):
        """The expression grouping a date or date-time field by this period's step."""
        if date_field and self.step == "day":
            return F(field_name)
        return self.trunc(field_name, output_field=DateField())

    def buckets(self) -> list[date]:
        """The first day of each step of the time line (the keys the series are grouped by)."""
        if self.step == "day":
            return [self.first_day + timedelta(days=n) for n in range(self.days)]
        if self.step == "week":
            start = self.first_day - timedelta(days=self.first_day.weekday())
            return [start + timedelta(weeks=n) for n in range((self.last_day - start).days // 7 + 1)]
        months, month = [], self.first_day.replace(day=1)
        while month <= self.last_day:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months


def period_of(kind: str, anchor: date) -> Period:
    """The day, week (Monday to Sunday), month or quarter that contains `anchor`."""
    if kind == "day":
        return Period(anchor, anchor)
    if kind == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        return Period(monday, monday + timedelta(days=6))
    if kind == "month":
        first = anchor.replace(day=1)
        return Period(first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1))
    if kind == "quarter":
        first = anchor.replace(month=(anchor.month - 1) // 3 * 3 + 1, day=1)
        after = (first + timedelta(days=95)).replace(day=1)
        return Period(first, after - timedelta(days=1))
    raise ValueError(f"unknown period kind {kind!r}")


def change(current: float | None, previous: float | None) -> float | None:
    """The change against the previous period in percent; None when there is nothing to compare with."""
    if current is None or previous is None or previous == 0:
        return None
    return round((current - previous) * 100 / previous, 1)
