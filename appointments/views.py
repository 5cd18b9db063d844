"""The public booking flow (service, place, day and time, details, check, done) and managing a booking.

Each step is a plain form with post/redirect/get; htmx only swaps the calendar and the times in place. The only
thing the session keeps is the id of the held booking (`HOLD_KEY`): no personal data travels in an address.
Every refusal is a `BookingError` whose code `errors.message_for` turns into a message with a way forward.
"""

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from appointments import errors, selectors, services
from appointments.dates import parse_day
from appointments.forms import CaseCheckForm, DetailsForm, TimeForm
from appointments.forms_needs import desk_needs_initial
from appointments.models import Booking, Schedule
from appointments.picker import day_page_cached, day_page_response, picker
from cases import selectors as case_selectors
from portal.selectors import client_address

HOLD_KEY = "appointment_hold"
# The case verified for a visit a case calls for: {"service": id, "case": id, "number": as typed}, for one booking.
CASE_KEY = "appointment_case"
ERROR_STATUS = {"limited": 429, "taken": 409, "no_consecutive": 409, "expired": 410}


def url_or_none(name: str, **kwargs) -> str | None:
    """The address of a page another part of the booking work provides, or None while it does not exist yet."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _with_query(url: str | None, **params) -> str | None:
    return f"{url}?{urlencode(params)}" if url else None


def error_status(code: str) -> int:
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
    waiting_url = url_or_none("appointments:waiting_join")
    draw_url = url_or_none("appointments:draw_request")
    verified = _verified_case(request, service) if service.requires_case else None
    case_place_id = verified.get("place") if verified else None
    choices = []
    for choice in selectors.places_for_service(service=service):
        schedule, place = choice.schedule, choice.place
        allowed = verified is None or service.place_allowed_for_case(place_id=place.pk, case_place_id=case_place_id)
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
                "allowed": allowed,
                "case_place": verified is not None and place.pk == case_place_id,
            }
        )
    # The places a verified case may book come first, the place handling it before them all (a stable sort).
    choices.sort(key=lambda choice: (not choice["allowed"], not choice["case_place"]))
    context = {
        "service": service,
        "choices": choices,
        "verified": verified,
        "case_place_only": service.requires_case
        and service.case_place_rule == service.CasePlaceRule.CASE_PLACE,
        "none_allowed": verified is not None and not any(choice["allowed"] for choice in choices),
    }
    return render(request, "appointments/places.html", context)


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


def day_param(value) -> tuple[date | None, str]:
    """The chosen day, and the message if the value is not a day the calendar could show."""
    day, valid = parse_day(value)
    return day, "" if valid else errors.message_for("bad_date")


def render_picker(request, template: str, context: dict, *, status: int = 200):
    if _htmx_partial(request):
        template = "appointments/_picker.html"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _schedule_or_404(request, service_code: str, place_slug: str):
    """The service and its schedule at the place (one query), or the service alone when the place does not offer it."""
    schedule = selectors.schedule_public_get(service_code=service_code, place_slug=place_slug)
    if schedule is not None:
        return schedule.service, schedule
    service = selectors.service_get_bookable(code=service_code)
    if service is None:
        raise Http404
    return service, None


def _not_offered(request, service):
    context = {"service": service, "message": errors.message_for("not_offered")}
    return render(request, "appointments/not_offered.html", context, status=404)


def _same_hold(hold: Booking | None, *, slot_id: int, people: int) -> bool:
    """Whether the session already holds exactly this choice (a double click on "hold this time")."""
    slot_ids = selectors.hold_slot_ids(hold) if hold is not None else []
    return bool(slot_ids) and slot_ids[0] == slot_id and len(slot_ids) == people


def _verified_case(request, service) -> dict | None:
    """The case verified in this session for `service` (a visit a case calls for), or None."""
    verified = request.session.get(CASE_KEY)
    if isinstance(verified, dict) and verified.get("service") == service.pk and verified.get("case"):
        return verified
    return None


@never_cache
@require_GET
def from_case(request):
    """"Book a visit" on the case page: the case opened there is taken as verified, so nobody types its number and
    access code again, and the person goes straight to the service its status calls for, at the place handling it.

    The browser already holds the looked-up case's id (cases' own lookup, with its limits against guessing); this
    copies it into the booking's session entry. Nothing personal travels in the address.
    """
    case_id = case_selectors.case_looked_up(request)
    if case_id is None:
        messages.info(request, _("For your security the result closes after 30 minutes. Please look it up again."))
        return redirect("cases:lookup")
    due = case_selectors.case_visit_due(case_id=case_id)
    service = selectors.service_for_visit(visit=due.visit) if due else None
    if due is None or service is None:
        messages.info(request, errors.message_for("case_not_due"))
        return redirect("cases:result")
    case_place_only = service.case_place_rule == service.CasePlaceRule.CASE_PLACE
    request.session[CASE_KEY] = {
        "service": service.pk,
        "case": case_id,
        "number": due.number,
        "place": due.place_id if case_place_only else None,
    }
    schedule = selectors.schedule_get(service=service, place_slug=due.place_slug)
    if schedule is None:
        return redirect("appointments:places", service_code=service.code)
    return redirect("appointments:day_and_time", service_code=service.code, place_slug=due.place_slug)


@never_cache
@require_http_methods(["GET", "POST"])
def case_check(request, service_code: str, place_slug: str):
    """For a visit a case calls for (fingerprints): the case number and access code, before any time is held."""
    service, schedule = _schedule_or_404(request, service_code, place_slug)
    if schedule is None:
        return _not_offered(request, service)
    if not service.requires_case:
        return redirect("appointments:day_and_time", service_code=service.code, place_slug=schedule.place.slug)
    form = CaseCheckForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                case_id = services.booking_case_verify(
                    service=service,
                    case_number=form.cleaned_data["case_number"],
                    access_code=form.cleaned_data["access_code"],
                    client_key=client_address(request),
                    place_id=schedule.place_id,
                )
            except services.BookingError as exc:
                form.add_error(None, errors.message_for(exc.code))
                status = 429 if exc.code == "case_limited" else 400
            else:
                request.session.cycle_key()
                request.session[CASE_KEY] = {
                    "service": service.pk,
                    "case": case_id,
                    "number": form.cleaned_data["case_number"].strip(),
                    "place": schedule.place_id if service.case_place_rule == service.CasePlaceRule.CASE_PLACE
                    else None,
                }
                return redirect("appointments:day_and_time", service_code=service.code, place_slug=schedule.place.slug)
    context = {"service": service, "place": schedule.place, "form": form}
    return render(request, "appointments/case_check.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def day_and_time(request, service_code: str, place_slug: str):
    partial = _htmx_partial(request)
    cached = day_page_cached(request, partial=partial)
    if cached is not None:
        return cached
    service, schedule = _schedule_or_404(request, service_code, place_slug)
    if schedule is None:
        return _not_offered(request, service)
    verified = _verified_case(request, service) if service.requires_case else None
    if service.requires_case and verified is None:
        return redirect("appointments:case_check", service_code=service.code, place_slug=schedule.place.slug)
    if verified and not service.place_allowed_for_case(place_id=schedule.place_id, case_place_id=verified.get("place")):
        messages.error(request, errors.message_for("wrong_place"))
        return redirect("appointments:places", service_code=service.code)
    source = request.POST if request.method == "POST" else request.GET
    people, people_problem = _people(source.get("people"), service)
    day, day_error = day_param(source.get("day"))
    error = errors.message_for(people_problem) if people_problem else day_error
    status = 400 if error else 200
    refused = ""  # the refusal's code, day and people: the same page for everyone refused alike

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
                    case_id=verified["case"] if verified else None,
                    case_number=verified["number"] if verified else "",
                )
            except services.BookingError as exc:
                error, status = errors.message_for(exc.code), error_status(exc.code)
                refused = f"refused:{exc.code}:{day}:{people}"
            else:
                request.session.cycle_key()
                request.session[HOLD_KEY] = booking.pk
                return redirect("appointments:details")

    response = day_page_cached(request, partial=partial, variant=refused) if refused else None
    if response is None:
        response = _day_page(
            request, service, schedule, verified=verified, day=day, people=people, error=error, status=status,
            partial=partial, refused=refused,
        )
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def _day_page(request, service, schedule, *, verified, day, people, error, status, partial, refused):
    """The day page (or the htmx fragment) around the cached calendar and times."""
    context = {
        "picker": picker(schedule=schedule, day=day, people=people, now=timezone.now()),
        "day": day,
        "people": people,
        "service": service,
        "schedule": schedule,
        "place": schedule.place,
        "error": error,
        "people_choices": range(1, service.max_people + 1),
        "verified": verified,
        "action": request.path,
    }
    template = "appointments/_picker.html" if partial else "appointments/day_and_time.html"
    return day_page_response(request, template, context, status=status, partial=partial, variant=refused)


# --- Details, check, done ---------------------------------------------------------------------------------


def _hold_or_redirect(request):
    """The session's running hold with its people and times, or a redirect back to where a time can be chosen."""
    booking_id = request.session.get(HOLD_KEY)
    hold = services.hold_active(booking_id=booking_id)
    if hold is not None:
        return selectors.booking_for_page(booking_id=hold.pk), None
    lost = selectors.booking_of_session(booking_id=booking_id)
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


def calendar_url(booking: Booking) -> str:
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
    initial.update(desk_needs_initial(booking))
    form = DetailsForm(
        request.POST or None,
        initial=initial,
        family_members=len(seats) - 1,
        requires_case=booking.service.requires_case and booking.case_id is None,
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
                status = error_status(exc.code)
            else:
                return redirect("appointments:check")
        else:
            status = 400
    context = {"booking": booking, "seats": seats, "form": form, "calendar_url": calendar_url(booking)}
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
            error, status = errors.message_for(exc.code), error_status(exc.code)
        else:
            return redirect("appointments:done")
    context = {"booking": booking, "seats": list(booking.seats.all()), "error": error}
    context.update(_remaining(booking))
    return render(request, "appointments/check.html", context, status=status)
