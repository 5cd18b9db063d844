"""Polish local time and the statutory days off: the calendar every booking rule is counted in.

A module of its own so that the services, the selectors, the e-mails and the documents can all use it without
importing each other.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils import timezone

LOCAL_TIME = ZoneInfo(settings.TIME_ZONE)


def public_holidays(year: int) -> set[date]:
    """Polish statutory days off (Act of 18 January 1951, incl. Easter, Corpus Christi and, since 2025, 24 Dec)."""
    return set(holidays.Poland(years=year).keys())


def local_datetime(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL_TIME)


def local_today(now: datetime | None = None) -> date:
    return timezone.localtime(now or timezone.now(), LOCAL_TIME).date()


# Any day a page may be asked about lies within this many days of today (bookings, the desk's day list): a date
# outside is refused with a message, never computed with (year 1 or 9999 would overflow in time-zone arithmetic).
DAY_RANGE_DAYS = 2 * 366


def day_in_range(day: date, *, today: date | None = None) -> bool:
    today = today or local_today()
    return abs((day - today).days) <= DAY_RANGE_DAYS


def parse_day(value: str | None) -> tuple[date | None, bool]:
    """A day from a query string or form (ISO `YYYY-MM-DD`): (the day or None, whether the value was valid).

    Empty is valid (no day chosen); a malformed or out-of-range day is not.
    """
    if not value:
        return None, True
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None, False
    return (day, True) if day_in_range(day) else (None, False)
