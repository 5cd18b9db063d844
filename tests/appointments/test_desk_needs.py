"""The language and the accessibility help a person needs at the desk: asked when booking (online and by the
desk), kept in the database's rules, shown in the confirmation e-mail and erased with the booking's other data."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from appointments import emails, services
from appointments.models import Booking
from appointments.services import DeskNeeds, local_today
from portal import roles
from portal.models import OutboundEmail
from tests.appointments.conftest import first_bookable_slot
from tests.appointments.test_flow import fill_details, hold
from tests.appointments.test_staff import staff_book
from tests.factories import UserFactory, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    translation.activate("en")


@pytest.fixture
def desk(place):
    user = UserFactory(role=roles.INFO_POINT_STAFF, with_totp=True)
    user.places.add(place)
    return user


def test_the_details_step_asks_for_the_language_and_the_help_needed(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    page = client.get(url_in("en", "appointments:details")).content.decode()
    for shown in ('name="desk_language"', 'name="desk_language_other"', 'name="access_needs"', 'name="access_note"',
                  "Language you need at the desk", "Wheelchair access", "An induction loop"):
        assert shown in page
    assert "This field is required" not in page


def test_the_answers_are_stored_on_the_booking(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    response = fill_details(client, desk_language="uk", access_needs=["step_free", "induction_loop"],
                            access_note="A chair while I wait")
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.desk_language, booking.needs_step_free, booking.needs_induction_loop, booking.access_note) == (
        "uk", True, True, "A chair while I wait"
    )
    # Coming back to the step shows them again.
    page = client.get(url_in("en", "appointments:details")).content.decode()
    assert 'value="uk" selected' in page and "A chair while I wait" in page


def test_nothing_asked_is_nothing_stored(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    assert fill_details(client).status_code == 302
    booking = Booking.objects.get()
    assert (booking.desk_language, booking.needs_step_free, booking.access_needs) == ("", False, [])


def test_another_language_must_be_named_and_is_kept_only_with_that_choice(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    page = fill_details(client, desk_language="other")
    assert page.status_code == 400 and "Name the language you need." in page.content.decode()
    assert fill_details(client, desk_language="other", desk_language_other="Georgian").status_code == 302
    assert Booking.objects.get().desk_language_label == "Georgian"
    fill_details(client, desk_language="ru", desk_language_other="Georgian")
    booking = Booking.objects.get()
    assert (booking.desk_language, booking.desk_language_other) == ("ru", "")


def test_an_unknown_language_or_a_note_too_long_is_refused(client, consultation):
    hold(client, consultation, first_bookable_slot(consultation))
    assert fill_details(client, desk_language="klingon").status_code == 400
    assert fill_details(client, access_note="x" * 201).status_code == 400
    assert Booking.objects.get().desk_language == ""


def test_the_database_names_another_language_only_for_another_language(consultation, desk):
    booking = staff_book(consultation, desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.filter(pk=booking.pk).update(desk_language="pl", desk_language_other="Georgian")


def test_the_desk_records_them_for_a_caller(client, consultation, desk):
    client.force_login(desk)
    slot = first_bookable_slot(consultation)
    response = client.post(
        reverse("appointments_staff:book", args=[consultation.place.slug]),
        {"service": consultation.service_id, "day": local_today(slot.starts_at).isoformat(), "slot": slot.pk,
         "name": "Olena", "language": "uk", "desk_language": "uk", "access_needs": ["induction_loop"]},
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.desk_language == "uk" and booking.needs_induction_loop and not booking.needs_step_free


def test_the_confirmation_email_repeats_them_in_the_persons_language(consultation, desk):
    booking = staff_book(consultation, desk, email="olena@example.org", language="uk",
                         needs=DeskNeeds(desk_language="uk", needs_step_free=True))
    emails.send_confirmed(booking)
    body = OutboundEmail.objects.get(dedupe_key__startswith="appointment-confirmed:").body_text
    with translation.override("uk"):
        label = translation.gettext("Language you need at the desk:")
        language = str(Booking.DeskLanguage.UKRAINIAN.label)
        wheelchair = translation.gettext("wheelchair access")
    assert label != "Language you need at the desk:" and f"{label} {language}" in body
    assert wheelchair != "wheelchair access" and wheelchair in body


def test_a_confirmation_without_needs_does_not_mention_them(consultation, desk):
    booking = staff_book(consultation, desk, email="anna@example.org", language="en")
    emails.send_confirmed(booking)
    body = OutboundEmail.objects.get(dedupe_key__startswith="appointment-confirmed:").body_text
    assert "at the desk:" not in body


def test_they_are_erased_with_the_bookings_other_personal_data(consultation, desk, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 30
    booking = staff_book(consultation, desk, needs=DeskNeeds(
        desk_language="other", desk_language_other="Georgian", needs_step_free=True, needs_induction_loop=True,
        access_note="A chair"))
    services.booking_cancel(booking_id=booking.pk, by_staff=desk, reason="other", note="Call Anna back")
    Booking.objects.filter(pk=booking.pk).update(cancelled_at=timezone.now() - timedelta(days=31))
    assert services.bookings_retention_apply() == 1
    erased = Booking.objects.get(pk=booking.pk)
    assert (erased.desk_language, erased.desk_language_other, erased.needs_step_free, erased.needs_induction_loop,
            erased.access_note, erased.cancel_note) == ("", "", False, False, "", "")
    assert erased.cancel_reason == "other"  # the reason's code stays, for statistics
