"""After "send": the page that waits for the e-mail (send it again, or type its code), and "I lost my link".

The session keeps only the held booking's id (`views.HOLD_KEY`); the lost-link form answers the same whether or
not a booking exists (`services.manage_link_resend`).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from appointments import errors, selectors, services
from appointments.forms import ConfirmCodeForm, LostLinkForm
from appointments.models import Booking
from appointments.views import HOLD_KEY, error_status
from portal.selectors import client_address


def _manage_url(booking: Booking) -> str:
    return reverse("appointments:booking", args=[services.booking_token(booking, services.MANAGE_SALT)])


@never_cache
@require_http_methods(["GET", "POST"])
def done(request):
    """"Check your e-mail": confirm by the code in it, or have it sent again (which also extends the hold once)."""
    now = timezone.now()
    booking = selectors.booking_of_session(booking_id=request.session.get(HOLD_KEY))
    if booking is not None and booking.status in Booking.UPCOMING:
        return redirect(_manage_url(booking))  # confirmed by the link meanwhile
    awaiting = (
        booking is not None and booking.status == Booking.Status.AWAITING_CONFIRMATION and not booking.hold_over(now)
    )
    form = ConfirmCodeForm(request.POST if request.method == "POST" and "code" in request.POST else None)
    error, status = "", 200
    if request.method == "POST":
        if booking is None or not awaiting:
            messages.error(request, errors.message_for("expired"))
            return redirect("appointments:start")
        if request.POST.get("action") == "resend":
            try:
                services.booking_confirmation_resend(booking_id=booking.pk)
            except services.BookingError as exc:
                error, status = errors.message_for(exc.code), error_status(exc.code)
            else:
                messages.success(request, _("We have sent the e-mail again. Only the newest code and link count."))
                return redirect("appointments:done")
        elif form.is_valid():
            try:
                booking = services.booking_confirm_by_code(booking_id=booking.pk, code=form.cleaned_data["code"])
            except services.BookingError as exc:
                form.add_error("code", errors.message_for(exc.code))
                status = 429 if exc.code == "code_limited" else error_status(exc.code)
            else:
                request.session.pop(HOLD_KEY, None)
                messages.success(request, _("Your visit is booked. We have sent the confirmation to your e-mail."))
                return redirect(_manage_url(booking))
        else:
            status = 400
        booking = selectors.booking_of_session(booking_id=booking.pk)
    context = {"form": form, "error": error, "booking": booking if awaiting else None}
    if booking is not None and awaiting:
        seconds = max(int(((booking.hold_expires_at or now) - now).total_seconds()), 0)
        context.update(
            {
                "minutes": max(seconds // 60, 1),
                "resends_left": max(services.RESENDS + 1 - booking.confirmation_emails, 0),
                "can_extend": not booking.hold_extended,
            }
        )
    else:
        context["minutes"] = 0
        ran_out = (Booking.Status.AWAITING_CONFIRMATION, Booking.Status.EXPIRED)
        if booking is not None and booking.status in ran_out and not error:
            context["error"] = errors.message_for("expired")  # the hold ran out before the e-mail was confirmed
    return render(request, "appointments/done.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def lost_link(request):
    """Send the manage link again, to the address the booking was made with; the same answer in every case."""
    form = LostLinkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            sent = services.manage_link_resend(
                email=form.cleaned_data["email"],
                reference=form.cleaned_data["reference"],
                client_key=client_address(request),
            )
            if sent:
                messages.success(
                    request,
                    _(
                        "If there is an upcoming booking made with this address, we have sent the link to it to that "
                        "address. It may take a few minutes; look in the spam folder too."
                    ),
                )
                return redirect("appointments:lost_link")
            form.add_error(None, errors.message_for("limited"))
            status = 429
    response = render(request, "appointments/lost_link.html", {"form": form}, status=status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response
