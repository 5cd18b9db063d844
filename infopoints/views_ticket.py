"""The ticket on the visitor's phone at `/<lang>/queue/<token>/`: number, position, an "about" wait, the desk.

No personal data, and the token works only on the ticket's own day. The status part is polled (htmx) and
answers 304 without a query while the place's queue is unchanged; after a change it is drawn from the place's
queue snapshot (`selectors.phone_ticket`: no query once the first phone has drawn it) without the site's context
processors, which it does not show. Without JavaScript a refresh link does it.
"""

from datetime import timedelta

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from infopoints import selectors
from infopoints.conditional import etag_for, not_modified, with_etag
from infopoints.queue_state import queue_version

POLL_SECONDS = 5


def _seconds_to_midnight() -> int:
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()))


# A ticket's place never changes, so each worker also keeps the answers it has read: an unchanged poll then costs
# one Redis read (the queue version) instead of two. Keyed by day as the cache is; bounded, emptied when full.
_places_seen: dict[tuple[str, str], int] = {}
PLACES_SEEN_AT_MOST = 20_000


def _known_place(token: str) -> int | None:
    day = timezone.localdate().isoformat()
    place_id = _places_seen.get((token, day))
    if place_id is None:
        place_id = cache.get(f"queue:token:{token}:{day}")
        if place_id is not None:
            _keep(token, day, place_id)
    return place_id


def _remember_place(token: str, place_id: int) -> None:
    day = timezone.localdate().isoformat()
    cache.set(f"queue:token:{token}:{day}", place_id, _seconds_to_midnight())
    _keep(token, day, place_id)


def _keep(token: str, day: str, place_id: int) -> None:
    if len(_places_seen) >= PLACES_SEEN_AT_MOST:
        _places_seen.clear()
    _places_seen[token, day] = place_id


def _not_found(request):
    return render(request, "infopoints/queue/ticket_not_found.html", status=404)


@require_GET
def ticket(request, token: str):
    found = selectors.ticket_for_phone(token=token)
    if found is None:
        return _not_found(request)
    _remember_place(token, found.place_id)
    phone = selectors.phone_ticket(token=token, place_id=found.place_id)
    return render(request, "infopoints/queue/ticket.html", {"ticket": found, "phone": phone,
                                                              "poll_seconds": POLL_SECONDS})


@require_GET
def ticket_status(request, token: str):
    place_id = _known_place(token)
    if place_id is None:
        place_id = selectors.ticket_place_id(token=token)
        if place_id is None:
            return render(request, "infopoints/queue/_ticket_gone.html", status=404)
        _remember_place(token, place_id)
    # The version is read before the ticket, so a change in between costs one more full answer, never a stale one.
    version = queue_version(place_id)
    etag = etag_for("ticket", token[:8], version, request.LANGUAGE_CODE, timezone.localdate())
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    phone = selectors.phone_ticket(token=token, place_id=place_id, version=version)
    if phone is None:
        return render(request, "infopoints/queue/_ticket_gone.html", status=404)
    html = render_to_string("infopoints/queue/_ticket_status.html", {"phone": phone, "poll_seconds": POLL_SECONDS})
    return with_etag(HttpResponse(html), etag)
