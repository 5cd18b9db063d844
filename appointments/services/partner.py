"""Booking on behalf of a person by a partner institution (the integration API's `book` scope).

The same steps and rules as the public booking: the hold (`holds.hold_create`, with its seat limits counted per
partner), the case check for visits a case calls for (`bookings.booking_case_verify`, with the case lookup's
limits), the details (`bookings.details_set`: one active booking per person and service, enforced by the
database). The partner confirms for the person, who consented, in place of the e-mailed link; the person gets
the confirmation e-mail with their own link to move or cancel. Only the partner that made a hold can confirm it.
"""

from django.db import transaction
from django.utils import timezone

from appointments import emails
from appointments.errors import BookingError
from appointments.models import BookableService, Booking, Schedule
from appointments.services.bookings import Details, booking_case_verify, details_set
from appointments.services.holds import hold_create
from appointments.services.records import booking_confirm_held


def partner_client_key(partner_id: int) -> str:
    """What a partner counts as in the hourly limits: the partner, not the address of its server."""
    return f"partner:{partner_id}"


def partner_hold_create(
    *,
    partner_id: int,
    service_code: str,
    place_slug: str,
    slot_id: int,
    people: int,
    language: str,
    case_number: str = "",
    access_code: str = "",
) -> Booking:
    schedule = (
        Schedule.objects.select_related("service")
        .filter(service__code=service_code, service__is_active=True, place__slug=place_slug, is_active=True)
        .first()
    )
    if schedule is None:
        raise BookingError("not_offered")
    service: BookableService = schedule.service
    client_key = partner_client_key(partner_id)
    case_id = None
    if service.requires_case:
        if not case_number or not access_code:
            raise BookingError("case_required")
        case_id = booking_case_verify(
            service=service, case_number=case_number, access_code=access_code, client_key=client_key
        )
    booking = hold_create(
        service_id=service.pk,
        place_id=schedule.place_id,
        slot_id=slot_id,
        people=people,
        language=language,
        client_key=client_key,
        case_id=case_id,
        case_number=case_number,
    )
    Booking.objects.filter(pk=booking.pk).update(partner_id=partner_id, channel=Booking.Channel.PARTNER)
    booking.partner_id, booking.channel = partner_id, Booking.Channel.PARTNER
    return booking


def partner_booking_get(*, partner_id: int, booking_id: int) -> Booking | None:
    """A booking this partner made (None for another's or an unknown one: the two look the same)."""
    return Booking.objects.select_related("service", "place").filter(pk=booking_id, partner_id=partner_id).first()


@transaction.atomic
def partner_booking_confirm(*, partner_id: int, booking_id: int, details: Details) -> Booking:
    """Give the person's details to the partner's hold and confirm it; the person is e-mailed the confirmation."""
    if partner_booking_get(partner_id=partner_id, booking_id=booking_id) is None:
        raise BookingError("expired")
    details_set(booking_id=booking_id, details=details, client_key=partner_client_key(partner_id))
    now = timezone.now()
    booking = Booking.objects.select_for_update().select_related("service", "place").get(pk=booking_id)
    if booking.status != Booking.Status.HELD or booking.hold_over(now):
        raise BookingError("expired")
    booking_confirm_held(booking, now=now)
    emails.send_confirmed(booking)
    return booking
