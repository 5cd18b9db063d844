"""Which step a booking may take next, in one place: the services refuse by these rules, the pages offer by them.

The staff day page shows a button only for the actions `booking_staff_actions` lists, and the desk services refuse
any other with the code `booking_staff_refusal` gives; the person's own page offers "move" and "cancel" by
`booking_can_change`. Neither can drift from the other.

"""

from datetime import datetime

from django.utils import timezone

from appointments.dates import local_today
from appointments.models import Booking

# The order in which the desk may move a booking on; anything else is refused with a message saying why.
STAFF_TRANSITIONS = {
    "check_in": (Booking.Status.CONFIRMED,),
    "no_show": (Booking.Status.CONFIRMED,),
    "complete": (Booking.Status.CHECKED_IN,),
    "cancel": tuple(Booking.ACTIVE),
}
STAFF_ACTIONS = tuple(STAFF_TRANSITIONS)


def booking_staff_refusal(booking: Booking, action: str, *, now: datetime | None = None) -> str | None:
    """Why the desk cannot apply `action` to `booking` at `now` (a BookingError code), or None if it can."""
    now = now or timezone.now()
    if booking.status not in STAFF_TRANSITIONS[action]:
        return "not_active" if action == "cancel" else "wrong_status"
    if action == "check_in" and local_today(booking.starts_at) != local_today(now):
        return "not_today"
    if action == "no_show" and booking.starts_at > now:
        return "not_started"
    if action == "cancel" and booking.starts_at <= now:
        return "past"
    return None


def booking_staff_actions(booking: Booking, *, now: datetime | None = None) -> list[str]:
    """The desk actions that `booking` allows at `now`, in the order the day page shows them."""
    now = now or timezone.now()
    return [action for action in STAFF_ACTIONS if booking_staff_refusal(booking, action, now=now) is None]


def booking_can_change(booking: Booking, *, now: datetime | None = None) -> bool:
    """Whether the person may still move or cancel their booking through its link."""
    return booking.status == Booking.Status.CONFIRMED and booking.starts_at > (now or timezone.now())
