"""The e-mail round trip after "send": the e-mail sent again, the code typed on the page, a lost manage link.

The hold covers the round trip: "send it again" also extends it once (`APPOINTMENT_HOLD_MINUTES` more from that
moment), and at most `RESENDS` times. The six-digit code (`tokens.booking_confirmation_code`) confirms like the
link; `CODE_ATTEMPTS` wrong codes close that way (the link still works), so a million codes cannot be tried.
A lost manage link is sent again only to the booking's own address, and the page answers the same whether or not
a booking exists, so it tells nobody who has booked.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from appointments import emails
from appointments.errors import BookingError
from appointments.models import Booking
from appointments.services.records import booking_confirm_held, normalize_email
from appointments.tokens import booking_confirmation_code_matches, manage_link_expires_at
from portal.services import over_hourly_limit

RESENDS = 3
CODE_ATTEMPTS = 5
LOST_LINK_PER_HOUR_FROM_ADDRESS = 5
LOST_LINK_PER_HOUR_TO_EMAIL = 3


def _awaiting(booking_id: int | None, now: datetime) -> Booking:
    """The booking awaiting confirmation, locked; `expired` once its time ran out or if it is not awaiting."""
    booking = (
        Booking.objects.select_for_update().select_related("service", "place").filter(pk=booking_id or 0).first()
    )
    if booking is None or booking.status != Booking.Status.AWAITING_CONFIRMATION or booking.hold_over(now):
        raise BookingError("expired")
    return booking


@transaction.atomic
def booking_confirmation_resend(*, booking_id: int | None) -> Booking:
    """Send the confirmation e-mail again (at most RESENDS times); the first time, the hold is extended once."""
    now = timezone.now()
    booking = _awaiting(booking_id, now)
    if booking.confirmation_emails > RESENDS:
        raise BookingError("resend_limited")
    if over_hourly_limit(
        prefix="appointment-email", client_key=booking.email_key, per_hour=settings.APPOINTMENT_EMAILS_PER_HOUR
    ):
        raise BookingError("limited", retry_after_seconds=60 * 60)
    fields = ["confirmation_emails"]
    if not booking.hold_extended:
        extended = now + timedelta(minutes=settings.APPOINTMENT_HOLD_MINUTES)
        booking.hold_expires_at = max(booking.hold_expires_at or now, extended)
        booking.hold_extended = True
        fields += ["hold_expires_at", "hold_extended"]
    booking.confirmation_emails += 1
    booking.save(update_fields=fields)
    emails.send_confirmation_request(booking)
    return booking


def booking_confirm_by_code(*, booking_id: int | None, code: str) -> Booking:
    """Confirm with the code from the e-mail, typed on the booking page; the same as clicking the link.

    Not one transaction: a wrong code is counted (and stays counted) before the refusal is raised.
    """
    now = timezone.now()
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update().select_related("service", "place").filter(pk=booking_id or 0).first()
        )
        if booking is not None and booking.status in Booking.UPCOMING:
            return booking  # confirmed already (by the link in another tab)
        if booking is None or booking.status != Booking.Status.AWAITING_CONFIRMATION or booking.hold_over(now):
            raise BookingError("expired")
        if booking.code_attempts >= CODE_ATTEMPTS:
            raise BookingError("code_limited")
        if booking_confirmation_code_matches(booking, code):
            booking_confirm_held(booking, now=now)
            emails.send_confirmed(booking)
            return booking
        booking.code_attempts += 1
        booking.save(update_fields=["code_attempts"])
        last = booking.code_attempts >= CODE_ATTEMPTS
    raise BookingError("code_limited" if last else "code_wrong")


def manage_link_resend(*, email: str, reference: str, client_key: str, now: datetime | None = None) -> bool:
    """E-mail the manage links of the upcoming bookings made with `email` (and `reference`, if given) to that
    address. Returns False only when the asker went over the limits; whether a booking exists is never told."""
    now = now or timezone.now()
    email_key = normalize_email(email)
    if over_hourly_limit(prefix="appointment-lost-link", client_key=client_key,
                         per_hour=LOST_LINK_PER_HOUR_FROM_ADDRESS):
        return False
    if over_hourly_limit(prefix="appointment-lost-link-email", client_key=email_key,
                         per_hour=LOST_LINK_PER_HOUR_TO_EMAIL):
        return False
    bookings = Booking.objects.select_related("service", "place").filter(
        email_key=email_key,
        status__in=Booking.UPCOMING,
        personal_data_erased_at__isnull=True,
        starts_at__gte=now - timedelta(days=settings.APPOINTMENT_MANAGE_LINK_DAYS_AFTER_VISIT + 1),
    )
    reference = "".join(reference.split()).upper()
    if reference:
        bookings = bookings.filter(reference=reference)
    found = [booking for booking in bookings.order_by("starts_at")[:10] if manage_link_expires_at(booking) > now]
    if found:
        emails.send_manage_links(found, hour=now.strftime("%Y%m%d%H"))
    return True
