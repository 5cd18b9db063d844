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
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from appointments import services
from appointments.models import BookableService, Booking, Schedule, Slot, WaitingListEntry
from portal.services import over_hourly_limit

CONFIRM_SALT = "appointments.waiting-confirm"
LEAVE_SALT = "appointments.waiting-leave"
CLAIM_SALT = "appointments.waiting-claim"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 3  # the confirmation link works for three days
# An offer shorter than this is not worth sending: nobody could read the e-mail in time.
MIN_CLAIM_WINDOW = timedelta(minutes=15)
UNCONFIRMED_RETENTION = timedelta(days=7)
ACTIVE = (WaitingListEntry.Status.UNCONFIRMED, WaitingListEntry.Status.WAITING, WaitingListEntry.Status.OFFERED)


class JoinOutcome(enum.Enum):
    SENT = "sent"  # a confirmation link was e-mailed, or the address was already on the list (nothing tells which)
    LIMITED = "limited"
    NOT_OFFERED = "not_offered"


def entry_token(entry: WaitingListEntry, salt: str) -> str:
    return signing.dumps([entry.pk, entry.email_key], salt=salt, compress=True)


def entry_from_token(token: str, salt: str, max_age: int | None = None) -> WaitingListEntry | None:
    """The entry a signed link points at, or None if tampered with or expired.

    The normalized address is part of the token, so a link stays tied to the person it was sent to.
    """
    try:
        entry_id, email_key = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        WaitingListEntry.objects.select_related("service", "place")
        .filter(pk=entry_id, email_key=email_key)
        .first()
    )


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

    from appointments import emails

    _offers_requeue(now=timezone.now(), service_id=service.pk, place_id=place.pk)
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


def _offers_requeue(*, now: datetime, service_id: int | None = None, place_id: int | None = None) -> int:
    """People whose offer ran out (or was cancelled) wait again, at the end of the list."""
    entries = WaitingListEntry.objects.filter(status=WaitingListEntry.Status.OFFERED)
    if service_id is not None:
        entries = entries.filter(service=service_id, place=place_id)
    return (
        entries.filter(~Q(offer__status=Booking.Status.HELD) | Q(offer__isnull=True))
        .exclude(offer__status__in=Booking.UPCOMING)
        .update(status=WaitingListEntry.Status.WAITING, confirmed_at=now)
    )


def waiting_list_purge(*, now: datetime | None = None) -> int:
    """Forget the people who left or booked, and addresses never confirmed within a week; returns how many.

    Meant for the daily retention task; the waiting list keeps personal data only while someone is waiting.
    """
    now = now or timezone.now()
    _offers_requeue(now=now)
    deleted, _ = WaitingListEntry.objects.filter(
        Q(status__in=[WaitingListEntry.Status.LEFT, WaitingListEntry.Status.BOOKED])
        | Q(status=WaitingListEntry.Status.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_RETENTION)
    ).delete()
    return deleted


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
    _offers_requeue(now=now, service_id=slot.service_id, place_id=slot.place_id)

    service = BookableService.objects.get(pk=slot.service_id)
    candidates = (
        WaitingListEntry.objects.select_for_update(skip_locked=True)
        .filter(service=slot.service_id, place=slot.place_id, status=WaitingListEntry.Status.WAITING)
        .exclude(offer__seats__slot=slot)  # the person who has just let this very seat go
        .order_by("confirmed_at", "pk")
    )
    for entry in candidates[:20]:
        booking = _offer_booking(entry=entry, service=service, slot=slot, claim_until=claim_until)
        if booking is None:
            # They have an active booking of this service already: they no longer need the list.
            WaitingListEntry.objects.filter(pk=entry.pk).update(status=WaitingListEntry.Status.LEFT)
            continue
        entry.status = WaitingListEntry.Status.OFFERED
        entry.offer = booking
        entry.save(update_fields=["status", "offer"])
        from appointments import emails

        emails.send_waiting_offer(
            entry,
            booking,
            claim_token=services.booking_token(booking, CLAIM_SALT),
            leave_token=entry_token(entry, LEAVE_SALT),
        )
        return True
    return False


def _offer_booking(*, entry: WaitingListEntry, service, slot: Slot, claim_until: datetime) -> Booking | None:
    """A booking HELD for the person on the transferred seat; None if the person has one of this service."""
    try:
        with transaction.atomic():
            return services.booking_create(
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


def offer_from_token(token: str) -> Booking | None:
    """The offered booking behind a claim link (whatever its state), or None for a tampered or used-up link."""
    booking = services.booking_from_token(token, CLAIM_SALT)
    if booking is None or booking.channel != Booking.Channel.WAITING_LIST:
        return None
    return booking


@transaction.atomic
def waiting_claim(*, token: str, now: datetime | None = None) -> Booking:
    """The person pressed the button in time: the offered booking is CONFIRMED (the click proves the address)."""
    from appointments import emails

    now = now or timezone.now()
    offered = offer_from_token(token)
    if offered is None:
        raise services.BookingError("invalid_link")
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=offered.pk)
    if booking.status in Booking.UPCOMING:
        return booking  # a second click
    if booking.status != Booking.Status.HELD or booking.hold_expires_at is None or booking.hold_expires_at <= now:
        raise services.BookingError("expired")
    services.booking_confirm_held(booking, now=now)
    WaitingListEntry.objects.filter(offer=booking).update(status=WaitingListEntry.Status.BOOKED)
    emails.send_confirmed(booking)
    return booking


def seat_offer_free(*, slot: Slot, now: datetime) -> bool:
    """Offer a seat that nobody held (a draw's leftover) to the waiting list: taken first, then transferred."""
    with transaction.atomic():
        try:
            services.seats_take([slot.pk])
        except services.BookingError:
            return False
        if offer_seat(slot=slot, now=now):
            return True
        transaction.set_rollback(True)
    return False
