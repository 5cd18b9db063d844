"""The information points' endpoints under `/api/v1/`: a place's queue as its screens show it (scope `read`),
and a question sent to the enquiry desk for a person by a partner institution (scope `book`).

Ticket codes (A012) and desk numbers are what the waiting room's board shows to everyone; nothing else about a
ticket is given. An enquiry goes the web form's way (`services.enquiry_submit_partner`): the same hourly limit,
counted per partner; the person gets the confirmation with the reference and their private link.
"""

from datetime import datetime
from typing import Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from infopoints import selectors, services
from portal import selectors as portal_selectors
from portal.api.lists import Language, answer_language, in_language
from portal.api.problems import ApiProblem

read_router = Router(tags=["information points"])
book_router = Router(tags=["enquiries for a person"])


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


class EnquiryIn(Schema):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=10, max_length=5000)
    email: str = Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    name: str = Field("", max_length=200)
    case_number: str = Field("", max_length=40)
    language: Language = Field("pl", description="The language the person reads.")
    consent: Literal[True] = Field(description="The person agreed that the partner sends the question for them.")


class EnquiryOut(Schema):
    reference: str
    status: str


@book_router.post(
    "/enquiries/",
    response={201: EnquiryOut},
    url_name="enquiry_create",
    summary="Send a question to the enquiry desk for a person",
)
def enquiry_create(request: HttpRequest, payload: EnquiryIn) -> Status:
    result = services.enquiry_submit_partner(
        partner_id=int(request.auth.pk),  # type: ignore[attr-defined]  # the token, set by the authentication
        language=payload.language,
        question=payload.question,
        email=payload.email,
        case_number=payload.case_number,
        name=payload.name,
    )
    if result.enquiry is None:
        raise ApiProblem(
            429,
            _("This partner sent too many questions in the last hour. Please try again later."),
            headers={"Retry-After": "3600"},
        )
    return Status(201, {"reference": result.enquiry.reference, "status": result.enquiry.status})
