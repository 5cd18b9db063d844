"""Aggregate counts of the information points for the project page: totals over the office, never a person."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from infopoints.models import Enquiry, Matter


def points_open_on(day: date) -> int:
    """Published places whose kiosk issues tickets on `day`: an open matter and opening hours that weekday."""
    return (
        Matter.objects.filter(is_open=True, place__is_published=True, place__opening_hours__weekday=day.weekday())
        .values("place")
        .distinct()
        .count()
    )


def enquiries_answered_in_year(*, year: int) -> int:
    """Enquiries answered in `year`, whatever the channel (helpline, e-mail, web form, desk, letter)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return Enquiry.objects.filter(
        resolved_at__gte=datetime(year, 1, 1, tzinfo=zone), resolved_at__lt=datetime(year + 1, 1, 1, tzinfo=zone)
    ).count()
