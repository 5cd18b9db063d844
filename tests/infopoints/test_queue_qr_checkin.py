"""A booking's QR code (which holds its reference) checks the person in at the kiosk like the six-digit code."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appointments.models import BookableService, Booking
from infopoints import services
from infopoints.services import QueueError
from portal.models import AuditEvent


def booking_today(place, *, reference="K7PX3MQA", status=Booking.Status.CONFIRMED) -> Booking:
    service = BookableService.objects.create(code="consultation", name_pl="Konsultacja")
    return Booking.objects.create(
        reference=reference, service=service, place=place, starts_at=timezone.now() + timedelta(minutes=5),
        status=status, checkin_code="654321", name="Olena",
    )


def test_the_scanned_reference_checks_the_booking_in_and_the_trail_says_kiosk(kiosk, matters, queue_place):
    booking = booking_today(queue_place)
    ticket = services.ticket_check_in(device=kiosk, code="k7px3mqa\n", press_key="scan-1")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN and ticket.booking_id == booking.pk
    event = AuditEvent.objects.get(action="booking.check_in_kiosk")
    assert event.actor is None and event.object_label == "K7PX3MQA"


def test_a_reference_of_a_booking_at_another_place_is_unknown(kiosk, matters, queue_place):
    from tests.factories import PlaceFactory

    booking_today(PlaceFactory())
    with pytest.raises(QueueError) as error:
        services.ticket_check_in(device=kiosk, code="K7PX3MQA", press_key="scan-2")
    assert error.value.code == "checkin_unknown"
