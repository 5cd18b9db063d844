"""The calendar and the day's free times (the "picker" of the day page and of the move page), rendered once and
served from the cache to every visitor until the seats change; and the whole day page, for anonymous visitors.

The piece holds nothing of the visitor's: the CSRF token of its times form is put in by `_picker.html` around it
(an input tied to the form by its `form` attribute), and the form posts to the page's own address. Its key
carries the language, the schedule, the day, the number of people and the version of the schedule's free seats
(`appointments.availability`), which every seat change moves on commit; what changes with time alone ends the
piece by its own deadline (`selectors.picker_valid_until`), checked against `now` on every read.

The whole page (or its htmx fragment) is cached too for a GET without a session or a pending message, like the
public pages (`portal.page_cache`): keyed by the address and the content version (which a save of a place, a
service or a schedule moves), and served only while the seats version it was built from is still the current one
and its deadline has not come. It is stored with a placeholder where the CSRF token goes, and every visitor gets
their own token put in; the rush's refusals and everyone with a session get the cached piece inside a page
rendered for them.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from appointments import errors, selectors
from appointments.availability import seats_version
from appointments.dates import local_today
from appointments.models import Schedule
from portal.page_cache import CSRF_PLACEHOLDER, with_visitor_csrf_token
from portal.text import content_version

PAGE_PARAMETERS = {"day", "people"}


@dataclass(frozen=True)
class Picker:
    html: SafeString
    has_times: bool  # whether the piece has the times form, which needs the CSRF token
    service_id: int
    place_id: int
    version: str  # of the seats, read before the data: a change meanwhile only makes the piece look older
    until: datetime


def _context(*, schedule: Schedule, day: date | None, people: int, now: datetime) -> dict:
    """The calendar of the horizon and, for a chosen day, its free times: two queries."""
    weeks = selectors.calendar(schedule=schedule, now=now)
    today = local_today(now)
    day_problem = ""
    times = []
    if day is not None:
        chosen = selectors.day_times(schedule=schedule, weeks=weeks, day=day, people=people, now=now)
        times, day_problem = chosen.times, errors.message_for(chosen.problem) if chosen.problem else ""
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


def picker(*, schedule: Schedule, day: date | None, people: int, now: datetime, moving: bool = False) -> Picker:
    """The piece for `day` (None: the calendar only), from the cache when its version and deadline allow."""
    version = seats_version(service_id=schedule.service_id, place_id=schedule.place_id)
    key = (
        f"appointments:picker:{get_language()}:{schedule.service_id}:{schedule.place_id}:{schedule.horizon_days}:"
        f"{day or '-'}:{people}:{int(moving)}:{version}"
    )
    ids = (schedule.service_id, schedule.place_id)
    cached = cache.get(key)
    if cached is not None and now < cached[2]:
        # Our own rendering, stored by the code below.
        return Picker(mark_safe(cached[0]), cached[1], *ids, version, cached[2])  # noqa: S308
    context = _context(schedule=schedule, day=day, people=people, now=now)
    html = render_to_string("appointments/_calendar_and_times.html", {**context, "moving": moving})
    until = selectors.picker_valid_until(schedule=schedule, now=now)
    cache.set(key, (str(html), bool(context["times"]), until), _seconds_until(until, now))
    return Picker(mark_safe(html), bool(context["times"]), *ids, version, until)  # noqa: S308 - rendered here


def _seconds_until(until: datetime, now: datetime) -> int:
    return max(math.ceil((until - now).total_seconds()), 1)


def _shared_request(request: HttpRequest, variant: str) -> bool:
    """A GET (or a refused POST, told apart by `variant`) any anonymous visitor could make: no session, no pending
    message, only the page's own parameters in the address."""
    return (
        (request.method == "GET" or bool(variant))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and set(request.GET) <= PAGE_PARAMETERS
    )


def _page_key(request: HttpRequest, *, partial: bool, variant: str) -> str:
    # The full address: the language switcher of the page keeps its query.
    return (
        f"appointments:day-page:{get_language()}:{int(partial)}:{content_version()}:{request.get_full_path()}:"
        f"{variant}"
    )


def _with_token(request: HttpRequest, html: str, *, status: int) -> HttpResponse:
    response = HttpResponse(with_visitor_csrf_token(request, html), status=status)
    patch_vary_headers(response, ["HX-Request", "Cookie"])  # as the rendered page, which reads the session
    return response


def day_page_cached(request: HttpRequest, *, partial: bool, variant: str = "") -> HttpResponse | None:
    """The day page (or its fragment) from the cache, with the visitor's CSRF token; None when it must be built.

    `variant` names a refusal of a POST (its code, day and people): the booking rush's refused attempts all get the
    same page with the day's remaining times.
    """
    if not _shared_request(request, variant):
        return None
    cached = cache.get(_page_key(request, partial=partial, variant=variant))
    if cached is None:
        return None
    html, status, service_id, place_id, version, until = cached
    if timezone.now() >= until or seats_version(service_id=service_id, place_id=place_id) != version:
        return None
    return _with_token(request, html, status=status)


def day_page_response(
    request: HttpRequest, template: str, context: dict, *, status: int, partial: bool, variant: str = ""
) -> HttpResponse:
    """Render the day page for this visitor, and keep it for the next ones when nothing in it is theirs."""
    if not (status == 200 or variant) or not _shared_request(request, variant):
        response = HttpResponse(render_to_string(template, context, request=request), status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response
    piece: Picker = context["picker"]
    html = render_to_string(template, {**context, "csrf_token": CSRF_PLACEHOLDER}, request=request)
    entry = (html, status, piece.service_id, piece.place_id, piece.version, piece.until)
    cache.set(_page_key(request, partial=partial, variant=variant), entry, _seconds_until(piece.until, timezone.now()))
    return _with_token(request, html, status=status)
