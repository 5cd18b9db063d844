"""The e-mails about a booking, the waiting list and the draws, each in its reader's language, through the outbox once.

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
from appointments.dates import LOCAL_TIME
from appointments.models import Booking, DrawRequest, WaitingListEntry
from appointments.tokens import CONFIRM_SALT, MANAGE_SALT, booking_confirmation_code, booking_token
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
        "has_kiosk": documents.place_has_kiosk(booking.place_id),
    }


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(f"appointments:{name}", args=args)


def _enqueue(*, to: str, language: str, subject, template: str, context: dict, dedupe_key: str, **fields) -> None:
    """Render `appointments/email/<template>.txt` in the recipient's language and Polish time, into the outbox."""
    with translation.override(language), timezone.override(LOCAL_TIME):
        body = render_to_string(f"appointments/email/{template}.txt", context)
        email_enqueue(
            to_address=to,
            subject=str(subject),
            body_text=body,
            language=language,
            dedupe_key=dedupe_key,
            **fields,
        )


def _send(booking: Booking, *, template: str, subject: str, dedupe_key: str, context: dict, **fields) -> None:
    _enqueue(
        to=booking.email,
        language=booking.language,
        subject=subject,
        template=template,
        context=context,
        dedupe_key=dedupe_key,
        **fields,
    )


def send_confirmation_request(booking: Booking) -> None:
    """The link that turns the held time into a booking; it works while the time is held."""
    with translation.override(booking.language):
        context = {
            **_context(booking),
            "confirm_url": _url(booking, "appointments:confirm", CONFIRM_SALT),
            "confirmation_code": booking_confirmation_code(booking),
            # The minutes left (rounded up): a second e-mail, sent later, says what is left of the hold then.
            "hold_minutes": max(
                -(-int(((booking.hold_expires_at or timezone.now()) - timezone.now()).total_seconds()) // 60), 1
            ),
        }
        # Each "send it again" is a new message; the first keeps the key it always had.
        again = f":again{booking.confirmation_emails}" if booking.confirmation_emails > 1 else ""
        _send(
            booking,
            template="confirmation_request",
            subject=gettext("Confirm your appointment %(reference)s") % {"reference": booking.reference},
            dedupe_key=f"appointment-confirm-request:{booking.pk}:{booking.token_version}{again}",
            context=context,
        )


def send_manage_links(bookings: list[Booking], *, hour: str) -> None:
    """"I lost my booking link": the manage links of a person's upcoming bookings, to the bookings' own address.
    At most one such message per bookings and hour (`hour`), whatever the number of requests."""
    first = bookings[0]
    with translation.override(first.language):
        links = [
            {**_context(booking), "manage_url": _url(booking, "appointments:booking", MANAGE_SALT)}
            for booking in bookings
        ]
        _send(
            first,
            template="manage_links",
            subject=gettext("Your booking links"),
            dedupe_key=f"appointment-manage-links:{','.join(str(b.pk) for b in bookings)}:{hour}",
            context={"links": links, "portal_name": settings.PORTAL_NAME},
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


# --- Waiting list and draws ---------------------------------------------------------------------------------


def _hour() -> str:
    return timezone.now().strftime("%Y%m%d%H")


def send_waiting_confirmation(entry: WaitingListEntry, *, confirm_token: str, leave_token: str) -> None:
    """The double opt-in link: nobody is on the list before the address is proven. At most one per hour."""
    with translation.override(entry.language):
        context = {
            "entry": entry,
            "confirm_url": _link("waiting_confirm", confirm_token),
            "leave_url": _link("waiting_leave", leave_token),
        }
        _enqueue(
            to=entry.email,
            language=entry.language,
            subject=gettext("Confirm your place on the waiting list"),
            template="waiting_confirm",
            context=context,
            dedupe_key=f"appointment-waiting-confirm:{entry.pk}:{_hour()}",
        )


def send_waiting_reminder(entry: WaitingListEntry, *, leave_token: str) -> None:
    """Someone asked again for an address already on the list: tell it so (and how to leave), nothing more."""
    with translation.override(entry.language):
        _enqueue(
            to=entry.email,
            language=entry.language,
            subject=gettext("You are already on the waiting list"),
            template="waiting_already",
            context={"entry": entry, "leave_url": _link("waiting_leave", leave_token)},
            dedupe_key=f"appointment-waiting-already:{entry.pk}:{_hour()}",
        )


def send_waiting_offer(entry: WaitingListEntry, booking: Booking, *, claim_token: str, leave_token: str) -> None:
    with translation.override(entry.language):
        _enqueue(
            to=entry.email,
            language=entry.language,
            subject=gettext("A time has become free for you"),
            template="waiting_offer",
            context={
                "entry": entry,
                "booking": booking,
                "starts_at": timezone.localtime(booking.starts_at, LOCAL_TIME),
                "claim_until": timezone.localtime(booking.hold_expires_at, LOCAL_TIME),
                "claim_url": _link("waiting_claim", claim_token),
                "leave_url": _link("waiting_leave", leave_token),
            },
            dedupe_key=f"appointment-waiting-offer:{booking.pk}",
        )


def send_draw_confirmation(request: DrawRequest, *, confirm_token: str) -> None:
    draw = request.draw
    with translation.override(request.language):
        _enqueue(
            to=request.email,
            language=request.language,
            subject=gettext("Confirm your request for the draw"),
            template="draw_confirm",
            context={
                "request": request,
                "draw": draw,
                "schedule": draw.schedule,
                "closes_at": timezone.localtime(draw.closes_at, LOCAL_TIME),
                "confirm_url": _link("draw_confirm", confirm_token),
            },
            dedupe_key=f"appointment-draw-confirm:{request.pk}:{_hour()}",
        )


def send_draw_not_drawn(request: DrawRequest) -> None:
    draw = request.draw
    schedule = draw.schedule
    with translation.override(request.language):
        waiting_url = (
            _link("waiting_join") + f"?service={schedule.service.code}&place={schedule.place.slug}"
        )
        _enqueue(
            to=request.email,
            language=request.language,
            subject=gettext("Result of the draw: no time this week"),
            template="draw_not_drawn",
            context={
                "request": request,
                "draw": draw,
                "schedule": schedule,
                "waiting_url": waiting_url,
                "releases_url": _link("releases"),
            },
            dedupe_key=f"appointment-draw-result:{request.pk}",
        )
