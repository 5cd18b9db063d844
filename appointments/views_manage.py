"""Confirming a booking from the e-mail's link, and managing it (see, cancel, move) through its manage link.

Links carry signed tokens only (`appointments.tokens`); a manage link stops working some days after the visit
(`services.booking_from_manage_token`). Opening a link (GET) only shows a button: mail scanners that open links
must not confirm or cancel on the person's behalf.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from appointments import errors, selectors, services
from appointments.documents import place_has_kiosk
from appointments.forms import TimeForm
from appointments.models import Booking
from appointments.picker import picker
from appointments.views import calendar_url, day_param, error_status, render_picker, url_or_none
from portal.selectors import client_address

# --- Confirming and managing a booking ------------------------------------------------------------------------


def _invalid_link(request):
    return render(
        request, "appointments/invalid_link.html", {"message": errors.message_for("invalid_link")}, status=404
    )


def _manage_url(booking: Booking) -> str:
    return reverse("appointments:booking", args=[services.booking_token(booking, services.MANAGE_SALT)])


def _confirm_failed(request, booking: Booking, code: str):
    context = {"booking": booking, "message": errors.message_for(code), "calendar_url": calendar_url(booking)}
    return render(request, "appointments/confirm_failed.html", context, status=error_status(code))


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link in the e-mail. A GET only shows a button: mail scanners that open links must not confirm."""
    booking = services.booking_from_token(token, services.CONFIRM_SALT, max_age=services.CONFIRM_MAX_AGE)
    if booking is None:
        return _invalid_link(request)
    if booking.status in Booking.UPCOMING:
        return redirect(_manage_url(booking))
    if request.method == "POST":
        try:
            booking = services.booking_confirm(token=token)
        except services.BookingError as exc:
            return _confirm_failed(request, booking, exc.code)
        messages.success(request, _("Your visit is booked. We have sent the confirmation to your e-mail."))
        return redirect(_manage_url(booking))
    if booking.status != Booking.Status.AWAITING_CONFIRMATION or booking.hold_over(timezone.now()):
        ended = booking.status in (Booking.Status.CANCELLED_BY_PERSON, Booking.Status.CANCELLED_BY_STAFF)
        return _confirm_failed(request, booking, "not_active" if ended else "expired")
    return render(request, "appointments/confirm.html", {"booking": booking, "token": token})


def _booking_from_manage_token(token: str) -> Booking | None:
    found = services.booking_from_manage_token(token)
    return selectors.booking_for_page(booking_id=found.pk) if found else None


def _document_urls(token: str) -> dict:
    return {
        "pdf_url": url_or_none("appointments:booking_pdf", token=token),
        "ics_url": url_or_none("appointments:booking_ics", token=token),
        "qr_url": url_or_none("appointments:booking_qr", token=token),
    }


def _render_booking(request, booking: Booking, token: str, *, error: str = "", status: int = 200):
    context = {
        "booking": booking,
        "token": token,
        "seats": list(booking.seats.all()),
        "can_change": services.booking_can_change(booking),
        "has_kiosk": place_has_kiosk(booking.place_id),
        "error": error,
        **_document_urls(token),
    }
    return render(request, "appointments/booking.html", context, status=status)


@never_cache
@require_GET
def booking(request, token: str):
    found = _booking_from_manage_token(token)
    if found is None:
        return _invalid_link(request)
    return _render_booking(request, found, token)


@never_cache
@require_http_methods(["GET", "POST"])
def booking_cancel(request, token: str):
    found = _booking_from_manage_token(token)
    if found is None:
        return _invalid_link(request)
    if request.method == "POST":
        try:
            services.booking_cancel(booking_id=found.pk)
        except services.BookingError as exc:
            return _render_booking(request, found, token, error=errors.message_for(exc.code), status=409)
        messages.success(
            request, _("Your visit %(reference)s is cancelled. You can book a new one here.") % {
                "reference": found.reference
            }
        )
        return redirect("appointments:start")
    if not services.booking_can_change(found):
        return _render_booking(request, found, token, error=errors.message_for("not_active"), status=409)
    context = {"booking": found, "token": token, "seats": list(found.seats.all())}
    return render(request, "appointments/cancel.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def booking_move(request, token: str):
    found = _booking_from_manage_token(token)
    if found is None:
        return _invalid_link(request)
    if not services.booking_can_change(found):
        return _render_booking(request, found, token, error=errors.message_for("not_active"), status=409)
    seats = [seat for seat in found.seats.all() if not seat.released]
    schedule = selectors.schedule_get(service=found.service, place_slug=found.place.slug)
    if schedule is None:
        return _render_booking(request, found, token, error=errors.message_for("not_offered"), status=409)
    source = request.POST if request.method == "POST" else request.GET
    day, error = day_param(source.get("day"))
    status = 400 if error else 200
    if request.method == "POST":
        form = TimeForm(request.POST)
        if not form.is_valid():
            error, status = _("Choose a time."), 400
        else:
            try:
                moved = services.booking_move(
                    booking_id=found.pk, slot_id=form.cleaned_data["slot"], client_key=client_address(request)
                )
            except services.BookingError as exc:
                error, status = errors.message_for(exc.code), error_status(exc.code)
            else:
                messages.success(request, _("Your visit is moved. We have sent the new confirmation to your e-mail."))
                return redirect(_manage_url(moved))
    context = {
        "picker": picker(schedule=schedule, day=day, people=len(seats), now=timezone.now(), moving=True),
        "booking": found,
        "seats": seats,
        "token": token,
        "service": found.service,
        "place": found.place,
        "error": error,
    }
    return render_picker(request, "appointments/move.html", context, status=status)
