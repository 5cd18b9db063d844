"""Public pages of the waiting list, the draws and the release calendar.

Links in e-mails carry signed tokens only. Opening a link (GET) only shows a button: mail scanners that open
links must not confirm, leave or claim on the person's behalf; the button POSTs.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from appointments import draws, releases, selectors, waiting_list
from appointments.errors import message_for
from appointments.forms_waiting import DrawRequestForm, WaitingListForm
from appointments.models import Booking, Schedule
from appointments.services import BookingError
from portal.selectors import client_address

DRAW_MESSAGES = {
    draws.RequestOutcome.CLOSED: "draw_closed",
    draws.RequestOutcome.LIMITED: "limited",
    draws.RequestOutcome.CASE_NOT_FOUND: "case_not_found",
    draws.RequestOutcome.CASE_LIMITED: "case_limited",
    draws.RequestOutcome.CASE_NOT_DUE: "case_not_due",
    draws.RequestOutcome.WRONG_PLACE: "wrong_place",
}


def _draw_message(code: str) -> str:
    if code == "draw_closed":
        return _("This draw is not accepting requests at the moment. The release calendar says when the next one does.")
    return str(message_for(code))


def _chosen_schedule(params, **filters) -> Schedule | None:
    """The schedule named by the `service` code and `place` slug parameters (GET or POST), if any."""
    return selectors.schedule_public_get(
        service_code=params.get("service", ""), place_slug=params.get("place", ""), **filters
    )


def _params(schedule: Schedule) -> str:
    return urlencode({"service": schedule.service.code, "place": schedule.place.slug})


def _choose(request, *, title: str, intro: str, url_name: str, **filters):
    """No (valid) service and place given: list them, each a link to the form."""
    rows = [
        (schedule, reverse(url_name) + "?" + _params(schedule))
        for schedule in selectors.schedules_public(**filters)
    ]
    return render(request, "appointments/waiting_choose.html", {"title": title, "intro": intro, "rows": rows})


# --- Waiting list ---------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def waiting_join(request):
    params = request.POST if request.method == "POST" else request.GET
    schedule = _chosen_schedule(params)
    if schedule is None:
        return _choose(
            request,
            title=_("Join a waiting list"),
            intro=_("Choose the visit and the place. When a time becomes free, we offer it by e-mail to the next "
                    "person on the list."),
            url_name="appointments:waiting_join",
        )
    form = WaitingListForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if form.cleaned_data["website"]:
                return redirect("appointments:waiting_sent")  # a bot: the same answer, nothing done
            outcome = waiting_list.waiting_join(
                service=schedule.service,
                place=schedule.place,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=get_language(),
                client_key=client_address(request),
            )
            if outcome == waiting_list.JoinOutcome.SENT:
                return redirect("appointments:waiting_sent")
            limited = outcome == waiting_list.JoinOutcome.LIMITED
            form.add_error(None, message_for("limited" if limited else "not_offered"))
            status = 429 if limited else 400
        else:
            status = 400
    response = render(request, "appointments/waiting_join.html", {"form": form, "schedule": schedule}, status=status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def waiting_sent(request):
    return render(request, "appointments/waiting_sent.html", {"kind": "waiting"})


@never_cache
@require_http_methods(["GET", "POST"])
def waiting_confirm(request, token: str):
    entry = waiting_list.entry_from_token(token, waiting_list.CONFIRM_SALT, max_age=waiting_list.CONFIRM_MAX_AGE)
    if entry is None or entry.status not in waiting_list.ACTIVE:
        return render(request, "appointments/waiting_invalid.html", status=404)
    done = False
    if request.method == "POST":
        entry = waiting_list.waiting_confirm(token=token)
        if entry is None:
            return render(request, "appointments/waiting_invalid.html", status=404)
        done = True
    context = {"entry": entry, "token": token, "done": done, "action": "confirm"}
    return render(request, "appointments/waiting_action.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def waiting_leave(request, token: str):
    entry = waiting_list.entry_from_token(token, waiting_list.LEAVE_SALT)
    if entry is None:
        return render(request, "appointments/waiting_invalid.html", status=404)
    done = entry.status not in waiting_list.ACTIVE
    if request.method == "POST" and not done:
        entry = waiting_list.waiting_leave(token=token)
        done = True
    context = {"entry": entry, "token": token, "done": done, "action": "leave"}
    return render(request, "appointments/waiting_action.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def waiting_claim(request, token: str):
    booking = waiting_list.offer_from_token(token)
    if booking is None:
        return render(request, "appointments/waiting_invalid.html", status=404)
    error = ""
    status = 200
    if request.method == "POST":
        try:
            waiting_list.waiting_claim(token=token)
        except BookingError as exc:
            error, status = message_for(exc.code), 409
        else:
            return redirect("appointments:waiting_claim", token=token)
        booking.refresh_from_db()
    claimable = waiting_list.offer_claimable(booking)
    context = {
        "booking": booking,
        "token": token,
        "claimable": claimable,
        "claimed": booking.status in Booking.UPCOMING,
        "error": error,
    }
    return render(request, "appointments/waiting_claim.html", context, status=status)


# --- Draws ----------------------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def draw_request(request):
    params = request.POST if request.method == "POST" else request.GET
    schedule = _chosen_schedule(params, release_policy=Schedule.ReleasePolicy.DRAW)
    if schedule is None:
        return _choose(
            request,
            title=_("Ask for a time in a draw"),
            intro=_("These visits are allotted at random among everyone who asks during the request window, one "
                    "time per person. Choose the visit and the place."),
            url_name="appointments:draw_request",
            release_policy=Schedule.ReleasePolicy.DRAW,
        )
    now = timezone.now()
    draw = draws.draw_open_for(schedule=schedule, now=now)
    is_open = draw is not None and draw.opens_at <= now
    form = DrawRequestForm(request.POST or None, requires_case=schedule.service.requires_case)
    status = 200
    if request.method == "POST":
        if draw is None or not is_open:
            form.add_error(None, _draw_message("draw_closed"))
            status = 400
        elif form.is_valid():
            if form.cleaned_data["website"]:
                return redirect("appointments:draw_sent")
            outcome = draws.draw_request_create(
                draw=draw,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=get_language(),
                client_key=client_address(request),
                case_number=form.cleaned_data.get("case_number", ""),
                access_code=form.cleaned_data.get("access_code", ""),
                now=now,
            )
            if outcome == draws.RequestOutcome.SENT:
                return redirect("appointments:draw_sent")
            form.add_error(None, _draw_message(DRAW_MESSAGES[outcome]))
            limited = outcome in (draws.RequestOutcome.LIMITED, draws.RequestOutcome.CASE_LIMITED)
            status = 429 if limited else 400
        else:
            status = 400
    context = {"form": form, "schedule": schedule, "draw": draw, "is_open": is_open}
    response = render(request, "appointments/draw_request.html", context, status=status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response


def draw_sent(request):
    return render(request, "appointments/waiting_sent.html", {"kind": "draw"})


@never_cache
@require_http_methods(["GET", "POST"])
def draw_confirm(request, token: str):
    draw_request_ = draws.request_from_token(token)
    if draw_request_ is None:
        return render(request, "appointments/waiting_invalid.html", status=404)
    if request.method == "POST":
        draw_request_ = draws.draw_request_confirm(token=token)
        if draw_request_ is None:
            raise Http404
    context = {"request_": draw_request_, "draw": draw_request_.draw, "token": token, "now": timezone.now()}
    return render(request, "appointments/draw_confirm.html", context)


# --- Release calendar -----------------------------------------------------------------------------------------


def release_calendar(request):
    rows = releases.release_calendar()
    return render(request, "appointments/releases.html", {"rows": rows})
