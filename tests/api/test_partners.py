"""Booking and enquiries for a person by a partner institution (scope book): the public rules, the partner
recorded, one partner's holds closed to another."""

import pytest

from appointments.models import Booking
from infopoints.models import Enquiry
from tests.api.conftest import ACCESS_CODE, assert_problem
from tests.appointments.conftest import first_bookable_slot

pytestmark = pytest.mark.django_db

PERSON = {"name": "Olena Kovalenko", "email": "olena@example.org", "consent": True}


def hold(api, token, schedule, **extra):
    slot = first_bookable_slot(schedule)
    payload = {"service": schedule.service.code, "place": schedule.place.slug, "slot_id": slot.pk, **extra}
    return api.post("/bookings/holds/", payload, token)


def test_a_partner_holds_and_confirms_a_time_for_a_person(api, make_token, consultation, mailoutbox):
    token = make_token("book", name="Welcome Centre")
    held = hold(api, token, consultation, language="uk")
    assert held.status_code == 201, held.content
    hold_id = held.json()["hold_id"]
    confirmed = api.post(f"/bookings/holds/{hold_id}/confirm/", PERSON, token)
    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["status"] == "confirmed" and confirmed.json()["checkin_code"]
    booking = Booking.objects.get()
    assert booking.partner.name == "Welcome Centre" and booking.channel == Booking.Channel.PARTNER
    assert booking.email == "olena@example.org" and booking.language == "uk"


def test_one_active_booking_per_person_and_service(api, make_token, consultation):
    token = make_token("book")
    first = hold(api, token, consultation).json()["hold_id"]
    assert api.post(f"/bookings/holds/{first}/confirm/", PERSON, token).status_code == 200
    second = hold(api, token, consultation).json()["hold_id"]
    response = api.post(f"/bookings/holds/{second}/confirm/", PERSON, token)
    assert_problem(response, 409, "email")
    assert Booking.objects.filter(status=Booking.Status.CONFIRMED).count() == 1


def test_another_partners_hold_is_not_found(api, make_token, consultation):
    hold_id = hold(api, make_token("book", name="A"), consultation).json()["hold_id"]
    response = api.post(f"/bookings/holds/{hold_id}/confirm/", PERSON, make_token("book", name="B"))
    assert_problem(response, 404)
    assert_problem(api.post("/bookings/holds/999999/confirm/", PERSON, make_token("book", name="C")), 404)


def test_consent_is_required_and_unknown_fields_are_refused(api, make_token, consultation):
    token = make_token("book")
    hold_id = hold(api, token, consultation).json()["hold_id"]
    assert_problem(api.post(f"/bookings/holds/{hold_id}/confirm/", {**PERSON, "consent": False}, token), 422, "consent")
    assert_problem(api.post(f"/bookings/holds/{hold_id}/confirm/", {**PERSON, "vip": True}, token), 422, "vip")
    assert_problem(hold(api, token, consultation, people=99), 422, "people")
    assert Booking.objects.get().status == Booking.Status.HELD


def test_a_visit_a_case_calls_for_needs_the_case_and_its_code(api, make_token, card_collection, make_case):
    token = make_token("book")
    assert_problem(hold(api, token, card_collection), 422, "case_number")
    case = make_case("filed", "card-ready")
    wrong = hold(api, token, card_collection, case_number=case.number, access_code="AAAAA-AAAAA")
    assert_problem(wrong, 422, "case_number")
    right = hold(api, token, card_collection, case_number=case.number, access_code=ACCESS_CODE)
    assert right.status_code == 201, right.content
    assert Booking.objects.get().case_id == case.pk


def test_an_unknown_service_or_place_is_404(api, make_token, consultation):
    token = make_token("book")
    slot = first_bookable_slot(consultation)
    payload = {"service": "nothing", "place": consultation.place.slug, "slot_id": slot.pk}
    assert_problem(api.post("/bookings/holds/", payload, token), 404)
    assert not Booking.objects.exists()


def test_a_partner_sends_an_enquiry_for_a_person(api, make_token, mailoutbox, django_capture_on_commit_callbacks):
    token = make_token("book", name="NGO")
    payload = {"question": "Jak długo czeka się na kartę pobytu?", "email": "olena@example.org", "consent": True}
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/enquiries/", payload, token)
    assert response.status_code == 201, response.content
    enquiry = Enquiry.objects.get()
    assert response.json()["reference"] == enquiry.reference and enquiry.partner.name == "NGO"
    assert_problem(api.post("/enquiries/", {**payload, "consent": False}, token), 422, "consent")
    assert_problem(api.post("/enquiries/", {**payload, "email": "not-an-address"}, token), 422, "email")
    assert Enquiry.objects.count() == 1
