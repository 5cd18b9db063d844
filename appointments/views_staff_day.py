"""The desk's day list: a dense table of the place's bookings, refreshed in place every few seconds (htmx) so that
two desks see the same state, a search by check-in code, reference or name, a printable list, and cancelling a
visit "by the office" after a confirmation with a reason.

The search is sent by POST: a name typed at the desk never appears in an address, a browser history or a log.
"""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from appointments import selectors, services
from appointments.day_list import day_list
from appointments.forms_staff import CancelForm, SearchForm
from appointments.models import Booking
from appointments.services import BookingError, local_today
from appointments.views_staff import (
    BadDay,
    _bad_day,
    _day,
    _day_url,
    _permissions,
    _place,
    _staff_message,
    _with_actions,
    staff_required,
)

# Two desks see each other's check-ins within this many seconds; the refresh is paused while the tab is hidden or
# someone works inside the table (static/js/staff_day.js).
REFRESH_SECONDS = 10
SHOW_ALL = "all"  # `show=all`: the free times too, folded into rows; by default only the booked times


def _day_context(request, place, day: date, *, booked_only: bool) -> dict:
    now = timezone.now()
    listing = day_list(selectors.staff_day(place=place, day=day), booked_only=booked_only, now=now)
    for row in listing.rows:
        if isinstance(row, Booking):
            _with_actions(row, now=now)
    show = "" if booked_only else SHOW_ALL
    base = reverse("appointments_staff:day", args=[place.slug])
    return {
        "place": place,
        "day": day,
        "listing": listing,
        "booked_only": booked_only,
        "show": show,
        "refresh_url": f"{base}?day={day.isoformat()}" + (f"&show={show}" if show else ""),
        "refresh_seconds": REFRESH_SECONDS,
        "updated_at": now,
        **_permissions(request.user),
    }


@staff_required("appointments.view_booking")
@require_http_methods(["GET", "POST"])
def day_view(request, place_slug: str):
    """The day; htmx's refresh gets the table alone. POST searches (and shows the day below the results)."""
    place = _place(request, place_slug)
    try:
        day = _day(request)
    except BadDay as error:
        return _bad_day(request, place, error)
    booked_only = (request.POST.get("show") or request.GET.get("show")) != SHOW_ALL
    context = _day_context(request, place, day, booked_only=booked_only)
    if request.htmx and request.method == "GET":
        return render(request, "appointments/staff/_day_table.html", context)
    today = local_today()
    search = SearchForm(request.POST if request.method == "POST" else None)
    results = None
    if search.is_bound and search.is_valid():
        results = selectors.staff_search(
            place=place, query=search.cleaned_data["q"], since=min(day, today), by_name=context["show_personal"]
        )
        now = timezone.now()
        for booking in results:
            _with_actions(booking, now=now)
    context.update(
        {
            "previous_day": date.fromordinal(day.toordinal() - 1),
            "next_day": date.fromordinal(day.toordinal() + 1),
            "today": today,
            "search": search,
            "results": results,
            "to_rearrange": selectors.bookings_to_rearrange(place=place),
        }
    )
    status = 400 if search.is_bound and not search.is_valid() else 200
    return render(request, "appointments/staff/day.html", context, status=status)


@staff_required("appointments.view_booking")
@require_GET
def day_print(request, place_slug: str):
    """The day's bookings to print and take to the desk: no buttons, no free times."""
    place = _place(request, place_slug)
    try:
        day = _day(request)
    except BadDay as error:
        return _bad_day(request, place, error)
    context = _day_context(request, place, day, booked_only=True)
    context["can_change"] = False  # a printout has no buttons
    return render(request, "appointments/staff/day_print.html", context)


@staff_required("appointments.change_booking")
@require_http_methods(["GET", "POST"])
def booking_cancel(request, place_slug: str, booking_id: int):
    """Cancel by the office: a page that names the visit and asks why; the reason goes to the person's e-mail."""
    place = _place(request, place_slug)
    booking = (
        selectors.bookings_visible_to(request.user)
        .select_related("service")
        .filter(pk=booking_id, place=place.pk)
        .first()
    )
    if booking is None:
        raise Http404
    day = local_today(booking.starts_at)
    refusal = services.booking_staff_refusal(booking, "cancel")
    if refusal:
        messages.error(request, _staff_message(refusal, action="cancel", booking=booking))
        return redirect(_day_url(place, day, f"booking-{booking.pk}"))
    form = CancelForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.booking_cancel(
                booking_id=booking.pk,
                by_staff=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except BookingError as exc:
            booking.refresh_from_db()
            messages.error(request, _staff_message(exc.code, action="cancel", booking=booking))
        else:
            messages.success(
                request,
                _("Cancelled by the office: %(reference)s. The time goes to the waiting list or back to the pool.")
                % {"reference": booking.reference},
            )
        return redirect(_day_url(place, day, f"booking-{booking.pk}"))
    context = {"place": place, "booking": booking, "day": day, "form": form, **_permissions(request.user)}
    return render(request, "appointments/staff/cancel.html", context, status=400 if form.is_bound else 200)
