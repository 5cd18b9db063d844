"""E-mails of the waiting list and the draws, each in the recipient's language (`appointments.emails` has the rest).

Every message goes through the outbox (`portal.services.email_enqueue`) with a dedupe key, so a service that is
retried never sends the same message twice. Links carry signed tokens only, never personal data.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from appointments.models import Booking, DrawRequest, WaitingListEntry
from appointments.services import LOCAL_TIME
from portal.services import email_enqueue


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(f"appointments:{name}", args=args)


def _send(*, to: str, language: str, subject: str, template: str, context: dict, dedupe_key: str) -> None:
    with translation.override(language):
        body = render_to_string(f"appointments/email/{template}.txt", context)
        email_enqueue(
            to_address=to,
            subject=str(subject),
            body_text=body,
            language=language,
            dedupe_key=dedupe_key,
        )


def _hour() -> str:
    return timezone.now().strftime("%Y%m%d%H")


def send_waiting_confirmation(entry: WaitingListEntry, *, confirm_token: str, leave_token: str) -> None:
    """The double opt-in link: nobody is on the list before the address is proven. At most one per hour."""
    with translation.override(entry.language):
        context = {
            "entry": entry,
            "confirm_url": _url("waiting_confirm", confirm_token),
            "leave_url": _url("waiting_leave", leave_token),
        }
        _send(
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
        _send(
            to=entry.email,
            language=entry.language,
            subject=gettext("You are already on the waiting list"),
            template="waiting_already",
            context={"entry": entry, "leave_url": _url("waiting_leave", leave_token)},
            dedupe_key=f"appointment-waiting-already:{entry.pk}:{_hour()}",
        )


def send_waiting_offer(entry: WaitingListEntry, booking: Booking, *, claim_token: str, leave_token: str) -> None:
    with translation.override(entry.language):
        _send(
            to=entry.email,
            language=entry.language,
            subject=gettext("A time has become free for you"),
            template="waiting_offer",
            context={
                "entry": entry,
                "booking": booking,
                "starts_at": timezone.localtime(booking.starts_at, LOCAL_TIME),
                "claim_until": timezone.localtime(booking.hold_expires_at, LOCAL_TIME),
                "claim_url": _url("waiting_claim", claim_token),
                "leave_url": _url("waiting_leave", leave_token),
            },
            dedupe_key=f"appointment-waiting-offer:{booking.pk}",
        )


def send_draw_confirmation(request: DrawRequest, *, confirm_token: str) -> None:
    draw = request.draw
    with translation.override(request.language):
        _send(
            to=request.email,
            language=request.language,
            subject=gettext("Confirm your request for the draw"),
            template="draw_confirm",
            context={
                "request": request,
                "draw": draw,
                "schedule": draw.schedule,
                "closes_at": timezone.localtime(draw.closes_at, LOCAL_TIME),
                "confirm_url": _url("draw_confirm", confirm_token),
            },
            dedupe_key=f"appointment-draw-confirm:{request.pk}:{_hour()}",
        )


def send_draw_not_drawn(request: DrawRequest) -> None:
    draw = request.draw
    schedule = draw.schedule
    with translation.override(request.language):
        waiting_url = (
            _url("waiting_join") + f"?service={schedule.service.code}&place={schedule.place.slug}"
        )
        _send(
            to=request.email,
            language=request.language,
            subject=gettext("Result of the draw: no time this week"),
            template="draw_not_drawn",
            context={
                "request": request,
                "draw": draw,
                "schedule": schedule,
                "waiting_url": waiting_url,
                "releases_url": _url("releases"),
            },
            dedupe_key=f"appointment-draw-result:{request.pk}",
        )
