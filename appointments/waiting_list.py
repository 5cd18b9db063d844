"""The waiting list: people told by e-mail, first come first served, when a time of a service frees up.

A person joins for a service at a place and proves the address by a link (double opt-in); from then on they wait
in the order of confirmation. A freed seat is not returned to the pool but transferred: it becomes a booking HELD
for the next person (channel "waiting list"), who takes it by pressing the button behind the link in the offer
e-mail. The offer lasts `APPOINTMENT_OFFER_CLAIM_HOURS`, never beyond one hour before the visit.

A missed offer does not end the person's wait: when the held booking expires (`services.holds_expire`), the
person goes back to the end of the list, and the seat goes on to the next person waiting (never straight back to
the one who let it go). A person who leaves while holding an offer passes it on at once.
"""

import enum
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from appointments import emails, services
from appointments.errors import BookingError
from appointments.models import BookableService, Booking, Schedule, Slot, WaitingListEntry
from appointments.services.offers import offer_seat, offers_requeue
from appointments.services.retention import each_in_own_transaction
from appointments.tokens import (
    CLAIM_SALT,
    WAITING_CONFIRM_MAX_AGE,
    WAITING_CONFIRM_SALT,
    WAITING_LEAVE_SALT,
    booking_from_token,
    entry_from_token,
    entry_token,
)
from portal.services import over_hourly_limit

# The links' salts and lifetimes live in `tokens`; these names stay for the callers of this module.
CONFIRM_SALT = WAITING_CONFIRM_SALT
LEAVE_SALT = WAITING_LEAVE_SALT
CONFIRM_MAX_AGE = WAITING_CONFIRM_MAX_AGE
UNCONFIRMED_RETENTION = timedelta(days=7)
ACTIVE = (WaitingListEntry.Status.UNCONFIRMED, WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED)


class JoinOutcome(enum.Enum):
    SENT = "sent"  # a confirmation link was e-mailed, or the address was already on the list (nothing tells which)
    LIMITED = "limited"
    NOT_OFFERED = "not_offered"


def waiting_join(
    *, service: BookableService, place, name: str, email: str, language: str, client_key: str
) -> JoinOutcome:
    """Ask to join the waiting list; the same answer whether or not the address was on it already."""
    if not Schedule.objects.filter(
        service=service, place=place, is_active=True, service__is_active=True, place__is_published=True
    ).exists():
        return JoinOutcome.NOT_OFFERED
    email_key = services.normalize_email(email)
    if over_hourly_limit(
        prefix="appointment-waiting", client_key=client_key, per_hour=settings.APPOINTMENT_HOLDS_PER_HOUR
    ) or over_hourly_limit(
        prefix="appointment-waiting-email", client_key=email_key, per_hour=settings.APPOINTMENT_EMAILS_PER_HOUR
    ):
        return JoinOutcome.LIMITED

    offers_requeue(now=timezone.now(), service_id=service.pk, place_id=place.pk)
    entry = _active_entry(service, place, email_key)
    if entry is None:
        try:
            with transaction.atomic():
                entry = WaitingListEntry.objects.create(
                    service=service,
                    place=place,
                    name=name.strip(),
                    email=email.strip(),
                    email_key=email_key,
                    language=language,
                )
        except IntegrityError:  # joined at the same moment from another request
            entry = _active_entry(service, place, email_key)
            if entry is None:
                raise
    if entry.status == WaitingListEntry.Status.UNCONFIRMED:
        WaitingListEntry.objects.filter(pk=entry.pk).update(name=name.strip(), language=language)
        entry.name, entry.language = name.strip(), language
        emails.send_waiting_confirmation(
            entry, confirm_token=entry_token(entry, CONFIRM_SALT), leave_token=entry_token(entry, LEAVE_SALT)
        )
    else:
        emails.send_waiting_reminder(entry, leave_token=entry_token(entry, LEAVE_SALT))
    return JoinOutcome.SENT


def _active_entry(service, place, email_key: str) -> WaitingListEntry | None:
    return (
        WaitingListEntry.objects.select_related("service", "place")
        .filter(service=service, place=place, email_key=email_key, status__in=ACTIVE)
        .first()
    )


def waiting_confirm(*, token: str) -> WaitingListEntry | None:
    """The person clicked the link: they are on the list from now on. A second click changes nothing."""
    entry = entry_from_token(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    if entry is None or entry.status not in ACTIVE:
        return None
    WaitingListEntry.objects.filter(pk=entry.pk, status=WaitingListEntry.Status.UNCONFIRMED).update(
        status=WaitingListEntry.Status.WAITING, confirmed_at=timezone.now()
    )
    entry.refresh_from_db()
    return entry


@transaction.atomic
def waiting_leave(*, token: str) -> WaitingListEntry | None:
    """Leave the list; a time on offer to the person is passed on to the next one at once."""
    entry = entry_from_token(token, LEAVE_SALT)
    if entry is None:
        return None
    locked = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
    entry.status, entry.offer_id = locked.status, locked.offer_id
    if entry.status not in ACTIVE:
        return entry
    offer_id = entry.offer_id if entry.status == WaitingListEntry.Status.OFFERED else None
    entry.status = WaitingListEntry.Status.LEFT
    entry.save(update_fields=["status"])
    if offer_id:
        booking = Booking.objects.select_for_update().filter(pk=offer_id, status=Booking.Status.HELD).first()
        if booking is not None:
            booking.status = Booking.Status.EXPIRED
            booking.token_version += 1
            booking.save(update_fields=["status", "token_version"])
            services.seats_give_up(booking)
    return entry


def waiting_list_purge(*, now: datetime | None = None) -> int:
    """Forget the people who left or booked, and addresses never confirmed within a week; returns how many.

    Meant for the daily retention task; the waiting list keeps personal data only while someone is waiting.
    """
    now = now or timezone.now()
    offers_requeue(now=now)
    entry_ids = list(
        WaitingListEntry.objects.filter(
            Q(status__in=[WaitingListEntry.Status.LEFT, WaitingListEntry.Status.BOOKED])
            | Q(status=WaitingListEntry.Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_RETENTION)
        ).values_list("pk", flat=True)
    )
    return each_in_own_transaction(
        entry_ids, lambda entry_id: WaitingListEntry.objects.filter(pk=entry_id).delete()[0], what="waiting-list entry"
    )


def offer_from_token(token: str) -> Booking | None:
    """The offered booking behind a claim link (whatever its state), or None for a tampered or used-up link."""
    booking = booking_from_token(token, CLAIM_SALT)
    if booking is None or booking.channel != Booking.Channel.WAITING_LIST:
        return None
    return booking


def offer_claimable(booking: Booking, *, now: datetime | None = None) -> bool:
    """Whether the offered booking can still be claimed (HELD for the person, its claim time not over)."""
    return booking.status == Booking.Status.HELD and not booking.hold_over(now or timezone.now())


@transaction.atomic
def waiting_claim(*, token: str, now: datetime | None = None) -> Booking:
    """The person pressed the button in time: the offered booking is CONFIRMED (the click proves the address)."""
    now = now or timezone.now()
    offered = offer_from_token(token)
    if offered is None:
        raise BookingError("invalid_link")
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=offered.pk)
    if booking.status in Booking.UPCOMING:
        return booking  # a second click
    if booking.status != Booking.Status.HELD or booking.hold_over(now):
        raise BookingError("expired")
    services.booking_confirm_held(booking, now=now)
    WaitingListEntry.objects.filter(offer=booking).update(status=WaitingListEntry.Status.BOOKED)
    emails.send_confirmed(booking)
    return booking


def seat_offer_free(*, slot: Slot, now: datetime) -> bool:
    """Offer a seat that nobody held (a draw's leftover) to the waiting list: taken first, then transferred."""
    with transaction.atomic():
        try:
            services.seats_take([slot])
        except BookingError:
            return False
        if offer_seat(slot=slot, now=now):
            return True
        transaction.set_rollback(True)
    return False


__all__ = [
    "ACTIVE",
    "CLAIM_SALT",
    "CONFIRM_MAX_AGE",
    "CONFIRM_SALT",
    "LEAVE_SALT",
    "JoinOutcome",
    "entry_from_token",
    "entry_token",
    "offer_claimable",
    "offer_from_token",
    "offer_seat",
    "seat_offer_free",
    "waiting_claim",
    "waiting_confirm",
    "waiting_join",
    "waiting_leave",
    "waiting_list_purge",
]
