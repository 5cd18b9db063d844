"""The appointments app's endpoints under `/api/v1/`: offers and free times (scope `read`), and booking on behalf
of a person by a partner institution (scope `book`).

Free times are those the public booking offers (`selectors.free_times`): released, not blocked, far enough
ahead, with a free seat; for `people` > 1 only times followed by enough free ones for the family. Booking is a
hold, then a confirmation with the person's details, through `services.partner_hold_create` and
`services.partner_booking_confirm`: the public flow's rules, the partner recorded on the booking.
"""

from datetime import date, datetime
from typing import Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from appointments import selectors, services
from appointments.errors import BookingError, message_for
from appointments.models import Schedule
from portal.api.lists import Language, Page, answer_language, in_language, page_of
from portal.api.problems import ApiProblem

read_router = Router(tags=["appointments"])
book_router = Router(tags=["booking for a person"])


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


class HoldIn(Schema):
    model_config = ConfigDict(extra="forbid")

    service: str = Field(min_length=1, max_length=60, description="The service's code (see offers).")
    place: str = Field(min_length=1, max_length=80, description="The place's slug.")
    slot_id: int = Field(ge=1, le=2**31 - 1, description="A time from free-times.")
    people: int = Field(1, ge=1, le=10)
    language: Language = Field("pl", description="The language of the person's e-mails.")
    case_number: str = Field("", max_length=60, description="For a visit a case calls for (fingerprints).")
    access_code: str = Field("", max_length=40, description="For a visit a case calls for.")


class HoldOut(Schema):
    hold_id: int
    reference: str
    starts_at: datetime
    expires_at: datetime
    people: int


class ConfirmIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str = Field("", max_length=40)
    family_names: list[str] = Field([], max_length=9, description="The names of the others, one per seat.")
    consent: Literal[True] = Field(description="The person agreed that the partner books for them.")


class BookingOut(Schema):
    reference: str
    status: str
    service: str
    place: str
    starts_at: datetime
    checkin_code: str
    people: int


# Which field a refusal is about, and its status: a caller can tell "try another time" from "fix this value".
REFUSALS: dict[str, tuple[int, str]] = {
    "not_offered": (404, ""),
    "too_many_people": (422, "people"),
    "family_names": (422, "family_names"),
    "too_long": (422, "body"),
    "control_characters": (422, "body"),
    "case_required": (422, "case_number"),
    "case_not_found": (422, "case_number"),
    "case_not_due": (422, "case_number"),
    "case_not_bookable": (422, "case_number"),
    "duplicate": (409, "email"),
    "duplicate_case": (409, "case_number"),
    "limited": (429, ""),
    "case_limited": (429, ""),
}


def _refusal(error: BookingError) -> ApiProblem:
    status, field = REFUSALS.get(error.code, (409, ""))
    detail = message_for(error.code)
    headers = {"Retry-After": str(max(60, error.retry_after_seconds))} if status == 429 else {}
    errors = [{"field": field, "detail": detail, "code": error.code}] if field else []
    return ApiProblem(status, detail, errors=errors, headers=headers)


def _partner_id(request: HttpRequest) -> int:
    return int(request.auth.pk)  # type: ignore[attr-defined]  # the token, set by the API's authentication


@book_router.post(
    "/bookings/holds/",
    response={201: HoldOut},
    url_name="booking_hold",
    summary="Hold a time for a person",
    description="The time is held for APPOINTMENT_HOLD_MINUTES (10 by default); confirm it with the person's "
    "details before then. A visit a case calls for needs the case number and access code.",
)
def booking_hold(request: HttpRequest, payload: HoldIn) -> Status:
    try:
        booking = services.partner_hold_create(
            partner_id=_partner_id(request),
            service_code=payload.service,
            place_slug=payload.place,
            slot_id=payload.slot_id,
            people=payload.people,
            language=payload.language,
            case_number=payload.case_number,
            access_code=payload.access_code,
        )
    except BookingError as error:
        raise _refusal(error) from error
    return Status(
        201,
        {
            "hold_id": booking.pk,
            "reference": booking.reference,
            "starts_at": booking.starts_at,
            "expires_at": booking.hold_expires_at,
            "people": payload.people,
        },
    )


@book_router.post(
    "/bookings/holds/{hold_id}/confirm/",
    response=BookingOut,
    url_name="booking_confirm",
    summary="Confirm a hold with the person's details",
    description="One active booking per person (e-mail address) and service, as on the site. The person is "
    "e-mailed the confirmation with their own link to move or cancel.",
)
def booking_confirm(request: HttpRequest, hold_id: int, payload: ConfirmIn) -> dict[str, Any]:
    partner_id = _partner_id(request)
    booking = services.partner_booking_get(partner_id=partner_id, booking_id=hold_id)
    if booking is None:
        raise ApiProblem(404)
    details = services.Details(
        name=payload.name, email=payload.email, phone=payload.phone, family_names=tuple(payload.family_names)
    )
    try:
        booking = services.partner_booking_confirm(partner_id=partner_id, booking_id=hold_id, details=details)
    except BookingError as error:
        raise _refusal(error) from error
    return {
        "reference": booking.reference,
        "status": booking.status,
        "service": booking.service.code,
        "place": booking.place.slug,
        "starts_at": booking.starts_at,
        "checkin_code": booking.checkin_code,
        "people": booking.seats.count(),
    }
