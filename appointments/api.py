"""The appointments app's endpoints under `/api/v1/`: bookable services and free times (scope `read`).

Free times are those the public booking offers (`selectors.free_times`): released, not blocked, far enough
ahead, with a free seat; for `people` > 1 only times followed by enough free ones for the family.
"""

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from appointments import selectors
from appointments.models import Schedule
from portal.api.lists import Language, Page, answer_language, in_language, page_of

read_router = Router(tags=["appointments"])


class ServicesQuery(Schema):
    page: int = Query(1, ge=1, le=10_000)
    page_size: int = Query(20, ge=1, le=100)
    lang: Language | None = Query(None, description="pl, en, uk or ru; otherwise Accept-Language decides.")


class OfferOut(Schema):
    service: str
    name: str
    description: str
    duration_minutes: int
    max_people: int
    requires_case: bool
    place: str


class OfferPage(Page):
    results: list[OfferOut]


def _offer(schedule: Schedule) -> dict[str, Any]:
    service = schedule.service
    return {
        "service": service.code,
        "name": service.name,
        "description": service.description,
        "duration_minutes": service.duration_minutes,
        "max_people": service.max_people,
        "requires_case": service.requires_case,
        "place": schedule.place.slug,
    }


@read_router.get(
    "/appointments/offers/",
    response=OfferPage,
    url_name="appointment_offers",
    summary="Which service can be booked at which place",
)
def appointment_offers(request: HttpRequest, response: HttpResponse, query: Query[ServicesQuery]) -> dict[str, Any]:
    schedules = selectors.schedules_public()
    return in_language(
        answer_language(query.lang),
        response,
        lambda: page_of(schedules, page=query.page, page_size=query.page_size, row=_offer),
    )


class FreeTimesQuery(Schema):
    service: str = Query(..., min_length=1, max_length=60, description="The service's code (see offers).")
    day: date = Query(..., description="The day, YYYY-MM-DD (Europe/Warsaw).")
    people: int = Query(1, ge=1, le=10, description="How many people come one after another (a family).")


class TimeOut(Schema):
    slot_id: int
    starts_at: datetime
    ends_at: datetime
    free: int


class FreeTimesOut(Schema):
    place: str
    service: str
    day: date
    times: list[TimeOut]


@read_router.get(
    "/places/{slug}/free-times/",
    response=FreeTimesOut,
    url_name="free_times",
    summary="Free appointment times of a place, service and day",
)
def free_times(request: HttpRequest, slug: str, query: Query[FreeTimesQuery]) -> dict[str, Any]:
    schedule = selectors.schedule_public_get(service_code=query.service, place_slug=slug)
    if schedule is None:
        raise Http404
    times = selectors.free_times(schedule=schedule, day=query.day, people=query.people)
    return {
        "place": slug,
        "service": query.service,
        "day": query.day,
        "times": [
            {"slot_id": t.slot.pk, "starts_at": t.slot.starts_at, "ends_at": t.slot.ends_at, "free": t.free}
            for t in times
        ],
    }
