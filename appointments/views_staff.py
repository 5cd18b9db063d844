"""Staff pages: one-click check-in, no-shows, blocking times and booking for a phone caller or a walk-in (the day
list itself, its search, its printout and cancelling with a reason are in `views_staff_day`).

Every page and action is for signed-in staff with a second factor, and only for the places they work at
(`selectors.place_for_staff`): a place or booking elsewhere is "not found". Without JavaScript each action is a
POST form followed by a redirect back to the day; with htmx the booking's row is swapped in place.
"""

from datetime import date
from functools import wraps
from typing import cast
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import ChoiceField
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from appointments import selectors, services
from appointments.day_list import people_of
from appointments.errors import message_for
from appointments.forms_needs import desk_needs_of
from appointments.forms_staff import DayForm, StaffBookingForm, slot_choices
from appointments.models import Booking
from appointments.services import BookingError, local_today

PERSONAL_DATA_PERMISSION = "appointments.view_booking_personal_data"

STAFF_MESSAGES = {
    "not_today": gettext_lazy("A booking can be checked in only on the day of the visit."),
    "not_started": gettext_lazy("A person can be marked as not having come only once their time has started."),
    "closed": gettext_lazy(
        "This time left the schedule, so it stays blocked; its bookings are listed for rearranging."
    ),
    "cancel_reason": gettext_lazy("Choose why the visit is cancelled."),
    "cancel_note": gettext_lazy("Write the reason in the note: the person needs to know why."),
}

WRONG_STATUS = {
    "check_in": gettext_lazy("Only a confirmed booking can be checked in; this one is: %(status)s."),
    "no_show": gettext_lazy(
        "Only a confirmed booking that was not checked in can be marked as not come; this one is: %(status)s."
    ),
    "complete": gettext_lazy("Only a checked-in booking can be completed; this one is: %(status)s."),
    "cancel": gettext_lazy("Only an active booking can be cancelled; this one is: %(status)s."),
}


def staff_required(permission: str):
    """Signed-in staff, with TOTP enrolled (the middleware sends others to enrol), holding `permission`."""

    def decorator(view):
        @wraps(view)
        @never_cache
        @login_required
        def wrapper(request, *args, **kwargs):
            if not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
                return redirect("mfa_activate_totp")
            if not request.user.is_staff or not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _place(request, place_slug: str):
    place = selectors.place_for_staff(user=request.user, slug=place_slug)
    if place is None:
        raise Http404
    return place


class BadDay(Exception):
    """The `day` asked for is malformed or out of range: answered with 400 and the form's message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _day(request) -> date:
    form = DayForm({"day": request.GET.get("day") or request.POST.get("day") or ""})
    if not form.is_valid():
        raise BadDay(" ".join(str(message) for message in form.errors["day"]))
    return form.cleaned_data["day"] or local_today()


def _bad_day(request, place, error: BadDay):
    context = {"message": error.message, "today_url": reverse("appointments_staff:day", args=[place.slug])}
    return render(request, "appointments/staff/bad_request.html", context, status=400)


def _day_url(place, day: date, anchor: str = "", *, free_times: bool = False) -> str:
    query = {"day": day.isoformat(), **({"show": "all"} if free_times else {})}
    url = reverse("appointments_staff:day", args=[place.slug]) + "?" + urlencode(query)
    return url + (f"#{anchor}" if anchor else "")


def _staff_message(code: str, *, action: str = "", booking: Booking | None = None) -> str:
    if code in ("wrong_status", "not_active") and booking is not None:
        return str(WRONG_STATUS[action]) % {"status": booking.get_status_display()}
    return str(STAFF_MESSAGES.get(code) or message_for(code))


@staff_required("appointments.view_booking")
@require_http_methods(["GET"])
def staff_places(request):
    """Where the person works; with one place, straight to its day."""
    places = list(selectors.places_for_staff(request.user))
    if len(places) == 1:
        return redirect("appointments_staff:day", place_slug=places[0].slug)
    return render(request, "appointments/staff/places.html", {"places": places})


ACTION_LABELS = {
    "check_in": gettext_lazy("Check in"),
    "no_show": gettext_lazy("Did not come"),
    "complete": gettext_lazy("Visit completed"),
    "cancel": gettext_lazy("Cancel (by the office)…"),
}


def _with_actions(booking: Booking, *, now) -> Booking:
    """The buttons the booking allows now, by the same rule the services refuse the others with."""
    # An attribute for the template only (not a field of the model), hence unknown to the type checker.
    booking.staff_actions = [  # type: ignore[attr-defined]
        (action, ACTION_LABELS[action]) for action in services.booking_staff_actions(booking, now=now)
    ]
    booking.people = people_of(booking)  # type: ignore[attr-defined]
    return booking


def _permissions(user) -> dict:
    return {
        "show_personal": user.has_perm(PERSONAL_DATA_PERMISSION),
        "can_change": user.has_perm("appointments.change_booking"),
        "can_block": user.has_perm("appointments.change_slot"),
        "can_book": user.has_perm("appointments.add_booking"),
    }


BOOKING_ACTIONS = {
    "check_in": (
        lambda booking_id, user: services.booking_check_in(booking_id=booking_id, user=user),
        gettext_lazy("Checked in: %(reference)s."),
    ),
    "no_show": (
        lambda booking_id, user: services.booking_mark_no_show(booking_id=booking_id, user=user),
        gettext_lazy("Marked as not come: %(reference)s."),
    ),
    "complete": (
        lambda booking_id, user: services.booking_complete(booking_id=booking_id, user=user),
        gettext_lazy("Visit completed: %(reference)s."),
    ),
}
# Cancelling asks for a confirmation and a reason first: `views_staff_day.booking_cancel`.


@staff_required("appointments.change_booking")
@require_POST
def booking_action(request, place_slug: str, booking_id: int, action: str):
    """Check in, no-show or complete one booking; htmx gets the booking's row back, others a redirect."""
    place = _place(request, place_slug)
    if action not in BOOKING_ACTIONS:
        raise Http404
    booking = selectors.bookings_visible_to(request.user).filter(pk=booking_id, place=place.pk).first()
    if booking is None:
        raise Http404
    perform, done = BOOKING_ACTIONS[action]
    error = ""
    try:
        perform(booking.pk, request.user)
    except BookingError as exc:
        booking.refresh_from_db()
        error = _staff_message(exc.code, action=action, booking=booking)
    day = local_today(booking.starts_at)
    if request.htmx:
        shown = selectors.staff_booking(booking_id=booking.pk)
        if shown is None:
            raise Http404
        row = _with_actions(shown, now=timezone.now())
        context = {"booking": row, "place": place, "day": day, "error": error,
                   "done": "" if error else str(done) % {"reference": booking.reference}, **_permissions(request.user)}
        return render(request, "appointments/staff/_day_row.html", context, status=200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, str(done) % {"reference": booking.reference})
    return redirect(_day_url(place, day, f"booking-{booking.pk}"))


@staff_required("appointments.change_slot")
@require_POST
def slot_block(request, place_slug: str, slot_id: int):
    place = _place(request, place_slug)
    slot = selectors.slots_visible_to(request.user).filter(pk=slot_id, place=place.pk).first()
    if slot is None:
        raise Http404
    blocked = request.POST.get("blocked") == "1"
    try:
        services.slot_block(slot_id=slot.pk, user=request.user, blocked=blocked)
    except BookingError as exc:
        messages.error(request, _staff_message(exc.code))
    else:
        messages.success(
            request,
            _("The time is blocked: nobody can book it. People already booked keep their visit.")
            if blocked
            else _("The time can be booked again."),
        )
    # Back to the list with the free times shown: that is where the time's button is.
    return redirect(_day_url(place, local_today(slot.starts_at), f"slot-{slot.pk}", free_times=True))


@staff_required("appointments.add_booking")
@require_http_methods(["GET", "POST"])
def book(request, place_slug: str):
    """Book for a phone caller or a walk-in: choose the service and day (step one), then the time and the person."""
    place = _place(request, place_slug)
    services_here = list(selectors.staff_services_at(place=place))
    data = request.POST if request.method == "POST" else request.GET
    if "service" not in data:
        # Opened from the day page (perhaps with ?day=): an unbound form, no "required" errors before anything
        # was sent.
        try:
            day = _day(request)
        except BadDay as error:
            return _bad_day(request, place, error)
        choice = StaffBookingForm(initial={"day": day}, services=services_here, step=1)
        return render(request, "appointments/staff/book.html", {"place": place, "choice": choice, "form": None})
    choice = StaffBookingForm(data, services=services_here, step=1)
    if not choice.is_valid():
        context = {"place": place, "choice": choice, "form": None}
        return render(request, "appointments/staff/book.html", context, status=400)

    service = next(s for s in services_here if s.pk == choice.cleaned_data["service"])
    day = choice.cleaned_data["day"]
    times = selectors.staff_free_times(place=place, service=service, day=day)
    if request.method == "GET":
        form = StaffBookingForm(
            initial={"service": service.pk, "day": day, "language": request.LANGUAGE_CODE},
            services=services_here, times=times, step=2,
        )
    else:
        form = StaffBookingForm(request.POST, services=services_here, times=times, step=2)
        if form.is_valid():
            staff_request = services.StaffBookingRequest(
                service_id=service.pk,
                place_id=place.pk,
                slot_id=form.cleaned_data["slot"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                case_number=form.cleaned_data["case_number"],
                language=form.cleaned_data["language"],
                family_names=form.family(),
                needs=desk_needs_of(form.cleaned_data),
            )
            try:
                booking = services.staff_booking_create(request=staff_request, user=request.user)
            except BookingError as exc:
                form.add_error(None, _staff_message(exc.code))
                times = selectors.staff_free_times(place=place, service=service, day=day)
                cast(ChoiceField, form.fields["slot"]).choices = slot_choices(times)
            else:
                messages.success(
                    request,
                    _("Booked: %(reference)s, check-in code %(code)s. Tell the person both.")
                    % {"reference": booking.reference, "code": booking.checkin_code},
                )
                return redirect(_day_url(place, local_today(booking.starts_at), f"booking-{booking.pk}"))
    context = {"place": place, "choice": choice, "form": form, "service": service, "day": day, "times": times}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "appointments/staff/book.html", context, status=status)
