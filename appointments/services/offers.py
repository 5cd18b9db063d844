"""Waiting-list offers: a freed seat transferred to the next person waiting, as a booking HELD for them.

Here rather than in `waiting_list` because giving up a seat (`seats.seats_give_up`) offers it first: the module
sits below the seats and above the booking records, so neither imports the other back.

"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q

from appointments import emails
from appointments.models import BookableService, Booking, Slot, WaitingListEntry
from appointments.services.records import booking_create
from appointments.tokens import CLAIM_SALT, WAITING_LEAVE_SALT, booking_token, entry_token

# An offer shorter than this is not worth sending: nobody could read the e-mail in time.
MIN_CLAIM_WINDOW = timedelta(minutes=15)
# How many people waiting are tried (locked, skipping those locked by a concurrent offer) for one seat.
OFFER_CANDIDATES_BATCH = 20
LEAVE_SALT = WAITING_LEAVE_SALT


def offers_requeue(*, now: datetime, service_id: int | None = None, place_id: int | None = None) -> int:
    """People whose offer ran out (or was cancelled) wait again, at the end of the list."""
    entries = WaitingListEntry.objects.filter(status=WaitingListEntry.Status.OFFERED)
    if service_id is not None:
        entries = entries.filter(service=service_id, place=place_id)
    return (
        entries.filter(~Q(offer__status=Booking.Status.HELD) | Q(offer__isnull=True))
        .exclude(offer__status__in=Booking.UPCOMING)
        .update(status=WaitingListEntry.Status.WAITING, confirmed_at=now)
    )


def offer_seat(*, slot: Slot, now: datetime) -> bool:
    """Offer a freed seat of `slot` to the next confirmed person waiting; True if someone got the offer.

    Runs inside the caller's transaction. The seat stays counted in `slot.booked`: it passes from the booking that
    gave it up to a new booking HELD for the person, who must claim it before `hold_expires_at`.
    """
    if slot.is_blocked or not slot.in_schedule or slot.opens_at is None:
        return False  # blocked by staff, or a draw's time not drawn yet (it goes back into the draw)
    claim_until = min(
        now + timedelta(hours=settings.APPOINTMENT_OFFER_CLAIM_HOURS), slot.starts_at - timedelta(hours=1)
    )
    if claim_until < now + MIN_CLAIM_WINDOW:
        return False
    if not WaitingListEntry.objects.filter(
        service=slot.service_id, place=slot.place_id, status__in=[
            WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED
        ]
    ).exists():
        return False
    offers_requeue(now=now, service_id=slot.service_id, place_id=slot.place_id)

    service = BookableService.objects.get(pk=slot.service_id)
    candidates = (
        WaitingListEntry.objects.select_for_update(skip_locked=True)
        .filter(service=slot.service_id, place=slot.place_id, status=WaitingListEntry.Status.WAITING)
        .exclude(offer__seats__slot=slot)  # the person who has just let this very seat go
        .order_by("confirmed_at", "pk")
    )
    for entry in candidates[:OFFER_CANDIDATES_BATCH]:
        booking = _offer_booking(entry=entry, service=service, slot=slot, claim_until=claim_until)
        if booking is None:
            # They have an active booking of this service already: they no longer need the list.
            WaitingListEntry.objects.filter(pk=entry.pk).update(status=WaitingListEntry.Status.LEFT)
            continue
        entry.status = WaitingListEntry.Status.OFFERED
        entry.offer = booking
        entry.save(update_fields=["status", "offer"])
        emails.send_waiting_offer(
            entry,
            booking,
            claim_token=booking_token(booking, CLAIM_SALT),
            leave_token=entry_token(entry, LEAVE_SALT),
        )
        return True
    return False


def _offer_booking(
    *, entry: WaitingListEntry, service: BookableService, slot: Slot, claim_until: datetime
) -> Booking | None:
    """A booking HELD for the person on the transferred seat; None if the person has one of this service."""
    try:
        with transaction.atomic():
            return booking_create(
                service=service,
                place_id=slot.place_id,
                slots=[slot],
                language=entry.language,
                hold_expires_at=claim_until,
                names=[entry.name],
                status=Booking.Status.HELD,
                channel=Booking.Channel.WAITING_LIST,
                name=entry.name,
                email=entry.email,
                email_key=entry.email_key,
            )
    except IntegrityError:
        return None
