"""From the case page to a booked visit: the case checked once, the place rule, the booking shown on the case page."""

import pytest
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import escape

from appointments import services
from appointments.errors import BookingError, message_for
from appointments.models import BookableService, Booking
from tests.appointments.conftest import CLIENT, first_bookable_slot, make_schedule, make_service
from tests.cases.conftest import ACCESS_CODE, make_case, procedures, statuses  # noqa: F401 (fixtures)
from tests.factories import URGENT_BANNER_QUERIES, PlaceFactory, url_in

pytestmark = pytest.mark.django_db
NUMBER = "WSC-II-S.6151.1234.2026"


@pytest.fixture
def branch(db):
    return PlaceFactory(slug="kalisz-branch", city="Kalisz", order=1)


@pytest.fixture
def collection(place, branch):
    """Card collection at the headquarters and a branch, bookable only at the place handling the case."""
    service = make_service(
        "card-collection",
        case_visit="card-collection",
        case_place_rule=BookableService.CasePlaceRule.CASE_PLACE,
        max_people=1,
    )
    schedules = [make_schedule(place, service), make_schedule(branch, service)]
    services.slots_generate(schedule_ids=[schedule.pk for schedule in schedules])
    return schedules


def look_up(client, language="en"):
    response = client.post(url_in(language, "cases:lookup"), {"number": NUMBER, "access_code": ACCESS_CODE})
    assert response.status_code == 302
    return response


def day_of(slot):
    return timezone.localtime(slot.starts_at, services.LOCAL_TIME).date()


# --- The rule: the place handling the case only, or any place ------------------------------------------------


def test_a_case_place_only_visit_is_refused_at_another_place_and_held_at_the_cases(collection, make_case):  # noqa: F811
    at_case_place, elsewhere = collection
    case = make_case("filed", "card-ready")
    kwargs = {"service_id": at_case_place.service_id, "people": 1, "language": "en", "client_key": CLIENT,
              "case_id": case.pk}
    with pytest.raises(BookingError) as error:
        services.hold_create(place_id=elsewhere.place_id, slot_id=first_bookable_slot(elsewhere).pk, **kwargs)
    assert error.value.code == "wrong_place"
    assert not Booking.objects.exists()
    booking = services.hold_create(
        place_id=at_case_place.place_id, slot_id=first_bookable_slot(at_case_place).pk, **kwargs
    )
    assert booking.case_id == case.pk and booking.place_id == at_case_place.place_id


def test_a_visit_bookable_anywhere_is_held_at_any_place(collection, make_case):  # noqa: F811
    _at_case_place, elsewhere = collection
    BookableService.objects.update(case_place_rule=BookableService.CasePlaceRule.ANY_PLACE)
    case = make_case("filed", "card-ready")
    booking = services.hold_create(
        service_id=elsewhere.service_id, place_id=elsewhere.place_id, slot_id=first_bookable_slot(elsewhere).pk,
        people=1, language="en", client_key=CLIENT, case_id=case.pk,
    )
    assert booking.place_id == elsewhere.place_id


def test_checking_the_case_at_another_place_is_refused_with_a_translated_message(
    client, collection, make_case  # noqa: F811
):
    _at_case_place, elsewhere = collection
    make_case("filed", "card-ready")
    url = url_in("uk", "appointments:case_check", service_code="card-collection", place_slug=elsewhere.place.slug)
    response = client.post(url, {"case_number": NUMBER, "access_code": ACCESS_CODE})
    assert response.status_code == 400
    with translation.override("uk"):
        message = message_for("wrong_place")
    with translation.override("en"):
        assert message != message_for("wrong_place")  # translated, not the English source
    assert escape(message) in response.content.decode()
    assert "appointment_case" not in client.session


def test_the_draw_refuses_a_case_handled_elsewhere(place, branch, make_case):  # noqa: F811
    from appointments import draws
    from appointments.models import Schedule

    service = make_service("card-collection-draw", case_visit="card-collection",
                           case_place_rule=BookableService.CasePlaceRule.CASE_PLACE)
    schedule = make_schedule(branch, service, policy=Schedule.ReleasePolicy.DRAW)
    draws.draws_ensure()
    draw = draws.draw_open_for(schedule=schedule)
    make_case("filed", "card-ready")
    outcome = draws.draw_request_create(
        draw=draw, name="A", email="a@example.com", language="en", client_key=CLIENT, case_number=NUMBER,
        access_code=ACCESS_CODE,
    )
    assert outcome == draws.RequestOutcome.WRONG_PLACE


# --- From the case page, the case checked once --------------------------------------------------------------


def test_book_a_visit_goes_to_the_service_at_the_cases_place_without_asking_for_the_case_again(
    client, collection, make_case  # noqa: F811
):
    at_case_place, elsewhere = collection
    case = make_case("filed", "card-ready")
    look_up(client)
    page = client.get(url_in("en", "cases:result"))
    start = url_in("en", "appointments:from_case")
    assert f'href="{start}"' in page.content.decode()
    assert at_case_place.place.name in page.content.decode()

    response = client.get(start)
    calendar = url_in("en", "appointments:day_and_time", service_code="card-collection",
                      place_slug=at_case_place.place.slug)
    assert response.status_code == 302 and response["Location"] == calendar
    assert NUMBER not in response["Location"] and ACCESS_CODE not in response["Location"]
    assert client.session["appointment_case"] == {
        "service": at_case_place.service_id, "case": case.pk, "number": NUMBER, "place": at_case_place.place_id
    }
    calendar_page = client.get(calendar)
    assert calendar_page.status_code == 200  # no case check in between
    assert NUMBER in calendar_page.content.decode()
    assert "This is the place that handles your case." in calendar_page.content.decode()

    # Another place is refused from the page too, and the places list puts the case's place first.
    other = url_in("en", "appointments:day_and_time", service_code="card-collection",
                   place_slug=elsewhere.place.slug)
    refused = client.get(other)
    places = url_in("en", "appointments:places", service_code="card-collection")
    assert refused.status_code == 302 and refused["Location"] == places
    listing = client.get(places).content.decode()
    assert listing.index(at_case_place.place.name) < listing.index(elsewhere.place.name)
    assert "Not for your case" in listing and "The place that handles your case" in listing
    slot = first_bookable_slot(elsewhere)
    held = client.post(other, {"slot": slot.pk, "people": 1, "day": day_of(slot).isoformat()})
    assert held.status_code == 302 and not Booking.objects.exists()


def test_book_a_visit_without_a_case_open_sends_to_the_lookup(client, collection):
    response = client.get(url_in("en", "appointments:from_case"))
    assert response.status_code == 302 and response["Location"] == url_in("en", "cases:lookup")


def test_book_a_visit_for_a_case_whose_status_calls_for_none_goes_back_to_the_case(
    client, collection, make_case  # noqa: F811
):
    make_case("filed", "review")
    look_up(client)
    response = client.get(url_in("en", "appointments:from_case"))
    assert response.status_code == 302 and response["Location"] == url_in("en", "cases:result")
    assert "appointment_case" not in client.session


def test_the_case_page_shows_the_booked_visit_instead_of_book_a_visit(
    client, collection, make_case, django_assert_num_queries  # noqa: F811
):
    at_case_place, _elsewhere = collection
    case = make_case("filed", "card-ready")
    look_up(client)
    result = url_in("en", "cases:result")
    cache.clear()
    # the case overview (3); the visit part: the booking for the case, the service for the visit (no session: the
    # lookup is a signed cookie)
    with django_assert_num_queries(5 + URGENT_BANNER_QUERIES):
        before = client.get(result).content.decode()
    assert "Book a visit" in before

    slot = first_bookable_slot(at_case_place)
    booking = services.hold_create(
        service_id=at_case_place.service_id, place_id=at_case_place.place_id, slot_id=slot.pk, people=1,
        language="en", client_key=CLIENT, case_id=case.pk, case_number=NUMBER,
    )
    services.details_set(booking_id=booking.pk, details=services.Details("Olena", "olena@example.org"),
                         client_key=CLIENT)
    services.booking_submit(booking_id=booking.pk)
    pending = client.get(result).content.decode()
    assert "until then the time is only held" in pending and url_in("en", "appointments:from_case") not in pending

    services.booking_confirm(token=services.booking_token(booking, services.CONFIRM_SALT))
    cache.clear()  # the urgent notices are cached after the first page
    with django_assert_num_queries(4 + URGENT_BANNER_QUERIES):  # the booking found, no service needed
        page = client.get(result)
    text = page.content.decode()
    assert "Your booked visit" in text and booking.reference in text
    assert at_case_place.place.name in text
    assert url_in("en", "appointments:booking", token="x").rsplit("x/", 1)[0] in text  # the manage link
    assert 'href="' + url_in("en", "appointments:from_case") not in text


def test_the_case_page_of_a_status_calling_for_no_bookable_visit_has_no_booking_button(
    client, make_case  # noqa: F811
):
    make_case("filed", "card-ready")  # no service books the card's collection here
    look_up(client)
    text = client.get(url_in("en", "cases:result")).content.decode()
    assert "This step needs a visit" in text
    assert url_in("en", "appointments:from_case") not in text


def test_a_case_whose_place_books_no_such_visit_is_told_to_contact_that_place(
    client, collection, make_case  # noqa: F811
):
    make_case("filed", "card-ready", case_place=PlaceFactory(slug="konin-branch", city="Konin"))
    look_up(client)
    response = client.get(url_in("en", "appointments:from_case"))
    places = url_in("en", "appointments:places", service_code="card-collection")
    assert response.status_code == 302 and response["Location"] == places
    text = client.get(places).content.decode()
    assert "does not take online bookings for this visit" in text
    assert text.count("Not for your case") == 2
    assert url_in("en", "appointments:day_and_time", service_code="card-collection",
                  place_slug=collection[0].place.slug) not in text
