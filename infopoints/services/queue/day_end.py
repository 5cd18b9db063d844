"""The end of the day: open tickets closed, phone links of past days stopped, desks left."""

import logging
from datetime import datetime, time

from django.db import transaction
from django.utils import timezone

from infopoints.models import Desk, Ticket
from infopoints.queue_rules import AT_DESK, WAITING

logger = logging.getLogger(__name__)


# --- The end of the day ------------------------------------------------------------------------------------


def queue_days_close(*, now: datetime | None = None) -> int:
    """After a day: tickets still open are closed, every phone link of past days stops working, desks are left.

    Nothing personal is kept in a ticket; the rows stay as the day's history for statistics. Each place is done
    in its own small transaction, so one failure never stops the others.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    closed = 0
    place_ids = set(Ticket.objects.filter(day__lt=today).exclude(token=None).values_list("place_id", flat=True))
    place_ids |= set(
        Ticket.objects.filter(day__lt=today, status__in=[*WAITING, *AT_DESK, Ticket.Status.PARKED]).values_list(
            "place_id", flat=True
        )
    )
    for place_id in sorted(place_ids):
        try:
            with transaction.atomic():
                past = Ticket.objects.filter(place_id=place_id, day__lt=today)
                closed += past.filter(status__in=[*WAITING, *AT_DESK, Ticket.Status.PARKED]).update(
                    status=Ticket.Status.CLOSED, finished_at=now
                )
                past.exclude(token=None).update(token=None)
        except Exception:
            logger.exception("Closing the queue days of place %s failed", place_id)
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    Desk.objects.filter(staff__isnull=False, opened_at__lt=midnight).update(staff=None, opened_at=None)
    return closed
