"""The waiting-room display at `/display/<place>/`: calls now, the last calls, how many wait per matter.

The board is polled every second (htmx) and answers 304 without a query while nothing changed (after a change,
the new board is drawn once and served to every screen from the cache); labels appear in
Polish and in the other site languages the place's staff speak. Without JavaScript the page reloads itself.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_GET

from infopoints import selectors
from infopoints.conditional import etag_for, not_modified, with_etag
from infopoints.queue_state import queue_version
from infopoints.views_devices import device_required

SITE_LANGUAGES = [code for code, _name in settings.LANGUAGES]
BOARD_CACHE_SECONDS = 60


def _board_context(device) -> dict:
    board = selectors.display_board(place_id=device.place_id)
    return {"device": device, "board": board}


def _languages(place) -> list[str]:
    spoken = {language.code for language in place.staff_languages.all()}
    return ["pl", *[code for code in SITE_LANGUAGES if code != "pl" and code in spoken]]


@require_GET
@device_required("display")
def display(request, device):
    from django.apps import apps

    place = apps.get_model("portal", "Place").objects.prefetch_related("staff_languages").get(pk=device.place_id)
    with translation.override("pl"):
        context = {**_board_context(device), "place": place, "languages": _languages(place),
                   "version": queue_version(device.place_id)}
        return render(request, "infopoints/display/display.html", context)


@require_GET
@device_required("display")
def board(request, device):
    languages = [code for code in request.GET.get("l", "pl").split(",") if code in SITE_LANGUAGES][:4] or ["pl"]
    etag = etag_for("board", device.place_id, queue_version(device.place_id), "+".join(languages))
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    # Every screen of the place asks for the same board after a change: it is drawn once per version.
    key = f"queue:board:{device.place_id}:{etag}"
    html = cache.get(key)
    if html is None:
        with translation.override("pl"):
            # No request: the board shows nothing of it, and the site's context processors would cost more
            # than drawing it.
            html = render_to_string("infopoints/display/_board.html",
                                    {**_board_context(device), "languages": languages})
        cache.set(key, html, BOARD_CACHE_SECONDS)
    return with_etag(HttpResponse(html), etag)
