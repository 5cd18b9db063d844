"""Rules of the queue that both its services and its selectors read (a level below both, so neither imports the
other): which statuses wait or sit at a desk, the order in which tickets are called, the "about" estimate."""

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When

from infopoints.models import Ticket

WAITING = Ticket.statuses_in(Ticket.Category.WAITING)
AT_DESK = Ticket.statuses_in(Ticket.Category.AT_DESK)


def call_rank(now: datetime):
    """0: an appointment due now; 1: a priority ticket or one transferred (it has waited already); 2: the rest.
    Within a rank, the time the ticket joined the queue decides."""
    due = now + timedelta(minutes=settings.QUEUE_APPOINTMENT_DUE_MINUTES)
    return Case(
        When(priority=Ticket.Priority.APPOINTMENT, appointment_at__lte=due, then=Value(0)),
        When(status=Ticket.Status.TRANSFERRED, then=Value(1)),
        When(~Q(priority="") & ~Q(priority=Ticket.Priority.APPOINTMENT), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def wait_minutes_about(*, ahead: int, minutes_per_visit: float, desks: int) -> int:
    """An honest "about N minutes": people ahead (and this one) shared among the open desks, rounded up to 5."""
    if ahead <= 0:
        return 0
    minutes = ahead * minutes_per_visit / max(desks, 1)
    return max(5, int(math.ceil(minutes / 5.0)) * 5)
