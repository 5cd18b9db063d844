"""The e-mails about a booking, each in the booking's language, each through the outbox exactly once.

The dedupe keys name the booking and its link version: a moved booking (new version) gets a new confirmation,
a retried task or a second click on a link gets none. The PDF and the calendar file of a confirmation are not
stored with the e-mail: the outbox asks `documents.booking_attachments` for them when it sends.
Nothing here logs a name or an address; the outbox logs the row id only.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from appointments import documents
from appointments.models import Booking
from appointments.services import CONFIRM_SALT, LOCAL_TIME, MANAGE_SALT, booking_token
from portal.services import email_enqueue

ATTACHMENT_KIND = "booking"


def _url(booking: Booking, name: str, salt: str) -> str:
    with translation.override(booking.language):
        return settings.SITE_URL + reverse(name, kwargs={"token": booking_token(booking, salt)})


def _context(booking: Booking) -> dict:
    return {
        "booking": booking,
        "visit": documents.visit_of(booking),
        "address": documents.place_address(booking.place),
        "portal_name": settings.PORTAL_NAME,
    }


def _send(booking: Booking, *, template: str, subject: str, dedupe_key: str, context: dict, **fields) -> None:
    with timezone.override(LOCAL_TIME):
        body = render_to_string(f"appointments/email/{template}.txt", context)
    email_enqueue(
        to_address=booking.email,
        subject=subject,
        body_text=body,
        language=booking.language,
        dedupe_key=dedupe_key,
        **fields,
    )


def send_confirmation_request(booking: Booking) -> None:
    """The link that turns the held time into a booking; it works while the time is held."""
    with translation.override(booking.language):
        context = {
            **_context(booking),
            "confirm_url": _url(booking, "appointments:confirm", CONFIRM_SALT),
            "hold_minutes": settings.APPOINTMENT_HOLD_MINUTES,
        }
        _send(
            booking,
            template="confirmation_request",
            subject=gettext("Confirm your appointment %(reference)s") % {"reference": booking.reference},
            dedupe_key=f"appointment-confirm-request:{booking.pk}:{booking.token_version}",
            context=context,
        )


def send_confirmed(booking: Booking, moved: bool = False) -> None:
    """Everything needed on the day, with the PDF confirmation and the calendar file attached."""
    with translation.override(booking.language):
        context = {
            **_context(booking),
            "moved": moved,
            "what_to_bring": booking.service.what_to_bring_items(),
            "manage_url": _url(booking, "appointments:booking", MANAGE_SALT),
        }
        subject = (
            gettext("Your appointment %(reference)s has been moved")
            if moved
            else gettext("Your appointment %(reference)s is confirmed")
        ) % {"reference": booking.reference}
        _send(
            booking,
            template="confirmed",
            subject=subject,
            dedupe_key=f"appointment-confirmed:{booking.pk}:{booking.token_version}",
            context=context,
            attachments_key=f"{ATTACHMENT_KIND}:{booking.pk}",
        )


def send_cancelled(booking: Booking, by_staff: bool = False) -> None:
    with translation.override(booking.language):
        context = {
            **_context(booking),
            "by_staff": by_staff,
            # The booking pages start at /<lang>/appointments/, under the home page of the language.
            "booking_url": settings.SITE_URL + reverse("home") + "appointments/",
        }
        _send(
            booking,
            template="cancelled",
            subject=gettext("Your appointment %(reference)s is cancelled") % {"reference": booking.reference},
            dedupe_key=f"appointment-cancelled:{booking.pk}",
            context=context,
        )


def send_reminder(booking: Booking) -> None:
    """Two days before: the time, the place, what to bring, and the link to cancel if plans changed."""
    with translation.override(booking.language):
        context = {
            **_context(booking),
            "what_to_bring": booking.service.what_to_bring_items(),
            "manage_url": _url(booking, "appointments:booking", MANAGE_SALT),
            "pdf_url": _url(booking, "appointments:booking_pdf", MANAGE_SALT),
        }
        _send(
            booking,
            template="reminder",
            subject=gettext("Reminder: your appointment %(reference)s") % {"reference": booking.reference},
            dedupe_key=f"appointment-reminder:{booking.pk}:{booking.token_version}",
            context=context,
        )

