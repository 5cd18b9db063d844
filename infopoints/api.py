"""The information points' endpoints under `/api/v1/`: a place's queue as its screens show it (scope `read`).

Ticket codes (A012) and desk numbers are what the waiting room's board shows to everyone; nothing else about a
ticket is given.
"""

from datetime import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router, Schema

from infopoints import selectors
from portal import selectors as portal_selectors
from portal.api.lists import answer_language, in_language

read_router = Router(tags=["information points"])


class CallOut(Schema):
    ticket: str
    desk: int | None


class MatterOut(Schema):
    letter: str
    name: str
    is_open: bool
    waiting: int


class QueueOut(Schema):
    place: str
    at: datetime
    now_serving: list[CallOut]
    last_calls: list[CallOut]
    matters: list[MatterOut]


@read_router.get(
    "/places/{slug}/queue/",
    response=QueueOut,
    url_name="queue_state",
    summary="The queue of an information point now: calls and people waiting per matter",
)
def queue_state(request: HttpRequest, response: HttpResponse, slug: str) -> dict[str, Any]:
    place = portal_selectors.places_for_home().filter(slug=slug).first()
    if place is None:
        raise Http404
    now = timezone.now()
    board = selectors.display_board(place_id=place.pk, now=now)

    def build() -> dict[str, Any]:
        return {
            "place": place.slug,
            "at": now,
            "now_serving": [{"ticket": t.code, "desk": t.desk.number if t.desk else None} for t in board.now_serving],
            "last_calls": [{"ticket": t.code, "desk": t.desk.number if t.desk else None} for t in board.last_calls],
            "matters": [
                {"letter": m.letter, "name": m.name, "is_open": m.is_open, "waiting": getattr(m, "waiting", 0)}
                for m in board.matters
            ],
        }

    return in_language(answer_language(None), response, build)
