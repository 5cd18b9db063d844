"""Input the database or a staff screen must never see: over-long values, control characters, escape sequences and
direction overrides, in every form of the app and in the services behind them (run on PostgreSQL too, where an
over-long value would be a 500)."""

import pytest
from django.utils import translation

from appointments import emails, services
from appointments.forms import CaseCheckForm, DetailsForm
from appointments.forms_staff import StaffBookingForm
from appointments.forms_waiting import DrawRequestForm, WaitingListForm
from appointments.models import Booking
from appointments.services import BookingError, Details
from portal import roles
from portal.text_validation import text_problem
from tests.appointments.conftest import CLIENT, first_bookable_slot
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LONG_EMAIL = "a" * 300 + "@example.org"  # 312 characters, for a 254-character column
LONG_CASE_NUMBER = "WSC-II-S.6151." + "1" * 46  # 60 characters, for a 40-character column
HOSTILE = {
    "an ANSI escape": "Anna\x1b[2J Kowalska",
    "a right-to-left override": "Anna \u202eakslawoK",
    "a NUL": "Anna\x00",
    "a line separator": "Anna\u2028Kowalska",
    "a directional isolate": "\u2066Anna\u2069",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    for name in ("send_confirmation_request", "send_confirmed", "send_cancelled"):
        monkeypatch.setattr(emails, name, lambda *args, **kwargs: None, raising=False)


@pytest.mark.parametrize("text", ["Олена Коваленко", "محمد علي", "Nguyễn Thị Minh", "O'Brien-Łęcka", "+48 600 100 200"])
def test_names_of_every_script_pass(text):
    assert not text_problem(text)


@pytest.mark.parametrize("what", list(HOSTILE))
def test_control_characters_escapes_and_overrides_are_problems(what):
    assert text_problem(HOSTILE[what])


def test_a_list_of_names_may_have_line_breaks_but_no_escapes():
    assert not text_problem("Anna\nJan\r\n", multiline=True)
    assert text_problem("Anna\n\x1b[31mJan", multiline=True)


def staff_form(**fields):
    data = {"service": 1, "day": "2026-12-03", "slot": 1, "name": "Anna", "language": "pl", **fields}
    return StaffBookingForm(data, services=[type("S", (), {"pk": 1, "name": "S"})()],
                            times=[type("T", (), {"pk": 1, "starts_at": None, "free": 1})()], step=2)


def details_form(**fields):
    data = {"name": "Anna", "email": "anna@example.org", **fields}
    return DetailsForm(data, family_members=1, requires_case=True)


FORMS = {
    "details": lambda **f: details_form(**{"family_1": "Jan", "case_number": "X", "access_code": "K7PX3MQAB9", **f}),
    "staff booking": lambda **f: staff_form(**f),
    "waiting list": lambda **f: WaitingListForm({"name": "Anna", "email": "anna@example.org", **f}),
    "draw request": lambda **f: DrawRequestForm(
        {"name": "Anna", "email": "anna@example.org", "case_number": "X", "access_code": "K7PX3MQAB9", **f},
        requires_case=True,
    ),
}


@pytest.fixture(autouse=True)
def no_slot_labels(monkeypatch):
    monkeypatch.setattr("appointments.forms_staff._time_label", lambda slot: "10:00")


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("what", list(HOSTILE))
def test_every_form_refuses_a_hostile_name_with_a_message(form, what):
    bound = FORMS[form](name=HOSTILE[what])
    assert not bound.is_valid()
    assert "invisible control characters" in " ".join(bound.errors["name"])


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_refuses_an_over_long_e_mail(form):
    bound = FORMS[form](email=LONG_EMAIL)
    assert not bound.is_valid() and "email" in bound.errors


@pytest.mark.parametrize("form", ["details", "staff booking", "draw request"])
def test_every_form_refuses_a_case_number_longer_than_its_column(form):
    bound = FORMS[form](case_number=LONG_CASE_NUMBER)
    assert not bound.is_valid() and "case_number" in bound.errors


def test_the_case_check_refuses_an_over_long_number_and_a_hostile_one():
    assert "case_number" in CaseCheckForm({"case_number": LONG_CASE_NUMBER, "access_code": "K7PX3MQAB9"}).errors
    assert "case_number" in CaseCheckForm({"case_number": "WSC\x1b[2J", "access_code": "K7PX3MQAB9"}).errors


def test_staff_refuse_hostile_phone_and_family_names():
    assert "phone" in staff_form(phone="+48\x1b[31m600").errors
    assert "family_names" in staff_form(family_names="Jan\n\u202eX").errors
    assert "family_names" in staff_form(family_names="J" * 201).errors


def test_the_details_service_refuses_what_the_form_would_have(consultation):
    slot = first_bookable_slot(consultation)
    booking = services.hold_create(
        service_id=consultation.service_id, place_id=consultation.place_id, slot_id=slot.pk, people=1,
        language="en", client_key=CLIENT,
    )
    for details, code in [
        (Details(name="A" * 201, email="a@example.org"), "too_long"),
        (Details(name="Anna", email=LONG_EMAIL), "too_long"),
        (Details(name="Anna", email="a@example.org", phone="1" * 41), "too_long"),
        (Details(name="Anna\x1b[2J", email="a@example.org"), "control_characters"),
    ]:
        with pytest.raises(BookingError) as error:
            services.details_set(booking_id=booking.pk, details=details, client_key=CLIENT)
        assert error.value.code == code
    assert Booking.objects.get(pk=booking.pk).name == ""


def test_the_desk_service_refuses_an_over_long_case_number_and_a_hostile_name(consultation, place):
    user = UserFactory(role=roles.INFO_POINT_STAFF)
    user.places.add(place)
    slot = first_bookable_slot(consultation)
    for fields, code in [
        ({"name": "Anna", "case_number": LONG_CASE_NUMBER}, "too_long"),
        ({"name": "Anna\u202e"}, "control_characters"),
        ({"name": "Anna", "family_names": ("J" * 201,)}, "too_long"),
    ]:
        request = services.StaffBookingRequest(
            service_id=consultation.service_id, place_id=consultation.place_id, slot_id=slot.pk, **fields
        )
        with pytest.raises(BookingError) as error:
            services.staff_booking_create(request=request, user=user)
        assert error.value.code == code
    assert not Booking.objects.exists()
