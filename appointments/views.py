"""The public booking flow (service, place, day and time, details, check, done) and managing a booking.

Each step is a plain form with post/redirect/get; htmx only swaps the calendar and the times in place. The only
thing the session keeps is the id of the held booking (`HOLD_KEY`): no personal data travels in an address.
Every refusal is a `BookingError` whose code `errors.message_for` turns into a message with a way forward.
"""

from datetime import date, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from appointments import errors, selectors, services
from appointments.forms import DetailsForm, TimeForm
from appointments.models import Booking, Schedule
from portal.selectors import client_address

HOLD_KEY = "appointment_hold"
ERROR_STATUS = {"limited": 429, "taken": 409, "no_consecutive": 409, "expired": 410}


def _url_or_none(name: str, **kwargs) -> str | None:
    """The address of a page another part of the booking work provides, or None while it does not exist yet."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _with_query(url: str | None, **params) -> str | None:
    return f"{url}?{urlencode(params)}" if url else None


def _error_status(code: str) -> int:
    return ERROR_STATUS.get(code, 400)


def _htmx_partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


# --- Service and place ------------------------------------------------------------------------------------


@require_GET
def start(request):
    return render(request, "appointments/start.html", {"services": list(selectors.services_bookable())})


@require_GET
def places(request, service_code: str):
    service = selectors.service_get_bookable(code=service_code)
    if service is None:
        raise Http404
    waiting_url = _url_or_none("appointments:waiting_join")
    draw_url = _url_or_none("appointments:draw_request")
    choices = []
    for choice in selectors.places_for_service(service=service):
        schedule, place = choice.schedule, choice.place
        params = {"service": service.code, "place": place.slug}
        release = None
        if choice.next_free is None and schedule.release_policy == Schedule.ReleasePolicy.SCHEDULED:
            release = selectors.next_release(schedule=schedule)  # only for places with nothing free now
        choices.append(
            {
                "place": place,
                "next_free": choice.next_free,
                "is_draw": schedule.release_policy == Schedule.ReleasePolicy.DRAW,
                "next_release": release,
                "waiting_url": _with_query(waiting_url, **params),
                "draw_url": _with_query(draw_url, **params),
            }
        )
    return render(request, "appointments/places.html", {"service": service, "choices": choices})


# --- Day and time -----------------------------------------------------------------------------------------


def _people(value, service) -> tuple[int, str]:
    """The number of people asked for, within 1..max_people, and an error code if it was out of range."""
    try:
        people = int(value or 1)
    except (TypeError, ValueError):
        return 1, ""
    if people > service.max_people:
        return service.max_people, "too_many_people"
    return max(people, 1), ""


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _picker_context(*, schedule: Schedule, day: date | None, people: int, now) -> dict:
    """The calendar of the horizon and, for a chosen day, its free times; a fixed number of queries."""
    weeks = selectors.calendar(schedule=schedule, now=now)
    days = {d.day: d for week in weeks for d in week if d is not None}
    today = services.local_today(now)
    day_problem = ""
    times = []
    if day is not None:
        if day < today:
            day_problem = errors.message_for("past")
        elif day not in days or not days[day].in_horizon:
            day_problem = errors.message_for("not_released")
        elif not days[day].bookable:
            day_problem = _("There are no free times on this day. Please pick another day.")
        else:
            times = selectors.free_times(schedule=schedule, day=day, people=people, now=now)
            if not times:
                day_problem = (
                    errors.message_for("no_consecutive")
                    if people > 1
                    else _("There are no free times on this day. Please pick another day.")
                )
    return {
        "weeks": weeks,
        "weekdays": [(WEEKDAYS[n], WEEKDAYS_ABBR[n]) for n in range(7)],
        "first_day": today,
        "last_day": today + timedelta(days=schedule.horizon_days),
        "first_free": selectors.first_free_day(weeks),
        "day": day,
        "day_problem": day_problem,
        "times": times,
        "people": people,
    }


def _render_picker(request, template: str, context: dict, *, status: int = 200):
    if _htmx_partial(request):
        template = "appointments/_picker.html"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _schedule_or_404(request, service_code: str, place_slug: str):
    service = selectors.service_get_bookable(code=service_code)
    if service is None:
        raise Http404
    schedule = selectors.schedule_get(service=service, place_slug=place_slug)
    return service, schedule


def _not_offered(request, service):
    context = {"service": service, "message": errors.message_for("not_offered")}
    return render(request, "appointments/not_offered.html", context, status=404)


def _same_hold(hold: Booking | None, *, slot_id: int, people: int) -> bool:
    """Whether the session already holds exactly this choice (a double click on "hold this time")."""
    if hold is None:
        return False
    slot_ids = list(hold.seats.filter(released=False).order_by("position").values_list("slot_id", flat=True))
    return bool(slot_ids) and slot_ids[0] == slot_id and len(slot_ids) == people


@never_cache
@require_http_methods(["GET", "POST"])
def day_and_time(request, service_code: str, place_slug: str):
    service, schedule = _schedule_or_404(request, service_code, place_slug)
    if schedule is None:
        return _not_offered(request, service)
    source = request.POST if request.method == "POST" else request.GET
    people, people_problem = _people(source.get("people"), service)
    day = _day(source.get("day"))
    error = errors.message_for(people_problem) if people_problem else ""
    status = 400 if people_problem else 200

    if request.method == "POST" and not people_problem:
        form = TimeForm(request.POST)
        if not form.is_valid():
            error, status = _("Choose a time."), 400
        else:
            slot_id = form.cleaned_data["slot"]
            hold = services.hold_active(booking_id=request.session.get(HOLD_KEY))
            if _same_hold(hold, slot_id=slot_id, people=people):
                return redirect("appointments:details")
            if request.session.get(HOLD_KEY):
                services.hold_release(booking_id=request.session[HOLD_KEY])
                request.session.pop(HOLD_KEY, None)
            try:
                booking = services.hold_create(
                    service_id=service.pk,
                    place_id=schedule.place_id,
                    slot_id=slot_id,
                    people=people,
                    language=get_language(),
                    client_key=client_address(request),
                )
            except services.BookingError as exc:
                error, status = errors.message_for(exc.code), _error_status(exc.code)
            else:
                request.session.cycle_key()
                request.session[HOLD_KEY] = booking.pk
                return redirect("appointments:details")

    context = _picker_context(schedule=schedule, day=day, people=people, now=timezone.now())
    context.update(
        {
            "service": service,
            "schedule": schedule,
            "place": schedule.place,
            "error": error,
            "people_choices": range(1, service.max_people + 1),
            "action": request.path,
        }
    )
    response = _render_picker(request, "appointments/day_and_time.html", context, status=status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response


# --- Details, check, done ---------------------------------------------------------------------------------


def _hold_or_redirect(request):
    """The session's running hold with its people and times, or a redirect back to where a time can be chosen."""
    booking_id = request.session.get(HOLD_KEY)
    hold = services.hold_active(booking_id=booking_id)
    if hold is not None:
        return selectors.booking_for_page(booking_id=hold.pk), None
    lost = Booking.objects.select_related("service", "place").filter(pk=booking_id).first() if booking_id else None
    if lost is not None and lost.status == Booking.Status.AWAITING_CONFIRMATION:
        return None, redirect("appointments:done")  # the back button after "send": the e-mail went already
    request.session.pop(HOLD_KEY, None)
    if lost is None:
        messages.info(request, errors.message_for("expired"))
        return None, redirect("appointments:start")
    messages.error(request, errors.message_for("expired"))
    return None, redirect("appointments:day_and_time", service_code=lost.service.code, place_slug=lost.place.slug)


def _remaining(booking: Booking) -> dict:
    seconds = max(int(((booking.hold_expires_at or timezone.now()) - timezone.now()).total_seconds()), 0)
    return {"remaining": f"{seconds // 60}:{seconds % 60:02d}", "remaining_seconds": seconds}


def _calendar_url(booking: Booking) -> str:
    return reverse("appointments:day_and_time", args=[booking.service.code, booking.place.slug])


@never_cache
@require_http_methods(["GET", "POST"])
def details(request):
    booking, away = _hold_or_redirect(request)
    if away:
        return away
    seats = list(booking.seats.all())
    initial = {"name": booking.name, "email": booking.email, "phone": booking.phone}
    initial.update({f"family_{n}": seat.person_name for n, seat in enumerate(seats) if n})
    form = DetailsForm(
        request.POST or None,
        initial=initial,
        family_members=len(seats) - 1,
        requires_case=booking.service.requires_case,
    )
    status = 200
    if request.method == "POST":
        if form.is_bot:
            # Treated as sent, without a word: the time goes back and nothing else is made.
            services.hold_release(booking_id=booking.pk)
            request.session.pop(HOLD_KEY, None)
            return redirect("appointments:done")
        if form.is_valid():
            try:
                services.details_set(
                    booking_id=booking.pk, details=form.details(), client_key=client_address(request)
                )
            except services.BookingError as exc:
                if exc.code == "expired":
                    return _hold_or_redirect(request)[1]
                form.add_error(None, errors.message_for(exc.code))
                status = _error_status(exc.code)
            else:
                return redirect("appointments:check")
        else:
            status = 400
    context = {"booking": booking, "seats": seats, "form": form, "calendar_url": _calendar_url(booking)}
    context.update(_remaining(booking))
    return render(request, "appointments/details.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    booking, away = _hold_or_redirect(request)  # a second click on "send" goes to the done page from here
    if away:
        return away
    if not booking.email:
        messages.info(request, errors.message_for("details_missing"))
        return redirect("appointments:details")
    error, status = "", 200
    if request.method == "POST":
        try:
            services.booking_submit(booking_id=booking.pk)
        except services.BookingError as exc:
            if exc.code == "expired":
                return _hold_or_redirect(request)[1]
            error, status = errors.message_for(exc.code), _error_status(exc.code)
        else:
            return redirect("appointments:done")
    context = {"booking": booking, "seats": list(booking.seats.all()), "error": error}
    context.update(_remaining(booking))
    return render(request, "appointments/check.html", context, status=status)


@never_cache
@require_GET
def done(request):
    booking_id = request.session.get(HOLD_KEY)
    booking = (
        Booking.objects.filter(pk=booking_id, status=Booking.Status.AWAITING_CONFIRMATION).first()
        if booking_id
        else None
    )
    minutes = settings.APPOINTMENT_HOLD_MINUTES
    if booking is not None and booking.hold_expires_at:
        minutes = max(int((booking.hold_expires_at - timezone.now()).total_seconds() // 60), 1)
    return render(request, "appointments/done.html", {"minutes": minutes})


# --- Confirming and managing a booking ------------------------------------------------------------------------


def _invalid_link(request):
    return render(
        request, "appointments/invalid_link.html", {"message": errors.message_for("invalid_link")}, status=404
    )


def _manage_url(booking: Booking) -> str:
    return reverse("appointments:booking", args=[services.booking_token(booking, services.MANAGE_SALT)])


def _confirm_failed(request, booking: Booking, code: str):
    context = {"booking": booking, "message": errors.message_for(code), "calendar_url": _calendar_url(booking)}
    return render(request, "appointments/confirm_failed.html", context, status=_error_status(code))


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link in the e-mail. A GET only shows a button: mail scanners that open links must not confirm."""
    booking = services.booking_from_token(token, services.CONFIRM_SALT, max_age=60 * 60 * 24)
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
    expires = booking.hold_expires_at
    if booking.status != Booking.Status.AWAITING_CONFIRMATION or expires is None or expires <= timezone.now():
        ended = booking.status in (Booking.Status.CANCELLED_BY_PERSON, Booking.Status.CANCELLED_BY_STAFF)
        return _confirm_failed(request, booking, "not_active" if ended else "expired")
    return render(request, "appointments/confirm.html", {"booking": booking, "token": token})


def _booking_from_manage_token(token: str) -> Booking | None:
    found = services.booking_from_token(token, services.MANAGE_SALT)
    return selectors.booking_for_page(booking_id=found.pk) if found else None


def _document_urls(token: str) -> dict:
    return {
        "pdf_url": _url_or_none("appointments:booking_pdf", token=token),
        "ics_url": _url_or_none("appointments:booking_ics", token=token),
        "qr_url": _url_or_none("appointments:booking_qr", token=token),
    }


def _can_change(booking: Booking) -> bool:
    return booking.status == Booking.Status.CONFIRMED and booking.starts_at > timezone.now()


def _render_booking(request, booking: Booking, token: str, *, error: str = "", status: int = 200):
    context = {
        "booking": booking,
        "token": token,
        "seats": list(booking.seats.all()),
        "can_change": _can_change(booking),
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
    if not _can_change(found):
        return _render_booking(request, found, token, error=errors.message_for("not_active"), status=409)
    context = {"booking": found, "token": token, "seats": list(found.seats.all())}
    return render(request, "appointments/cancel.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def booking_move(request, token: str):
    found = _booking_from_manage_token(token)
    if found is None:
        return _invalid_link(request)
    if not _can_change(found):
        return _render_booking(request, found, token, error=errors.message_for("not_active"), status=409)
    seats = [seat for seat in found.seats.all() if not seat.released]
    schedule = selectors.schedule_get(service=found.service, place_slug=found.place.slug)
    if schedule is None:
        return _render_booking(request, found, token, error=errors.message_for("not_offered"), status=409)
    source = request.POST if request.method == "POST" else request.GET
    day = _day(source.get("day"))
    error, status = "", 200
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
                error, status = errors.message_for(exc.code), _error_status(exc.code)
            else:
                messages.success(request, _("Your visit is moved. We have sent the new confirmation to your e-mail."))
                return redirect(_manage_url(moved))
    context = _picker_context(schedule=schedule, day=day, people=len(seats), now=timezone.now())
    context.update(
        {
            "booking": found,
            "seats": seats,
            "token": token,
            "service": found.service,
            "place": found.place,
            "error": error,
            "action": request.path,
            "moving": True,
        }
    )
    return _render_picker(request, "appointments/move.html", context, status=status)
