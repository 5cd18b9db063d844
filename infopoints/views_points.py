"""A point's day at `/<lang>/staff/points/<place>/` and every place side by side at `/<lang>/staff/points/`.

Waiting now per matter, at desks, served today, average and longest wait, who sits at which desk, and today's
appointments with their check-in state (actions stay on the appointments day page). The numbers refresh in place
with htmx every ten seconds.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from appointments import selectors as appointment_selectors
from infopoints import selectors
from infopoints.views_queue import staff_required

REFRESH_SECONDS = 10


@staff_required("infopoints.view_ticket")
@require_GET
def points(request):
    places = list(selectors.queue_places_for(request.user))
    if len(places) == 1 and not selectors.sees_every_place(request.user):
        return redirect("queue:point_day", place_slug=places[0].slug)
    summaries = selectors.points_overview(places=places)
    template = "infopoints/queue/_points.html" if request.htmx else "infopoints/queue/points.html"
    return render(request, template, {"summaries": summaries, "refresh_seconds": REFRESH_SECONDS})


def _appointments_today(place) -> list:
    times = appointment_selectors.staff_day(place=place, day=timezone.localdate())
    return [booking for time in times for booking in time.bookings]


@staff_required("infopoints.view_ticket")
@require_GET
def point_day(request, place_slug: str):
    place = selectors.queue_place_for(user=request.user, slug=place_slug)
    if place is None:
        raise Http404
    context = {
        "day": selectors.point_day(place=place),
        "appointments": _appointments_today(place),
        "refresh_seconds": REFRESH_SECONDS,
        "today": timezone.localdate(),
    }
    template = "infopoints/queue/_point_day.html" if request.htmx else "infopoints/queue/point_day.html"
    return render(request, template, context)
