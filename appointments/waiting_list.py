"""The waiting list: people told by e-mail, first come first served, when a time of a service frees up."""

from datetime import datetime

from appointments.models import Slot, WaitingListEntry


def offer_seat(*, slot: Slot, now: datetime) -> bool:
    """Offer a freed seat of `slot` to the next confirmed person waiting; True if someone got the offer."""
    if not WaitingListEntry.objects.filter(
        service=slot.service_id, place=slot.place_id, status=WaitingListEntry.Status.WAITING
    ).exists():
        return False
    raise NotImplementedError
