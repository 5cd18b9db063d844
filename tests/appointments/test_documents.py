"""The confirmation documents: PDF in the person's language with the Polish desk box, calendar file, QR code."""

import io
from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from appointments import documents, services
from appointments.models import Booking, Slot
from tests.appointments.helpers_docs import FAMILY, booking_confirmed_by_link, described_place  # noqa: F401
from tests.factories import make_guide

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def document_url(booking: Booking, name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"appointments:{name}", kwargs={"token": services.booking_token(booking, services.MANAGE_SALT)})


@pytest.mark.usefixtures("described_place")
def test_pdf_is_in_the_persons_language_with_the_key_facts_repeated_in_polish(consultation):
    booking = booking_confirmed_by_link(consultation, language="en", people=2)
    loaded = documents.booking_for_documents(booking_id=booking.pk)

    text = pdf_text(documents.booking_pdf(loaded))

    assert "APPOINTMENT CONFIRMATION" in text  # the kicker, in capitals
    assert booking.reference in text
    assert booking.checkin_code in text
    assert "Visit consultation" in text  # the service in English
    assert "Entrance from Kościuszki Street" in text  # how to get there, in English
    assert "Lift to the first floor." in text
    assert "Passport" in text  # what to bring
    for name in FAMILY[:2]:
        assert name in text
    desk = text[text.index("Dla pracownika / For the desk"):]
    assert "Wizyta consultation" in desk  # the service in Polish
    assert booking.reference in desk
    assert "Delegatura" in desk  # the place's Polish name


def test_pdf_times_are_polish_local_times_one_per_person(consultation):
    booking = booking_confirmed_by_link(consultation, language="uk", people=2)
    loaded = documents.booking_for_documents(booking_id=booking.pk)
    visit = documents.visit_of(loaded)

    text = pdf_text(documents.booking_pdf(loaded))

    assert [start for _name, start, _end in visit.people] == [
        timezone.localtime(seat.slot.starts_at, services.LOCAL_TIME) for seat in loaded.people
    ]
    first, second = visit.people
    assert first[2] == second[1]  # consecutive times
    assert f"{first[1]:%H:%M}–{first[2]:%H:%M}" in text
    assert f"{second[1]:%H:%M}–{second[2]:%H:%M}" in text


def test_pdf_links_the_guide_checklist_of_the_service(consultation):
    guide = make_guide()
    consultation.service.guide = guide
    consultation.service.save()
    booking = booking_confirmed_by_link(consultation)

    html = documents.booking_pdf_html(documents.booking_for_documents(booking_id=booking.pk))

    assert f"/en/guides/{guide.slug}/checklist.pdf" in html


@pytest.mark.usefixtures("described_place")
def test_calendar_file_has_one_event_from_the_first_person_to_the_end_of_the_last(consultation):
    booking = booking_confirmed_by_link(consultation, people=2)
    loaded = documents.booking_for_documents(booking_id=booking.pk)

    calendar = icalendar.Calendar.from_ical(documents.booking_ics(loaded))

    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == loaded.people[0].slot.starts_at
    assert event.decoded("dtend") == loaded.people[1].slot.ends_at
    assert str(event["summary"]).startswith("Visit consultation")
    assert "ul. Testowa 1, 60-001 Poznań" in str(event["location"])
    assert event.get("dtstamp") is not None
    assert str(event["uid"]) == str(
        icalendar.Calendar.from_ical(documents.booking_ics(loaded)).walk("VEVENT")[0]["uid"]
    )  # stable per booking


def test_calendar_event_keeps_its_uid_and_gets_a_higher_sequence_when_the_booking_moves(consultation):
    booking = booking_confirmed_by_link(consultation)
    before = icalendar.Calendar.from_ical(
        documents.booking_ics(documents.booking_for_documents(booking_id=booking.pk))
    ).walk("VEVENT")[0]
    other = (
        Slot.objects.filter(service=consultation.service, starts_at__gt=booking.starts_at + timedelta(days=1))
        .order_by("starts_at")
        .first()
    )
    services.booking_move(booking_id=booking.pk, slot_id=other.pk, client_key="198.51.100.1")

    after = icalendar.Calendar.from_ical(
        documents.booking_ics(documents.booking_for_documents(booking_id=booking.pk))
    ).walk("VEVENT")[0]
    assert after["uid"] == before["uid"]
    assert after["sequence"] > before["sequence"]
    assert after.decoded("dtstart") == other.starts_at


def test_qr_code_encodes_the_reference_only(consultation):
    booking = booking_confirmed_by_link(consultation)

    svg = documents.booking_qr_svg(booking)
    png = documents.booking_qr_png(booking)

    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert png.startswith(b"\x89PNG")
    assert b"Oksana" not in svg
    assert b"oksana@example.org" not in svg


# --- Views ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        ("booking_pdf", "application/pdf", "inline"),
        ("booking_ics", "text/calendar; charset=utf-8", "attachment"),
        ("booking_qr", "image/svg+xml", "inline"),
    ],
)
def test_documents_are_served_privately_without_names_in_the_file_name(
    client, consultation, name, content_type, disposition
):
    booking = booking_confirmed_by_link(consultation)

    response = client.get(document_url(booking, name))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith(f'{disposition}; filename="appointment-{booking.reference}')
    assert "Oksana" not in response["Content-Disposition"]


@pytest.mark.parametrize("name", ["booking_pdf", "booking_ics", "booking_qr"])
@pytest.mark.parametrize("people", [1, 3])
def test_documents_take_a_constant_number_of_queries_whatever_the_family_size(
    client, consultation, django_assert_num_queries, name, people
):
    booking = booking_confirmed_by_link(consultation, people=people)
    url = document_url(booking, name)
    # the token's booking; the booking with service, place, guide; the seats; the PDF asks if the place has a kiosk
    with django_assert_num_queries(4 if name == "booking_pdf" else 3):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["booking_pdf", "booking_ics", "booking_qr"])
def test_a_tampered_token_is_not_found(client, consultation, name):
    booking = booking_confirmed_by_link(consultation)
    url = document_url(booking, name)
    token = services.booking_token(booking, services.MANAGE_SALT)

    response = client.get(url.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB")))

    assert response.status_code == 404


def test_the_confirmation_link_token_does_not_open_the_documents(client, consultation):
    booking = booking_confirmed_by_link(consultation)
    with translation.override("en"):
        url = reverse(
            "appointments:booking_pdf", kwargs={"token": services.booking_token(booking, services.CONFIRM_SALT)}
        )
    assert client.get(url).status_code == 404


def test_a_cancelled_booking_has_no_documents_even_with_its_old_link(client, consultation):
    booking = booking_confirmed_by_link(consultation)
    url = document_url(booking, "booking_pdf")

    services.booking_cancel(booking_id=booking.pk)

    assert client.get(url).status_code == 404


def test_an_unconfirmed_booking_has_no_documents(client, consultation):
    booking = booking_confirmed_by_link(consultation)
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.AWAITING_CONFIRMATION)

    assert client.get(document_url(booking, "booking_ics")).status_code == 404


def test_documents_cannot_be_posted_to(client, consultation):
    booking = booking_confirmed_by_link(consultation)
    assert client.post(document_url(booking, "booking_qr")).status_code == 405
